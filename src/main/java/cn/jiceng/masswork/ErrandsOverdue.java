package cn.jiceng.masswork;

import java.time.LocalDate;

import cn.jiceng.common.OverdueItems;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Errands the command center counts as overdue on a day: still unanswered once their day has ended (过夜), or
 * answered with a promise and still not done once the promised date has ended. The instants are those
 * {@link ErrandPolicy} wrote with the errand, compared with the start of the county day.
 */
@Component
class ErrandsOverdue implements OverdueItems {

	private final JdbcClient jdbc;

	ErrandsOverdue(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String kind() {
		return ERRANDS;
	}

	@Override
	public long overdueIn(String organizationPath, LocalDate today) {
		return jdbc.sql("""
				SELECT count(*) FROM errand e JOIN organization o ON o.id = e.organization_id
				WHERE o.path LIKE :prefix AND ((e.status = 'RECEIVED' AND e.deadline_at <= :start)
				   OR (e.status = 'DEFERRED' AND e.promise_end_at <= :start))""")
			.param("prefix", organizationPath + "%")
			.param("start", today.atStartOfDay(ErrandPolicy.COUNTY).toOffsetDateTime())
			.query(Long.class)
			.single();
	}
}
