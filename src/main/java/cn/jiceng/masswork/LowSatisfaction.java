package cn.jiceng.masswork;

import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_SATISFACTION_BELOW;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * LOW_SATISFACTION for the weak-and-lax candidate run: the villages of the subtree (each with its own sub-branches)
 * whose errands received in the year up to {@code today} were rated below {@code weakLaxSatisfactionBelow} percent
 * satisfied ({@link SatisfactionPolicy}), with the county's setting of that year.
 */
@Component
class LowSatisfaction implements WeakLaxCriterion {

	static final String CODE = "LOW_SATISFACTION";

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;

	LowSatisfaction(JdbcClient jdbc, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public String code() {
		return CODE;
	}

	@Override
	public Map<Long, String> matches(String organizationPath, int year, LocalDate today) {
		LocalDate from = LocalDate.of(year, 1, 1);
		LocalDate to = today.getYear() == year ? today : LocalDate.of(year, 12, 31);
		Map<Long, String> found = new LinkedHashMap<>();
		if (to.isBefore(from)) {
			return found;
		}
		record Counts(long village, long county, long satisfied, long basic, long unsatisfied) {
		}
		List<Counts> counts = jdbc.sql("""
				SELECT v.id, v.county_id,
				       count(e.id) FILTER (WHERE e.satisfaction = 'SATISFIED'),
				       count(e.id) FILTER (WHERE e.satisfaction = 'BASIC'),
				       count(e.id) FILTER (WHERE e.satisfaction = 'UNSATISFIED')
				FROM organization v
				JOIN organization x ON x.path LIKE v.path || '%'
				JOIN errand e ON e.organization_id = x.id AND e.received_on BETWEEN :from AND :to
				WHERE v.path LIKE :prefix AND """ + " " + Villages.sqlIsVillage("v") + " " + """
				   AND NOT EXISTS (SELECT 1 FROM organization p WHERE p.id = v.parent_id AND """
				+ " " + Villages.sqlIsVillage("p") + """
				)
				GROUP BY v.id, v.county_id, v.path ORDER BY v.path""")
			.param("from", from)
			.param("to", to)
			.param("prefix", organizationPath + "%")
			.query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5)))
			.list();
		Map<Long, Integer> below = new HashMap<>();
		for (Counts c : counts) {
			int threshold = below.computeIfAbsent(c.county(),
					county -> settings.forCountyYear(county, year).get(WEAK_LAX_SATISFACTION_BELOW));
			if (SatisfactionPolicy.low(c.satisfied(), c.basic(), c.unsatisfied(), threshold)) {
				found.put(c.village(), SatisfactionPolicy.reason(year, c.satisfied(), c.basic(), c.unsatisfied(), threshold));
			}
		}
		return found;
	}
}
