package cn.jiceng.masswork;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;

import cn.jiceng.organization.OrgRef;
import cn.jiceng.scoring.ClaimStatus;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The village "135" records (seed 003, SPEC.md §4.9): the three bodies with their members, members' public
 * commitments and model posts, the cadres' weekly duty roster and weekly meetings, and the yearly view of which
 * bodies exist and which of the five systems ran. A system ran in a year when it has a record dated in it: a
 * commitment of the year, a duty roster and a weekly meeting, an errand, an approved vanguard point claim of a member
 * of the village (scoring's claims, read as a declared join), a 四议两公开 step.
 */
@Service
class GovernanceService {

	/** Members write their own commitments; secretaries and administrators those of members in scope. */
	static final Set<Role> COMMITMENT_WRITERS = Set.of(Role.MEMBER, Role.BRANCH_SECRETARY, Role.TOWNSHIP_ADMIN,
			Role.COUNTY_ADMIN);

	/** The five systems of "135", in the seed's order. */
	public static final List<String> SYSTEMS = List.of("COMMITMENTS", "DUTY_AND_WEEKLY_MEETINGS", "SERVICE_AGENCY",
			"MEMBER_POINTS", "FOUR_DELIBERATIONS");

	public static final Map<String, String> SYSTEM_LABELS = Map.of("COMMITMENTS", "岗位承诺", "DUTY_AND_WEEKLY_MEETINGS",
			"村干部值班和周例会", "SERVICE_AGENCY", "为民服务全程代理", "MEMBER_POINTS", "党员管理积分", "FOUR_DELIBERATIONS", "四议两公开");

	public record BodyInput(String kind, List<String> memberNames) {
	}

	public record Body(String id, String organizationId, VillageBodyKind kind, String kindLabel, List<String> memberNames,
			int version) {
	}

	public record BodyChange(List<String> memberNames, Integer version) {
	}

	public record CommitmentInput(Integer year, String text, String post) {
	}

	public record Commitment(String id, String memberId, String memberName, String organizationId, int year, String text,
			CommitmentPost post, String postLabel) {
	}

	public record RosterInput(String weekOf, List<String> memberIds) {
	}

	public record Person(String memberId, String name) {
	}

	public record Roster(String id, String organizationId, LocalDate weekOf, List<Person> members) {
	}

	public record MeetingInput(String heldOn, String topic, List<String> attendeeMemberIds) {
	}

	public record WeeklyMeeting(String id, String organizationId, LocalDate heldOn, String topic, List<Person> attendees) {
	}

	/** API.md governance-135: which bodies exist and which systems ran in the year. */
	public record Governance(String organizationId, String name, int year, Map<String, Boolean> bodies,
			Map<String, Boolean> systems) {
	}

	/** A row of the township table: a village with its township. */
	public record VillageRow(String organizationId, String name, String townshipName, Map<String, Boolean> bodies,
			Map<String, Boolean> systems, long bodiesRegistered, long systemsRun) {

		VillageRow(String organizationId, String name, String townshipName, Map<String, Boolean> bodies,
				Map<String, Boolean> systems) {
			this(organizationId, name, townshipName, bodies, systems,
					bodies.values().stream().filter(Boolean::booleanValue).count(),
					systems.values().stream().filter(Boolean::booleanValue).count());
		}
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final HouseholdService households;
	private final Clock clock;

	GovernanceService(JdbcClient jdbc, DataScope scope, AuditTrail audit, HouseholdService households, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.households = households;
		this.clock = clock;
	}

	// ---- bodies ----

	@Transactional
	public Body registerBody(long organizationId, BodyInput in) {
		OrgRef org = villageForWrite(organizationId, "村级组织");
		List<FieldProblem> problems = new ArrayList<>();
		VillageBodyKind kind = FormInput.parseEnum(VillageBodyKind.class, in.kind(), "kind",
				"组织应为 VILLAGE_COMMITTEE（村民委员会）、VILLAGERS_COUNCIL（村民议事会）或 SUPERVISION_COMMITTEE（村务监督委员会）",
				problems, true);
		List<String> names = names(in.memberNames(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("村级组织填写有误", problems);
		}
		jdbc.sql("SELECT id FROM organization WHERE id = :id FOR UPDATE").param("id", organizationId).query(Long.class).single();
		boolean exists = jdbc.sql("SELECT count(*) FROM village_body WHERE organization_id = :o AND kind = :k")
			.param("o", organizationId)
			.param("k", kind.name())
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new ConflictException(org.name() + "已登记" + kind.label() + "，不能重复登记");
		}
		long id = jdbc.sql("""
				INSERT INTO village_body (county_id, organization_id, kind, member_names, recorded_by)
				VALUES (:c, :o, :k, CAST(string_to_array(:names, '|') AS VARCHAR(50)[]), :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("k", kind.name())
			.param("names", String.join("|", names))
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("kind", kind.name());
		fields.put("memberNames", String.join("、", names));
		audit.record("VillageBody", id, organizationId, "CREATE", AuditTrail.created(fields));
		return bodies(organizationId).stream().filter(b -> b.kind() == kind).findFirst().orElseThrow();
	}

	/** The village a body belongs to (the page returns there after an edit). */
	public long bodyOrganization(long bodyId) {
		return jdbc.sql("SELECT organization_id FROM village_body WHERE id = :id")
			.param("id", bodyId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("村级组织不存在"));
	}

	/** A registered body's members replaced as a whole; the version read with the body guards a concurrent edit. */
	@Transactional
	public Body changeBody(long bodyId, BodyChange in) {
		long orgId = bodyOrganization(bodyId);
		villageForWrite(orgId, "村级组织");
		List<FieldProblem> problems = new ArrayList<>();
		List<String> names = names(in == null ? null : in.memberNames(), problems);
		if (in == null || in.version() == null) {
			problems.add(new FieldProblem("version", "请提供版本号（version）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("村级组织填写有误", problems);
		}
		Body before = jdbc.sql("""
				SELECT id, organization_id, kind, member_names, version FROM village_body WHERE id = :id FOR UPDATE""")
			.param("id", bodyId)
			.query((rs, i) -> {
				VillageBodyKind k = VillageBodyKind.valueOf(rs.getString(3));
				return new Body(rs.getString(1), rs.getString(2), k, k.label(), strings(rs.getArray(4)), rs.getInt(5));
			})
			.single();
		if (before.version() != in.version()) {
			throw new ConflictException(before.kindLabel() + "的成员已被他人修改，请刷新后重试");
		}
		jdbc.sql("""
				UPDATE village_body SET member_names = CAST(string_to_array(:names, '|') AS VARCHAR(50)[]),
				  version = version + 1 WHERE id = :id""")
			.param("names", String.join("|", names))
			.param("id", bodyId)
			.update();
		audit.record("VillageBody", bodyId, orgId, "UPDATE",
				AuditTrail.diff(Map.of("memberNames", String.join("、", before.memberNames())),
						Map.of("memberNames", String.join("、", names))));
		return bodies(orgId).stream().filter(b -> b.id().equals(Long.toString(bodyId))).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<Body> bodies(long organizationId) {
		households.requireReader(organizationId);
		return jdbc.sql("SELECT id, organization_id, kind, member_names, version FROM village_body WHERE organization_id = :o")
			.param("o", organizationId)
			.query((rs, i) -> {
				VillageBodyKind k = VillageBodyKind.valueOf(rs.getString(3));
				return new Body(rs.getString(1), rs.getString(2), k, k.label(), strings(rs.getArray(4)), rs.getInt(5));
			})
			.list()
			.stream()
			.sorted((a, b) -> a.kind().compareTo(b.kind()))
			.toList();
	}

	// ---- commitments ----

	@Transactional
	public Commitment commit(long memberId, CommitmentInput in) {
		scope.requireWriter(COMMITMENT_WRITERS);
		scope.requireMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		int current = LocalDate.now(clock).getYear();
		if (in.year() == null || in.year() < 2000 || in.year() > current + 1) {
			problems.add(new FieldProblem("year", "年度应在2000到" + (current + 1) + "之间"));
		}
		String text = HouseholdService.text(in.text(), "text", "承诺内容", 200, true, problems);
		CommitmentPost post = FormInput.parseEnum(CommitmentPost.class, in.post(), "post",
				"岗位应为 MODEL_POST（示范岗）、RESPONSIBILITY_AREA（责任区）或 GREEN_GUARD（护绿岗）", problems, false);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("承诺填写有误", problems);
		}
		record M(long county, long organization) {
		}
		M m = jdbc.sql("SELECT county_id, organization_id FROM member WHERE id = :m FOR UPDATE")
			.param("m", memberId)
			.query((rs, i) -> new M(rs.getLong(1), rs.getLong(2)))
			.single();
		boolean exists = jdbc.sql("SELECT count(*) FROM member_commitment WHERE member_id = :m AND year = :y")
			.param("m", memberId)
			.param("y", in.year())
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new ConflictException(in.year() + "年度的承诺已登记，每名党员每年一条");
		}
		long id = jdbc.sql("""
				INSERT INTO member_commitment (county_id, member_id, organization_id, year, text, post, recorded_by)
				VALUES (:c, :m, :o, :y, :t, :p, :by) RETURNING id""")
			.param("c", m.county())
			.param("m", memberId)
			.param("o", m.organization())
			.param("y", in.year())
			.param("t", text)
			.param("p", post == null ? null : post.name())
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", memberId);
		fields.put("year", in.year());
		fields.put("text", text);
		fields.put("post", post == null ? null : post.name());
		audit.record("MemberCommitment", id, m.organization(), "CREATE", AuditTrail.created(fields));
		return commitments("c.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public List<Commitment> commitmentsOf(long memberId) {
		scope.requireMember(memberId);
		return commitments("c.member_id = :m ORDER BY c.year DESC", Map.of("m", memberId));
	}

	/** The commitments of the year made by members of an organization's subtree (a branch's page). */
	@Transactional(readOnly = true)
	public List<Commitment> commitmentsIn(long organizationId, int year) {
		OrgRef org = households.requireReader(organizationId);
		return commitments("o.path LIKE :prefix AND c.year = :y ORDER BY o.path, m.name",
				Map.of("prefix", org.path() + "%", "y", year));
	}

	/** Unchecked: for {@link cn.jiceng.common.MemberCommitments}, whose callers have checked the scope. */
	List<Commitment> commitmentsUnchecked(long memberId) {
		return commitments("c.member_id = :m ORDER BY c.year DESC", Map.of("m", memberId));
	}

	private List<Commitment> commitments(String where, Map<String, ?> params) {
		return jdbc.sql("""
				SELECT c.id, c.member_id, m.name, c.organization_id, c.year, c.text, c.post
				FROM member_commitment c JOIN member m ON m.id = c.member_id JOIN organization o ON o.id = c.organization_id
				WHERE """ + " " + where)
			.params(params)
			.query((rs, i) -> {
				CommitmentPost p = rs.getString(7) == null ? null : CommitmentPost.valueOf(rs.getString(7));
				return new Commitment(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5),
						rs.getString(6), p, p == null ? null : p.label());
			})
			.list();
	}

	// ---- duty roster and weekly meetings ----

	@Transactional
	public Roster roster(long organizationId, RosterInput in) {
		OrgRef org = villageForWrite(organizationId, "村干部值班");
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate week = HouseholdService.date(in.weekOf(), "weekOf", "值班周", problems);
		if (week != null && week.getDayOfWeek() != DayOfWeek.MONDAY) {
			problems.add(new FieldProblem("weekOf", "值班周应填该周的星期一（" + week.with(DayOfWeek.MONDAY) + "）"));
		}
		List<Long> members = memberIds(in.memberIds(), "memberIds", "值班人员", org.countyId(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("值班安排填写有误", problems);
		}
		jdbc.sql("SELECT id FROM organization WHERE id = :id FOR UPDATE").param("id", organizationId).query(Long.class).single();
		boolean exists = jdbc.sql("SELECT count(*) FROM duty_roster WHERE organization_id = :o AND week_of = :w")
			.param("o", organizationId)
			.param("w", week)
			.query(Long.class)
			.single() > 0;
		if (exists) {
			throw new ConflictException(org.name() + week + "这一周的值班已安排");
		}
		long id = jdbc.sql("""
				INSERT INTO duty_roster (county_id, organization_id, week_of, member_ids, recorded_by)
				VALUES (:c, :o, :w, CAST(string_to_array(:m, ',') AS BIGINT[]), :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("w", week)
			.param("m", String.join(",", members.stream().map(String::valueOf).toList()))
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("weekOf", week);
		fields.put("memberIds", names(members));
		audit.record("DutyRoster", id, organizationId, "CREATE", AuditTrail.created(fields));
		return new Roster(Long.toString(id), Long.toString(organizationId), week, people(members));
	}

	@Transactional
	public WeeklyMeeting weeklyMeeting(long organizationId, MeetingInput in) {
		OrgRef org = villageForWrite(organizationId, "村干部周例会");
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = HouseholdService.date(in.heldOn(), "heldOn", "召开日期", problems);
		String topic = HouseholdService.text(in.topic(), "topic", "议题", 200, true, problems);
		List<Long> attendees = memberIds(in.attendeeMemberIds(), "attendeeMemberIds", "参会人员", org.countyId(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("周例会填写有误", problems);
		}
		if (on.isAfter(LocalDate.now(clock))) {
			throw new cn.jiceng.common.RuleViolationException("周例会的召开日期不能晚于今天");
		}
		long id = jdbc.sql("""
				INSERT INTO weekly_meeting (county_id, organization_id, held_on, topic, attendee_member_ids, recorded_by)
				VALUES (:c, :o, :on, :t, CAST(string_to_array(:m, ',') AS BIGINT[]), :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("on", on)
			.param("t", topic)
			.param("m", String.join(",", attendees.stream().map(String::valueOf).toList()))
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("heldOn", on);
		fields.put("topic", topic);
		fields.put("attendeeMemberIds", names(attendees));
		audit.record("WeeklyMeeting", id, organizationId, "CREATE", AuditTrail.created(fields));
		return new WeeklyMeeting(Long.toString(id), Long.toString(organizationId), on, topic, people(attendees));
	}

	@Transactional(readOnly = true)
	public List<Roster> rosters(long organizationId, int year) {
		households.requireReader(organizationId);
		return jdbc.sql("""
				SELECT id, organization_id, week_of, member_ids FROM duty_roster
				WHERE organization_id = :o AND EXTRACT(YEAR FROM week_of) = :y ORDER BY week_of DESC""")
			.param("o", organizationId)
			.param("y", year)
			.query((rs, i) -> new Roster(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					people(longs(rs.getArray(4)))))
			.list();
	}

	@Transactional(readOnly = true)
	public List<WeeklyMeeting> weeklyMeetings(long organizationId, int year) {
		households.requireReader(organizationId);
		return jdbc.sql("""
				SELECT id, organization_id, held_on, topic, attendee_member_ids FROM weekly_meeting
				WHERE organization_id = :o AND EXTRACT(YEAR FROM held_on) = :y ORDER BY held_on DESC, id DESC""")
			.param("o", organizationId)
			.param("y", year)
			.query((rs, i) -> new WeeklyMeeting(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), people(longs(rs.getArray(5)))))
			.list();
	}

	/** The members on the roll of the subtree today, for the pages' pickers. */
	@Transactional(readOnly = true)
	public List<Person> members(long organizationId) {
		OrgRef org = households.requireReader(organizationId);
		return jdbc.sql("SELECT m.id, m.name FROM member m JOIN organization o ON o.id = m.organization_id"
				+ " WHERE o.path LIKE :prefix AND " + cn.jiceng.member.MemberStatus.sqlOnRoll("m.status")
				+ " ORDER BY o.path, m.name LIMIT 300")
			.param("prefix", org.path() + "%")
			.query((rs, i) -> new Person(rs.getString(1), rs.getString(2)))
			.list();
	}

	// ---- the yearly 135 view ----

	@Transactional(readOnly = true)
	public Governance governance(long organizationId, int year) {
		OrgRef org = households.requireReader(organizationId);
		Villages.requireVillage(org, "村级“135”");
		VillageRow r = rows("v.id = :o", Map.of("o", organizationId), year).get(0);
		return new Governance(r.organizationId(), r.name(), year, r.bodies(), r.systems());
	}

	/** The township table: every village of the subtree (a village's own sub-branches are part of it) × 3 + 5. */
	@Transactional(readOnly = true)
	public List<VillageRow> villages(long organizationId, int year) {
		OrgRef org = households.requireReader(organizationId);
		return rows("v.path LIKE :prefix AND " + Villages.sqlIsVillage("v") + " AND NOT EXISTS (SELECT 1 FROM organization p"
				+ " WHERE p.id = v.parent_id AND " + Villages.sqlIsVillage("p") + ")", Map.of("prefix", org.path() + "%"),
				year);
	}

	private List<VillageRow> rows(String where, Map<String, ?> params, int year) {
		return jdbc.sql("""
				SELECT v.id, v.name, t.name,
				  EXISTS (SELECT 1 FROM village_body b WHERE b.organization_id = v.id AND b.kind = 'VILLAGE_COMMITTEE'),
				  EXISTS (SELECT 1 FROM village_body b WHERE b.organization_id = v.id AND b.kind = 'VILLAGERS_COUNCIL'),
				  EXISTS (SELECT 1 FROM village_body b WHERE b.organization_id = v.id AND b.kind = 'SUPERVISION_COMMITTEE'),
				  EXISTS (SELECT 1 FROM member_commitment c JOIN organization x ON x.id = c.organization_id
				          WHERE x.path LIKE v.path || '%' AND c.year = :year),
				  EXISTS (SELECT 1 FROM duty_roster r JOIN organization x ON x.id = r.organization_id
				          WHERE x.path LIKE v.path || '%' AND r.week_of BETWEEN :from AND :to)
				  AND EXISTS (SELECT 1 FROM weekly_meeting w JOIN organization x ON x.id = w.organization_id
				          WHERE x.path LIKE v.path || '%' AND w.held_on BETWEEN :from AND :to),
				  EXISTS (SELECT 1 FROM errand e JOIN organization x ON x.id = e.organization_id
				          WHERE x.path LIKE v.path || '%' AND e.received_on BETWEEN :from AND :to),
				  EXISTS (SELECT 1 FROM point_claim p JOIN organization x ON x.id = p.organization_id
				          WHERE x.path LIKE v.path || '%' AND p.status = :approved AND p.month BETWEEN :from AND :to),
				  EXISTS (SELECT 1 FROM decision_step s JOIN decision d ON d.id = s.decision_id
				          JOIN organization x ON x.id = d.organization_id
				          WHERE x.path LIKE v.path || '%' AND s.held_on BETWEEN :from AND :to)
				FROM organization v LEFT JOIN organization t ON t.id = v.parent_id
				WHERE """ + " " + where + " ORDER BY v.path")
			.params(params)
			.param("year", year)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("approved", ClaimStatus.APPROVED.name())
			.query((rs, i) -> {
				Map<String, Boolean> bodies = new LinkedHashMap<>();
				for (VillageBodyKind k : VillageBodyKind.values()) {
					bodies.put(k.name(), rs.getBoolean(4 + k.ordinal()));
				}
				Map<String, Boolean> systems = new LinkedHashMap<>();
				for (int k = 0; k < SYSTEMS.size(); k++) {
					systems.put(SYSTEMS.get(k), rs.getBoolean(7 + k));
				}
				return new VillageRow(rs.getString(1), rs.getString(2), rs.getString(3), bodies, systems);
			})
			.list();
	}

	// ---- helpers ----

	private OrgRef villageForWrite(long organizationId, String what) {
		scope.requireWriter(DecisionService.WRITERS);
		OrgRef org = households.requireReader(organizationId);
		Villages.requireVillage(org, what);
		return org;
	}

	private static List<String> names(List<String> raw, List<FieldProblem> problems) {
		Set<String> names = new LinkedHashSet<>();
		for (String n : raw == null ? List.<String>of() : raw) {
			String v = FormInput.blankToNull(n);
			if (v == null) {
				continue;
			}
			if (v.length() > 50 || v.contains("|")) {
				problems.add(new FieldProblem("memberNames", "成员姓名不能超过50个字：" + v));
			}
			names.add(v);
		}
		if (names.isEmpty()) {
			problems.add(new FieldProblem("memberNames", "请填写组织成员姓名"));
		}
		if (names.size() > 100) {
			problems.add(new FieldProblem("memberNames", "成员不能超过100人"));
		}
		return List.copyOf(names);
	}

	private List<Long> memberIds(List<String> raw, String field, String label, long countyId,
			List<FieldProblem> problems) {
		Set<Long> ids = new LinkedHashSet<>();
		for (String s : raw == null ? List.<String>of() : raw) {
			try {
				ids.add(Ids.parse(s, "党员"));
			}
			catch (RuntimeException e) {
				problems.add(new FieldProblem(field, label + "的编号有误：" + s));
			}
		}
		if (ids.isEmpty()) {
			problems.add(new FieldProblem(field, "请选择" + label));
			return List.of();
		}
		long known = jdbc.sql("SELECT count(*) FROM member WHERE id IN (:ids) AND county_id = :c")
			.param("ids", ids)
			.param("c", countyId)
			.query(Long.class)
			.single();
		if (known != ids.size()) {
			problems.add(new FieldProblem(field, label + "中有不存在的党员"));
		}
		return List.copyOf(ids);
	}

	private List<Person> people(List<Long> ids) {
		if (ids.isEmpty()) {
			return List.of();
		}
		Map<Long, String> names = new LinkedHashMap<>();
		jdbc.sql("SELECT id, name FROM member WHERE id IN (:ids)").param("ids", ids).query((ResultSet rs) -> {
			names.put(rs.getLong(1), rs.getString(2));
		});
		return ids.stream().map(id -> new Person(Long.toString(id), names.getOrDefault(id, ""))).toList();
	}

	private String names(List<Long> ids) {
		return String.join("、", people(ids).stream().map(Person::name).toList());
	}

	private static List<String> strings(Array a) throws SQLException {
		return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(String::valueOf).toList();
	}

	private static List<Long> longs(Array a) throws SQLException {
		return a == null ? List.of() : Arrays.stream((Object[]) a.getArray()).map(o -> ((Number) o).longValue()).toList();
	}

}
