package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.WEAK_LAX_VACANCY_MONTHS;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-and-lax criterion {@code SECRETARY_VACANT} (书记长期缺职): the secretary post stood empty longer than
 * {@code weakLaxVacancyMonths} in a stretch reaching into the year, by the offices' own vacancy rule
 * ({@link OfficePolicy#vacancies}, counted from the organization's creation or its first holding, as the office
 * history does). Party groups have no secretary and the county root is not judged.
 */
@Component
class WeakLaxSecretaryVacancy implements WeakLaxCriterion {

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;

	WeakLaxSecretaryVacancy(JdbcClient jdbc, RuleSettingsService settings) {
		this.jdbc = jdbc;
		this.settings = settings;
	}

	@Override
	public String code() {
		return "SECRETARY_VACANT";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> matches(String organizationPath, int year, LocalDate today) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate until = today.isBefore(LocalDate.of(year, 12, 31)) ? today : LocalDate.of(year, 12, 31);
		Map<Long, String> result = new LinkedHashMap<>();
		if (until.isBefore(first)) {
			return result;
		}
		record Org(long id, long countyId, LocalDate since) {
		}
		List<Org> orgs = jdbc.sql("""
				SELECT o.id, o.county_id, least(CAST(o.created_at AS date),
				       (SELECT min(f.started_on) FROM org_office f WHERE f.organization_id = o.id AND f.office = 'SECRETARY'))
				FROM organization o WHERE o.path LIKE :prefix AND o.kind <> 'GROUP' AND o.depth > 0 ORDER BY o.path""")
			.param("prefix", organizationPath + "%")
			.query((rs, i) -> new Org(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class)))
			.list();
		if (orgs.isEmpty()) {
			return result;
		}
		Map<Long, List<OfficePolicy.Period>> periods = new HashMap<>();
		jdbc.sql("""
				SELECT f.id, f.organization_id, f.member_id, f.started_on, f.ended_on FROM org_office f
				JOIN organization o ON o.id = f.organization_id
				WHERE o.path LIKE :prefix AND f.office = 'SECRETARY' AND f.started_on <= :until""")
			.param("prefix", organizationPath + "%")
			.param("until", until)
			.query(rs -> {
				periods.computeIfAbsent(rs.getLong(2), k -> new ArrayList<>())
					.add(new OfficePolicy.Period(rs.getLong(1), rs.getLong(3), Office.SECRETARY,
							rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class)));
			});
		int months = settings.forCountyYear(orgs.get(0).countyId(), year).get(WEAK_LAX_VACANCY_MONTHS);
		OfficePolicy policy = new OfficePolicy(months);
		for (Org o : orgs) {
			if (o.since() == null || o.since().isAfter(until)) {
				continue;
			}
			for (OfficePolicy.Vacancy v : policy.vacancies(periods.getOrDefault(o.id(), List.of()), o.since(), until)) {
				if (v.to() == null || !v.to().isBefore(first)) {
					result.put(o.id(), "书记岗位自" + v.from() + "起空缺" + (v.to() != null ? "至" + v.to() : until.equals(today) ? "至今" : "至" + until)
							+ "，超过" + months + "个月");
				}
			}
		}
		return result;
	}
}
