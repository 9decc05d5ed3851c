package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.CONTACT_DUTIES;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.assessment.ContactAssignmentEffectiveness;
import cn.jiceng.settings.RuleSettingsService;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cadre appraisal's question "were this person's contact assignments effective in the year" answered from the
 * assignments and their activity log, by the same duty rule as the assignment report ({@link ContactDutyPolicy}): one
 * assignment with a duty unmet at the year's end is ineffective and caps the 树根 grade; a year still running, or a
 * person without assignments, gives no information.
 */
@Component
class ContactEffectivenessFromDuties implements ContactAssignmentEffectiveness {

	private final JdbcClient jdbc;
	private final RuleSettingsService settings;
	private final Clock clock;

	ContactEffectivenessFromDuties(JdbcClient jdbc, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public Finding of(long memberId, int year) {
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		boolean ended = LocalDate.now(clock).isAfter(last);
		record Row(long id, long countyId, ContactKind kind, String organizationName) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT a.id, a.county_id, a.kind, o.name FROM contact_assignment a
				JOIN organization o ON o.id = a.organization_id
				WHERE a.member_id = :m AND a.started_on <= :last ORDER BY a.id""")
			.param("m", memberId)
			.param("last", last)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getLong(2), ContactKind.valueOf(rs.getString(3)),
					rs.getString(4)))
			.list();
		if (rows.isEmpty() || !ended) {
			return Finding.NONE;
		}
		Map<Long, Map<ContactActivityKind, Integer>> done = new HashMap<>();
		jdbc.sql("""
				SELECT assignment_id, kind, count(*) FROM contact_activity
				WHERE assignment_id IN (:ids) AND held_on BETWEEN :first AND :last GROUP BY assignment_id, kind""")
			.param("ids", rows.stream().map(Row::id).toList())
			.param("first", first)
			.param("last", last)
			.query(rs -> {
				done.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(ContactActivityKind.valueOf(rs.getString(2)), rs.getInt(3));
			});
		List<String> unmet = new ArrayList<>();
		for (Row r : rows) {
			Map<String, Integer> setting = settings.forCountyYear(r.countyId(), year).get(CONTACT_DUTIES);
			Map<ContactActivityKind, Integer> required = ContactDutyPolicy.duties(r.kind(), setting);
			Map<ContactActivityKind, Integer> counted = done.getOrDefault(r.id(), Map.of());
			if (Boolean.FALSE.equals(ContactDutyPolicy.effective(required, counted, true))) {
				required.forEach((activity, n) -> {
					int had = counted.getOrDefault(activity, 0);
					if (had < n) {
						unmet.add(r.kind().label() + "“" + r.organizationName() + "”" + activity.label() + "应" + n + "次、实"
								+ had + "次");
					}
				});
			}
		}
		if (unmet.isEmpty()) {
			return new Finding(Verdict.EFFECTIVE, null);
		}
		return Finding.ineffective(year + "年挂联帮扶不力：" + String.join("；", unmet));
	}
}
