package cn.jiceng.orglife;

import java.util.ArrayList;
import java.util.List;

import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The severity the set-based four colors compute in SQL is {@link FourColor#of}'s for every status and a missing row. */
@ApiTest
class FourColorSqlApiTests {

	@Autowired
	JdbcClient jdbc;

	@Test
	void theSqlSeverityOfEveryStatusIsTheSeverityOfItsColor() {
		List<String> statuses = new ArrayList<>();
		for (AttendanceStatus s : AttendanceStatus.values()) {
			statuses.add("('" + s.name() + "')");
		}
		statuses.add("(CAST(NULL AS varchar))");
		for (int shift : new int[] { 0, -1 }) {
			List<Object[]> rows = jdbc.sql("SELECT a.status, " + FourColor.sqlSeverity("a.status", shift) + " FROM (VALUES "
					+ String.join(", ", statuses) + ") AS a(status)")
				.query((rs, i) -> new Object[] { rs.getString(1), rs.getInt(2) })
				.list();
			assertThat(rows).hasSize(AttendanceStatus.values().length + 1);
			for (Object[] row : rows) {
				// a missing row is a member not listed: absent (SPEC.md §4.2)
				AttendanceStatus status = row[0] == null ? AttendanceStatus.ABSENT : AttendanceStatus.valueOf((String) row[0]);
				assertThat(row[1]).as("%s", row[0]).isEqualTo(FourColor.of(status).severity() + shift);
			}
		}
	}

	@Test
	void theAttendanceColorsRunFromRedToBlack() {
		assertThat(FourColor.attendanceColors()).containsExactly(FourColor.RED, FourColor.PINK, FourColor.GREEN,
				FourColor.BLACK);
	}
}
