package cn.jiceng.supervision;

import java.io.InputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
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
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigned problems (问题交办, SPEC.md §4.8, API.md "Responsibility and supervision"): a rectification notice from a
 * township or the county lists problems for organizations below it, each with a deadline; the issuing side records
 * the follow-up rhythm and verifies; the assignee uploads evidence and reports rectification. Every transition locks
 * the problem's row, checks its status (wrong status → 409) and, when sent, its version.
 */
@Service
class ProblemService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);
	static final Set<Role> ISSUERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final SupervisionFiles files;
	private final Clock clock;

	ProblemService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, SupervisionFiles files, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.files = files;
		this.clock = clock;
	}

	// ---- views ----------------------------------------------------------------------------------------------

	public record ProblemView(String id, String noticeId, String noticeTitle, String issuingOrganizationId,
			String issuingOrganizationName, String organizationId, String name, String description,
			LocalDate issuedOn, LocalDate dueOn, ProblemStatus status, String statusLabel, boolean overdue,
			List<FollowUpKind> followUpsDue, LocalDate rectifiedOn, LocalDate closedOn, int version) {
	}

	public record NoticeView(String id, String organizationId, String organizationName, String title,
			LocalDate issuedOn, List<ProblemView> problems) {
	}

	public record FollowUpView(String id, String problemId, LocalDate on, FollowUpKind kind, String kindLabel,
			String note, String recordedBy, OffsetDateTime recordedAt) {
	}

	public record StepView(ProblemStep step, String stepLabel, LocalDate on, String note, String by,
			OffsetDateTime at) {
	}

	/** One problem with everything that happened to it and what the caller may do now (for the pages). */
	public record ProblemDetail(ProblemView problem, List<FollowUpView> followUps, List<StepView> steps,
			List<SupervisionFiles.FileView> files, boolean canFollowUp, boolean canRectify, boolean canVerify,
			Map<FollowUpKind, String> followUpsDueLabels) {
	}

	record Row(long id, long countyId, long noticeId, String noticeTitle, long issuingId, String issuingName,
			String issuingPath, long organizationId, String name, String path, String description, LocalDate issuedOn,
			LocalDate dueOn, ProblemStatus status, LocalDate rectifiedOn, LocalDate closedOn,
			OffsetDateTime reopenedAt, int version) {
	}

	private static final String SELECT_ROW = """
			SELECT p.id, p.county_id, p.notice_id, n.title, n.organization_id AS issuing_id, io.name AS issuing_name,
			       io.path AS issuing_path, p.organization_id, o.name, o.path, p.description, n.issued_on, p.due_on,
			       p.status, p.rectified_on, p.closed_on, p.reopened_at, p.version
			FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
			JOIN organization o ON o.id = p.organization_id JOIN organization io ON io.id = n.organization_id
			""";

	private static Row mapRow(ResultSet rs, int i) throws SQLException {
		return new Row(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("notice_id"), rs.getString("title"),
				rs.getLong("issuing_id"), rs.getString("issuing_name"), rs.getString("issuing_path"),
				rs.getLong("organization_id"), rs.getString("name"), rs.getString("path"),
				rs.getString("description"), rs.getObject("issued_on", LocalDate.class),
				rs.getObject("due_on", LocalDate.class), ProblemStatus.valueOf(rs.getString("status")),
				rs.getObject("rectified_on", LocalDate.class), rs.getObject("closed_on", LocalDate.class),
				rs.getObject("reopened_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	private FollowUpRhythm rhythm(long county) {
		return FollowUpRhythm.of(settings.forCountyYear(county, today().getYear()));
	}

	private ProblemView view(Row r, List<FollowUpRhythm.FollowUp> followUps, FollowUpRhythm rhythm) {
		LocalDate today = today();
		return new ProblemView(Long.toString(r.id()), Long.toString(r.noticeId()), r.noticeTitle(),
				Long.toString(r.issuingId()), r.issuingName(), Long.toString(r.organizationId()), r.name(),
				r.description(), r.issuedOn(), r.dueOn(), r.status(), r.status().label(),
				ProblemPolicy.overdue(r.dueOn(), r.status(), today),
				rhythm.due(r.issuedOn(), followUps, r.status(), today), r.rectifiedOn(), r.closedOn(), r.version());
	}

	private ProblemView view(Row r) {
		return view(r, followUpsOf(List.of(r.id())).getOrDefault(r.id(), List.of()), rhythm(r.countyId()));
	}

	private Map<Long, List<FollowUpRhythm.FollowUp>> followUpsOf(List<Long> ids) {
		Map<Long, List<FollowUpRhythm.FollowUp>> byProblem = new HashMap<>();
		if (ids.isEmpty()) {
			return byProblem;
		}
		jdbc.sql("SELECT problem_id, kind, held_on FROM problem_follow_up WHERE problem_id IN (:ids)")
			.param("ids", ids)
			.query(rs -> {
				byProblem.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
					.add(new FollowUpRhythm.FollowUp(FollowUpKind.valueOf(rs.getString(2)),
							rs.getObject(3, LocalDate.class)));
			});
		return byProblem;
	}

	// ---- issuing a notice -----------------------------------------------------------------------------------

	public record ProblemInput(String organizationId, String description, String dueOn) {
	}

	public record NoticeInput(String title, String issuedOn, List<ProblemInput> problems) {
	}

	@Transactional
	public NoticeView issue(NoticeInput in) {
		scope.requireWriter(ISSUERS);
		Scope caller = scope.current();
		long county = caller.caller().countyId();
		long issuingId = caller.caller().organizationId();
		String issuingPath = caller.pathPrefix();
		List<FieldProblem> problems = new ArrayList<>();
		String title = Inputs.text(in == null ? null : in.title(), "title", "通知标题", 200, true, problems);
		LocalDate issuedOn = Inputs.date(in == null ? null : in.issuedOn(), "issuedOn", "发文日期", true, problems);
		if (issuedOn != null && issuedOn.isAfter(today())) {
			problems.add(new FieldProblem("issuedOn", "发文日期不能晚于今天"));
		}
		List<ProblemInput> raw = in == null || in.problems() == null ? List.of() : in.problems();
		if (raw.isEmpty()) {
			problems.add(new FieldProblem("problems", "请至少列出一个交办问题"));
		}
		record Parsed(long organizationId, String description, LocalDate dueOn) {
		}
		List<Parsed> parsed = new ArrayList<>();
		for (int k = 0; k < raw.size(); k++) {
			String at = "problems[" + k + "]";
			ProblemInput p = raw.get(k);
			if (p == null) {
				problems.add(new FieldProblem(at, "交办问题不能为空"));
				continue;
			}
			Long orgId = Inputs.id(p.organizationId(), at + ".organizationId", "被交办的党组织", problems);
			String description = Inputs.text(p.description(), at + ".description", "问题描述", 1000, true, problems);
			LocalDate dueOn = Inputs.date(p.dueOn(), at + ".dueOn", "整改期限", true, problems);
			if (dueOn != null && issuedOn != null && dueOn.isBefore(issuedOn)) {
				problems.add(new FieldProblem(at + ".dueOn", "整改期限不能早于发文日期"));
				dueOn = null;
			}
			if (orgId != null) {
				OrgRef target = organizations.ref(orgId)
					.filter(o -> o.countyId() == county && o.path().startsWith(issuingPath))
					.orElseThrow(() -> new NotFoundException("党组织不存在或不在您的管理范围内"));
				if (!ProblemPolicy.strictlyBelow(target.path(), issuingPath)) {
					problems.add(new FieldProblem(at + ".organizationId", "问题只能交办给本组织的下级党组织"));
					orgId = null;
				}
			}
			if (orgId != null && description != null && dueOn != null) {
				parsed.add(new Parsed(orgId, description, dueOn));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("整改通知填写有误", problems);
		}
		long noticeId = jdbc.sql("""
				INSERT INTO rectification_notice (county_id, organization_id, title, issued_on, issued_by)
				VALUES (:c, :o, :t, :d, :by) RETURNING id""")
			.param("c", county)
			.param("o", issuingId)
			.param("t", title)
			.param("d", issuedOn)
			.param("by", caller.caller().username())
			.query(Long.class)
			.single();
		List<String> described = new ArrayList<>();
		for (Parsed p : parsed) {
			long id = jdbc.sql("""
					INSERT INTO problem (county_id, notice_id, organization_id, description, due_on)
					VALUES (:c, :n, :o, :d, :due) RETURNING id""")
				.param("c", county)
				.param("n", noticeId)
				.param("o", p.organizationId())
				.param("d", p.description())
				.param("due", p.dueOn())
				.query(Long.class)
				.single();
			Map<String, Object> fields = new LinkedHashMap<>();
			fields.put("noticeId", noticeId);
			fields.put("organizationId", p.organizationId());
			fields.put("description", p.description());
			fields.put("dueOn", p.dueOn());
			audit.record("Problem", id, p.organizationId(), "CREATE", AuditTrail.created(fields));
			described.add(p.description());
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("title", title);
		fields.put("issuedOn", issuedOn);
		fields.put("problems", described);
		audit.record("RectificationNotice", noticeId, issuingId, "CREATE", AuditTrail.created(fields));
		return notice(noticeId);
	}

	private NoticeView notice(long noticeId) {
		List<Row> rows = jdbc.sql(SELECT_ROW + " WHERE p.notice_id = :n ORDER BY p.id")
			.param("n", noticeId)
			.query(ProblemService::mapRow)
			.list();
		record Head(long orgId, String orgName, String title, LocalDate issuedOn, long county) {
		}
		Head head = jdbc.sql("""
				SELECT n.organization_id, o.name, n.title, n.issued_on, n.county_id
				FROM rectification_notice n JOIN organization o ON o.id = n.organization_id WHERE n.id = :n""")
			.param("n", noticeId)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getLong(5)))
			.single();
		FollowUpRhythm rhythm = rhythm(head.county());
		Map<Long, List<FollowUpRhythm.FollowUp>> followUps = followUpsOf(rows.stream().map(Row::id).toList());
		return new NoticeView(Long.toString(noticeId), Long.toString(head.orgId()), head.orgName(), head.title(),
				head.issuedOn(),
				rows.stream().map(r -> view(r, followUps.getOrDefault(r.id(), List.of()), rhythm)).toList());
	}

	// ---- reading --------------------------------------------------------------------------------------------

	/**
	 * A problem the caller may see: its organization in the caller's scope (the issuing side and everyone above),
	 * or the caller inside the problem's organization's subtree (the assignee). Otherwise 404.
	 */
	private Row visible(long id) {
		Row row = jdbc.sql(SELECT_ROW + " WHERE p.id = :id")
			.param("id", id)
			.query(ProblemService::mapRow)
			.optional()
			.orElseThrow(() -> new NotFoundException("交办问题不存在"));
		Scope caller = scope.current();
		boolean assignee = !caller.memberOnly() && caller.pathPrefix().startsWith(row.path());
		if (!assignee && !scope.coversOrganization(row.organizationId())) {
			throw new NotFoundException("交办问题不存在或不在您的管理范围内");
		}
		return row;
	}

	private ProblemPolicy.Side side(Row row) {
		return ProblemPolicy.side(scope.current().pathPrefix(), row.issuingPath(), row.path());
	}

	private Row lock(long id) {
		jdbc.sql("SELECT id FROM problem WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		return jdbc.sql(SELECT_ROW + " WHERE p.id = :id").param("id", id).query(ProblemService::mapRow).single();
	}

	private Row requireSide(long id, ProblemPolicy.Side required) {
		Row row = visible(id);
		scope.requireWriter(WRITERS);
		if (side(row) != required) {
			throw new ForbiddenException(ProblemPolicy.sideRefusal(required));
		}
		return row;
	}

	private static void requireVersion(Row row, Integer version) {
		if (version != null && version != row.version()) {
			throw new ConflictException("交办问题已被他人修改，请刷新后重试");
		}
	}

	@Transactional(readOnly = true)
	public ProblemView get(long id) {
		return view(visible(id));
	}

	@Transactional(readOnly = true)
	public ProblemDetail detail(long id) {
		Row row = visible(id);
		ProblemView view = view(row);
		List<FollowUpView> followUps = jdbc.sql("""
				SELECT id, problem_id, held_on, kind, note, recorded_by, recorded_at FROM problem_follow_up
				WHERE problem_id = :p ORDER BY held_on, id""")
			.param("p", id)
			.query((rs, i) -> {
				FollowUpKind kind = FollowUpKind.valueOf(rs.getString(4));
				return new FollowUpView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class), kind,
						kind.label(), rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class));
			})
			.list();
		List<StepView> steps = jdbc.sql("""
				SELECT step, taken_on, note, taken_by, taken_at FROM problem_step WHERE problem_id = :p
				ORDER BY taken_at, id""")
			.param("p", id)
			.query((rs, i) -> {
				ProblemStep step = ProblemStep.valueOf(rs.getString(1));
				return new StepView(step, step.label(), rs.getObject(2, LocalDate.class), rs.getString(3),
						rs.getString(4), rs.getObject(5, OffsetDateTime.class));
			})
			.list();
		boolean writer = WRITERS.contains(scope.current().caller().role());
		ProblemPolicy.Side side = side(row);
		Map<FollowUpKind, String> dueLabels = new LinkedHashMap<>();
		view.followUpsDue().forEach(k -> dueLabels.put(k, k.label()));
		return new ProblemDetail(view, followUps, steps, files(id, row),
				writer && side == ProblemPolicy.Side.ISSUING && row.status() != ProblemStatus.CLOSED,
				writer && side == ProblemPolicy.Side.ASSIGNEE && row.status() == ProblemStatus.OPEN,
				writer && side == ProblemPolicy.Side.ISSUING && row.status() == ProblemStatus.RECTIFIED, dueLabels);
	}

	/** The problems of a subtree's organizations, overdue first, then by deadline. */
	@Transactional(readOnly = true)
	public PageResult<ProblemView> list(long organizationId, String statusCode, String overdueParam,
			PageRequest page) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		ProblemStatus status = FormInput.parseEnum(ProblemStatus.class, statusCode, "status",
				"状态应为 OPEN、RECTIFIED 或 CLOSED", problems, false);
		Boolean overdue = null;
		if (overdueParam != null && !overdueParam.isBlank()) {
			switch (overdueParam.trim()) {
				case "true" -> overdue = true;
				case "false" -> overdue = false;
				default -> problems.add(new FieldProblem("overdue", "overdue 应为 true 或 false"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		StringBuilder where = new StringBuilder(" WHERE p.county_id = :c AND o.path LIKE :prefix");
		if (status != null) {
			where.append(" AND p.status = :status");
		}
		if (overdue != null) {
			where.append(overdue ? " AND " : " AND NOT ").append(ProblemPolicy.sqlOverdue("p"));
		}
		Map<String, Object> params = new HashMap<>();
		params.put("c", org.countyId());
		params.put("prefix", org.path() + "%");
		params.put("today", today());
		if (status != null) {
			params.put("status", status.name());
		}
		long total = jdbc.sql("SELECT count(*) FROM problem p JOIN organization o ON o.id = p.organization_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Row> rows = jdbc.sql(SELECT_ROW + where + " ORDER BY " + ProblemPolicy.sqlOverdue("p")
				+ " DESC, CASE p.status WHEN 'CLOSED' THEN 1 ELSE 0 END, p.due_on, p.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(ProblemService::mapRow)
			.list();
		FollowUpRhythm rhythm = rhythm(org.countyId());
		Map<Long, List<FollowUpRhythm.FollowUp>> followUps = followUpsOf(rows.stream().map(Row::id).toList());
		return new PageResult<>(rows.stream().map(r -> view(r, followUps.getOrDefault(r.id(), List.of()), rhythm))
			.toList(), total, page.page(), page.size());
	}

	// ---- follow-ups (issuing side) --------------------------------------------------------------------------

	public record FollowUpInput(String on, String kind, String note) {
	}

	@Transactional
	public FollowUpView followUp(long id, FollowUpInput in) {
		requireSide(id, ProblemPolicy.Side.ISSUING);
		List<FieldProblem> problems = new ArrayList<>();
		Row row = lock(id);
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "跟踪日期", true, problems);
		FollowUpKind kind = FormInput.parseEnum(FollowUpKind.class, in == null ? null : in.kind(), "kind",
				"跟踪方式应为 MONTHLY_VISIT、QUARTERLY_URGE、HALF_YEAR_REVIEW 或 YEAR_END_REVIEW", problems, true);
		String note = Inputs.text(in == null ? null : in.note(), "note", "跟踪情况", 1000, true, problems);
		checkDay(on, row, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("跟踪记录填写有误", problems);
		}
		String conflict = ProblemPolicy.followUpConflict(row.status());
		if (conflict != null) {
			throw new ConflictException(conflict);
		}
		long fid = jdbc.sql("""
				INSERT INTO problem_follow_up (county_id, problem_id, held_on, kind, note, recorded_by)
				VALUES (:c, :p, :d, :k, :n, :by) RETURNING id""")
			.param("c", row.countyId())
			.param("p", id)
			.param("d", on)
			.param("k", kind.name())
			.param("n", note)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		audit.record("ProblemFollowUp", fid, row.organizationId(), "CREATE",
				AuditTrail.created(Map.of("problemId", id, "on", on, "kind", kind.name(), "note", note)));
		return new FollowUpView(Long.toString(fid), Long.toString(id), on, kind, kind.label(), note,
				scope.current().caller().username(), OffsetDateTime.now(clock));
	}

	private void checkDay(LocalDate on, Row row, List<FieldProblem> problems) {
		if (on == null) {
			return;
		}
		if (on.isAfter(today())) {
			problems.add(new FieldProblem("on", "日期不能晚于今天"));
		}
		else if (on.isBefore(row.issuedOn())) {
			problems.add(new FieldProblem("on", "日期不能早于整改通知的发文日期" + row.issuedOn()));
		}
	}

	// ---- evidence -------------------------------------------------------------------------------------------

	@Transactional
	public SupervisionFiles.FileView upload(long id, String originalName, long declaredSize, InputStream content) {
		Row row = visible(id);
		scope.requireWriter(WRITERS);
		if (side(row) == ProblemPolicy.Side.NEITHER) {
			throw new ForbiddenException("只有交办方和被交办的党组织可以上传佐证材料");
		}
		if (row.status() == ProblemStatus.CLOSED) {
			throw new ConflictException("问题已验收销号，不能再上传材料");
		}
		SupervisionFiles.Stored stored = files.store(SupervisionFiles.Owner.PROBLEM, id, row.countyId(),
				today().getYear(), originalName, declaredSize, content, scope.current().caller().username());
		audit.record("ProblemFile", stored.id(), row.organizationId(), "CREATE", AuditTrail.created(Map.of(
				"problemId", id, "name", stored.name(), "contentType", stored.contentType(), "size", stored.size(),
				"sha256", stored.sha256())));
		return files.view(SupervisionFiles.Owner.PROBLEM, id, stored.id());
	}

	@Transactional(readOnly = true)
	public List<SupervisionFiles.FileView> files(long id) {
		return files(id, visible(id));
	}

	private List<SupervisionFiles.FileView> files(long id, Row row) {
		return files.list(SupervisionFiles.Owner.PROBLEM, id);
	}

	/** Whether the caller may see a problem (for its files' downloads); 404 otherwise. */
	void requireVisible(long id) {
		visible(id);
	}

	// ---- rectification (assignee) and verification (issuing side) -------------------------------------------

	public record RectifyInput(String on, String note, Integer version) {
	}

	public record VerifyInput(Boolean accepted, String note, Integer version) {
	}

	@Transactional
	public ProblemView rectified(long id, RectifyInput in) {
		requireSide(id, ProblemPolicy.Side.ASSIGNEE);
		Row row = lock(id);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "整改完成日期", true, problems);
		String note = Inputs.text(in == null ? null : in.note(), "note", "整改情况", 1000, true, problems);
		checkDay(on, row, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("整改报告填写有误", problems);
		}
		String conflict = ProblemPolicy.rectifyConflict(row.status());
		if (conflict != null) {
			throw new ConflictException(conflict + "（当前状态：" + row.status().label() + "）");
		}
		requireVersion(row, in.version());
		long evidenceCount = jdbc.sql("SELECT count(*) FROM supervision_file WHERE problem_id = :p"
				+ (row.reopenedAt() == null ? "" : " AND uploaded_at > :since"))
			.param("p", id)
			.params(row.reopenedAt() == null ? Map.of() : Map.of("since", row.reopenedAt()))
			.query(Long.class)
			.single();
		String refusal = ProblemPolicy.evidenceRefusal(evidenceCount);
		if (refusal != null) {
			throw new RuleViolationException(refusal);
		}
		jdbc.sql("""
				UPDATE problem SET status = 'RECTIFIED', rectified_on = :d, version = version + 1 WHERE id = :id""")
			.param("d", on)
			.param("id", id)
			.update();
		step(row, ProblemStep.RECTIFIED, on, note);
		audit.record("Problem", id, row.organizationId(), "RECTIFIED", AuditTrail.diff(
				Map.of("status", row.status().name()), Map.of("status", "RECTIFIED", "rectifiedOn", on, "note", note)));
		return view(lock(id));
	}

	@Transactional
	public ProblemView verify(long id, VerifyInput in) {
		requireSide(id, ProblemPolicy.Side.ISSUING);
		Row row = lock(id);
		List<FieldProblem> problems = new ArrayList<>();
		if (in == null || in.accepted() == null) {
			problems.add(new FieldProblem("accepted", "请选择验收结论（accepted 为 true 或 false）"));
		}
		String note = Inputs.text(in == null ? null : in.note(), "note", "验收意见", 1000,
				in != null && Boolean.FALSE.equals(in.accepted()), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("验收意见填写有误", problems);
		}
		String conflict = ProblemPolicy.verifyConflict(row.status());
		if (conflict != null) {
			throw new ConflictException(conflict + "（当前状态：" + row.status().label() + "）");
		}
		requireVersion(row, in.version());
		ProblemStatus next = ProblemPolicy.verdict(in.accepted());
		LocalDate today = today();
		if (next == ProblemStatus.CLOSED) {
			jdbc.sql("UPDATE problem SET status = 'CLOSED', closed_on = :d, version = version + 1 WHERE id = :id")
				.param("d", today)
				.param("id", id)
				.update();
			step(row, ProblemStep.ACCEPTED, today, note);
		}
		else {
			jdbc.sql("""
					UPDATE problem SET status = 'OPEN', rectified_on = NULL, reopened_at = clock_timestamp(),
					       version = version + 1 WHERE id = :id""")
				.param("id", id)
				.update();
			step(row, ProblemStep.REOPENED, today, note);
		}
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", next.name());
		if (note != null) {
			after.put("note", note);
		}
		audit.record("Problem", id, row.organizationId(), in.accepted() ? "ACCEPTED" : "REOPENED",
				AuditTrail.diff(Map.of("status", row.status().name()), after));
		return view(lock(id));
	}

	private void step(Row row, ProblemStep step, LocalDate on, String note) {
		jdbc.sql("""
				INSERT INTO problem_step (county_id, problem_id, step, taken_on, note, taken_by)
				VALUES (:c, :p, :s, :d, :n, :by)""")
			.param("c", row.countyId())
			.param("p", row.id())
			.param("s", step.name())
			.param("d", on)
			.param("n", note)
			.param("by", scope.current().caller().username())
			.update();
	}
}
