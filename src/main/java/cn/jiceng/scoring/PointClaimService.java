package cn.jiceng.scoring;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.AccountRelations;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.DataScope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Monthly point claims (月申报): filed by the member or for them by a secretary or admin, reviewed by the branch
 * secretary or higher (ClaimFilingPolicy, ClaimReviewPolicy). Every filing and decision is audited; an approval
 * recomputes the member's index at once.
 */
@Service
class PointClaimService {

	public record ClaimInput(String month, String itemCode, String note) {
	}

	public record ClaimView(String id, String memberId, String memberName, String organizationId, String month,
			String itemCode, String itemName, int points, boolean veto, String note, ClaimStatus status, String filedBy,
			OffsetDateTime filedAt, String reviewedBy, OffsetDateTime reviewedAt, String reviewReason, int version) {

		public String statusLabel() {
			return status.label();
		}

		public String pointsLabel() {
			return veto ? "一票否决" : Points.signed(points);
		}
	}

	private record Stored(long id, long countyId, long memberId, long organizationId, YearMonth month, String itemCode,
			Long filedByAccount, Long filerMemberId, ClaimStatus status, int version) {

		PointClaim toRule() {
			return new PointClaim(memberId, month, itemCode, filedByAccount == null ? -1 : filedByAccount,
					filerMemberId, status);
		}
	}

	private static final String SELECT_VIEW = """
			SELECT c.id, c.member_id, m.name AS member_name, c.organization_id, c.month, c.item_code, c.item_name,
			       c.points, c.veto, c.note, c.status, c.filed_by, c.filed_at, c.reviewed_by, c.reviewed_at,
			       c.review_reason, c.version
			FROM point_claim c JOIN member m ON m.id = c.member_id""";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final CurrentCaller currentCaller;
	private final AuditTrail audit;
	private final PointCatalogue catalogue;
	private final VanguardEngine engine;
	private final AccountRelations accountRelations;

	PointClaimService(JdbcClient jdbc, DataScope scope, CurrentCaller currentCaller, AuditTrail audit,
			PointCatalogue catalogue, VanguardEngine engine, AccountRelations accountRelations) {
		this.accountRelations = accountRelations;
		this.jdbc = jdbc;
		this.scope = scope;
		this.currentCaller = currentCaller;
		this.audit = audit;
		this.catalogue = catalogue;
		this.engine = engine;
	}

	private record MemberFacts(long countyId, long organizationId, LocalDate joinedOn, String status) {
	}

	@Transactional
	public ClaimView file(long memberId, ClaimInput in) {
		scope.requireMember(memberId);
		Caller caller = scope.current().caller();
		List<FieldProblem> problems = new ArrayList<>();
		YearMonth month = null;
		if (in.month() == null || in.month().isBlank()) {
			problems.add(new FieldProblem("month", "请填写申报月份（YYYY-MM）"));
		}
		else {
			try {
				month = YearMonth.parse(in.month().trim());
				if (month.getYear() < 2000) {
					problems.add(new FieldProblem("month", "申报月份不正确"));
				}
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem("month", "申报月份格式应为 YYYY-MM"));
			}
		}
		String code = in.itemCode() == null ? "" : in.itemCode().trim();
		if (code.isEmpty()) {
			problems.add(new FieldProblem("itemCode", "请选择积分项目"));
		}
		String note = in.note() == null ? "" : in.note().trim();
		if (note.isEmpty()) {
			problems.add(new FieldProblem("note", "请填写申报说明（做了什么、何时、何地）"));
		}
		else if (note.length() > 500) {
			problems.add(new FieldProblem("note", "申报说明最长500字"));
		}
		MemberFacts member = jdbc.sql("SELECT county_id, organization_id, joined_on, status FROM member WHERE id = :id")
			.param("id", memberId)
			.query((rs, i) -> new MemberFacts(rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class),
					rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在"));
		PointCatalogue.ItemView item = code.isEmpty() ? null : catalogue.byCode(member.countyId(), code).orElse(null);
		if (!code.isEmpty() && item == null) {
			problems.add(new FieldProblem("itemCode", "积分项目 " + code + " 不在本县积分项目目录中"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("积分申报填写有误", problems);
		}
		if (!item.active()) {
			throw new RuleViolationException("积分项目「" + item.name() + "」已停用，不能申报");
		}
		if (item.systemInput()) {
			throw new RuleViolationException("积分项目「" + item.name() + "」由系统根据工作记录自动计分，不能申报");
		}
		if (!MemberStatus.valueOf(member.status()).onRoll()) {
			throw new RuleViolationException("该党员已不在本县党员名册中，不能申报积分");
		}
		if (month.isBefore(YearMonth.from(member.joinedOn()))) {
			throw new RuleViolationException("申报月份 " + month + " 早于入党（转入）时间 " + member.joinedOn());
		}
		int approved = approvedAbsolutePoints(memberId, item.code(), month.getYear(), -1);
		ClaimFilingPolicy.file(actor(caller), memberId, month, item.toRule(), approved, engine.today())
			.throwIfRefused(ForbiddenException::new, RuleViolationException::new);
		long id = jdbc.sql("""
				INSERT INTO point_claim (county_id, member_id, organization_id, month, item_id, item_code, item_name,
				                         points, veto, note, status, filed_by_account, filed_by)
				VALUES (:county, :member, :org, :month, :item, :code, :name, :points, :veto, :note, 'PENDING', :account, :by)
				RETURNING id""")
			.param("county", member.countyId())
			.param("member", memberId)
			.param("org", member.organizationId())
			.param("month", month.atDay(1))
			.param("item", Long.parseLong(item.id()))
			.param("code", item.code())
			.param("name", item.name())
			.param("points", item.points())
			.param("veto", item.veto())
			.param("note", note)
			.param("account", caller.accountId())
			.param("by", currentCaller.actorName())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("memberId", memberId);
		fields.put("month", month);
		fields.put("itemCode", item.code());
		fields.put("points", item.points());
		fields.put("veto", item.veto());
		fields.put("note", note);
		fields.put("status", ClaimStatus.PENDING);
		audit.record("PointClaim", id, member.organizationId(), "CREATE", AuditTrail.created(fields));
		return view(id);
	}

	@Transactional
	public ClaimView approve(long claimId, String reason) {
		return decide(claimId, reason, true);
	}

	@Transactional
	public ClaimView reject(long claimId, String reason) {
		if (reason == null || reason.isBlank()) {
			throw InvalidInputException.of("reason", "驳回须写明理由");
		}
		return decide(claimId, reason, false);
	}

	private ClaimView decide(long claimId, String reason, boolean approve) {
		String why = reason == null ? null : reason.trim();
		if (why != null && why.length() > 500) {
			throw InvalidInputException.of("reason", "审核意见最长500字");
		}
		Stored first = load(claimId);
		scope.requireMember(first.memberId());
		Caller caller = scope.current().caller();
		// Serializes decisions on the member's claims of the item in that year, so two approvals at once cannot
		// both fit under the item's yearly cap.
		jdbc.sql("SELECT id FROM point_claim WHERE member_id = :m AND item_code = :c AND month BETWEEN :from AND :to "
				+ "ORDER BY id FOR UPDATE")
			.param("m", first.memberId())
			.param("c", first.itemCode())
			.param("from", LocalDate.of(first.month().getYear(), 1, 1))
			.param("to", LocalDate.of(first.month().getYear(), 12, 1))
			.query(Long.class)
			.list();
		Stored claim = load(claimId);
		Decision decision;
		if (approve) {
			PointItem item = catalogue.byCode(claim.countyId(), claim.itemCode())
				.map(PointCatalogue.ItemView::toRule)
				.orElseThrow(() -> new RuleViolationException("积分项目 " + claim.itemCode() + " 已不在目录中"));
			int approved = approvedAbsolutePoints(claim.memberId(), claim.itemCode(), claim.month().getYear(), claim.id());
			decision = ClaimReviewPolicy.approve(reviewer(caller), claim.toRule(), item, approved, engine.today());
		}
		else {
			decision = ClaimReviewPolicy.reject(reviewer(caller), claim.toRule(), engine.today());
		}
		decision.throwIfRefused(ForbiddenException::new, RuleViolationException::new);
		ClaimStatus to = approve ? ClaimStatus.APPROVED : ClaimStatus.REJECTED;
		int updated = jdbc.sql("""
				UPDATE point_claim SET status = :to, reviewed_by_account = :account, reviewed_by = :by, reviewed_at = now(),
				       review_reason = :reason, version = version + 1
				WHERE id = :id AND version = :v AND status = 'PENDING'""")
			.param("to", to.name())
			.param("account", caller.accountId())
			.param("by", currentCaller.actorName())
			.param("reason", why == null || why.isEmpty() ? null : why)
			.param("id", claim.id())
			.param("v", claim.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("该申报已被他人审核，请刷新后查看");
		}
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("status", ClaimStatus.PENDING);
		before.put("reviewReason", null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("status", to);
		after.put("reviewReason", why);
		audit.record("PointClaim", claim.id(), claim.organizationId(), approve ? "APPROVE" : "REJECT",
				AuditTrail.diff(before, after));
		if (approve) {
			engine.recomputeMembers(claim.countyId(), claim.month().getYear(), List.of(claim.memberId()));
		}
		return view(claim.id());
	}

	@Transactional(readOnly = true)
	public ClaimView get(long claimId) {
		Stored claim = load(claimId);
		scope.requireMember(claim.memberId());
		return view(claimId);
	}

	/** The review queue (or history) of a subtree: pending claims oldest first, decided ones newest first. */
	@Transactional(readOnly = true)
	public PageResult<ClaimView> ofOrganization(long organizationId, ClaimStatus status, Integer year, PageRequest page) {
		scope.requireListing(organizationId);
		var cond = scope.memberCondition("m", "o");
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		params.put("root", organizationId);
		StringBuilder where = new StringBuilder(" JOIN organization o ON o.id = m.organization_id WHERE o.path LIKE "
				+ "(SELECT path FROM organization WHERE id = :root) || '%' AND " + cond.sql());
		if (status != null) {
			where.append(" AND c.status = :status");
			params.put("status", status.name());
		}
		if (year != null) {
			where.append(" AND c.month BETWEEN :from AND :to");
			params.put("from", LocalDate.of(year, 1, 1));
			params.put("to", LocalDate.of(year, 12, 1));
		}
		long total = jdbc.sql("SELECT count(*) FROM point_claim c JOIN member m ON m.id = c.member_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		String order = status == ClaimStatus.PENDING ? " ORDER BY c.filed_at, c.id" : " ORDER BY c.filed_at DESC, c.id DESC";
		List<ClaimView> items = jdbc.sql(SELECT_VIEW + where + order + " LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query(this::map)
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public List<ClaimView> ofMember(long memberId, int year) {
		scope.requireMember(memberId);
		return jdbc.sql(SELECT_VIEW + " WHERE c.member_id = :m AND c.month BETWEEN :from AND :to "
				+ "ORDER BY c.month DESC, c.filed_at DESC, c.id DESC")
			.param("m", memberId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.query(this::map)
			.list();
	}

	private int approvedAbsolutePoints(long memberId, String code, int year, long except) {
		return jdbc.sql("SELECT coalesce(sum(abs(points)), 0) FROM point_claim WHERE member_id = :m AND item_code = :c "
				+ "AND status = 'APPROVED' AND month BETWEEN :from AND :to AND id <> :except")
			.param("m", memberId)
			.param("c", code)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 1))
			.param("except", except)
			.query(Integer.class)
			.single();
	}

	/** The reviewing account with its chain of creators, so a proxy account is recognised. */
	private Actor reviewer(Caller caller) {
		AccountRelations.Lineage lineage = accountRelations.lineage(caller.accountId());
		return new Actor(caller.accountId(), caller.role(), caller.memberId(), lineage.creatorAccountIds(),
				lineage.creatorMemberIds());
	}

	private static Actor actor(Caller caller) {
		return new Actor(caller.accountId(), caller.role(), caller.memberId());
	}

	private Stored load(long claimId) {
		// the filer's member: the account may be bound to one (a second account of the same person)
		return jdbc.sql("SELECT c.id, c.county_id, c.member_id, c.organization_id, c.month, c.item_code, "
				+ "c.filed_by_account, a.member_id, c.status, c.version "
				+ "FROM point_claim c LEFT JOIN account a ON a.id = c.filed_by_account WHERE c.id = :id")
			.param("id", claimId)
			.query((rs, i) -> new Stored(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4),
					YearMonth.from(rs.getObject(5, LocalDate.class)), rs.getString(6), (Long) rs.getObject(7),
					(Long) rs.getObject(8), ClaimStatus.valueOf(rs.getString(9)), rs.getInt(10)))
			.optional()
			.orElseThrow(() -> new NotFoundException("积分申报不存在"));
	}

	private ClaimView view(long id) {
		return jdbc.sql(SELECT_VIEW + " WHERE c.id = :id").param("id", id).query(this::map).single();
	}

	private ClaimView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new ClaimView(Long.toString(rs.getLong("id")), Long.toString(rs.getLong("member_id")),
				rs.getString("member_name"), Long.toString(rs.getLong("organization_id")),
				YearMonth.from(rs.getObject("month", LocalDate.class)).toString(), rs.getString("item_code"),
				rs.getString("item_name"), rs.getInt("points"), rs.getBoolean("veto"), rs.getString("note"),
				ClaimStatus.valueOf(rs.getString("status")), rs.getString("filed_by"),
				rs.getObject("filed_at", OffsetDateTime.class), rs.getString("reviewed_by"),
				rs.getObject("reviewed_at", OffsetDateTime.class), rs.getString("review_reason"), rs.getInt("version"));
	}

	static Long parseId(String id) {
		return Ids.parse(id, "积分申报");
	}
}
