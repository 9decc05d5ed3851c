package cn.jiceng.orglife;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Year closing (年度关账) of organizational-life records. A county action rather than a date rule: counties close
 * a year when its appraisals are done, which is no fixed day, and a closed year can be reopened by the county
 * for a correction. Once closed, only the county changes that year's meetings, plans, reports and files.
 */
@Service
class YearClosing {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;

	YearClosing(JdbcClient jdbc, DataScope scope, AuditTrail audit) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
	}

	public boolean isClosed(long countyId, int year) {
		return jdbc.sql("SELECT count(*) FROM orglife_closed_year WHERE county_id = :c AND year = :y")
			.param("c", countyId)
			.param("y", year)
			.query(Long.class)
			.single() > 0;
	}

	public record ClosedYear(int year, String closedBy, OffsetDateTime closedAt) {
	}

	@Transactional(readOnly = true)
	public List<ClosedYear> closedYears() {
		Caller caller = scope.current().caller();
		return jdbc.sql("SELECT year, closed_by, closed_at FROM orglife_closed_year WHERE county_id = :c ORDER BY year")
			.param("c", caller.countyId())
			.query((rs, i) -> new ClosedYear(rs.getInt(1), rs.getString(2), rs.getObject(3, OffsetDateTime.class)))
			.list();
	}

	@Transactional
	public ClosedYear close(Integer year) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		if (year == null || year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		Caller caller = scope.current().caller();
		if (isClosed(caller.countyId(), year)) {
			throw new ConflictException(year + "年度已关账");
		}
		jdbc.sql("INSERT INTO orglife_closed_year (county_id, year, closed_by) VALUES (:c, :y, :by)")
			.param("c", caller.countyId())
			.param("y", year)
			.param("by", caller.username())
			.update();
		audit.record("OrgLifeYear", caller.countyId() + "/" + year, caller.countyId(), "CLOSE",
				Map.of("closed", Map.of("from", "false", "to", "true")));
		return closedYears().stream().filter(c -> c.year() == year).findFirst().orElseThrow();
	}

	@Transactional
	public void reopen(int year) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		Caller caller = scope.current().caller();
		int n = jdbc.sql("DELETE FROM orglife_closed_year WHERE county_id = :c AND year = :y")
			.param("c", caller.countyId())
			.param("y", year)
			.update();
		if (n == 0) {
			throw new NotFoundException(year + "年度未关账");
		}
		audit.record("OrgLifeYear", caller.countyId() + "/" + year, caller.countyId(), "REOPEN",
				Map.of("closed", Map.of("from", "true", "to", "false")));
	}
}
