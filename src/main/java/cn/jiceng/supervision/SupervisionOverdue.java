package cn.jiceng.supervision;

import java.time.LocalDate;

import cn.jiceng.common.OverdueItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The command center's overdue counts of this module, by the same rules as its own lists. */
final class SupervisionOverdue {

	private SupervisionOverdue() {
	}

	/** Problems still open past their deadline ({@link ProblemPolicy#sqlOverdue}). */
	@Component
	static class Problems implements OverdueItems {

		private final JdbcClient jdbc;

		Problems(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return PROBLEMS;
		}

		@Override
		public long overdueIn(String organizationPath, LocalDate today) {
			return jdbc.sql("SELECT count(*) FROM problem p JOIN organization o ON o.id = p.organization_id"
					+ " WHERE o.path LIKE :prefix AND " + ProblemPolicy.sqlOverdue("p"))
				.param("prefix", organizationPath + "%")
				.param("today", today)
				.query(Long.class)
				.single();
		}
	}

	/** Three-list items not done past their due date ({@link DutyProgressPolicy#overdue}), of any year. */
	@Component
	static class DutyItems implements OverdueItems {

		private final JdbcClient jdbc;

		DutyItems(JdbcClient jdbc) {
			this.jdbc = jdbc;
		}

		@Override
		public String kind() {
			return DUTY_ITEMS;
		}

		@Override
		public long overdueIn(String organizationPath, LocalDate today) {
			return jdbc.sql("""
					SELECT count(*) FROM duty_item i JOIN duty_list l ON l.id = i.list_id
					JOIN organization o ON o.id = l.organization_id
					WHERE o.path LIKE :prefix AND i.done_on IS NULL AND i.due_on < :today""")
				.param("prefix", organizationPath + "%")
				.param("today", today)
				.query(Long.class)
				.single();
		}
	}
}
