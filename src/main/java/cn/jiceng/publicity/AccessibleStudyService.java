package cn.jiceng.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accessible study (私人定制法, SPEC.md §4.10): a member's study needs (large print, dialect audio, home delivery),
 * home deliveries by red instructors (红色指导员), and the members of a subtree still waiting for their delivery of
 * a quarter ({@link AccessibleStudyPolicy}).
 */
@Service
class AccessibleStudyService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final Clock clock;

	AccessibleStudyService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.clock = clock;
	}

	public record NeedsInput(Boolean largePrint, Boolean dialectAudio, Boolean homeDelivery) {
	}

	public record NeedsView(String memberId, boolean largePrint, boolean dialectAudio, boolean homeDelivery,
			boolean recorded, List<DeliveryView> deliveries) {
	}

	public record DeliveryInput(String on, String instructorMemberId, String note) {
	}

	public record DeliveryView(String id, String memberId, LocalDate on, String instructorMemberId,
			String instructorName, String note) {
	}

	public record GapItem(String memberId, String name) {
	}

	public record Gaps(String quarter, List<GapItem> items) {
	}

	@Transactional
	public NeedsView putNeeds(long memberId, NeedsInput in) {
		scope.requireMember(memberId);
		scope.requireWriter(WRITERS);
		NeedsInput i = in == null ? new NeedsInput(null, null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		if (i.largePrint() == null) {
			problems.add(new FieldProblem("largePrint", "请说明是否需要大字版（true/false）"));
		}
		if (i.dialectAudio() == null) {
			problems.add(new FieldProblem("dialectAudio", "请说明是否需要方言音频（true/false）"));
		}
		if (i.homeDelivery() == null) {
			problems.add(new FieldProblem("homeDelivery", "请说明是否需要送学上门（true/false）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("学习需求填写有误", problems);
		}
		long county = county(memberId);
		NeedsView before = needs(memberId, false);
		jdbc.sql("""
				INSERT INTO study_need (county_id, member_id, large_print, dialect_audio, home_delivery, updated_by)
				VALUES (:c, :m, :lp, :da, :hd, :by)
				ON CONFLICT (member_id, county_id) DO UPDATE SET large_print = EXCLUDED.large_print,
				  dialect_audio = EXCLUDED.dialect_audio, home_delivery = EXCLUDED.home_delivery,
				  updated_by = EXCLUDED.updated_by, updated_at = now(), version = study_need.version + 1""")
			.param("c", county)
			.param("m", memberId)
			.param("lp", i.largePrint())
			.param("da", i.dialectAudio())
			.param("hd", i.homeDelivery())
			.param("by", scope.current().caller().username())
			.update();
		Map<String, Object> old = new LinkedHashMap<>();
		old.put("largePrint", before.largePrint());
		old.put("dialectAudio", before.dialectAudio());
		old.put("homeDelivery", before.homeDelivery());
		Map<String, Object> now = new LinkedHashMap<>();
		now.put("largePrint", i.largePrint());
		now.put("dialectAudio", i.dialectAudio());
		now.put("homeDelivery", i.homeDelivery());
		audit.record("StudyNeeds", memberId, organizationOf(memberId), before.recorded() ? "UPDATE" : "CREATE",
				before.recorded() ? AuditTrail.diff(old, now) : AuditTrail.created(now));
		return needs(memberId, true);
	}

	@Transactional(readOnly = true)
	public NeedsView getNeeds(long memberId) {
		scope.requireMember(memberId);
		return needs(memberId, true);
	}

	@Transactional
	public DeliveryView deliver(long memberId, DeliveryInput in) {
		scope.requireMember(memberId);
		scope.requireWriter(WRITERS);
		DeliveryInput i = in == null ? new DeliveryInput(null, null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(i.on(), "on", "送学日期", problems);
		if (on != null && on.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("on", "送学日期不能晚于今天"));
		}
		Long instructor = Inputs.id(i.instructorMemberId(), "instructorMemberId", "红色指导员", true, problems);
		String note = Inputs.text(i.note(), "note", "备注", 500, false, problems);
		long county = county(memberId);
		if (instructor != null && jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", instructor)
			.param("c", county)
			.query(Long.class)
			.single() == 0) {
			problems.add(new FieldProblem("instructorMemberId", "红色指导员不存在"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("送学上门填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO home_delivery (county_id, member_id, delivered_on, instructor_member_id, note, recorded_by)
				VALUES (:c, :m, :on, :i, :n, :by) RETURNING id""")
			.param("c", county)
			.param("m", memberId)
			.param("on", on)
			.param("i", instructor)
			.param("n", note)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("on", on.toString());
		after.put("instructorMemberId", instructor.toString());
		if (note != null) {
			after.put("note", note);
		}
		audit.record("HomeDelivery", id, organizationOf(memberId), "CREATE", AuditTrail.created(after));
		return deliveries("d.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public Gaps gaps(long organizationId, String quarterText) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		AccessibleStudyPolicy.Quarter q = quarterText == null || quarterText.isBlank()
				? AccessibleStudyPolicy.quarterOf(LocalDate.now(clock)) : AccessibleStudyPolicy.quarter(quarterText);
		if (q == null) {
			throw InvalidInputException.of("quarter", "季度格式应为 2025-Q3");
		}
		// the SQL form of AccessibleStudyPolicy.needsHomeDelivery: recorded needs first, else aged 70+ on the last day
		List<GapItem> items = jdbc.sql("""
				SELECT m.id, m.name FROM member m JOIN organization o ON o.id = m.organization_id
				LEFT JOIN study_need n ON n.member_id = m.id
				WHERE m.county_id = :c AND o.path LIKE :prefix AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED')
				  AND m.joined_on <= :last
				  AND coalesce(n.home_delivery, m.birth_date <= :bornBy)
				  AND NOT EXISTS (SELECT 1 FROM home_delivery d WHERE d.member_id = m.id
				                  AND d.delivered_on BETWEEN :first AND :last)
				ORDER BY o.path, m.name, m.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("first", q.firstDay())
			.param("last", q.lastDay())
			.param("bornBy", AccessibleStudyPolicy.bornOnOrBeforeForDefault(q))
			.query((rs, i) -> new GapItem(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list();
		return new Gaps(q.toString(), items);
	}

	/** One member of a subtree's roster of accessible study in a quarter. */
	public record RosterRow(String memberId, String name, String organizationName, int age, boolean largePrint,
			boolean dialectAudio, boolean homeDelivery, boolean recorded, LocalDate lastDeliveryOn,
			boolean deliveredInQuarter, boolean gap) {
	}

	/** The members of a subtree with a need in the quarter (filtered), and how many have each need. */
	public record Roster(String quarter, List<RosterRow> rows, int withNeed, int largePrint, int dialectAudio,
			int homeDelivery, int gaps) {
	}

	/**
	 * Members of the subtree on the roll by the quarter's end with any need: recorded large print or dialect audio,
	 * or home delivery by {@link AccessibleStudyPolicy#needsHomeDelivery} (the SQL below is that rule, as in
	 * {@link #gaps}); {@code name} narrows by a part of the name.
	 */
	@Transactional(readOnly = true)
	public Roster roster(long organizationId, AccessibleStudyPolicy.Quarter q, AccessibleStudyPolicy.Need need,
			String name) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		String text = name == null ? "" : name.strip();
		List<RosterRow> all = jdbc.sql("""
				SELECT m.id, m.name, o.name, m.birth_date, coalesce(n.large_print, false), coalesce(n.dialect_audio, false),
				       coalesce(n.home_delivery, m.birth_date <= :bornBy), n.member_id IS NOT NULL,
				       (SELECT max(d.delivered_on) FROM home_delivery d WHERE d.member_id = m.id),
				       EXISTS (SELECT 1 FROM home_delivery d WHERE d.member_id = m.id AND d.delivered_on BETWEEN :first AND :last)
				FROM member m JOIN organization o ON o.id = m.organization_id
				LEFT JOIN study_need n ON n.member_id = m.id
				WHERE m.county_id = :c AND o.path LIKE :prefix AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED')
				  AND m.joined_on <= :last
				  AND (coalesce(n.large_print, false) OR coalesce(n.dialect_audio, false)
				       OR coalesce(n.home_delivery, m.birth_date <= :bornBy))
				  AND (:q = '' OR m.name LIKE :like)
				ORDER BY o.path, m.name, m.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("first", q.firstDay())
			.param("last", q.lastDay())
			.param("bornBy", AccessibleStudyPolicy.bornOnOrBeforeForDefault(q))
			.param("q", text)
			.param("like", "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%")
			.query((rs, i) -> {
				boolean home = rs.getBoolean(7);
				boolean delivered = rs.getBoolean(10);
				return new RosterRow(rs.getString(1), rs.getString(2), rs.getString(3),
						AccessibleStudyPolicy.age(rs.getObject(4, LocalDate.class), q.lastDay()), rs.getBoolean(5),
						rs.getBoolean(6), home, rs.getBoolean(8), rs.getObject(9, LocalDate.class), delivered,
						AccessibleStudyPolicy.isGap(home, delivered));
			})
			.list();
		List<RosterRow> rows = all.stream().filter(r -> switch (need) {
			case ANY -> true;
			case LARGE_PRINT -> r.largePrint();
			case DIALECT_AUDIO -> r.dialectAudio();
			case HOME_DELIVERY -> r.homeDelivery();
			case GAP -> r.gap();
		}).toList();
		return new Roster(q.toString(), rows, all.size(), (int) all.stream().filter(RosterRow::largePrint).count(),
				(int) all.stream().filter(RosterRow::dialectAudio).count(),
				(int) all.stream().filter(RosterRow::homeDelivery).count(),
				(int) all.stream().filter(RosterRow::gap).count());
	}

	/** Who a member is, for the pages: name, organization, age today. */
	public record MemberHead(String id, String name, String organizationId, String organizationName, int age) {
	}

	@Transactional(readOnly = true)
	public MemberHead member(long memberId) {
		scope.requireMember(memberId);
		return jdbc.sql("""
				SELECT m.id, m.name, o.id, o.name, m.birth_date FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.id = :m""")
			.param("m", memberId)
			.query((rs, i) -> new MemberHead(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					AccessibleStudyPolicy.age(rs.getObject(5, LocalDate.class), LocalDate.now(clock))))
			.single();
	}

	private Long organizationOf(long memberId) {
		return jdbc.sql("SELECT organization_id FROM member WHERE id = :m")
			.param("m", memberId)
			.query(Long.class)
			.optional()
			.orElse(null);
	}

	private long county(long memberId) {
		return jdbc.sql("SELECT county_id FROM member WHERE id = :m")
			.param("m", memberId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
	}

	private NeedsView needs(long memberId, boolean withDeliveries) {
		record Row(boolean lp, boolean da, boolean hd) {
		}
		Row row = jdbc.sql("SELECT large_print, dialect_audio, home_delivery FROM study_need WHERE member_id = :m")
			.param("m", memberId)
			.query((rs, i) -> new Row(rs.getBoolean(1), rs.getBoolean(2), rs.getBoolean(3)))
			.optional()
			.orElse(null);
		List<DeliveryView> deliveries = withDeliveries
				? deliveries("d.member_id = :m", Map.of("m", memberId)) : List.of();
		if (row == null) {
			LocalDate birth = jdbc.sql("SELECT birth_date FROM member WHERE id = :m")
				.param("m", memberId)
				.query(LocalDate.class)
				.single();
			boolean suggested = AccessibleStudyPolicy.needsHomeDelivery(birth,
					AccessibleStudyPolicy.quarterOf(LocalDate.now(clock)), null);
			return new NeedsView(Long.toString(memberId), false, false, suggested, false, deliveries);
		}
		return new NeedsView(Long.toString(memberId), row.lp(), row.da(), row.hd(), true, deliveries);
	}

	private List<DeliveryView> deliveries(String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT d.id, d.member_id, d.delivered_on, d.instructor_member_id, i.name, d.note
				FROM home_delivery d JOIN member i ON i.id = d.instructor_member_id
				WHERE """ + " " + where + " ORDER BY d.delivered_on DESC, d.id DESC")
			.params(params)
			.query((rs, n) -> new DeliveryView(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)),
					rs.getObject(3, LocalDate.class), Long.toString(rs.getLong(4)), rs.getString(5), rs.getString(6)))
			.list();
	}
}
