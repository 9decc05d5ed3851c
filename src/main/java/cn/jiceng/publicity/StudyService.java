package cn.jiceng.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Weekly night study (每周夜学) of township committees and agency units with its attendance and the weeks without a
 * session, and cross lectures (交叉巡讲) whose lecturer comes from another township (SPEC.md §4.10).
 */
@Service
class StudyService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final Clock clock;

	StudyService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.clock = clock;
	}

	public record SessionInput(String heldOn, String form, String topic, String lecturer, List<Object> attendeeMemberIds) {
	}

	public record SessionView(String id, String organizationId, LocalDate heldOn, StudyForm form, String formLabel,
			String topic, String lecturer, List<String> attendeeMemberIds, List<String> attendeeNames) {
	}

	public record Sessions(String organizationId, String organizationName, int year, List<SessionView> items,
			List<String> weeksWithout) {
	}

	public record Gaps(List<String> weeksWithout) {
	}

	public record LectureInput(String lecturerMemberId, String organizationId, String heldOn, String topic) {
	}

	public record LectureView(String id, String organizationId, String organizationName, String lecturerMemberId,
			String lecturerName, String lecturerOrganizationName, LocalDate heldOn, String topic) {
	}

	@Transactional
	public SessionView record(long organizationId, SessionInput in) {
		OrgRef org = writable(organizationId);
		StudyPolicy.Decision may = StudyPolicy.mayHoldNightStudy(org.kind(), org.field());
		if (!may.allowed()) {
			throw InvalidInputException.of("organizationId", may.reason());
		}
		SessionInput i = in == null ? new SessionInput(null, null, null, null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(i.heldOn(), "heldOn", "学习日期", problems);
		if (on != null && on.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("heldOn", "学习日期不能晚于今天"));
		}
		StudyForm form = Inputs.code(StudyForm.class, i.form(), "form",
				"学习形式应为 EXPERT_LECTURE、LEADER_LED、ROTATING_LECTURE、EXCHANGE 或 ONLINE", problems);
		String topic = Inputs.text(i.topic(), "topic", "学习主题", 200, true, problems);
		String lecturer = Inputs.text(i.lecturer(), "lecturer", "主讲人", 50, false, problems);
		Set<Long> attendees = new LinkedHashSet<>();
		if (i.attendeeMemberIds() != null) {
			for (Object id : i.attendeeMemberIds()) {
				Long m = Inputs.id(id, "attendeeMemberIds", "参学党员", true, problems);
				if (m != null) {
					attendees.add(m);
				}
			}
		}
		if (!attendees.isEmpty()) {
			long known = jdbc.sql("SELECT count(*) FROM member WHERE id IN (:ids) AND county_id = :c")
				.param("ids", attendees)
				.param("c", org.countyId())
				.query(Long.class)
				.single();
			if (known != attendees.size()) {
				problems.add(new FieldProblem("attendeeMemberIds", "参学党员中有不存在的党员"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("夜学记录填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO study_session (county_id, organization_id, held_on, form, topic, lecturer, recorded_by)
				VALUES (:c, :o, :on, :f, :t, :l, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("on", on)
			.param("f", form.name())
			.param("t", topic)
			.param("l", lecturer)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		for (Long m : attendees) {
			jdbc.sql("INSERT INTO study_attendee (county_id, session_id, member_id) VALUES (:c, :s, :m)")
				.param("c", org.countyId())
				.param("s", id)
				.param("m", m)
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("heldOn", on.toString());
		after.put("form", form.name());
		after.put("topic", topic);
		if (lecturer != null) {
			after.put("lecturer", lecturer);
		}
		after.put("attendees", attendees.size());
		audit.record("StudySession", id, organizationId, "CREATE", AuditTrail.created(after));
		return sessions(org.id(), "s.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public Gaps gaps(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		int y = year(year);
		List<LocalDate> held = jdbc.sql("SELECT held_on FROM study_session WHERE organization_id = :o"
				+ " AND held_on BETWEEN :from AND :to")
			.param("o", organizationId)
			.param("from", LocalDate.of(y - 1, 12, 20))
			.param("to", LocalDate.of(y + 1, 1, 10))
			.query(LocalDate.class)
			.list();
		return new Gaps(StudyPolicy.weeksWithout(y, LocalDate.now(clock), held));
	}

	@Transactional(readOnly = true)
	public Sessions list(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int y = year(year);
		List<SessionView> items = sessions(organizationId, "s.held_on >= :from AND s.held_on < :to",
				Map.of("from", LocalDate.of(y, 1, 1), "to", LocalDate.of(y + 1, 1, 1)));
		return new Sessions(Long.toString(org.id()), org.name(), y, items, gaps(organizationId, y).weeksWithout());
	}

	@Transactional
	public LectureView lecture(LectureInput in) {
		LectureInput i = in == null ? new LectureInput(null, null, null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		Long host = Inputs.id(i.organizationId(), "organizationId", "受讲党组织", true, problems);
		if (host != null) {
			writable(host);
		}
		Long lecturer = Inputs.id(i.lecturerMemberId(), "lecturerMemberId", "宣讲人", true, problems);
		LocalDate on = Inputs.date(i.heldOn(), "heldOn", "宣讲日期", problems);
		String topic = Inputs.text(i.topic(), "topic", "宣讲主题", 200, true, problems);
		OrgRef org = host == null ? null : organizations.ref(host).orElseThrow(() -> new NotFoundException("党组织不存在"));
		String lecturerPath = null;
		if (lecturer != null && org != null) {
			lecturerPath = jdbc.sql("""
					SELECT o.path FROM member m JOIN organization o ON o.id = m.organization_id
					WHERE m.id = :m AND m.county_id = :c""")
				.param("m", lecturer)
				.param("c", org.countyId())
				.query(String.class)
				.optional()
				.orElse(null);
			if (lecturerPath == null) {
				problems.add(new FieldProblem("lecturerMemberId", "宣讲人不存在"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("交叉巡讲填写有误", problems);
		}
		StudyPolicy.Decision d = StudyPolicy.crossLecture(org.path(), lecturerPath);
		if (!d.allowed()) {
			throw new RuleViolationException(d.reason());
		}
		long id = jdbc.sql("""
				INSERT INTO cross_lecture (county_id, organization_id, lecturer_member_id, held_on, topic, recorded_by)
				VALUES (:c, :o, :m, :on, :t, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("m", lecturer)
			.param("on", on)
			.param("t", topic)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("lecturerMemberId", lecturer.toString());
		after.put("heldOn", on.toString());
		after.put("topic", topic);
		audit.record("CrossLecture", id, org.id(), "CREATE", AuditTrail.created(after));
		return lectures("c.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public List<LectureView> lectures(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int y = year(year);
		return lectures("h.path LIKE :prefix AND c.held_on >= :from AND c.held_on < :to", Map.of("prefix",
				org.path() + "%", "from", LocalDate.of(y, 1, 1), "to", LocalDate.of(y + 1, 1, 1)));
	}

	private List<LectureView> lectures(String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT c.id, c.organization_id, h.name, c.lecturer_member_id, m.name, lo.name, c.held_on, c.topic
				FROM cross_lecture c JOIN organization h ON h.id = c.organization_id
				JOIN member m ON m.id = c.lecturer_member_id JOIN organization lo ON lo.id = m.organization_id
				WHERE """ + " " + where + " ORDER BY c.held_on DESC, c.id DESC")
			.params(params)
			.query((rs, n) -> new LectureView(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
					rs.getString(3), Long.toString(rs.getLong(4)), rs.getString(5), rs.getString(6),
					rs.getObject(7, LocalDate.class), rs.getString(8)))
			.list();
	}

	private List<SessionView> sessions(long organizationId, String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT s.id, s.held_on, s.form, s.topic, s.lecturer,
				       coalesce(array_agg(a.member_id ORDER BY m.name, a.member_id) FILTER (WHERE a.member_id IS NOT NULL), '{}'),
				       coalesce(array_agg(m.name ORDER BY m.name, a.member_id) FILTER (WHERE a.member_id IS NOT NULL), '{}')
				FROM study_session s LEFT JOIN study_attendee a ON a.session_id = s.id
				LEFT JOIN member m ON m.id = a.member_id
				WHERE s.organization_id = :org AND """ + " " + where + """

				GROUP BY s.id, s.county_id ORDER BY s.held_on DESC, s.id DESC""")
			.param("org", organizationId)
			.params(params)
			.query((rs, n) -> {
				Long[] ids = (Long[]) rs.getArray(6).getArray();
				String[] names = (String[]) rs.getArray(7).getArray();
				StudyForm form = StudyForm.valueOf(rs.getString(3));
				return new SessionView(Long.toString(rs.getLong(1)), Long.toString(organizationId),
						rs.getObject(2, LocalDate.class), form, form.label(), rs.getString(4), rs.getString(5),
						java.util.Arrays.stream(ids).map(String::valueOf).toList(), List.of(names));
			})
			.list();
	}

	private OrgRef writable(long organizationId) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(WRITERS);
		return organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	private int year(Integer year) {
		List<FieldProblem> problems = new ArrayList<>();
		int y = Inputs.year(year, LocalDate.now(clock).get(IsoFields.WEEK_BASED_YEAR), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		return y;
	}
}
