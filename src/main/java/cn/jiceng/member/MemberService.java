package cn.jiceng.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.ReadCache;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class MemberService {

	private static final String STATUS_CODES = String.join("、",
			java.util.Arrays.stream(MemberStatus.values()).map(Enum::name).toList());

	static final Set<Role> ROSTER_EDITORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	/** Roles that see full ID numbers and phones on a member's card; the others see them masked. */
	static final Set<Role> SEES_PERSONAL_DATA = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	/**
	 * Roles whose exports carry full ID numbers and phones (API.md: admin roles). A file leaves the platform and
	 * is copied around, so a branch secretary's export is masked like a list, by the same {@code mask} rules.
	 */
	static final Set<Role> EXPORTS_PERSONAL_DATA = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final MemberRepository repository;
	private final MemberValidator validator;
	private final OrganizationService organizations;
	private final DataScope scope;
	private final AuditTrail audit;
	private final JdbcClient jdbc;
	private final Clock clock;
	private final ApplicationEventPublisher events;
	/** Pages of the roll by their condition (scope included), page and today, kept while the database is unchanged. */
	private final ReadCache.Region<PageKey, PageResult<MemberView>> pages;

	private record PageKey(Where where, PageRequest page, LocalDate today) {
	}

	MemberService(MemberRepository repository, MemberValidator validator, OrganizationService organizations,
			DataScope scope, AuditTrail audit, JdbcClient jdbc, Clock clock, ApplicationEventPublisher events,
			ReadCache readCache) {
		this.pages = readCache.region(500);
		this.events = events;
		this.repository = repository;
		this.validator = validator;
		this.organizations = organizations;
		this.scope = scope;
		this.audit = audit;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional
	public MemberView create(MemberInput in) {
		scope.requireWriter(ROSTER_EDITORS);
		List<FieldProblem> problems = new ArrayList<>();
		MemberValidator.Checked c = validator.check(in, problems);
		Long orgId = null;
		try {
			orgId = in.organizationId() == null || in.organizationId().isBlank() ? null
					: Long.parseLong(in.organizationId().trim());
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (orgId == null) {
			problems.add(new FieldProblem("organizationId", "请选择所在党支部"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党员信息不正确", problems);
		}
		scope.requireOrganization(orgId);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		if (!org.isBranch()) {
			throw InvalidInputException.of("organizationId", "党员只能编入党支部（所选为" + org.kind().label() + "）");
		}
		if (repository.existsByIdNumber(c.id().value())) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		Member saved;
		try {
			saved = repository.save(new Member(null, org.countyId(), orgId, c.name(), c.gender(), c.id().value(),
					c.id().birthDate(), c.category(), c.joinedOn(), c.fullMemberOn(), c.ethnicity(), c.education(),
					c.phone(), MemberStatus.NORMAL, null, null));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		audit.record("Member", saved.id(), orgId, "CREATE", AuditTrail.created(snapshot(saved)));
		return view(saved, true);
	}

	/**
	 * Membership development (SPEC.md §4.5): an approved acceptance puts the person on the roll of the branch as a
	 * probationary member joined on the acceptance vote's date. The caller (the development module) has checked the
	 * scope, the role and the rules; an ID number already on the roll answers 409. Returns the new member's id.
	 */
	@Transactional
	public long admitProbationary(String name, Gender gender, String idNumber, long branchId, LocalDate joinedOn) {
		OrgRef org = organizations.ref(branchId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (!org.isBranch()) {
			throw InvalidInputException.of("organizationId", "党员只能编入党支部（所选为" + org.kind().label() + "）");
		}
		IdNumber.IdCheck check = IdNumber.check(idNumber);
		if (!(check instanceof IdNumber.IdCheck.Valid id)) {
			throw InvalidInputException.of("idNumber", "公民身份号码不正确");
		}
		if (repository.existsByIdNumber(id.value())) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		Member saved;
		try {
			saved = repository.save(new Member(null, org.countyId(), branchId, name, gender, id.value(), id.birthDate(),
					MemberCategory.PROBATIONARY, joinedOn, null, null, null, null, MemberStatus.NORMAL, null, null));
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		audit.record("Member", saved.id(), branchId, "CREATE", AuditTrail.created(snapshot(saved)));
		events.publishEvent(new MemberRosterChanged(saved.id(), "CREATE"));
		return saved.id();
	}

	/** An approved conversion (转正): {@code FULL} from {@code fullMemberOn}, the end of probation. */
	@Transactional
	public void convertToFull(long memberId, LocalDate fullMemberOn) {
		Member m = repository.findById(memberId).orElseThrow(() -> new NotFoundException("党员不存在"));
		Member saved = repository.save(new Member(m.id(), m.countyId(), m.organizationId(), m.name(), m.gender(),
				m.idNumber(), m.birthDate(), MemberCategory.FULL, m.joinedOn(), fullMemberOn, m.ethnicity(), m.education(),
				m.phone(), m.status(), m.statusChangedOn(), m.version()));
		audit.record("Member", memberId, m.organizationId(), "UPDATE", AuditTrail.diff(snapshot(m), snapshot(saved)));
	}

	/** 取消预备党员资格: the probationary member leaves the roll on {@code on}. */
	@Transactional
	public void cancelProbation(long memberId, LocalDate on) {
		Member m = repository.findById(memberId).orElseThrow(() -> new NotFoundException("党员不存在"));
		Member saved = repository.save(new Member(m.id(), m.countyId(), m.organizationId(), m.name(), m.gender(),
				m.idNumber(), m.birthDate(), m.category(), m.joinedOn(), m.fullMemberOn(), m.ethnicity(), m.education(),
				m.phone(), MemberStatus.PROBATION_CANCELLED, on, m.version()));
		audit.record("Member", memberId, m.organizationId(), "UPDATE", AuditTrail.diff(snapshot(m), snapshot(saved)));
		events.publishEvent(new MemberRosterChanged(memberId, "UPDATE"));
	}

	/** Whether an ID number is on the roll (any status). */
	@Transactional(readOnly = true)
	public boolean idNumberOnRoll(String idNumber) {
		return repository.existsByIdNumber(idNumber);
	}

	@Transactional(readOnly = true)
	public MemberView get(long id) {
		scope.requireMember(id);
		Member m = repository.findById(id).orElseThrow(() -> new NotFoundException("党员不存在"));
		Caller caller = scope.current().caller();
		boolean full = SEES_PERSONAL_DATA.contains(caller.role()) || (caller.memberId() != null && caller.memberId() == id);
		return view(m, full);
	}

	/** Members on today's roll of a subtree: all, full, probationary, and mobile today (流动党员). */
	public record RollCounts(long total, long full, long probationary, long mobile) {
	}

	/**
	 * Today's roll of the subtree of {@code organizationId} (the organization and everything below it), counted as
	 * the member list counts it ({@link MemberStatus#onRoll()}, a mobility covering today); scope checked. One query.
	 */
	@Transactional(readOnly = true)
	public RollCounts rollCounts(long organizationId) {
		scope.requireOrganization(organizationId);
		var cond = scope.memberCondition("m", "o");
		return jdbc.sql("""
				SELECT count(*),
				       count(*) FILTER (WHERE m.category = 'FULL'),
				       count(*) FILTER (WHERE m.category = 'PROBATIONARY'),
				       count(*) FILTER (WHERE EXISTS (SELECT 1 FROM member_mobility mm WHERE mm.member_id = m.id
				                        AND mm.started_on <= :today AND (mm.ended_on IS NULL OR mm.ended_on >= :today)))
				FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%' AND\s""" + cond.sql() + " AND "
				+ MemberStatus.sqlOnRoll("m.status"))
			.params(cond.params())
			.param("root", organizationId)
			.param("today", LocalDate.now(clock))
			.query((rs, i) -> new RollCounts(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
			.single();
	}

	public record MemberFilter(Long organizationId, boolean subtree, String q, MemberStatus status,
			MemberCategory category) {
	}

	@Transactional(readOnly = true)
	public PageResult<MemberView> list(MemberFilter f, PageRequest page) {
		Where w = where(f);
		if (scope.current().caller().isMemberOnly()) {
			return page(w, page);
		}
		return pages.get(new PageKey(w, page, LocalDate.now(clock)), () -> page(w, page));
	}

	private PageResult<MemberView> page(Where w, PageRequest page) {
		StringBuilder where = new StringBuilder(w.sql());
		Map<String, Object> params = w.params();
		String from = " FROM member m JOIN organization o ON o.id = m.organization_id";
		long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
		LocalDate today = LocalDate.now(clock);
		List<MemberView> items = jdbc.sql("SELECT m.*, o.name AS org_name, EXISTS (SELECT 1 FROM member_mobility mm "
				+ "WHERE mm.member_id = m.id AND mm.started_on <= :today AND (mm.ended_on IS NULL OR mm.ended_on >= :today)) AS mobile"
				+ from + where + " ORDER BY o.path, m.name, m.id LIMIT :limit OFFSET :offset")
			.params(params)
			.param("today", today)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> new MemberView(rs.getString("id"), rs.getString("name"), Gender.valueOf(rs.getString("gender")),
					IdNumber.mask(rs.getString("id_number")), rs.getObject("birth_date", LocalDate.class),
					rs.getString("organization_id"), rs.getString("org_name"),
					MemberCategory.valueOf(rs.getString("category")), rs.getObject("joined_on", LocalDate.class),
					rs.getObject("full_member_on", LocalDate.class), rs.getString("ethnicity"),
					rs.getString("education"), PhoneNumber.mask(rs.getString("phone")),
					MemberStatus.valueOf(rs.getString("status")), rs.getBoolean("mobile"), rs.getInt("version")))
			.list();
		return new PageResult<>(List.copyOf(items), total, page.page(), page.size());
	}

	/** A filter's condition on {@code member m JOIN organization o}, with its parameters. */
	record Where(String sql, Map<String, Object> params) {
	}

	/**
	 * The rows a filter keeps, inside the caller's scope (checked here): the list and the roster export read the same
	 * condition, so an export holds exactly what the list shows.
	 */
	Where where(MemberFilter f) {
		Caller caller = scope.current().caller();
		long root = f.organizationId() != null ? f.organizationId() : caller.organizationId();
		if (!caller.isMemberOnly()) {
			scope.requireOrganization(root);
		}
		else if (f.organizationId() != null) {
			// a member may name its own branch (and gets itself); any other organization is outside its scope
			scope.requireListing(root);
		}
		var cond = scope.memberCondition("m", "o");
		StringBuilder where = new StringBuilder(" WHERE ").append(cond.sql());
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		if (!caller.isMemberOnly()) {
			if (f.subtree()) {
				where.append(" AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'");
			}
			else {
				where.append(" AND m.organization_id = :root");
			}
			params.put("root", root);
		}
		if (f.q() != null && !f.q().isBlank()) {
			String q = f.q().trim();
			// "name contains q", spelled as q starting the name at its 1st to 4th character or anywhere in a longer
			// name, so each arm has an index (V25) and a county-wide search does not read the whole roll
			where.append(" AND (m.name LIKE :qStart OR substr(m.name, 2) LIKE :qStart OR substr(m.name, 3) LIKE :qStart"
					+ " OR substr(m.name, 4) LIKE :qStart OR (char_length(m.name) > 4 AND m.name LIKE :q)");
			if (q.chars().anyMatch(ch -> ch >= '0' && ch <= '9')) {
				// an ID number or phone has digits; the county narrows the lookups to their indexes
				where.append(" OR (m.county_id = (SELECT county_id FROM organization WHERE id = :qRoot)"
						+ " AND (m.id_number = :qExact OR m.phone = :qExact))");
				params.put("qRoot", root);
			}
			where.append(")");
			String escaped = q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
			params.put("q", "%" + escaped + "%");
			params.put("qStart", escaped + "%");
			params.put("qExact", q.toUpperCase());
		}
		if (f.status() != null) {
			where.append(" AND m.status = :status");
			params.put("status", f.status().name());
		}
		else {
			where.append(" AND ").append(MemberStatus.sqlOnRoll("m.status"));
		}
		if (f.category() != null) {
			where.append(" AND m.category = :category");
			params.put("category", f.category().name());
		}
		return new Where(where.toString(), params);
	}

	/**
	 * Applies the fields present in the request. The version is required: an edit based on an older read is
	 * refused with 409 rather than silently overwriting someone else's change.
	 */
	@Transactional
	public MemberView patch(long id, Map<String, Object> present, MemberPatch req) {
		scope.requireWriter(ROSTER_EDITORS);
		scope.requireMember(id);
		Member m = repository.findById(id).orElseThrow(() -> new NotFoundException("党员不存在"));
		if (req.version() == null) {
			throw InvalidInputException.of("version", "请提供最后读取时的版本号 version");
		}
		if (req.version().intValue() != m.version()) {
			throw new ConflictException("党员信息已被他人修改（当前版本 " + m.version() + "），请刷新后重试");
		}
		if (present.containsKey("organizationId") && req.organizationId() != null
				&& !req.organizationId().equals(Long.toString(m.organizationId()))) {
			throw InvalidInputException.of("organizationId", "变更所在支部请办理组织关系转接");
		}
		MemberInput merged = new MemberInput(
				present.containsKey("name") ? req.name() : m.name(),
				present.containsKey("gender") ? req.gender() : m.gender().name(),
				present.containsKey("idNumber") ? req.idNumber() : m.idNumber(),
				Long.toString(m.organizationId()),
				present.containsKey("category") ? req.category() : m.category().name(),
				present.containsKey("joinedOn") ? req.joinedOn() : m.joinedOn(),
				present.containsKey("fullMemberOn") ? req.fullMemberOn() : m.fullMemberOn(),
				present.containsKey("ethnicity") ? req.ethnicity() : m.ethnicity(),
				present.containsKey("education") ? req.education() : m.education(),
				present.containsKey("phone") ? req.phone() : m.phone());
		List<FieldProblem> problems = new ArrayList<>();
		MemberValidator.Checked c = validator.check(merged, problems);
		MemberStatus status = m.status();
		if (present.containsKey("status")) {
			status = FormInput.enumOrNull(MemberStatus.class, req.status());
			if (status == null) {
				problems.add(new FieldProblem("status", "党籍状态应为 " + STATUS_CODES));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党员信息不正确", problems);
		}
		if (!c.id().value().equals(m.idNumber()) && repository.existsByIdNumber(c.id().value())) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		LocalDate statusChanged = status != m.status() ? LocalDate.now(clock) : m.statusChangedOn();
		Member updated = new Member(m.id(), m.countyId(), m.organizationId(), c.name(), c.gender(), c.id().value(),
				c.id().birthDate(), c.category(), c.joinedOn(), c.fullMemberOn(), c.ethnicity(), c.education(),
				c.phone(), status, statusChanged, m.version());
		Member saved;
		try {
			saved = repository.save(updated);
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConflictException("党员信息已被他人修改，请刷新后重试");
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		var diff = AuditTrail.diff(snapshot(m), snapshot(saved));
		if (!diff.isEmpty()) {
			audit.record("Member", id, m.organizationId(), "UPDATE", diff);
		}
		if (diff.containsKey("status") || diff.containsKey("joinedOn")) {
			events.publishEvent(new MemberRosterChanged(id, "UPDATE"));
		}
		return view(saved, true);
	}

	public record MemberPatch(String name, String gender, String idNumber, String organizationId, String category,
			LocalDate joinedOn, LocalDate fullMemberOn, String ethnicity, String education, String phone,
			String status, Integer version) {
	}

	public record TransferView(String id, String memberId, String fromOrganizationId, String fromOrganizationName,
			String toOrganizationId, String toOrganizationName, LocalDate transferredOn, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	/** Moves a member to another branch from a date; the old branch keeps the months before it. */
	@Transactional
	public TransferView transfer(long memberId, Long toOrganizationId, LocalDate transferredOn) {
		scope.requireWriter(ROSTER_EDITORS);
		scope.requireMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		if (toOrganizationId == null) {
			problems.add(new FieldProblem("toOrganizationId", "请选择转入党支部"));
		}
		if (transferredOn == null) {
			problems.add(new FieldProblem("transferredOn", "请填写转接日期"));
		}
		else if (transferredOn.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("transferredOn", "转接日期不能晚于今天"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("转接信息不正确", problems);
		}
		scope.requireOrganization(toOrganizationId);
		Member m = repository.findById(memberId).orElseThrow(() -> new NotFoundException("党员不存在"));
		OrgRef to = organizations.ref(toOrganizationId).orElseThrow();
		if (!to.isBranch()) {
			throw InvalidInputException.of("toOrganizationId", "只能转入党支部（所选为" + to.kind().label() + "）");
		}
		if (to.id() == m.organizationId()) {
			throw InvalidInputException.of("toOrganizationId", "转入支部与当前所在支部相同");
		}
		if (!m.status().onRoll()) {
			throw new RuleViolationException("该党员状态为" + m.status().label() + "，不能办理转接");
		}
		if (transferredOn.isBefore(m.joinedOn())) {
			throw InvalidInputException.of("transferredOn", "转接日期不能早于加入党组织日期");
		}
		LocalDate last = jdbc.sql("SELECT max(transferred_on) FROM member_transfer WHERE member_id = :id")
			.param("id", memberId)
			.query(LocalDate.class)
			.optional()
			.orElse(null);
		if (last != null && !transferredOn.isAfter(last)) {
			throw InvalidInputException.of("transferredOn", "转接日期应晚于上一次转接日期 " + last);
		}
		try {
			repository.save(m.withOrganization(to.id()));
		}
		catch (OptimisticLockingFailureException e) {
			throw new ConflictException("党员信息已被他人修改，请刷新后重试");
		}
		String actor = scope.current().caller().username();
		long transferId = jdbc.sql("""
				INSERT INTO member_transfer (county_id, member_id, from_org_id, to_org_id, transferred_on, recorded_by)
				VALUES (:c, :m, :f, :t, :d, :by) RETURNING id""")
			.param("c", m.countyId())
			.param("m", memberId)
			.param("f", m.organizationId())
			.param("t", to.id())
			.param("d", transferredOn)
			.param("by", actor)
			.query(Long.class)
			.single();
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("organizationId", Map.of("from", Long.toString(m.organizationId()), "to", Long.toString(to.id())));
		changes.put("transferredOn", Map.of("to", transferredOn.toString()));
		audit.record("Member", memberId, to.id(), "TRANSFER", changes);
		audit.record("Member", memberId, m.organizationId(), "TRANSFER_OUT", changes);
		events.publishEvent(new MemberRosterChanged(memberId, "TRANSFER"));
		return transfers(memberId).stream().filter(t -> t.id().equals(Long.toString(transferId))).findFirst().orElseThrow();
	}

	@Transactional(readOnly = true)
	public List<TransferView> transfers(long memberId) {
		scope.requireMember(memberId);
		return jdbc.sql("""
				SELECT t.id, t.member_id, t.from_org_id, f.name AS from_name, t.to_org_id, o.name AS to_name,
				       t.transferred_on, t.recorded_by, t.recorded_at
				FROM member_transfer t JOIN organization f ON f.id = t.from_org_id JOIN organization o ON o.id = t.to_org_id
				WHERE t.member_id = :id ORDER BY t.transferred_on, t.id""")
			.param("id", memberId)
			.query((rs, i) -> new TransferView(rs.getString("id"), rs.getString("member_id"), rs.getString("from_org_id"),
					rs.getString("from_name"), rs.getString("to_org_id"), rs.getString("to_name"),
					rs.getObject("transferred_on", LocalDate.class), rs.getString("recorded_by"),
					rs.getObject("recorded_at", OffsetDateTime.class)))
			.list();
	}

	public record MobilityView(String id, String memberId, String destination, LocalDate startedOn, LocalDate endedOn,
			String recordedBy) {
	}

	/** 流动党员: mobile from startedOn to endedOn (open-ended when absent); periods may not overlap. */
	@Transactional
	public MobilityView addMobility(long memberId, String destination, LocalDate startedOn, LocalDate endedOn) {
		scope.requireWriter(ROSTER_EDITORS);
		scope.requireMember(memberId);
		List<FieldProblem> problems = new ArrayList<>();
		String dest = destination == null ? "" : destination.trim();
		if (dest.isEmpty() || dest.length() > 200) {
			problems.add(new FieldProblem("destination", "请填写外出流向（不超过200字）"));
		}
		if (startedOn == null) {
			problems.add(new FieldProblem("startedOn", "请填写外出开始日期"));
		}
		if (startedOn != null && endedOn != null && endedOn.isBefore(startedOn)) {
			problems.add(new FieldProblem("endedOn", "结束日期不能早于开始日期"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("流动信息不正确", problems);
		}
		Member m = repository.findById(memberId).orElseThrow(() -> new NotFoundException("党员不存在"));
		// Two requests for the same member take turns here, so the overlap check below sees the other's period.
		jdbc.sql("SELECT id FROM member WHERE id = :m FOR NO KEY UPDATE").param("m", memberId).query(Long.class).list();
		LocalDate end = endedOn == null ? LocalDate.of(9999, 12, 31) : endedOn;
		long overlapping = jdbc.sql("""
				SELECT count(*) FROM member_mobility WHERE member_id = :m
				AND started_on <= :end AND coalesce(ended_on, DATE '9999-12-31') >= :start""")
			.param("m", memberId)
			.param("start", startedOn)
			.param("end", end)
			.query(Long.class)
			.single();
		if (overlapping > 0) {
			throw new RuleViolationException("与该党员已有的流动时段重叠，请先结束原流动时段");
		}
		String actor = scope.current().caller().username();
		long id = jdbc.sql("""
				INSERT INTO member_mobility (county_id, member_id, destination, started_on, ended_on, recorded_by)
				VALUES (:c, :m, :d, :s, :e, :by) RETURNING id""")
			.param("c", m.countyId())
			.param("m", memberId)
			.param("d", dest)
			.param("s", startedOn)
			.param("e", endedOn)
			.param("by", actor)
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("destination", dest);
		fields.put("startedOn", startedOn);
		fields.put("endedOn", endedOn);
		audit.record("Member", memberId, m.organizationId(), "MOBILITY", AuditTrail.created(fields));
		events.publishEvent(new MemberRosterChanged(memberId, "MOBILITY"));
		return new MobilityView(Long.toString(id), Long.toString(memberId), dest, startedOn, endedOn, actor);
	}

	/** Closes an open mobility period when the member comes back. */
	@Transactional
	public MobilityView endMobility(long memberId, long mobilityId, LocalDate endedOn) {
		scope.requireWriter(ROSTER_EDITORS);
		scope.requireMember(memberId);
		MobilityView current = mobility(memberId).stream()
			.filter(v -> v.id().equals(Long.toString(mobilityId)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException("流动记录不存在"));
		if (endedOn == null || endedOn.isBefore(current.startedOn())) {
			throw InvalidInputException.of("endedOn", "结束日期不能早于开始日期");
		}
		jdbc.sql("UPDATE member_mobility SET ended_on = :e WHERE id = :id").param("e", endedOn).param("id", mobilityId).update();
		long org = repository.findById(memberId).orElseThrow().organizationId();
		audit.record("Member", memberId, org, "MOBILITY_END",
				Map.of("endedOn", Map.of("from", String.valueOf(current.endedOn()), "to", endedOn.toString())));
		events.publishEvent(new MemberRosterChanged(memberId, "MOBILITY"));
		return new MobilityView(current.id(), current.memberId(), current.destination(), current.startedOn(), endedOn,
				current.recordedBy());
	}

	@Transactional(readOnly = true)
	public List<MobilityView> mobility(long memberId) {
		scope.requireMember(memberId);
		return jdbc.sql("SELECT id, member_id, destination, started_on, ended_on, recorded_by FROM member_mobility "
				+ "WHERE member_id = :m ORDER BY started_on")
			.param("m", memberId)
			.query((rs, i) -> new MobilityView(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getString(6)))
			.list();
	}

	private MemberView view(Member m, boolean fullPersonalData) {
		String orgName = organizations.ref(m.organizationId()).map(OrgRef::name).orElse("");
		LocalDate today = LocalDate.now(clock);
		boolean mobile = jdbc.sql("SELECT count(*) FROM member_mobility WHERE member_id = :id AND started_on <= :t "
				+ "AND (ended_on IS NULL OR ended_on >= :t)")
			.param("id", m.id())
			.param("t", today)
			.query(Long.class)
			.single() > 0;
		return new MemberView(m.id().toString(), m.name(), m.gender(),
				fullPersonalData ? m.idNumber() : IdNumber.mask(m.idNumber()), m.birthDate(),
				Long.toString(m.organizationId()), orgName, m.category(), m.joinedOn(), m.fullMemberOn(), m.ethnicity(),
				m.education(), fullPersonalData ? m.phone() : PhoneNumber.mask(m.phone()), m.status(), mobile,
				m.version());
	}

	static Map<String, Object> snapshot(Member m) {
		Map<String, Object> s = new LinkedHashMap<>();
		s.put("name", m.name());
		s.put("gender", m.gender());
		s.put("idNumber", IdNumber.mask(m.idNumber()));
		s.put("organizationId", m.organizationId());
		s.put("category", m.category());
		s.put("joinedOn", m.joinedOn());
		s.put("fullMemberOn", m.fullMemberOn());
		s.put("ethnicity", m.ethnicity());
		s.put("education", m.education());
		s.put("phone", PhoneNumber.mask(m.phone()));
		s.put("status", m.status());
		return s;
	}
}
