package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.SECRETARY_VACANCY_MONTHS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leadership offices (班子): who held which post of an organization when. Every module that needs "the secretary
 * of X on D" (accountability, interviews, appraisals, awards, lectures) asks here or joins {@link #SECRETARY_ON}.
 */
@Service
public class OfficeService {

	/** Offices are recorded from above: the county for any organization, a township for those below it. */
	static final Set<Role> RECORDERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	/**
	 * SQL for the secretary (member id) of the organization {@code %1$s} on the date {@code %2$s}, for set-based
	 * reads in other modules: {@code SECRETARY_ON.formatted("o.id", "CAST(:yearEnd AS date)")}.
	 */
	public static final String SECRETARY_ON = "(SELECT f.member_id FROM org_office f WHERE f.organization_id = %1$s"
			+ " AND f.office = '" + Office.SECRETARY.name() + "' AND f.started_on <= %2$s"
			+ " AND (f.ended_on IS NULL OR f.ended_on >= %2$s) LIMIT 1)";

	/**
	 * Like {@link #SECRETARY_ON} for the organization member (组织委员) of {@code %1$s} on {@code %2$s}: the one who took
	 * the post first when several hold it.
	 */
	public static final String ORGANIZATION_MEMBER_ON = "(SELECT f.member_id FROM org_office f WHERE f.organization_id = %1$s"
			+ " AND f.office = '" + Office.ORGANIZATION_MEMBER.name() + "' AND f.started_on <= %2$s"
			+ " AND (f.ended_on IS NULL OR f.ended_on >= %2$s) ORDER BY f.started_on, f.id LIMIT 1)";

	/** One holding of a post, with the holder's name. */
	public record Holder(String id, String organizationId, String memberId, String name, Office office,
			LocalDate startedOn, LocalDate endedOn, int version) {

		OfficePolicy.Period period() {
			return new OfficePolicy.Period(Long.parseLong(id), Long.parseLong(memberId), office, startedOn, endedOn);
		}
	}

	public record NewHolding(String memberId, String office, String startedOn, String endedOn) {
	}

	/** The organization's holdings over time and the stretches its secretary post stood empty too long. */
	public record History(List<Holder> items, List<OfficePolicy.Vacancy> vacancies) {
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	OfficeService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional
	public Holder appoint(long organizationId, NewHolding in) {
		OrgRef org = requireRecorderOf(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		Long memberId = Ids.parseOptional(in.memberId(), "memberId", "党员");
		if (memberId == null) {
			problems.add(new FieldProblem("memberId", "请选择任职的党员"));
		}
		Office office = FormInput.parseEnum(Office.class, in.office(), "office",
				"职务应为 SECRETARY（书记）、DEPUTY_SECRETARY（副书记）、ORGANIZATION_MEMBER（组织委员）或 COMMITTEE_MEMBER（委员）",
				problems, true);
		LocalDate startedOn = date(in.startedOn(), "startedOn", "任职日期", true, problems);
		LocalDate endedOn = date(in.endedOn(), "endedOn", "离任日期", false, problems);
		if (memberId != null && problems.isEmpty()) {
			requireMemberOfCounty(memberId, org.countyId());
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("任职信息填写有误", problems);
		}
		lockOrganization(organizationId);
		OfficePolicy.Period candidate = new OfficePolicy.Period(0, memberId, office, startedOn, endedOn);
		refuseUnlessAllowed(candidate, periodsOf(organizationId));
		long id = jdbc.sql("""
				INSERT INTO org_office (county_id, organization_id, member_id, office, started_on, ended_on, recorded_by)
				VALUES (:c, :o, :m, :office, :s, :e, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("m", memberId)
			.param("office", office.name())
			.param("s", startedOn)
			.param("e", endedOn)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("memberId", memberId);
		fields.put("office", office.name());
		fields.put("startedOn", startedOn);
		fields.put("endedOn", endedOn);
		audit.record("Office", id, organizationId, "CREATE", AuditTrail.created(fields));
		return holding(id);
	}

	/**
	 * Names a new secretary from a date: the sitting one's period ends the day before (a hand-over, as an election or
	 * a designation records it). Refused when the new start is not after the sitting one's.
	 */
	@Transactional
	public Holder handOverSecretary(long organizationId, long memberId, LocalDate from) {
		OrgRef org = requireRecorderOf(organizationId);
		requireMemberOfCounty(memberId, org.countyId());
		lockOrganization(organizationId);
		Optional<Holder> sitting = holdersOf(organizationId).stream()
			.filter(h -> h.office() == Office.SECRETARY && h.endedOn() == null)
			.findFirst();
		if (sitting.isPresent()) {
			Holder s = sitting.get();
			if (s.memberId().equals(Long.toString(memberId))) {
				return s;
			}
			if (!from.isAfter(s.startedOn())) {
				throw new ConflictException("新任书记的任职日期须晚于现任书记的任职日期 " + s.startedOn());
			}
			writeEnd(s, from.minusDays(1));
		}
		return appoint(organizationId, new NewHolding(Long.toString(memberId), Office.SECRETARY.name(), from.toString(),
				null));
	}

	/**
	 * An election names its secretary from the election day: the sitting secretary (who started earlier) leaves the
	 * day before. Holdings recorded from a later date are the newer truth and are left alone. The caller's right to
	 * record the election was checked by the election.
	 */
	void recordElectedSecretary(long organizationId, long countyId, long memberId, LocalDate heldOn) {
		lockOrganization(organizationId);
		List<Holder> holders = holdersOf(organizationId);
		boolean laterRecorded = holders.stream()
			.anyMatch(h -> h.office() == Office.SECRETARY && !h.startedOn().isBefore(heldOn));
		if (laterRecorded) {
			return;
		}
		Optional<Holder> sitting = holders.stream()
			.filter(h -> h.office() == Office.SECRETARY && h.period().covers(heldOn))
			.findFirst();
		if (sitting.isPresent() && sitting.get().memberId().equals(Long.toString(memberId))) {
			return;
		}
		sitting.ifPresent(s -> writeEnd(s, heldOn.minusDays(1)));
		long id = jdbc.sql("""
				INSERT INTO org_office (county_id, organization_id, member_id, office, started_on, recorded_by)
				VALUES (:c, :o, :m, :office, :s, :by) RETURNING id""")
			.param("c", countyId)
			.param("o", organizationId)
			.param("m", memberId)
			.param("office", Office.SECRETARY.name())
			.param("s", heldOn)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("memberId", memberId);
		fields.put("office", Office.SECRETARY.name());
		fields.put("startedOn", heldOn);
		audit.record("Office", id, organizationId, "CREATE", AuditTrail.created(fields));
	}

	/** Sets (or clears, with null) the last day in office. */
	@Transactional
	public Holder end(long officeId, String endedOnText, Integer version) {
		Holder h = holding(officeId);
		long organizationId = Long.parseLong(h.organizationId());
		requireRecorderOf(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate endedOn = date(endedOnText, "endedOn", "离任日期", false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("离任日期填写有误", problems);
		}
		lockOrganization(organizationId);
		Holder current = holding(officeId);
		if (version != null && version != current.version()) {
			throw new ConflictException("记录已被他人修改，请刷新后重试");
		}
		if (java.util.Objects.equals(endedOn, current.endedOn())) {
			return current;
		}
		OfficePolicy.Period changed = new OfficePolicy.Period(officeId, Long.parseLong(current.memberId()),
				current.office(), current.startedOn(), endedOn);
		refuseUnlessAllowed(changed, periodsOf(organizationId));
		writeEnd(current, endedOn);
		return holding(officeId);
	}

	/** Removes a holding entered by mistake; the history keeps what it was. */
	@Transactional
	public void delete(long officeId) {
		Holder h = holding(officeId);
		long organizationId = Long.parseLong(h.organizationId());
		requireRecorderOf(organizationId);
		jdbc.sql("DELETE FROM org_office WHERE id = :id").param("id", officeId).update();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", h.memberId());
		fields.put("office", h.office().name());
		fields.put("startedOn", h.startedOn());
		fields.put("endedOn", h.endedOn());
		audit.record("Office", officeId, organizationId, "DELETE", AuditTrail.diff(fields, Map.of()));
	}

	/** The holders on a day, secretary first. */
	@Transactional(readOnly = true)
	public List<Holder> holdersOn(long organizationId, LocalDate day) {
		scope.requireOrganization(organizationId);
		return holdersOf(organizationId).stream().filter(h -> h.period().covers(day)).toList();
	}

	/** Every holding of the organization, and the vacancies of its secretary post up to today. */
	@Transactional(readOnly = true)
	public History history(long organizationId) {
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		scope.requireOrganization(organizationId);
		List<Holder> holders = holdersOf(organizationId);
		LocalDate today = LocalDate.now(clock);
		LocalDate since = jdbc.sql("SELECT CAST(created_at AS date) FROM organization WHERE id = :o")
			.param("o", organizationId)
			.query(LocalDate.class)
			.single();
		for (Holder h : holders) {
			if (h.startedOn().isBefore(since)) {
				since = h.startedOn();
			}
		}
		OfficePolicy policy = policy(org.countyId(), today.getYear());
		return new History(holders, policy.vacancies(holders.stream().map(Holder::period).toList(), since, today));
	}

	/** The secretary of an organization on a day (API.md: of a month, the holder on its last day). */
	@Transactional(readOnly = true)
	public Optional<Holder> secretaryOn(long organizationId, LocalDate day) {
		return holdersOf(organizationId).stream()
			.filter(h -> h.office() == Office.SECRETARY && h.period().covers(day))
			.findFirst();
	}

	/** The secretaries of many organizations on one day, by organization id; organizations without one are absent. */
	@Transactional(readOnly = true)
	public Map<Long, Holder> secretariesOn(Collection<Long> organizationIds, LocalDate day) {
		Map<Long, Holder> result = new LinkedHashMap<>();
		if (organizationIds.isEmpty()) {
			return result;
		}
		jdbc.sql(SELECT + " WHERE f.organization_id IN (:orgs) AND f.office = :sec AND f.started_on <= :d"
				+ " AND (f.ended_on IS NULL OR f.ended_on >= :d)")
			.param("orgs", organizationIds)
			.param("sec", Office.SECRETARY.name())
			.param("d", day)
			.query(OfficeService::map)
			.list()
			.forEach(h -> result.put(Long.parseLong(h.organizationId()), h));
		return result;
	}

	/** The secretaries of a month of many organizations: the holder on the month's last day (API.md). */
	@Transactional(readOnly = true)
	public Map<Long, Map<YearMonth, Holder>> secretariesOfMonths(Map<Long, List<YearMonth>> monthsByOrganization) {
		Map<Long, Map<YearMonth, Holder>> result = new LinkedHashMap<>();
		if (monthsByOrganization.isEmpty()) {
			return result;
		}
		Map<Long, List<Holder>> periods = new LinkedHashMap<>();
		jdbc.sql(SELECT + " WHERE f.organization_id IN (:orgs) AND f.office = :sec")
			.param("orgs", monthsByOrganization.keySet())
			.param("sec", Office.SECRETARY.name())
			.query(OfficeService::map)
			.list()
			.forEach(h -> periods.computeIfAbsent(Long.parseLong(h.organizationId()), k -> new ArrayList<>()).add(h));
		monthsByOrganization.forEach((org, months) -> {
			List<Holder> holders = periods.getOrDefault(org, List.of());
			Map<YearMonth, Holder> byMonth = new LinkedHashMap<>();
			for (YearMonth month : months) {
				holders.stream()
					.filter(h -> h.period().covers(month.atEndOfMonth()))
					.findFirst()
					.ifPresent(h -> byMonth.put(month, h));
			}
			result.put(org, byMonth);
		});
		return result;
	}

	/** Every member who ever held the secretary post of an organization. */
	@Transactional(readOnly = true)
	public List<Long> secretaryMembersEver(long organizationId) {
		return jdbc.sql("SELECT DISTINCT member_id FROM org_office WHERE organization_id = :o AND office = :sec")
			.param("o", organizationId)
			.param("sec", Office.SECRETARY.name())
			.query(Long.class)
			.list();
	}

	OfficePolicy policy(long countyId, int year) {
		return new OfficePolicy(settings.forCountyYear(countyId, year).get(SECRETARY_VACANCY_MONTHS));
	}

	private void refuseUnlessAllowed(OfficePolicy.Period candidate, List<OfficePolicy.Period> others) {
		OfficePolicy.Decision d = OfficePolicy.check(candidate, others);
		if (!d.allowed()) {
			if (candidate.endedOn() != null && candidate.endedOn().isBefore(candidate.startedOn())) {
				throw InvalidInputException.of("endedOn", d.reason());
			}
			throw new ConflictException(d.reason());
		}
	}

	private void writeEnd(Holder h, LocalDate endedOn) {
		jdbc.sql("UPDATE org_office SET ended_on = :e, version = version + 1 WHERE id = :id")
			.param("e", endedOn)
			.param("id", Long.parseLong(h.id()))
			.update();
		audit.record("Office", h.id(), Long.parseLong(h.organizationId()), "UPDATE",
				AuditTrail.diff(mapOf("endedOn", h.endedOn()), mapOf("endedOn", endedOn)));
	}

	private static Map<String, Object> mapOf(String key, Object value) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put(key, value);
		return m;
	}

	/** Appointments of one organization are serialized, so two simultaneous secretaries cannot both pass the check. */
	private void lockOrganization(long organizationId) {
		jdbc.sql("SELECT id FROM organization WHERE id = :o FOR UPDATE").param("o", organizationId).query(Long.class)
			.single();
	}

	private OrgRef requireRecorderOf(long organizationId) {
		scope.requireWriter(RECORDERS);
		scope.requireOrganization(organizationId);
		Caller caller = scope.current().caller();
		if (caller.role() != Role.COUNTY_ADMIN && caller.organizationId() == organizationId) {
			throw new ForbiddenException("本组织的班子成员由上级党组织登记");
		}
		return organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	private void requireMemberOfCounty(long memberId, long countyId) {
		boolean found = jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", memberId)
			.param("c", countyId)
			.query(Long.class)
			.single() > 0;
		if (!found) {
			throw InvalidInputException.of("memberId", "党员不存在");
		}
	}

	private List<OfficePolicy.Period> periodsOf(long organizationId) {
		return holdersOf(organizationId).stream().map(Holder::period).toList();
	}

	private List<Holder> holdersOf(long organizationId) {
		return jdbc.sql(SELECT + " WHERE f.organization_id = :o ORDER BY " + OFFICE_ORDER + ", f.started_on DESC, f.id")
			.param("o", organizationId)
			.query(OfficeService::map)
			.list();
	}

	/** One holding, for the pages; a 404 outside the caller's scope. */
	Holder find(long id) {
		Holder h = holding(id);
		scope.requireOrganization(Long.parseLong(h.organizationId()));
		return h;
	}

	private Holder holding(long id) {
		return jdbc.sql(SELECT + " WHERE f.id = :id")
			.param("id", id)
			.query(OfficeService::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("任职记录不存在"));
	}

	private static final String SELECT = """
			SELECT f.id, f.organization_id, f.member_id, m.name, f.office, f.started_on, f.ended_on, f.version
			FROM org_office f JOIN member m ON m.id = f.member_id""";

	private static final String OFFICE_ORDER;

	static {
		StringBuilder order = new StringBuilder("CASE f.office");
		for (Office o : Office.values()) {
			order.append(" WHEN '").append(o.name()).append("' THEN ").append(o.ordinal());
		}
		OFFICE_ORDER = order.append(" END").toString();
	}

	private static Holder map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Holder(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), Long.toString(rs.getLong(3)),
				rs.getString(4), Office.valueOf(rs.getString(5)), rs.getObject(6, LocalDate.class),
				rs.getObject(7, LocalDate.class), rs.getInt(8));
	}

	private static LocalDate date(String value, String field, String label, boolean required,
			List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			if (required) {
				problems.add(new FieldProblem(field, "请填写" + label));
			}
			return null;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, label + "格式应为YYYY-MM-DD"));
			return null;
		}
	}
}
