package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Five stars (五星激励法, SPEC.md §4.7, API.md "Organization assessment"): the county's standard per year and field
 * (标星), a branch's self-assessment (自评), the township's review (评星), the county's confirmation (定星) that
 * freezes the score and the indicator items, publication (挂星/亮星) and revocation (摘星) with its history. Every
 * transition locks the assessment's row and checks its status (wrong status → 409) and, when sent, its version.
 */
@Service
public class StarService {

	static final Set<Role> SELF_ASSESSORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);
	static final Set<Role> REVIEWERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	static final Set<Role> COUNTY = Set.of(Role.COUNTY_ADMIN);


	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final StarIndicators indicators;
	private final WeakAndLaxLists weakAndLax;
	private final Clock clock;

	StarService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, StarIndicators indicators, WeakAndLaxLists weakAndLax, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.indicators = indicators;
		this.weakAndLax = weakAndLax;
		this.clock = clock;
	}

	// ---- standards (标星) -----------------------------------------------------------------------------------

	public record ItemInput(String code, String name, Object points, String indicator) {
	}

	public record StandardInput(List<ItemInput> items) {
	}

	public record StandardItemView(String code, String name, int points, StarIndicator indicator,
			String indicatorLabel) {
	}

	public record StandardView(int year, Field field, String fieldLabel, List<StandardItemView> items, int version,
			String updatedBy, OffsetDateTime updatedAt) {
	}

	@Transactional
	public StandardView putStandard(Integer year, String fieldCode, StandardInput in) {
		scope.requireWriter(COUNTY);
		long county = scope.current().caller().countyId();
		List<FieldProblem> problems = new ArrayList<>();
		int y = standardYear(year, problems);
		Field field = FormInput.parseEnum(Field.class, fieldCode, "field", "领域代码不正确", problems, true);
		List<StarScoring.Item> items = parseItems(in == null ? null : in.items(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("星级标准填写有误", problems);
		}
		StandardView before = findStandard(county, y, field);
		long id = jdbc.sql("""
				INSERT INTO star_standard (county_id, year, field, updated_by) VALUES (:c, :y, :f, :by)
				ON CONFLICT (county_id, year, field) DO UPDATE
				SET version = star_standard.version + 1, updated_by = EXCLUDED.updated_by, updated_at = now()
				RETURNING id""")
			.param("c", county)
			.param("y", y)
			.param("f", field.name())
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		jdbc.sql("DELETE FROM star_standard_item WHERE standard_id = :s").param("s", id).update();
		int position = 0;
		for (StarScoring.Item item : items) {
			jdbc.sql("""
					INSERT INTO star_standard_item (county_id, standard_id, position, code, name, points, indicator)
					VALUES (:c, :s, :p, :code, :name, :points, :indicator)""")
				.param("c", county)
				.param("s", id)
				.param("p", position++)
				.param("code", item.code())
				.param("name", item.name())
				.param("points", item.points())
				.param("indicator", item.indicator() == null ? null : item.indicator().name())
				.update();
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", y);
		after.put("field", field.name());
		after.put("items", describe(items));
		if (before == null) {
			audit.record("StarStandard", id, null, "CREATE", AuditTrail.created(after));
		}
		else {
			Map<String, Object> old = new LinkedHashMap<>(after);
			old.put("items", describe(before.items().stream()
				.map(i -> new StarScoring.Item(i.code(), i.name(), i.points(), i.indicator()))
				.toList()));
			audit.record("StarStandard", id, null, "UPDATE", AuditTrail.diff(old, after));
		}
		return findStandard(county, y, field);
	}

	@Transactional(readOnly = true)
	public StandardView standard(Integer year, String fieldCode) {
		List<FieldProblem> problems = new ArrayList<>();
		int y = standardYear(year, problems);
		Field field = FormInput.parseEnum(Field.class, fieldCode, "field", "领域代码不正确", problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		StandardView view = findStandard(scope.current().caller().countyId(), y, field);
		if (view == null) {
			throw new NotFoundException(y + "年度" + field.label() + "领域尚未制定星级标准");
		}
		return view;
	}

	/** The standard of a county, year and field, or null. */
	StandardView findStandard(long county, int year, Field field) {
		record Head(long id, int version, String by, OffsetDateTime at) {
		}
		Head head = jdbc.sql("SELECT id, version, updated_by, updated_at FROM star_standard"
				+ " WHERE county_id = :c AND year = :y AND field = :f")
			.param("c", county)
			.param("y", year)
			.param("f", field.name())
			.query((rs, i) -> new Head(rs.getLong(1), rs.getInt(2), rs.getString(3),
					rs.getObject(4, OffsetDateTime.class)))
			.optional()
			.orElse(null);
		if (head == null) {
			return null;
		}
		List<StandardItemView> items = jdbc.sql("SELECT code, name, points, indicator FROM star_standard_item"
				+ " WHERE standard_id = :s ORDER BY position")
			.param("s", head.id())
			.query((rs, i) -> {
				StarIndicator ind = rs.getString(4) == null ? null : StarIndicator.valueOf(rs.getString(4));
				return new StandardItemView(rs.getString(1), rs.getString(2), rs.getInt(3), ind,
						ind == null ? "人工评分" : ind.label());
			})
			.list();
		return new StandardView(year, field, field.label(), items, head.version(), head.by(), head.at());
	}

	private List<StarScoring.Item> standardItems(long county, int year, Field field) {
		StandardView v = findStandard(county, year, field);
		if (v == null) {
			return null;
		}
		return v.items().stream().map(i -> new StarScoring.Item(i.code(), i.name(), i.points(), i.indicator())).toList();
	}

	private static List<String> describe(List<StarScoring.Item> items) {
		return items.stream()
			.map(i -> i.code() + " " + i.name() + " " + i.points() + "分" + (i.indicator() == null ? "" : "（" + i.indicator().label() + "）"))
			.toList();
	}

	private List<StarScoring.Item> parseItems(List<ItemInput> raw, List<FieldProblem> problems) {
		List<StarScoring.Item> items = new ArrayList<>();
		if (raw == null || raw.isEmpty()) {
			problems.add(new FieldProblem("items", "请至少填写一个考评项目"));
			return items;
		}
		Set<String> codes = new HashSet<>();
		Set<StarIndicator> indicatorsUsed = new HashSet<>();
		int sum = 0;
		boolean complete = true;
		for (int k = 0; k < raw.size(); k++) {
			ItemInput in = raw.get(k);
			String at = "items[" + k + "]";
			if (in == null) {
				problems.add(new FieldProblem(at, "考评项目不能为空"));
				complete = false;
				continue;
			}
			ItemHead head = ItemHead.check(at, in.code(), in.name(), wholePoints(in.points()), codes, problems);
			if (head == null) {
				complete = false;
			}
			StarIndicator indicator = FormInput.parseEnum(StarIndicator.class, in.indicator(), at + ".indicator",
					"自动评分指标应为 COMPLIANCE_RATE、DUES_PAID_RATE 或 WARNING_FREE", problems, false);
			if (indicator == null && FormInput.blankToNull(in.indicator()) != null) {
				complete = false;
			}
			if (indicator != null && !indicatorsUsed.add(indicator)) {
				problems.add(new FieldProblem(at + ".indicator", "同一自动评分指标只能用于一个项目"));
				complete = false;
			}
			if (complete) {
				items.add(new StarScoring.Item(head.code(), head.name(), head.points(), indicator));
				sum += head.points();
			}
		}
		if (complete && sum != 100) {
			problems.add(new FieldProblem("items", "各项目分值合计应为100分，现为" + sum + "分"));
		}
		return items;
	}

	private static Integer wholePoints(Object raw) {
		if (raw instanceof Integer i) {
			return i;
		}
		if (raw instanceof Number n) {
			BigDecimal b = new BigDecimal(n.toString());
			try {
				return b.stripTrailingZeros().scale() <= 0 ? b.intValueExact() : null;
			}
			catch (ArithmeticException e) {
				return null;
			}
		}
		if (raw instanceof String s) {
			try {
				return Integer.valueOf(s.trim());
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

	private int standardYear(Integer year, List<FieldProblem> problems) {
		int current = LocalDate.now(clock).getYear();
		if (year == null || year < 2000 || year > current + 1) {
			problems.add(new FieldProblem("year", "年度应在2000到" + (current + 1) + "之间"));
			return 0;
		}
		return year;
	}

	private int assessedYear(Integer year) {
		int current = LocalDate.now(clock).getYear();
		if (year == null || year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
		}
		return year;
	}

	/** The year asked for, this year when none; outside 2000..this year → 400. */
	public int year(Integer year) {
		return year == null ? LocalDate.now(clock).getYear() : assessedYear(year);
	}

	// ---- assessments ----------------------------------------------------------------------------------------

	public record AssessmentInput(Integer year, Map<String, Object> scores) {
	}

	public record ReviewInput(Map<String, Object> scores, Integer version) {
	}

	public record RevokeInput(String reason, Integer stars, Integer version) {
	}

	public record ItemView(String code, String name, int points, StarIndicator indicator, BigDecimal selfPoints,
			BigDecimal reviewPoints, BigDecimal awarded, String explanation) {
	}

	public record HistoryView(OffsetDateTime at, int stars, String reason, String by) {
	}

	/**
	 * One assessment. {@code score}: live until confirmation, frozen after; {@code stars}: null until confirmed,
	 * then as read (revocations and the weak-and-lax cap applied); {@code provisionalStars}: what the live score
	 * would give now.
	 */
	public record AssessmentView(String id, String organizationId, String name, Field field, String fieldLabel,
			int year, StarStatus status, String statusLabel, BigDecimal score, Integer stars, Integer provisionalStars,
			Integer bandedStars, boolean capped, String capReason, int version, List<ItemView> items,
			List<HistoryView> history, String selfAssessedBy, OffsetDateTime selfAssessedAt, String reviewedBy,
			OffsetDateTime reviewedAt, String confirmedBy, OffsetDateTime confirmedAt, OffsetDateTime publishedAt) {
	}

	record Row(long id, long countyId, long organizationId, String name, String path, int year, Field field,
			StarStatus status, BigDecimal score, Integer bandedStars, Integer stars, int version, String selfBy,
			OffsetDateTime selfAt, String reviewedBy, OffsetDateTime reviewedAt, String confirmedBy,
			OffsetDateTime confirmedAt, OffsetDateTime publishedAt) {
	}

	private static final String SELECT_ROW = """
			SELECT a.id, a.county_id, a.organization_id, o.name, o.path, a.year, a.field, a.status, a.score,
			       a.banded_stars, a.stars, a.version, a.self_assessed_by, a.self_assessed_at, a.reviewed_by,
			       a.reviewed_at, a.confirmed_by, a.confirmed_at, a.published_at
			FROM star_assessment a JOIN organization o ON o.id = a.organization_id
			""";

	private static Row mapRow(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("organization_id"), rs.getString("name"),
				rs.getString("path"), rs.getInt("year"), Field.valueOf(rs.getString("field")),
				StarStatus.valueOf(rs.getString("status")), rs.getBigDecimal("score"),
				(Integer) rs.getObject("banded_stars", Integer.class), (Integer) rs.getObject("stars", Integer.class),
				rs.getInt("version"), rs.getString("self_assessed_by"),
				rs.getObject("self_assessed_at", OffsetDateTime.class), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("confirmed_by"),
				rs.getObject("confirmed_at", OffsetDateTime.class), rs.getObject("published_at", OffsetDateTime.class));
	}

	@Transactional
	public AssessmentView selfAssess(long organizationId, AssessmentInput in) {
		scope.requireWriter(SELF_ASSESSORS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (org.kind() != OrgKind.BRANCH) {
			throw InvalidInputException.of("organizationId", "星级评定以党支部为单位，" + org.name() + "不是党支部");
		}
		int year = assessedYear(in == null ? null : in.year());
		List<StarScoring.Item> items = standardItems(org.countyId(), year, org.field());
		if (items == null) {
			throw new RuleViolationException(
					"县委组织部尚未制定" + year + "年度" + org.field().label() + "领域的星级标准，暂不能自评");
		}
		Map<String, BigDecimal> scores = parseScores(in.scores(), items);
		long id;
		try {
			id = jdbc.sql("""
					INSERT INTO star_assessment (county_id, organization_id, year, field, status, self_assessed_by)
					VALUES (:c, :o, :y, :f, :s, :by) RETURNING id""")
				.param("c", org.countyId())
				.param("o", organizationId)
				.param("y", year)
				.param("f", org.field().name())
				.param("s", StarStatus.SELF_ASSESSED.name())
				.param("by", scope.current().caller().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(org.name() + "已有" + year + "年度的星级评定，请在原评定上继续");
		}
		scores.forEach((code, points) -> jdbc.sql("""
				INSERT INTO star_assessment_score (county_id, assessment_id, code, self_points)
				VALUES (:c, :a, :code, :p)""")
			.param("c", org.countyId())
			.param("a", id)
			.param("code", code)
			.param("p", points)
			.update());
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("year", year);
		fields.put("status", StarStatus.SELF_ASSESSED.name());
		fields.put("selfScores", new LinkedHashMap<>(scores));
		audit.record("StarAssessment", id, organizationId, "CREATE", AuditTrail.created(fields));
		return view(row(id));
	}

	@Transactional
	public AssessmentView review(long id, ReviewInput in) {
		scope.requireWriter(REVIEWERS);
		Row row = lockInScope(id);
		refuseUnless(row, StarPolicy.Step.REVIEW, in == null ? null : in.version());
		List<StarScoring.Item> items = standardItems(row.countyId(), row.year(), row.field());
		if (items == null) {
			throw new RuleViolationException(row.year() + "年度" + row.field().label() + "领域的星级标准已被删除");
		}
		Map<String, BigDecimal> scores = parseScores(in == null ? null : in.scores(), items);
		scores.forEach((code, points) -> jdbc.sql("""
				INSERT INTO star_assessment_score (county_id, assessment_id, code, review_points)
				VALUES (:c, :a, :code, :p)
				ON CONFLICT (assessment_id, code, county_id) DO UPDATE SET review_points = EXCLUDED.review_points""")
			.param("c", row.countyId())
			.param("a", id)
			.param("code", code)
			.param("p", points)
			.update());
		jdbc.sql("""
				UPDATE star_assessment SET status = :s, reviewed_by = :by, reviewed_at = now(), version = version + 1
				WHERE id = :id""")
			.param("s", StarStatus.REVIEWED.name())
			.param("by", scope.current().caller().username())
			.param("id", id)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", StarStatus.REVIEWED.name());
		after.put("reviewScores", new LinkedHashMap<>(scores));
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", row.status().name());
		audit.record("StarAssessment", id, row.organizationId(), "REVIEW", AuditTrail.diff(before, after));
		return view(row(id));
	}

	@Transactional
	public AssessmentView confirm(long id, Integer version) {
		scope.requireWriter(COUNTY);
		Row row = lockInScope(id);
		refuseUnless(row, StarPolicy.Step.CONFIRM, version);
		List<StarScoring.Item> items = standardItems(row.countyId(), row.year(), row.field());
		if (items == null) {
			throw new RuleViolationException(row.year() + "年度" + row.field().label() + "领域的星级标准已被删除");
		}
		StarScoring.Result result = live(row, items);
		StarPolicy policy = policy(row);
		int banded = policy.band(result.score());
		int position = 0;
		for (StarScoring.Scored s : result.items()) {
			jdbc.sql("""
					INSERT INTO star_assessment_item (county_id, assessment_id, position, code, name, max_points, indicator,
					                                  awarded, explanation)
					VALUES (:c, :a, :p, :code, :name, :max, :ind, :awarded, :why)""")
				.param("c", row.countyId())
				.param("a", id)
				.param("p", position++)
				.param("code", s.code())
				.param("name", s.name())
				.param("max", s.points())
				.param("ind", s.indicator() == null ? null : s.indicator().name())
				.param("awarded", s.awarded().setScale(4, RoundingMode.HALF_UP))
				.param("why", truncate(s.explanation()))
				.update();
		}
		jdbc.sql("""
				UPDATE star_assessment SET status = :s, score = :score, banded_stars = :stars, stars = :stars,
				       confirmed_by = :by, confirmed_at = now(), version = version + 1
				WHERE id = :id""")
			.param("s", StarStatus.CONFIRMED.name())
			.param("score", result.score())
			.param("stars", banded)
			.param("by", scope.current().caller().username())
			.param("id", id)
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", row.status().name());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", StarStatus.CONFIRMED.name());
		after.put("score", result.score());
		after.put("stars", banded);
		audit.record("StarAssessment", id, row.organizationId(), "CONFIRM", AuditTrail.diff(before, after));
		return view(row(id));
	}

	public record PublishResult(String organizationId, int year, int published) {
	}

	/** Every confirmed assessment of the subtree's organizations for the year becomes published (挂星). */
	@Transactional
	public PublishResult publish(long organizationId, Integer yearParam) {
		scope.requireWriter(COUNTY);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (yearParam == null) {
			throw InvalidInputException.of("year", "请指定年度");
		}
		int year = assessedYear(yearParam);
		List<long[]> published = jdbc.sql("""
				UPDATE star_assessment a SET status = :published, published_by = :by, published_at = now(),
				       version = a.version + 1
				FROM organization o
				WHERE o.id = a.organization_id AND a.county_id = :c AND a.year = :y AND a.status = :confirmed
				  AND o.path LIKE :prefix
				RETURNING a.id, a.organization_id""")
			.param("published", StarStatus.PUBLISHED.name())
			.param("confirmed", StarStatus.CONFIRMED.name())
			.param("by", scope.current().caller().username())
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.list();
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (long[] p : published) {
			entries.add(new AuditTrail.Entry(p[0], p[1], AuditTrail.diff(Map.of("status", StarStatus.CONFIRMED.name()),
					Map.of("status", StarStatus.PUBLISHED.name()))));
		}
		if (!entries.isEmpty()) {
			audit.recordAll("StarAssessment", "PUBLISH", entries);
		}
		return new PublishResult(Long.toString(organizationId), year, published.size());
	}

	@Transactional
	public AssessmentView revoke(long id, RevokeInput in) {
		scope.requireWriter(COUNTY);
		Row row = lockInScope(id);
		List<FieldProblem> problems = new ArrayList<>();
		String reason = in == null ? null : FormInput.blankToNull(in.reason());
		if (reason == null || reason.length() > 500) {
			problems.add(new FieldProblem("reason", "请填写摘星理由（不超过500字）"));
		}
		Integer requested = in == null ? null : in.stars();
		if (requested != null && (requested < StarPolicy.MIN_STARS || requested > StarPolicy.MAX_STARS)) {
			problems.add(new FieldProblem("stars", "星级应在1到5之间"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("摘星信息填写有误", problems);
		}
		refuseUnless(row, StarPolicy.Step.REVOKE, in.version());
		StarPolicy policy = policy(row);
		int current = policy.asRead(row.stars(), weakAndLax.isListed(row.organizationId(), row.year())).stars();
		StarPolicy.Revocation r = policy.revoke(current, requested);
		if (!r.allowed()) {
			throw new RuleViolationException(r.reason());
		}
		// the row is locked, so the guard always holds; it turns any lost update into a refusal, never a silent one
		int changed = jdbc.sql("UPDATE star_assessment SET stars = :s, version = version + 1 WHERE id = :id AND stars = :from")
			.param("s", r.toStars())
			.param("id", id)
			.param("from", row.stars())
			.update();
		if (changed != 1) {
			throw new ConflictException("评定已被他人修改，请刷新后重试");
		}
		long revocation = jdbc.sql("""
				INSERT INTO star_revocation (county_id, assessment_id, from_stars, to_stars, reason, revoked_by, revoked_at)
				VALUES (:c, :a, :from, :to, :reason, :by, :at) RETURNING id""")
			// the moment it happened, under the lock: now() is the transaction's start, and a revocation that waited
			// for the lock would be dated before the one it waited for, and listed before it in the history
			.param("at", OffsetDateTime.now(clock))
			.param("c", row.countyId())
			.param("a", id)
			.param("from", current)
			.param("to", r.toStars())
			.param("reason", reason)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("stars", current);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("stars", r.toStars());
		after.put("reason", reason);
		after.put("revocationId", revocation);
		audit.record("StarAssessment", id, row.organizationId(), "REVOKE", AuditTrail.diff(before, after));
		return view(row(id));
	}

	@Transactional
	public AssessmentView get(long id) {
		Row row = row(id);
		scope.requireOrganization(row.organizationId());
		return view(row);
	}

	/** The assessment of an organization and year, or null. */
	@Transactional
	public AssessmentView ofOrganization(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		return jdbc.sql(SELECT_ROW + " WHERE a.organization_id = :o AND a.year = :y")
			.param("o", organizationId)
			.param("y", year)
			.query(StarService::mapRow)
			.optional()
			.map(this::view)
			.orElse(null);
	}

	private Row lockInScope(long id) {
		Row unlocked = row(id);
		scope.requireOrganization(unlocked.organizationId());
		jdbc.sql("SELECT id FROM star_assessment WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		return row(id);
	}

	private static void refuseUnless(Row row, StarPolicy.Step step, Integer version) {
		String refusal = StarPolicy.refusal(row.status(), step);
		if (refusal != null) {
			throw new ConflictException(refusal + "（当前状态：" + row.status().label() + "）");
		}
		if (version != null && version != row.version()) {
			throw new ConflictException("评定已被他人修改，请刷新后重试");
		}
	}

	private Row row(long id) {
		return jdbc.sql(SELECT_ROW + " WHERE a.id = :id")
			.param("id", id)
			.query(StarService::mapRow)
			.optional()
			.orElseThrow(() -> new NotFoundException("星级评定不存在"));
	}

	private StarPolicy policy(Row row) {
		return new StarPolicy(settings.forCountyYear(row.countyId(), row.year()));
	}

	private static String truncate(String s) {
		return s.length() <= 500 ? s : s.substring(0, 497) + "…";
	}

	private Map<String, BigDecimal> parseScores(Map<String, Object> raw, List<StarScoring.Item> items) {
		Map<String, StarScoring.Item> byCode = new LinkedHashMap<>();
		items.forEach(i -> byCode.put(i.code(), i));
		Map<String, BigDecimal> scores = new LinkedHashMap<>();
		List<FieldProblem> problems = new ArrayList<>();
		if (raw == null) {
			return scores;
		}
		raw.forEach((code, value) -> {
			String at = "scores." + code;
			StarScoring.Item item = byCode.get(code);
			if (item == null) {
				problems.add(new FieldProblem(at, "标准中没有项目“" + code + "”"));
				return;
			}
			if (!item.byHand()) {
				problems.add(new FieldProblem(at, "“" + item.name() + "”由平台按" + item.indicator().label() + "自动评分，不能手工打分"));
				return;
			}
			BigDecimal points = decimal(value);
			if (points == null || points.scale() > 2) {
				problems.add(new FieldProblem(at, "“" + item.name() + "”的得分应为数字（最多两位小数）"));
			}
			else if (points.signum() < 0) {
				problems.add(new FieldProblem(at, "“" + item.name() + "”的得分不能为负数"));
			}
			else if (points.compareTo(BigDecimal.valueOf(item.points())) > 0) {
				problems.add(new FieldProblem(at, "“" + item.name() + "”的得分不能超过本项分值" + item.points() + "分"));
			}
			else {
				scores.put(code, points.setScale(2));
			}
		});
		if (!problems.isEmpty()) {
			throw new InvalidInputException("评分有误", problems);
		}
		return scores;
	}

	private static BigDecimal decimal(Object value) {
		if (value instanceof Number n) {
			BigDecimal b = new BigDecimal(n.toString());
			return b.scale() > 2 ? b.stripTrailingZeros() : b;
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

	// ---- reading --------------------------------------------------------------------------------------------

	private Map<String, BigDecimal[]> handScores(long id) {
		Map<String, BigDecimal[]> scores = new HashMap<>();
		jdbc.sql("SELECT code, self_points, review_points FROM star_assessment_score WHERE assessment_id = :a")
			.param("a", id)
			.query(rs -> {
				scores.put(rs.getString(1), new BigDecimal[] { rs.getBigDecimal(2), rs.getBigDecimal(3) });
			});
		return scores;
	}

	private StarScoring.Result live(Row row, List<StarScoring.Item> items) {
		StarScoring.Facts facts = indicators.factsOf(row.organizationId(), row.year())
			.getOrDefault(row.organizationId(), StarScoring.Facts.NONE);
		return score(items, handScores(row.id()), facts);
	}

	static StarScoring.Result score(List<StarScoring.Item> items, Map<String, BigDecimal[]> hand,
			StarScoring.Facts facts) {
		Map<String, BigDecimal> self = new HashMap<>();
		Map<String, BigDecimal> review = new HashMap<>();
		hand.forEach((code, p) -> {
			if (p[0] != null) {
				self.put(code, p[0]);
			}
			if (p[1] != null) {
				review.put(code, p[1]);
			}
		});
		return StarScoring.score(items, self, review, facts);
	}

	AssessmentView view(Row row) {
		StarPolicy policy = policy(row);
		boolean listed = weakAndLax.isListed(row.organizationId(), row.year());
		List<ItemView> items;
		BigDecimal score;
		Integer stars = null;
		Integer provisional = null;
		boolean capped = false;
		String capReason = null;
		if (row.status().rated()) {
			Map<String, BigDecimal[]> hand = handScores(row.id());
			items = jdbc.sql("""
					SELECT code, name, max_points, indicator, awarded, explanation FROM star_assessment_item
					WHERE assessment_id = :a ORDER BY position""")
				.param("a", row.id())
				.query((rs, i) -> {
					BigDecimal[] h = hand.getOrDefault(rs.getString(1), new BigDecimal[2]);
					return new ItemView(rs.getString(1), rs.getString(2), rs.getInt(3),
							rs.getString(4) == null ? null : StarIndicator.valueOf(rs.getString(4)), h[0], h[1],
							rs.getBigDecimal(5).setScale(2, RoundingMode.HALF_UP), rs.getString(6));
				})
				.list();
			score = row.score();
			StarPolicy.Stars read = policy.asRead(row.stars(), listed);
			stars = read.stars();
			capped = read.capped();
			capReason = read.reason();
		}
		else {
			List<StarScoring.Item> standard = standardItems(row.countyId(), row.year(), row.field());
			StarScoring.Result result = standard == null ? new StarScoring.Result(BigDecimal.ZERO.setScale(2), List.of())
					: live(row, standard);
			items = result.items().stream()
				.map(s -> new ItemView(s.code(), s.name(), s.points(), s.indicator(), s.selfPoints(), s.reviewPoints(),
						s.awarded().setScale(2, RoundingMode.HALF_UP), s.explanation()))
				.toList();
			score = result.score();
			StarPolicy.Stars read = policy.asRead(policy.band(score), listed);
			provisional = read.stars();
			capped = read.capped();
			capReason = read.reason();
		}
		return new AssessmentView(Long.toString(row.id()), Long.toString(row.organizationId()), row.name(), row.field(),
				row.field().label(), row.year(), row.status(), row.status().label(), score, stars, provisional,
				row.bandedStars(), capped, capReason, row.version(), items, history(row.id()), row.selfBy(),
				row.selfAt(), row.reviewedBy(), row.reviewedAt(), row.confirmedBy(), row.confirmedAt(),
				row.publishedAt());
	}

	private List<HistoryView> history(long id) {
		return historyOf(List.of(id)).getOrDefault(id, List.of());
	}

	private Map<Long, List<HistoryView>> historyOf(List<Long> ids) {
		Map<Long, List<HistoryView>> history = new HashMap<>();
		if (ids.isEmpty()) {
			return history;
		}
		jdbc.sql("""
				SELECT assessment_id, revoked_at, to_stars, reason, revoked_by FROM star_revocation
				WHERE assessment_id IN (:ids) ORDER BY revoked_at, id""")
			.param("ids", ids)
			.query(rs -> {
				history.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new HistoryView(rs.getObject(2, OffsetDateTime.class), rs.getInt(3), rs.getString(4),
							rs.getString(5)));
			});
		return history;
	}

	// ---- the stars of a subtree -----------------------------------------------------------------------------

	public record StarItem(String organizationId, String name, Field field, String fieldLabel, String townshipName,
			BigDecimal score, int stars, StarStatus status, String statusLabel, boolean capped,
			List<HistoryView> history, String assessmentId) {
	}

	public record StarsReport(String organizationId, String organizationName, int year, List<StarItem> items,
			Map<String, Integer> distribution, Double threeStarShare) {
	}

	/** The confirmed or published assessments of the subtree's organizations, their distribution and share. */
	@Transactional(readOnly = true)
	public StarsReport stars(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		return starsUnchecked(organizationId, year(yearParam));
	}

	StarsReport starsUnchecked(long organizationId, int year) {
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<Row> rows = jdbc.sql(SELECT_ROW + """
				WHERE a.county_id = :c AND a.year = :y AND a.status IN ('CONFIRMED', 'PUBLISHED') AND o.path LIKE :prefix
				ORDER BY o.path""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(StarService::mapRow)
			.list();
		Map<Long, List<HistoryView>> history = historyOf(rows.stream().map(Row::id).toList());
		Map<String, String> townships = townshipNames(org.countyId());
		StarPolicy policy = new StarPolicy(settings.forCountyYear(org.countyId(), year));
		List<StarItem> items = new ArrayList<>();
		Map<String, Integer> distribution = new LinkedHashMap<>();
		for (int s = 1; s <= 5; s++) {
			distribution.put(Integer.toString(s), 0);
		}
		int threeOrMore = 0;
		for (Row r : rows) {
			StarPolicy.Stars read = policy.asRead(r.stars(), weakAndLax.isListed(r.organizationId(), year));
			distribution.merge(Integer.toString(read.stars()), 1, Integer::sum);
			if (read.stars() >= 3) {
				threeOrMore++;
			}
			items.add(new StarItem(Long.toString(r.organizationId()), r.name(), r.field(), r.field().label(),
					townshipOf(r.path(), townships), r.score(), read.stars(), r.status(), r.status().label(),
					read.capped(), history.getOrDefault(r.id(), List.of()), Long.toString(r.id())));
		}
		Double share = rows.isEmpty() ? null : threeOrMore / (double) rows.size();
		return new StarsReport(Long.toString(organizationId), org.name(), year, items, distribution, share);
	}

	/** Stars as read of an organization's confirmed or published assessment of a year, or null (commendations). */
	Integer confirmedStars(long organizationId, int year) {
		return jdbc.sql(SELECT_ROW + " WHERE a.organization_id = :o AND a.year = :y AND a.status IN ('CONFIRMED', 'PUBLISHED')")
			.param("o", organizationId)
			.param("y", year)
			.query(StarService::mapRow)
			.optional()
			.map(r -> policy(r).asRead(r.stars(), weakAndLax.isListed(organizationId, year)).stars())
			.orElse(null);
	}

	private Map<String, String> townshipNames(long county) {
		Map<String, String> names = new HashMap<>();
		jdbc.sql("SELECT id, name FROM organization WHERE depth = 1 AND county_id = :c")
			.param("c", county)
			.query(rs -> {
				names.put(rs.getString(1), rs.getString(2));
			});
		return names;
	}

	private static String townshipOf(String path, Map<String, String> townships) {
		String[] parts = path.split("/");
		return parts.length > 3 ? townships.get(parts[2]) : null;
	}

	/** The county root's id, as the API spells ids. */
	String rootIdString() {
		return organizations.rootId().map(String::valueOf).orElse("");
	}

	// ---- the board of the pages: every branch of the subtree with its assessment, live while in progress --------

	public record BoardRow(String organizationId, String name, String townshipName, Field field, String fieldLabel,
			String assessmentId, StarStatus status, String statusLabel, BigDecimal score, Integer stars,
			boolean live, boolean capped, int revocations) {
	}

	@Transactional
	public List<BoardRow> board(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		record Branch(long id, String name, String path, Field field) {
		}
		List<Branch> branches = jdbc.sql("""
				SELECT id, name, path, field FROM organization
				WHERE county_id = :c AND kind = 'BRANCH' AND path LIKE :prefix ORDER BY path""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.query((rs, i) -> new Branch(rs.getLong(1), rs.getString(2), rs.getString(3),
					Field.valueOf(rs.getString(4))))
			.list();
		Map<Long, Row> assessments = new HashMap<>();
		jdbc.sql(SELECT_ROW + " WHERE a.county_id = :c AND a.year = :y AND o.path LIKE :prefix")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query(StarService::mapRow)
			.list()
			.forEach(r -> assessments.put(r.organizationId(), r));
		boolean anyLive = assessments.values().stream().anyMatch(r -> !r.status().rated());
		Map<Long, StarScoring.Facts> facts = anyLive ? indicators.factsOf(organizationId, year) : Map.of();
		Map<Long, Map<String, BigDecimal[]>> hand = new HashMap<>();
		if (anyLive) {
			jdbc.sql("""
					SELECT s.assessment_id, s.code, s.self_points, s.review_points
					FROM star_assessment_score s JOIN star_assessment a ON a.id = s.assessment_id
					JOIN organization o ON o.id = a.organization_id
					WHERE a.county_id = :c AND a.year = :y AND o.path LIKE :prefix""")
				.param("c", org.countyId())
				.param("y", year)
				.param("prefix", org.path() + "%")
				.query(rs -> {
					hand.computeIfAbsent(rs.getLong(1), k -> new HashMap<>())
						.put(rs.getString(2), new BigDecimal[] { rs.getBigDecimal(3), rs.getBigDecimal(4) });
				});
		}
		Map<Field, List<StarScoring.Item>> standards = new HashMap<>();
		Map<Long, Integer> revocations = new HashMap<>();
		jdbc.sql("""
				SELECT r.assessment_id, count(*) FROM star_revocation r JOIN star_assessment a ON a.id = r.assessment_id
				WHERE a.county_id = :c AND a.year = :y GROUP BY r.assessment_id""")
			.param("c", org.countyId())
			.param("y", year)
			.query(rs -> {
				revocations.put(rs.getLong(1), rs.getInt(2));
			});
		Map<String, String> townships = townshipNames(org.countyId());
		StarPolicy policy = new StarPolicy(settings.forCountyYear(org.countyId(), year));
		List<BoardRow> rows = new ArrayList<>();
		for (Branch b : branches) {
			Row a = assessments.get(b.id());
			String township = townshipOf(b.path(), townships);
			if (a == null) {
				rows.add(new BoardRow(Long.toString(b.id()), b.name(), township, b.field(), b.field().label(), null, null,
						"未自评", null, null, false, false, 0));
				continue;
			}
			boolean listed = weakAndLax.isListed(b.id(), year);
			BigDecimal score;
			StarPolicy.Stars read;
			if (a.status().rated()) {
				score = a.score();
				read = policy.asRead(a.stars(), listed);
			}
			else {
				List<StarScoring.Item> items = standards.computeIfAbsent(a.field(),
						f -> {
							List<StarScoring.Item> s = standardItems(org.countyId(), year, f);
							return s == null ? List.of() : s;
						});
				score = score(items, hand.getOrDefault(a.id(), Map.of()),
						facts.getOrDefault(b.id(), StarScoring.Facts.NONE)).score();
				read = policy.asRead(policy.band(score), listed);
			}
			rows.add(new BoardRow(Long.toString(b.id()), b.name(), township, a.field(), a.field().label(),
					Long.toString(a.id()), a.status(), a.status().label(), score, read.stars(), !a.status().rated(),
					read.capped(), revocations.getOrDefault(a.id(), 0)));
		}
		return rows;
	}
}
