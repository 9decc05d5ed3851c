package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.Office;
import cn.jiceng.organization.OfficeService;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Inspection rankings (通报排名法, SPEC.md §4.7, API.md "Organization assessment"): the county or a township runs a
 * round over targets in its subtree and items of its own, enters the scores as one table (targets × items), and
 * publishes the ranking; publication freezes the scores and creates the interviews (约谈) of the secretary and the
 * organization member, on the round's date ({@link OfficeService}), of every bottom-ranked target. Score entry
 * and publication lock the round's row and accept its {@code version}.
 */
@Service
class InspectionService {

	static final Set<Role> ORGANIZERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);


	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final OfficeService offices;
	private final InterviewService interviews;
	private final RuleSettingsService settings;
	private final Clock clock;

	InspectionService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			OfficeService offices, InterviewService interviews, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.offices = offices;
		this.interviews = interviews;
		this.settings = settings;
		this.clock = clock;
	}

	public record ItemInput(String code, String name, Object points) {
	}

	public record RoundInput(String name, String kind, String heldOn, List<String> organizationIds,
			List<ItemInput> items) {
	}

	public record ScoreInput(String organizationId, String itemCode, Object points) {
	}

	public record ScoresInput(List<ScoreInput> scores, Integer version) {
	}

	public record TargetView(String organizationId, String name) {
	}

	public record ItemView(String code, String name, int points) {
	}

	public record CellView(String organizationId, String itemCode, BigDecimal points) {
	}

	public record RoundView(String id, String organizerId, String organizerName, String name, InspectionKind kind,
			String kindLabel, LocalDate heldOn, boolean published, OffsetDateTime publishedAt, int version,
			List<TargetView> targets, List<ItemView> items, List<CellView> scores, boolean writable, String createdBy,
			OffsetDateTime createdAt) {
	}

	public record RoundSummary(String id, String name, InspectionKind kind, String kindLabel, LocalDate heldOn,
			String organizerName, int targets, boolean published) {
	}

	public record RankingItem(int rank, String organizationId, String name, BigDecimal score, boolean bottom) {
	}

	/** API.md's ranking, with the round's head and the posts left without an interview because nobody held them. */
	public record Ranking(String id, String name, InspectionKind kind, String kindLabel, LocalDate heldOn,
			String organizerName, boolean published, int bottomPlaces, List<RankingItem> items,
			List<InterviewService.InterviewView> interviews, List<String> vacancies) {
	}

	public record Items<T>(List<T> items) {
	}

	record Round(long id, long countyId, long organizerId, String organizerName, String organizerPath, String name,
			InspectionKind kind, LocalDate heldOn, int version, String createdBy, OffsetDateTime createdAt,
			OffsetDateTime publishedAt) {

		boolean published() {
			return publishedAt != null;
		}
	}

	private static final String SELECT_ROUND = """
			SELECT r.id, r.county_id, r.organizer_id, o.name AS organizer_name, o.path AS organizer_path, r.name, r.kind,
			       r.held_on, r.version, r.created_by, r.created_at, r.published_at
			FROM inspection_round r JOIN organization o ON o.id = r.organizer_id
			""";

	private static Round mapRound(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new Round(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("organizer_id"),
				rs.getString("organizer_name"), rs.getString("organizer_path"), rs.getString("name"),
				InspectionKind.valueOf(rs.getString("kind")), rs.getObject("held_on", LocalDate.class),
				rs.getInt("version"), rs.getString("created_by"), rs.getObject("created_at", OffsetDateTime.class),
				rs.getObject("published_at", OffsetDateTime.class));
	}

	// ---- creating a round -----------------------------------------------------------------------------------

	@Transactional
	public RoundView create(RoundInput in) {
		scope.requireWriter(ORGANIZERS);
		long organizerId = scope.current().caller().organizationId();
		OrgRef organizer = organizations.ref(organizerId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		String name = in == null ? null : FormInput.blankToNull(in.name());
		if (name == null || name.length() > 100) {
			problems.add(new FieldProblem("name", "请填写赛事名称（不超过100字）"));
		}
		InspectionKind kind = FormInput.parseEnum(InspectionKind.class, in == null ? null : in.kind(), "kind",
				"类型应为 REGULAR（定期赛）、FREQUENT（经常赛）或 THEMATIC（专题赛）", problems, true);
		LocalDate heldOn = heldOn(in == null ? null : in.heldOn(), problems);
		List<OrgRef> targets = targets(in == null ? null : in.organizationIds(), organizer, kind, problems);
		List<InspectionRanking.Item> items = items(in == null ? null : in.items(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("赛事信息填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO inspection_round (county_id, organizer_id, name, kind, held_on, created_by)
				VALUES (:c, :o, :n, :k, :d, :by) RETURNING id""")
			.param("c", organizer.countyId())
			.param("o", organizerId)
			.param("n", name)
			.param("k", kind.name())
			.param("d", heldOn)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		int position = 0;
		for (OrgRef t : targets) {
			jdbc.sql("""
					INSERT INTO inspection_target (county_id, round_id, organization_id, position)
					VALUES (:c, :r, :o, :p)""")
				.param("c", organizer.countyId())
				.param("r", id)
				.param("o", t.id())
				.param("p", position++)
				.update();
		}
		position = 0;
		for (InspectionRanking.Item item : items) {
			jdbc.sql("""
					INSERT INTO inspection_item (county_id, round_id, position, code, name, points)
					VALUES (:c, :r, :p, :code, :name, :points)""")
				.param("c", organizer.countyId())
				.param("r", id)
				.param("p", position++)
				.param("code", item.code())
				.param("name", item.name())
				.param("points", item.points())
				.update();
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("kind", kind.name());
		fields.put("heldOn", heldOn);
		fields.put("organizationIds", targets.stream().map(OrgRef::id).toList());
		fields.put("items", items.stream().map(i -> i.code() + " " + i.name() + " " + i.points() + "分").toList());
		audit.record("InspectionRound", id, organizerId, "CREATE", AuditTrail.created(fields));
		return view(round(id));
	}

	private LocalDate heldOn(String raw, List<FieldProblem> problems) {
		String text = FormInput.blankToNull(raw);
		if (text == null) {
			problems.add(new FieldProblem("heldOn", "请填写检查日期"));
			return null;
		}
		try {
			LocalDate d = LocalDate.parse(text);
			int current = LocalDate.now(clock).getYear();
			if (d.getYear() < 2000 || d.getYear() > current + 1) {
				problems.add(new FieldProblem("heldOn", "检查日期应在2000年到" + (current + 1) + "年之间"));
			}
			return d;
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem("heldOn", "检查日期格式应为 YYYY-MM-DD"));
			return null;
		}
	}

	private List<OrgRef> targets(List<String> ids, OrgRef organizer, InspectionKind kind, List<FieldProblem> problems) {
		List<OrgRef> targets = new ArrayList<>();
		if (ids == null || ids.isEmpty()) {
			problems.add(new FieldProblem("organizationIds", "请至少选择一个参赛党组织"));
			return targets;
		}
		Set<Long> seen = new HashSet<>();
		for (int k = 0; k < ids.size(); k++) {
			String at = "organizationIds[" + k + "]";
			Long id;
			try {
				id = ids.get(k) == null ? null : Long.valueOf(ids.get(k).trim());
			}
			catch (NumberFormatException e) {
				id = null;
			}
			if (id == null) {
				problems.add(new FieldProblem(at, "党组织编号格式不正确"));
				continue;
			}
			scope.requireOrganization(id);
			OrgRef org = organizations.ref(id).orElseThrow(() -> new NotFoundException("党组织不存在"));
			if (!seen.add(id)) {
				problems.add(new FieldProblem(at, org.name() + "重复选择"));
			}
			else if (id == organizer.id()) {
				problems.add(new FieldProblem(at, "参赛党组织应在" + organizer.name() + "之下，不能是其本身"));
			}
			else if (kind != null && !kind.accepts(org.kind())) {
				problems.add(new FieldProblem(at, kind.label() + "的参赛对象应为" + kind.targets() + "，" + org.name() + "是"
						+ org.kind().label()));
			}
			else {
				targets.add(org);
			}
		}
		return targets;
	}

	private static List<InspectionRanking.Item> items(List<ItemInput> raw, List<FieldProblem> problems) {
		List<InspectionRanking.Item> items = new ArrayList<>();
		if (raw == null || raw.isEmpty()) {
			problems.add(new FieldProblem("items", "请至少填写一个检查项目"));
			return items;
		}
		Set<String> codes = new HashSet<>();
		for (int k = 0; k < raw.size(); k++) {
			ItemInput in = raw.get(k);
			String at = "items[" + k + "]";
			if (in == null) {
				problems.add(new FieldProblem(at, "检查项目不能为空"));
				continue;
			}
			ItemHead head = ItemHead.check(at, in.code(), in.name(), wholePoints(in.points()), codes, problems);
			if (head != null) {
				items.add(new InspectionRanking.Item(head.code(), head.name(), head.points()));
			}
		}
		return items;
	}

	private static Integer wholePoints(Object raw) {
		BigDecimal b = decimal(raw);
		if (b == null) {
			return null;
		}
		try {
			return b.stripTrailingZeros().scale() <= 0 ? b.intValueExact() : null;
		}
		catch (ArithmeticException e) {
			return null;
		}
	}

	static BigDecimal decimal(Object value) {
		if (value instanceof Number n) {
			try {
				return new BigDecimal(n.toString());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		if (value instanceof String s) {
			try {
				return new BigDecimal(s.trim());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

	// ---- scores ---------------------------------------------------------------------------------------------

	/** Enters or corrects cells of the table; every cell is checked before anything is written. */
	@Transactional
	public RoundView putScores(long id, ScoresInput in) {
		scope.requireWriter(ORGANIZERS);
		Round round = lockForWriting(id);
		if (round.published()) {
			throw new ConflictException("“" + round.name() + "”已发布排名，得分不能再修改");
		}
		if (in != null && in.version() != null && in.version() != round.version()) {
			throw new ConflictException("得分已被他人修改，请刷新后重试");
		}
		Map<String, InspectionRanking.Item> items = new LinkedHashMap<>();
		itemsOf(id).forEach(i -> items.put(i.code(), i));
		Map<Long, String> targets = new LinkedHashMap<>();
		targetsOf(id).forEach(t -> targets.put(t.organizationId(), t.name()));
		List<FieldProblem> problems = new ArrayList<>();
		List<ScoreInput> raw = in == null || in.scores() == null ? List.of() : in.scores();
		if (raw.isEmpty()) {
			problems.add(new FieldProblem("scores", "请至少填写一项得分"));
		}
		record Cell(long organizationId, String itemCode, BigDecimal points) {
		}
		Map<String, Cell> cells = new LinkedHashMap<>();
		for (int k = 0; k < raw.size(); k++) {
			ScoreInput s = raw.get(k);
			String at = "scores[" + k + "]";
			if (s == null) {
				problems.add(new FieldProblem(at, "得分不能为空"));
				continue;
			}
			Long org;
			try {
				org = s.organizationId() == null ? null : Long.valueOf(s.organizationId().trim());
			}
			catch (NumberFormatException e) {
				org = null;
			}
			if (org == null || !targets.containsKey(org)) {
				problems.add(new FieldProblem(at + ".organizationId", "该党组织不是本次赛事的参赛对象"));
				continue;
			}
			InspectionRanking.Item item = s.itemCode() == null ? null : items.get(s.itemCode());
			if (item == null) {
				problems.add(new FieldProblem(at + ".itemCode", "本次赛事没有检查项目“" + s.itemCode() + "”"));
				continue;
			}
			BigDecimal points = decimal(s.points());
			String refusal = InspectionRanking.cellRefusal(item, points);
			if (refusal != null) {
				problems.add(new FieldProblem(at + ".points", targets.get(org) + "：" + refusal));
				continue;
			}
			cells.put(org + "/" + item.code(), new Cell(org, item.code(), points.setScale(2)));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("得分填写有误", problems);
		}
		Map<String, BigDecimal> before = new LinkedHashMap<>();
		for (CellView c : cellsOf(id)) {
			before.put(c.organizationId() + "/" + c.itemCode(), c.points());
		}
		Map<String, Object> oldValues = new LinkedHashMap<>();
		Map<String, Object> newValues = new LinkedHashMap<>();
		for (Map.Entry<String, Cell> e : cells.entrySet()) {
			Cell c = e.getValue();
			jdbc.sql("""
					INSERT INTO inspection_score (county_id, round_id, organization_id, item_code, points)
					VALUES (:c, :r, :o, :i, :p)
					ON CONFLICT (round_id, organization_id, item_code, county_id) DO UPDATE SET points = EXCLUDED.points""")
				.param("c", round.countyId())
				.param("r", id)
				.param("o", c.organizationId())
				.param("i", c.itemCode())
				.param("p", c.points())
				.update();
			BigDecimal old = before.get(e.getKey());
			if (old == null || old.compareTo(c.points()) != 0) {
				oldValues.put(e.getKey(), old);
				newValues.put(e.getKey(), c.points());
			}
		}
		jdbc.sql("UPDATE inspection_round SET version = version + 1 WHERE id = :id").param("id", id).update();
		audit.record("InspectionRound", id, round.organizerId(), "SCORES", AuditTrail.diff(oldValues, newValues));
		return view(round(id));
	}

	// ---- publication ----------------------------------------------------------------------------------------

	/**
	 * Publishes the ranking: every cell must be scored (else 422 with the missing ones); the interviews of the
	 * bottom-ranked targets' secretary and organization member on the round's date are created.
	 */
	@Transactional
	public Ranking publish(long id, Integer version) {
		scope.requireWriter(ORGANIZERS);
		Round round = lockForWriting(id);
		if (round.published()) {
			throw new ConflictException("“" + round.name() + "”的排名已发布，不能重复发布");
		}
		if (version != null && version != round.version()) {
			throw new ConflictException("得分已被他人修改，请刷新后重试");
		}
		List<InspectionRanking.Item> items = itemsOf(id);
		List<InspectionRanking.Target> targets = targetsOf(id);
		Map<Long, Map<String, BigDecimal>> scores = scoresOf(id);
		List<String> missing = new ArrayList<>();
		for (InspectionRanking.Target t : targets) {
			for (InspectionRanking.Item item : items) {
				if (!scores.getOrDefault(t.organizationId(), Map.of()).containsKey(item.code())) {
					missing.add(t.name() + "的“" + item.name() + "”");
				}
			}
		}
		if (!missing.isEmpty()) {
			throw new RuleViolationException("还有" + missing.size() + "项未评分，不能发布排名："
					+ String.join("、", missing.subList(0, Math.min(10, missing.size())))
					+ (missing.size() > 10 ? "等" : ""));
		}
		InspectionRanking ranking = ranking(round);
		List<InspectionRanking.Place> places = ranking.rank(targets, items, scores);
		List<InterviewService.NewInterview> created = new ArrayList<>();
		for (InspectionRanking.Place p : places) {
			if (!p.bottom()) {
				continue;
			}
			String reason = round.name() + "排名第" + p.rank() + "名（共" + places.size() + "个），得分" + p.score().toPlainString();
			Optional<OfficeService.Holder> secretary = offices.secretaryOn(p.organizationId(), round.heldOn());
			secretary.ifPresent(h -> created.add(new InterviewService.NewInterview(InterviewSource.INSPECTION, id, null,
					round.heldOn().getYear(), p.organizationId(), Long.parseLong(h.memberId()), Office.SECRETARY, reason)));
			for (OfficeService.Holder h : offices.holdersOn(p.organizationId(), round.heldOn())) {
				boolean alsoSecretary = secretary.isPresent() && secretary.get().memberId().equals(h.memberId());
				if (h.office() == Office.ORGANIZATION_MEMBER && !alsoSecretary) {
					created.add(new InterviewService.NewInterview(InterviewSource.INSPECTION, id, null,
							round.heldOn().getYear(), p.organizationId(), Long.parseLong(h.memberId()),
							Office.ORGANIZATION_MEMBER, reason));
				}
			}
		}
		jdbc.sql("""
				UPDATE inspection_round SET published_by = :by, published_at = now(), version = version + 1
				WHERE id = :id""")
			.param("by", scope.current().caller().username())
			.param("id", id)
			.update();
		interviews.create(round.countyId(), created);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("published", true);
		after.put("bottom", places.stream().filter(InspectionRanking.Place::bottom).map(InspectionRanking.Place::organizationId).toList());
		audit.record("InspectionRound", id, round.organizerId(), "PUBLISH", AuditTrail.diff(Map.of("published", false), after));
		return rankingView(round(id));
	}

	// ---- reading --------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public RoundView get(long id) {
		return view(readable(id));
	}

	@Transactional(readOnly = true)
	public Ranking ranking(long id) {
		return rankingView(readable(id));
	}

	/** The rounds held in a year that the caller may read: organized in its subtree or ranking one of its organizations. */
	@Transactional(readOnly = true)
	public List<RoundSummary> list(Integer yearParam) {
		if (scope.current().memberOnly()) {
			throw new cn.jiceng.common.ForbiddenException("党员账号不能查看通报排名赛事");
		}
		int year = yearParam == null ? LocalDate.now(clock).getYear() : yearParam;
		if (year < 2000 || year > LocalDate.now(clock).getYear() + 1) {
			throw InvalidInputException.of("year", "年度应在2000到" + (LocalDate.now(clock).getYear() + 1) + "之间");
		}
		return jdbc.sql("""
				SELECT r.id, r.name, r.kind, r.held_on, o.name, r.published_at IS NOT NULL,
				       (SELECT count(*) FROM inspection_target t WHERE t.round_id = r.id)
				FROM inspection_round r JOIN organization o ON o.id = r.organizer_id
				WHERE r.county_id = :c AND r.held_on BETWEEN :from AND :to
				  AND (o.path LIKE :prefix OR EXISTS (SELECT 1 FROM inspection_target t JOIN organization x
				       ON x.id = t.organization_id WHERE t.round_id = r.id AND x.path LIKE :prefix))
				ORDER BY r.held_on DESC, r.id DESC""")
			.param("c", scope.current().caller().countyId())
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.param("prefix", scope.current().pathPrefix() + "%")
			.query((rs, i) -> {
				InspectionKind kind = InspectionKind.valueOf(rs.getString(3));
				return new RoundSummary(rs.getString(1), rs.getString(2), kind, kind.label(),
						rs.getObject(4, LocalDate.class), rs.getString(5), rs.getInt(7), rs.getBoolean(6));
			})
			.list();
	}

	Ranking rankingView(Round round) {
		List<InspectionRanking.Target> targets = targetsOf(round.id());
		InspectionRanking ranking = ranking(round);
		List<InspectionRanking.Place> places = ranking.rank(targets, itemsOf(round.id()), scoresOf(round.id()));
		List<RankingItem> items = places.stream()
			.map(p -> new RankingItem(p.rank(), Long.toString(p.organizationId()), p.name(), p.score(), p.bottom()))
			.toList();
		List<InterviewService.InterviewView> list = round.published() ? interviews.ofRound(round.id()) : List.of();
		List<String> vacancies = new ArrayList<>();
		if (round.published()) {
			for (InspectionRanking.Place p : places) {
				if (!p.bottom()) {
					continue;
				}
				for (Office office : new Office[] { Office.SECRETARY, Office.ORGANIZATION_MEMBER }) {
					boolean any = list.stream()
						.anyMatch(v -> v.organizationId().equals(Long.toString(p.organizationId())) && v.office() == office);
					if (!any) {
						vacancies.add(p.name() + "在" + round.heldOn() + "无"
								+ (office == Office.SECRETARY ? "在任书记" : "另设的组织委员") + "，未安排" + office.label() + "约谈");
					}
				}
			}
		}
		return new Ranking(Long.toString(round.id()), round.name(), round.kind(), round.kind().label(), round.heldOn(),
				round.organizerName(), round.published(), ranking.bottomPlaces(), items, list, vacancies);
	}

	private InspectionRanking ranking(Round round) {
		return new InspectionRanking(settings.forCountyYear(round.countyId(), round.heldOn().getYear()));
	}

	RoundView view(Round round) {
		List<TargetView> targets = targetsOf(round.id()).stream()
			.map(t -> new TargetView(Long.toString(t.organizationId()), t.name()))
			.toList();
		List<ItemView> items = itemsOf(round.id()).stream().map(i -> new ItemView(i.code(), i.name(), i.points())).toList();
		boolean writable = !round.published() && ORGANIZERS.contains(scope.current().caller().role())
				&& scope.coversOrganization(round.organizerId());
		return new RoundView(Long.toString(round.id()), Long.toString(round.organizerId()), round.organizerName(),
				round.name(), round.kind(), round.kind().label(), round.heldOn(), round.published(), round.publishedAt(),
				round.version(), targets, items, cellsOf(round.id()), writable, round.createdBy(), round.createdAt());
	}

	/** The round, when its organizer or one of its targets lies in the caller's scope; else 404. */
	Round readable(long id) {
		Round round = round(id);
		if (scope.coversOrganization(round.organizerId())) {
			return round;
		}
		if (!scope.current().memberOnly()) {
			Long covered = jdbc.sql("""
					SELECT count(*) FROM inspection_target t JOIN organization o ON o.id = t.organization_id
					WHERE t.round_id = :r AND o.path LIKE :prefix""")
				.param("r", id)
				.param("prefix", scope.current().pathPrefix() + "%")
				.query(Long.class)
				.single();
			if (covered > 0) {
				return round;
			}
		}
		throw new NotFoundException("赛事不存在或不在您的管理范围内");
	}

	/** The round locked for a write by its organizer's subtree (a target's own account may read, not write). */
	private Round lockForWriting(long id) {
		Round round = round(id);
		scope.requireOrganization(round.organizerId());
		jdbc.sql("SELECT id FROM inspection_round WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		return round(id);
	}

	Round round(long id) {
		return jdbc.sql(SELECT_ROUND + " WHERE r.id = :id")
			.param("id", id)
			.query(InspectionService::mapRound)
			.optional()
			.orElseThrow(() -> new NotFoundException("赛事不存在或不在您的管理范围内"));
	}

	List<InspectionRanking.Item> itemsOf(long id) {
		return jdbc.sql("SELECT code, name, points FROM inspection_item WHERE round_id = :r ORDER BY position")
			.param("r", id)
			.query((rs, i) -> new InspectionRanking.Item(rs.getString(1), rs.getString(2), rs.getInt(3)))
			.list();
	}

	List<InspectionRanking.Target> targetsOf(long id) {
		return jdbc.sql("""
				SELECT t.organization_id, o.name FROM inspection_target t JOIN organization o ON o.id = t.organization_id
				WHERE t.round_id = :r ORDER BY t.position""")
			.param("r", id)
			.query((rs, i) -> new InspectionRanking.Target(rs.getLong(1), rs.getString(2)))
			.list();
	}

	private List<CellView> cellsOf(long id) {
		return jdbc.sql("SELECT organization_id, item_code, points FROM inspection_score WHERE round_id = :r")
			.param("r", id)
			.query((rs, i) -> new CellView(rs.getString(1), rs.getString(2), rs.getBigDecimal(3)))
			.list();
	}

	Map<Long, Map<String, BigDecimal>> scoresOf(long id) {
		Map<Long, Map<String, BigDecimal>> scores = new HashMap<>();
		jdbc.sql("SELECT organization_id, item_code, points FROM inspection_score WHERE round_id = :r")
			.param("r", id)
			.query(rs -> {
				scores.computeIfAbsent(rs.getLong(1), k -> new HashMap<>()).put(rs.getString(2), rs.getBigDecimal(3));
			});
		return scores;
	}
}
