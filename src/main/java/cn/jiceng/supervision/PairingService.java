package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.PAIRING_DIFFICULTIES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.PAIRING_SERVICES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.PAIRING_WISHES_PER_QUARTER;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.access.Scope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Pairing and micro-wishes (携手联心, SPEC.md §4.8, API.md "Responsibility and supervision"): an agency branch pairs
 * with a service site, records its services and the difficulties it solved, and posts the site's micro-wishes, which
 * a member claims and completes. A claim and a completion lock the wish's row and check its status, so two members
 * claiming one wish at once get one 200 and one 409.
 */
@Service
class PairingService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	PairingService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- pairings -------------------------------------------------------------------------------------------

	public record PairingInput(String siteName, String startedOn) {
	}

	public record PairingView(String id, String organizationId, String name, String siteName, LocalDate startedOn) {
	}

	private record Pairing(long id, long countyId, long organizationId, String name, String path, String siteName,
			LocalDate startedOn) {
	}

	private Pairing pairing(long id) {
		return jdbc.sql("""
				SELECT p.id, p.county_id, p.organization_id, o.name, o.path, p.site_name, p.started_on
				FROM pairing p JOIN organization o ON o.id = p.organization_id WHERE p.id = :id""")
			.param("id", id)
			.query((rs, i) -> new Pairing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.optional()
			.orElseThrow(() -> new NotFoundException("结对关系不存在"));
	}

	private static PairingView view(Pairing p) {
		return new PairingView(Long.toString(p.id()), Long.toString(p.organizationId()), p.name(), p.siteName(),
				p.startedOn());
	}

	/** A pairing whose branch the caller may see (member accounts: their own branch's); 404 otherwise. */
	private Pairing visible(long id) {
		Pairing p = pairing(id);
		if (!scope.coversPublication(p.organizationId())) {
			throw new NotFoundException("结对关系不存在或不在您的管理范围内");
		}
		return p;
	}

	/** A pairing the caller may write to: its branch in scope, branch secretary or higher. */
	private Pairing writable(long id) {
		Pairing p = pairing(id);
		scope.requireOrganization(p.organizationId());
		scope.requireWriter(WRITERS);
		return p;
	}

	@Transactional
	public PairingView pair(long organizationId, PairingInput in) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(WRITERS);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		String refusal = PairingPolicy.pairingRefusal(org.kind(), org.field());
		if (refusal != null) {
			throw InvalidInputException.of("organizationId", refusal + "，" + org.name() + "不是机关党支部");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String site = Inputs.text(in == null ? null : in.siteName(), "siteName", "服务站点名称", 100, true, problems);
		LocalDate startedOn = Inputs.date(in == null ? null : in.startedOn(), "startedOn", "结对日期", true, problems);
		notFuture(startedOn, "startedOn", "结对日期", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("结对填写有误", problems);
		}
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO pairing (county_id, organization_id, site_name, started_on, created_by)
					VALUES (:c, :o, :s, :d, :by) RETURNING id""")
				.param("c", org.countyId())
				.param("o", organizationId)
				.param("s", site)
				.param("d", startedOn)
				.param("by", scope.current().caller().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(org.name() + "已与“" + site + "”结对");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("siteName", site);
		fields.put("startedOn", startedOn);
		audit.record("Pairing", id, organizationId, "CREATE", AuditTrail.created(fields));
		return view(pairing(id));
	}

	private void notFuture(LocalDate on, String field, String label, List<FieldProblem> problems) {
		if (on != null && on.isAfter(today())) {
			problems.add(new FieldProblem(field, label + "不能晚于今天"));
		}
	}

	// ---- services and difficulties --------------------------------------------------------------------------

	public record ActivityInput(String on, String content) {
	}

	public record ActivityView(String id, String pairingId, PairingActivityKind kind, String kindLabel, LocalDate on,
			String content) {
	}

	@Transactional
	public ActivityView activity(long pairingId, PairingActivityKind kind, ActivityInput in) {
		Pairing p = writable(pairingId);
		String label = kind == PairingActivityKind.SERVICE ? "服务" : "解决困难";
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", label + "日期", true, problems);
		notFuture(on, "on", label + "日期", problems);
		notBefore(on, p.startedOn(), "on", label + "日期", "结对日期", problems);
		String content = Inputs.text(in == null ? null : in.content(), "content", label + "内容", 1000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException(label + "记录填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO pairing_activity (county_id, pairing_id, kind, held_on, content, recorded_by)
				VALUES (:c, :p, :k, :d, :t, :by) RETURNING id""")
			.param("c", p.countyId())
			.param("p", pairingId)
			.param("k", kind.name())
			.param("d", on)
			.param("t", content)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		audit.record("PairingActivity", id, p.organizationId(), "CREATE", AuditTrail.created(Map.of("pairingId",
				pairingId, "kind", kind.name(), "on", on, "content", content)));
		return new ActivityView(Long.toString(id), Long.toString(pairingId), kind, kind.label(), on, content);
	}

	private static void notBefore(LocalDate on, LocalDate limit, String field, String label, String limitLabel,
			List<FieldProblem> problems) {
		if (on != null && limit != null && on.isBefore(limit)) {
			problems.add(new FieldProblem(field, label + "不能早于" + limitLabel + limit));
		}
	}

	// ---- micro-wishes ---------------------------------------------------------------------------------------

	public record WishInput(String postedOn, String content) {
	}

	public record ClaimInput(String memberId, String on) {
	}

	public record CompleteInput(String on) {
	}

	public record WishView(String id, String pairingId, String content, LocalDate postedOn, WishStatus status,
			String statusLabel, String memberId, String memberName, LocalDate claimedOn, LocalDate completedOn,
			int version) {
	}

	private record Wish(long id, long pairingId, String content, LocalDate postedOn, WishStatus status, Long memberId,
			String memberName, LocalDate claimedOn, LocalDate completedOn, int version) {

		WishView view() {
			return new WishView(Long.toString(id), Long.toString(pairingId), content, postedOn, status, status.label(),
					memberId == null ? null : memberId.toString(), memberName, claimedOn, completedOn, version);
		}
	}

	private static final String SELECT_WISH = """
			SELECT w.id, w.pairing_id, w.content, w.posted_on, w.status, w.member_id, m.name, w.claimed_on,
			       w.completed_on, w.version
			FROM micro_wish w LEFT JOIN member m ON m.id = w.member_id
			""";

	private static Wish mapWish(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		long member = rs.getLong(6);
		return new Wish(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class),
				WishStatus.valueOf(rs.getString(5)), rs.wasNull() ? null : member, rs.getString(7),
				rs.getObject(8, LocalDate.class), rs.getObject(9, LocalDate.class), rs.getInt(10));
	}

	private Wish wish(long id, boolean lock) {
		if (lock) {
			jdbc.sql("SELECT id FROM micro_wish WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		}
		return jdbc.sql(SELECT_WISH + " WHERE w.id = :id")
			.param("id", id)
			.query(PairingService::mapWish)
			.optional()
			.orElseThrow(() -> new NotFoundException("微心愿不存在"));
	}

	@Transactional
	public WishView post(long pairingId, WishInput in) {
		Pairing p = writable(pairingId);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.postedOn(), "postedOn", "发布日期", true, problems);
		notFuture(on, "postedOn", "发布日期", problems);
		notBefore(on, p.startedOn(), "postedOn", "发布日期", "结对日期", problems);
		String content = Inputs.text(in == null ? null : in.content(), "content", "微心愿内容", 1000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("微心愿填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO micro_wish (county_id, pairing_id, content, posted_on, posted_by)
				VALUES (:c, :p, :t, :d, :by) RETURNING id""")
			.param("c", p.countyId())
			.param("p", pairingId)
			.param("t", content)
			.param("d", on)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		audit.record("MicroWish", id, p.organizationId(), "CREATE", AuditTrail.created(Map.of("pairingId", pairingId,
				"postedOn", on, "content", content)));
		return wish(id, false).view();
	}

	/**
	 * A member claims a posted wish: recorded by a branch secretary or higher with the branch in scope, or by a member
	 * account of the pairing's branch for itself. Any member of the county may be named (API.md: people may be
	 * anywhere unless a rule says otherwise).
	 */
	@Transactional
	public WishView claim(long wishId, ClaimInput in) {
		Wish w = wish(wishId, false);
		Pairing p = visible(w.pairingId());
		Scope caller = scope.current();
		List<FieldProblem> problems = new ArrayList<>();
		Long memberId = Inputs.id(in == null ? null : in.memberId(), "memberId", "认领党员", problems);
		if (caller.memberOnly()) {
			if (memberId != null && !memberId.equals(caller.ownMemberId())) {
				throw new ForbiddenException("党员账号只能为本人认领微心愿");
			}
		}
		else {
			scope.requireOrganization(p.organizationId());
			scope.requireWriter(WRITERS);
		}
		if (memberId != null && !memberInCounty(memberId, p.countyId())) {
			problems.add(new FieldProblem("memberId", "认领党员不存在"));
		}
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "认领日期", true, problems);
		notFuture(on, "on", "认领日期", problems);
		notBefore(on, w.postedOn(), "on", "认领日期", "发布日期", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("认领填写有误", problems);
		}
		Wish locked = wish(wishId, true);
		String conflict = PairingPolicy.claimConflict(locked.status());
		if (conflict != null) {
			throw new ConflictException(conflict + "（认领人：" + locked.memberName() + "）");
		}
		jdbc.sql("""
				UPDATE micro_wish SET status = 'CLAIMED', member_id = :m, claimed_on = :d, version = version + 1
				WHERE id = :id""")
			.param("m", memberId)
			.param("d", on)
			.param("id", wishId)
			.update();
		audit.record("MicroWish", wishId, p.organizationId(), "CLAIMED", AuditTrail.diff(Map.of("status", "POSTED"),
				Map.of("status", "CLAIMED", "memberId", memberId, "claimedOn", on)));
		return wish(wishId, false).view();
	}

	/** The claimant's own account or a branch secretary or higher with the branch in scope marks it completed. */
	@Transactional
	public WishView complete(long wishId, CompleteInput in) {
		Wish w = wish(wishId, false);
		Pairing p = visible(w.pairingId());
		Scope caller = scope.current();
		if (caller.memberOnly()) {
			if (w.memberId() == null || !w.memberId().equals(caller.ownMemberId())) {
				throw new ForbiddenException("党员账号只能完成本人认领的微心愿");
			}
		}
		else {
			scope.requireOrganization(p.organizationId());
			scope.requireWriter(WRITERS);
		}
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "完成日期", true, problems);
		notFuture(on, "on", "完成日期", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("完成情况填写有误", problems);
		}
		Wish locked = wish(wishId, true);
		String conflict = PairingPolicy.completeConflict(locked.status());
		if (conflict != null) {
			throw new ConflictException(conflict);
		}
		if (on.isBefore(locked.claimedOn())) {
			throw InvalidInputException.of("on", "完成日期不能早于认领日期" + locked.claimedOn());
		}
		jdbc.sql("UPDATE micro_wish SET status = 'COMPLETED', completed_on = :d, version = version + 1 WHERE id = :id")
			.param("d", on)
			.param("id", wishId)
			.update();
		audit.record("MicroWish", wishId, p.organizationId(), "COMPLETED", AuditTrail.diff(
				Map.of("status", "CLAIMED"), Map.of("status", "COMPLETED", "completedOn", on)));
		return wish(wishId, false).view();
	}

	private boolean memberInCounty(long memberId, long county) {
		return jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", memberId)
			.param("c", county)
			.query(Long.class)
			.single() > 0;
	}

	// ---- the year of a subtree's pairings -------------------------------------------------------------------

	public record Item(String id, String organizationId, String name, String siteName, LocalDate startedOn,
			int services, Map<String, Integer> wishesCompleted, int difficultiesSolved, Boolean compliant,
			List<String> shortfalls) {
	}

	public record Report(int year, List<Item> items) {
	}

	/** One pairing of the report with the path of its branch, for the pages' tables by organization. */
	record Placed(Item item, String path) {
	}

	private int year(Integer yearParam) {
		int current = today().getYear();
		int year = yearParam == null ? current : yearParam;
		if (year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
		}
		return year;
	}

	@Transactional(readOnly = true)
	public Report report(long organizationId, Integer yearParam) {
		int year = year(yearParam);
		return new Report(year, placed(organizationId, year).stream().map(Placed::item).toList());
	}

	/** The pairings of a subtree's branches started by the year's end, with the year's counts and verdict. */
	@Transactional(readOnly = true)
	List<Placed> placed(long organizationId, int year) {
		scope.requirePublication(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		LocalDate first = LocalDate.of(year, 1, 1);
		LocalDate last = LocalDate.of(year, 12, 31);
		List<Pairing> pairings = jdbc.sql("""
				SELECT p.id, p.county_id, p.organization_id, o.name, o.path, p.site_name, p.started_on
				FROM pairing p JOIN organization o ON o.id = p.organization_id
				WHERE p.county_id = :c AND o.path LIKE :prefix AND p.started_on <= :last
				ORDER BY o.path, p.site_name, p.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("last", last)
			.query((rs, i) -> new Pairing(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
					rs.getString(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
			.list();
		if (pairings.isEmpty()) {
			return List.of();
		}
		List<Long> ids = pairings.stream().map(Pairing::id).toList();
		Map<Long, Map<PairingActivityKind, Integer>> counted = new HashMap<>();
		jdbc.sql("""
				SELECT pairing_id, kind, count(*) FROM pairing_activity
				WHERE pairing_id IN (:ids) AND held_on BETWEEN :first AND :last GROUP BY pairing_id, kind""")
			.param("ids", ids)
			.param("first", first)
			.param("last", last)
			.query(rs -> {
				counted.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
					.put(PairingActivityKind.valueOf(rs.getString(2)), rs.getInt(3));
			});
		Map<Long, List<LocalDate>> completed = new HashMap<>();
		jdbc.sql("""
				SELECT pairing_id, completed_on FROM micro_wish
				WHERE pairing_id IN (:ids) AND status = 'COMPLETED' AND completed_on BETWEEN :first AND :last""")
			.param("ids", ids)
			.param("first", first)
			.param("last", last)
			.query(rs -> {
				completed.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(rs.getObject(2, LocalDate.class));
			});
		PairingPolicy.Rule rule = rule(settings.forCountyYear(org.countyId(), year));
		LocalDate today = today();
		List<Placed> placed = new ArrayList<>();
		for (Pairing p : pairings) {
			Map<PairingActivityKind, Integer> c = counted.getOrDefault(p.id(), Map.of());
			PairingPolicy.Year y = new PairingPolicy.Year(year, c.getOrDefault(PairingActivityKind.SERVICE, 0),
					PairingPolicy.byQuarter(completed.getOrDefault(p.id(), List.of()), year),
					c.getOrDefault(PairingActivityKind.DIFFICULTY, 0));
			PairingPolicy.Verdict v = PairingPolicy.verdict(y, rule, today);
			placed.add(new Placed(new Item(Long.toString(p.id()), Long.toString(p.organizationId()), p.name(),
					p.siteName(), p.startedOn(), y.services(), y.wishesCompleted(), y.difficultiesSolved(),
					v.compliant(), v.shortfalls()), p.path()));
		}
		return placed;
	}

	static PairingPolicy.Rule rule(RuleSettings s) {
		return new PairingPolicy.Rule(s.get(PAIRING_SERVICES_PER_YEAR), s.get(PAIRING_WISHES_PER_QUARTER),
				s.get(PAIRING_DIFFICULTIES_PER_YEAR));
	}

	// ---- one pairing with its records (an addition for the pages) -------------------------------------------

	public record Detail(PairingView pairing, Item year, List<ActivityView> services, List<ActivityView> difficulties,
			List<WishView> wishes, boolean canWrite) {
	}

	/** A pairing, its year's counts, that year's services and difficulties, and its wishes open or of that year. */
	@Transactional(readOnly = true)
	public Detail detail(long pairingId, Integer yearParam) {
		Pairing p = visible(pairingId);
		int year = year(yearParam);
		Item item = placed(p.organizationId(), year).stream()
			.map(Placed::item)
			.filter(i -> i.id().equals(Long.toString(pairingId)))
			.findFirst()
			.orElseGet(() -> new Item(Long.toString(p.id()), Long.toString(p.organizationId()), p.name(),
					p.siteName(), p.startedOn(), 0, PairingPolicy.byQuarter(List.of(), year), 0, null, List.of()));
		List<ActivityView> activities = jdbc.sql("""
				SELECT id, kind, held_on, content FROM pairing_activity
				WHERE pairing_id = :p AND held_on BETWEEN :first AND :last ORDER BY held_on DESC, id DESC""")
			.param("p", pairingId)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, i) -> {
				PairingActivityKind kind = PairingActivityKind.valueOf(rs.getString(2));
				return new ActivityView(rs.getString(1), Long.toString(pairingId), kind, kind.label(),
						rs.getObject(3, LocalDate.class), rs.getString(4));
			})
			.list();
		List<WishView> wishes = jdbc.sql(SELECT_WISH + """
				 WHERE w.pairing_id = :p AND (w.status <> 'COMPLETED' OR w.completed_on BETWEEN :first AND :last)
				ORDER BY CASE w.status WHEN 'POSTED' THEN 0 WHEN 'CLAIMED' THEN 1 ELSE 2 END, w.posted_on DESC, w.id DESC""")
			.param("p", pairingId)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query(PairingService::mapWish)
			.list()
			.stream()
			.map(Wish::view)
			.toList();
		boolean canWrite = WRITERS.contains(scope.current().caller().role())
				&& scope.coversOrganization(p.organizationId());
		return new Detail(view(p), item,
				activities.stream().filter(a -> a.kind() == PairingActivityKind.SERVICE).toList(),
				activities.stream().filter(a -> a.kind() == PairingActivityKind.DIFFICULTY).toList(), wishes, canWrite);
	}
}
