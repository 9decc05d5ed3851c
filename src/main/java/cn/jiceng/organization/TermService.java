package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Terms of office over a subtree: each organization's current term, and per year the terms that fell due and
 * whether they were renewed (换届完成率). A term's end is its start plus its own length, or the default length
 * by kind and field of the settings in force this year, the same reading as the organization API.
 */
@Service
class TermService {

	static final Set<Role> READERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY,
			Role.INSPECTOR);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final RuleSettingsService settings;
	private final Clock clock;

	TermService(JdbcClient jdbc, DataScope scope, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.settings = settings;
		this.clock = clock;
	}

	/** End of the current term, or null for a group or an organization without a recorded start. */
	static LocalDate termEndsOn(OrgKind kind, Field field, LocalDate startedOn, Integer termYears, RuleSettings rules) {
		if (startedOn == null || kind == OrgKind.GROUP) {
			return null;
		}
		int years = termYears != null ? termYears : new TermPolicy(rules).defaultTermYears(kind, field).orElseThrow();
		return TermPolicy.termEndsOn(startedOn, years);
	}

	static int effectiveTermYears(OrgKind kind, Field field, Integer termYears, RuleSettings rules) {
		return termYears != null ? termYears : new TermPolicy(rules).defaultTermYears(kind, field).orElseThrow();
	}

	/**
	 * One organization's term in the report of a year. {@code dueOn} is the end of the term that fell due in the
	 * year (null if none); {@code due} says whether it counts in the rate: it has ended by today, or it was
	 * already renewed. {@code renewed}: an election for that term was held by 31 December of the year;
	 * {@code onTime}: held no later than the term's end.
	 */
	public record TermItem(String organizationId, String name, OrgKind kind, String kindLabel, Field field,
			String fieldLabel, String parentId, String parentName, LocalDate termStartedOn, int termYears,
			boolean termYearsDefault, LocalDate termEndsOn, TermPolicy.TermStatus status, String statusLabel,
			String reason, LocalDate dueOn, boolean due, boolean renewed, boolean onTime, LocalDate renewedOn,
			LocalDate lastElectionOn, String secretaryName) {
	}

	/** {@code rate} is renewed over due, null when nothing fell due. */
	public record TermReport(String organizationId, int year, LocalDate today, int due, int renewed, int onTime,
			Double rate, int expiring, int overdue, int unrecorded, List<TermItem> items) {
	}

	@Transactional(readOnly = true)
	public TermReport report(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(READERS);
		LocalDate today = LocalDate.now(clock);
		RuleSettings rules = settings.forYear(today.getYear());
		TermPolicy policy = new TermPolicy(rules);
		LocalDate yearStart = LocalDate.of(year, 1, 1);
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		List<TermItem> items = jdbc.sql("""
				SELECT o.id, o.name, o.kind, o.field, o.parent_id, p.name AS parent_name, o.term_started_on, o.term_years,
				       e.held_on AS renewed_on, e.previous_term_ends_on AS due_on,
				       le.held_on AS last_election_on, le.secretary_name
				FROM organization o
				LEFT JOIN organization p ON p.id = o.parent_id
				LEFT JOIN LATERAL (SELECT held_on, previous_term_ends_on FROM election
				                   WHERE organization_id = o.id AND previous_term_ends_on BETWEEN :from AND :to
				                   ORDER BY held_on DESC, id DESC LIMIT 1) e ON TRUE
				LEFT JOIN LATERAL (SELECT held_on, secretary_name FROM election WHERE organization_id = o.id
				                   ORDER BY held_on DESC, id DESC LIMIT 1) le ON TRUE
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%' AND o.kind <> 'GROUP'
				ORDER BY o.path""")
			.param("root", organizationId)
			.param("from", yearStart)
			.param("to", yearEnd)
			.query((rs, i) -> {
				OrgKind kind = OrgKind.valueOf(rs.getString("kind"));
				Field field = Field.valueOf(rs.getString("field"));
				LocalDate start = rs.getObject("term_started_on", LocalDate.class);
				Integer years = (Integer) rs.getObject("term_years");
				LocalDate ends = termEndsOn(kind, field, start, years, rules);
				TermPolicy.TermState state = policy.status(kind, ends, today);
				LocalDate renewedOn = rs.getObject("renewed_on", LocalDate.class);
				LocalDate dueOn = rs.getObject("due_on", LocalDate.class);
				boolean due;
				boolean renewed;
				boolean onTime;
				if (dueOn != null) {
					due = true;
					renewed = !renewedOn.isAfter(yearEnd);
					onTime = !renewedOn.isAfter(dueOn);
				}
				else {
					renewedOn = null;
					dueOn = ends != null && !ends.isBefore(yearStart) && !ends.isAfter(yearEnd) ? ends : null;
					due = dueOn != null && dueOn.isBefore(today);
					renewed = false;
					onTime = false;
				}
				Long parent = (Long) rs.getObject("parent_id");
				return new TermItem(rs.getString("id"), rs.getString("name"), kind, kind.label(), field, field.label(),
						parent == null ? null : parent.toString(), rs.getString("parent_name"), start,
						effectiveTermYears(kind, field, years, rules), years == null, ends, state.status(),
						state.status() == TermPolicy.TermStatus.NONE ? "未登记" : state.status().label(), state.reason(), dueOn, due, renewed, onTime, renewedOn,
						rs.getObject("last_election_on", LocalDate.class), rs.getString("secretary_name"));
			})
			.list();
		int due = (int) items.stream().filter(TermItem::due).count();
		int renewed = (int) items.stream().filter(TermItem::renewed).count();
		int onTime = (int) items.stream().filter(TermItem::onTime).count();
		Double rate = due == 0 ? null : Math.round(renewed * 10000.0 / due) / 10000.0;
		int expiring = (int) items.stream().filter(t -> t.status() == TermPolicy.TermStatus.EXPIRING).count();
		int overdue = (int) items.stream().filter(t -> t.status() == TermPolicy.TermStatus.OVERDUE).count();
		int unrecorded = (int) items.stream().filter(t -> t.status() == TermPolicy.TermStatus.NONE).count();
		return new TermReport(Long.toString(organizationId), year, today, due, renewed, onTime, rate, expiring, overdue,
				unrecorded, items);
	}

	/** A term that ends by a date: what the renewal reminder job addresses to the parent organization. */
	public record TermEnding(long organizationId, String name, OrgKind kind, Long parentId, long countyId,
			LocalDate termEndsOn) {
	}

	/**
	 * For jobs, without a caller: every organization of the county whose current term ends on or before
	 * {@code until}, the overdue ones included.
	 */
	@Transactional(readOnly = true)
	public List<TermEnding> termsEndingBy(long countyId, RuleSettings rules, LocalDate until) {
		List<TermEnding> out = new ArrayList<>();
		jdbc.sql("""
				SELECT id, name, kind, field, parent_id, county_id, term_started_on, term_years FROM organization
				WHERE county_id = :c AND term_started_on IS NOT NULL AND kind <> 'GROUP'""")
			.param("c", countyId)
			.query(rs -> {
				OrgKind kind = OrgKind.valueOf(rs.getString("kind"));
				LocalDate ends = termEndsOn(kind, Field.valueOf(rs.getString("field")),
						rs.getObject("term_started_on", LocalDate.class), (Integer) rs.getObject("term_years"), rules);
				if (ends != null && !ends.isAfter(until)) {
					out.add(new TermEnding(rs.getLong("id"), rs.getString("name"), kind, (Long) rs.getObject("parent_id"),
							rs.getLong("county_id"), ends));
				}
			});
		return out;
	}

	/** Counties of this deployment: the roots of the tree. */
	public List<Long> counties() {
		return jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id").query(Long.class).list();
	}
}
