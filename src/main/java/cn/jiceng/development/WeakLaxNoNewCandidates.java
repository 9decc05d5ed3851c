package cn.jiceng.development;

import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_NO_CANDIDATE_YEARS;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-and-lax criterion {@code NO_NEW_CANDIDATES} (村连续两年无发展对象): a village — a rural organization
 * directly under a township — whose subtree recorded no {@code CANDIDATE} step (确定发展对象) in the year or the
 * years before it, {@code weakLaxNoCandidateYears} (2) years in all.
 */
@Component
class WeakLaxNoNewCandidates implements WeakLaxCriterion {

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;

	WeakLaxNoNewCandidates(JdbcClient jdbc, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public String code() {
		return "NO_NEW_CANDIDATES";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> matches(String organizationPath, int year, LocalDate today) {
		Map<Long, String> result = new LinkedHashMap<>();
		Long county = jdbc.sql("SELECT county_id FROM organization WHERE path = :p")
			.param("p", organizationPath)
			.query(Long.class)
			.optional()
			.orElse(null);
		if (county == null) {
			return result;
		}
		int years = settings.forCountyYear(county, year).get(WEAK_LAX_NO_CANDIDATE_YEARS);
		int from = year - years + 1;
		String span = years == 1 ? year + "年" : from + "—" + year + "年";
		jdbc.sql("""
				SELECT v.id FROM organization v
				WHERE v.path LIKE :prefix AND v.depth = 2 AND v.field = 'RURAL' AND v.kind <> 'GROUP'
				  AND NOT EXISTS (SELECT 1 FROM development_step s JOIN development_record r ON r.id = s.record_id
				                  JOIN organization x ON x.id = r.organization_id
				                  WHERE s.step = 'CANDIDATE' AND x.path LIKE v.path || '%'
				                    AND s.on_date BETWEEN :first AND :last)
				ORDER BY v.path""")
			.param("prefix", organizationPath + "%")
			.param("first", LocalDate.of(from, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query(Long.class)
			.list()
			.forEach(id -> result.put(id, span + "未确定发展对象"));
		return result;
	}
}
