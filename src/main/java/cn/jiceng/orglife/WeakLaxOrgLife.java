package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.INACTIVE_AFTER_MONTHS;
import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_COMPLIANCE_BELOW;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-and-lax criterion {@code ORG_LIFE_NOT_HELD} (组织生活不正常) for each branch with members: its yearly ledger
 * compliance rate (compliant months over the year's ended months in which it had members, as the stars read it)
 * below {@code weakLaxComplianceBelow} %, or inactive — no meeting at all in the latest {@code inactiveAfterMonths}
 * ended months of the year while it had members (the organization advice's 空壳 rule, judged at the year's end).
 */
@Component
class WeakLaxOrgLife implements WeakLaxCriterion {

	private final JdbcClient jdbc;
	private final ComplianceService compliance;
	private final RuleSettingsService settings;

	WeakLaxOrgLife(JdbcClient jdbc, ComplianceService compliance, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.compliance = compliance;
		this.settings = settings;
	}

	@Override
	public String code() {
		return "ORG_LIFE_NOT_HELD";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> matches(String organizationPath, int year, LocalDate today) {
		Map<Long, String> result = new LinkedHashMap<>();
		record Root(long id, long countyId) {
		}
		Optional<Root> root = jdbc.sql("SELECT id, county_id FROM organization WHERE path = :p")
			.param("p", organizationPath)
			.query((rs, i) -> new Root(rs.getLong(1), rs.getLong(2)))
			.optional();
		YearMonth lastEnded = YearMonth.from(today).minusMonths(1);
		if (root.isEmpty() || lastEnded.getYear() < year) {
			return result;
		}
		YearMonth last = lastEnded.getYear() > year ? YearMonth.of(year, 12) : lastEnded;
		RuleSettings rules = settings.forCountyYear(root.get().countyId(), year);
		int below = rules.get(WEAK_LAX_COMPLIANCE_BELOW);
		int inactiveMonths = rules.get(INACTIVE_AFTER_MONTHS);
		// branch → {months with members, compliant months}; branch → months with members in the inactivity window
		Map<Long, int[]> counts = new LinkedHashMap<>();
		Map<Long, Integer> inWindow = new HashMap<>();
		YearMonth windowStart = last.minusMonths(inactiveMonths - 1L);
		for (ComplianceService.Report report : compliance.computeYear(root.get().id(), year)) {
			if (report.month().isAfter(last)) {
				continue;
			}
			for (ComplianceService.BranchResult b : report.items()) {
				long id = Long.parseLong(b.organizationId());
				int[] c = counts.computeIfAbsent(id, k -> new int[2]);
				c[0]++;
				c[1] += b.compliant() ? 1 : 0;
				if (!report.month().isBefore(windowStart)) {
					inWindow.merge(id, 1, Integer::sum);
				}
			}
		}
		Set<Long> met = new HashSet<>(jdbc.sql("""
				SELECT DISTINCT mt.organization_id FROM meeting mt JOIN organization b ON b.id = mt.organization_id
				WHERE b.path LIKE :prefix AND mt.held_on BETWEEN :from AND :to""")
			.param("prefix", organizationPath + "%")
			.param("from", windowStart.atDay(1))
			.param("to", last.atEndOfMonth())
			.query(Long.class)
			.list());
		boolean fullWindow = windowStart.getYear() == year;
		counts.forEach((branch, c) -> {
			StringBuilder why = new StringBuilder();
			if (fullWindow && inWindow.getOrDefault(branch, 0) == inactiveMonths && !met.contains(branch)) {
				why.append(windowStart).append("至").append(last).append("连续").append(inactiveMonths)
					.append("个月未开展组织生活（疑似空壳支部）");
			}
			if (c[1] * 100 < below * c[0]) {
				if (!why.isEmpty()) {
					why.append("；");
				}
				why.append(year).append("年组织生活台账达标率").append(Math.round(c[1] * 1000.0 / c[0]) / 10.0)
					.append("%（").append(c[1]).append("/").append(c[0]).append("个月达标），低于").append(below).append("%");
			}
			if (!why.isEmpty()) {
				result.put(branch, why.toString());
			}
		});
		return result;
	}
}
