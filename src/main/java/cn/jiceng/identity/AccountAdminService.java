package cn.jiceng.identity;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.identity.AccountAdminPolicy.Action;
import cn.jiceng.identity.AccountAdminPolicy.Verdict;
import cn.jiceng.member.Members;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts managed by the admins above them: search and paging, role, organization and bound member, disabling
 * and enabling, and a password reset that hands out a temporary password once. Every change is made under the
 * version the manager read (409 when someone changed the account meanwhile), ends the account's sessions, and is
 * recorded in the audit trail. Who may do what to whom is {@link AccountAdminPolicy}.
 */
@Service
class AccountAdminService {

	static final Set<Role> MANAGERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	static final String STALE = "该账号已被他人修改，请刷新页面后重新操作";

	private static final SecureRandom RANDOM = new SecureRandom();

	/** No 0/O, 1/l/I: a temporary password is read out over the phone. */
	private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final Members members;
	private final PasswordEncoder passwordEncoder;
	private final Clock clock;

	AccountAdminService(JdbcClient jdbc, DataScope scope, AuditTrail audit, Members members,
			PasswordEncoder passwordEncoder, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.members = members;
		this.passwordEncoder = passwordEncoder;
		this.clock = clock;
	}

	/** An account as its managers see it: names, never only ids. */
	public record AccountDetail(String id, String username, String role, String roleLabel, String organizationId,
			String organizationName, String memberId, String memberName, boolean enabled, boolean locked,
			String createdBy, OffsetDateTime createdAt, int version) {
	}

	/** The list's filters: a name (user name, bound member or organization), a role, a state. */
	public record AccountFilter(String q, String role, String status) {
	}

	private static final String SELECT = """
			SELECT a.id, a.username, a.role, a.organization_id, o.name AS organization_name, a.member_id,
			       m.name AS member_name, a.enabled, a.locked_until, c.username AS created_by, a.created_at, a.version
			FROM account a JOIN organization o ON o.id = a.organization_id
			LEFT JOIN member m ON m.id = a.member_id
			LEFT JOIN account c ON c.id = a.created_by
			""";

	@Transactional(readOnly = true)
	public PageResult<AccountDetail> list(AccountFilter filter, PageRequest page) {
		scope.requireWriter(MANAGERS);
		var cond = scope.organizationCondition("o");
		StringBuilder where = new StringBuilder(" WHERE ").append(cond.sql());
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		String q = filter.q() == null ? "" : filter.q().trim();
		if (!q.isEmpty()) {
			where.append(" AND (lower(a.username) LIKE lower(:q) OR m.name LIKE :q OR o.name LIKE :q)");
			params.put("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		if (filter.role() != null && !filter.role().isBlank()) {
			where.append(" AND a.role = :role");
			params.put("role", filter.role().trim());
		}
		if ("DISABLED".equals(filter.status())) {
			where.append(" AND NOT a.enabled");
		}
		else if ("ENABLED".equals(filter.status())) {
			where.append(" AND a.enabled");
		}
		else if ("LOCKED".equals(filter.status())) {
			where.append(" AND a.locked_until > :now");
			params.put("now", OffsetDateTime.now(clock));
		}
		String from = SELECT.substring(SELECT.indexOf("FROM")) + where;
		long total = jdbc.sql("SELECT count(*) " + from).params(params).query(Long.class).single();
		List<AccountDetail> items = jdbc.sql(SELECT + where + " ORDER BY o.path, a.username LIMIT :l OFFSET :o")
			.params(params)
			.param("l", page.size())
			.param("o", page.offset())
			.query((rs, i) -> detail(rs))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	@Transactional(readOnly = true)
	public AccountDetail get(long id) {
		scope.requireWriter(MANAGERS);
		AccountDetail d = find(id);
		scope.requireOrganization(Long.parseLong(d.organizationId()));
		return d;
	}

	/** For the pages: each action, allowed or refused with the reason, for the caller on this account. */
	@Transactional(readOnly = true)
	public Map<Action, Verdict> permissions(AccountDetail d) {
		Caller caller = scope.current().caller();
		Map<Action, Verdict> out = new EnumMap<>(Action.class);
		for (Action a : Action.values()) {
			out.put(a, AccountAdminPolicy.manage(caller.accountId(), caller.role(), Long.parseLong(d.id()),
					Role.valueOf(d.role()), a));
		}
		return out;
	}

	/** Roles the caller could give this account. */
	public List<Role> grantableRoles(AccountDetail d) {
		Caller caller = scope.current().caller();
		return java.util.Arrays.stream(Role.values())
			.filter(r -> r.name().equals(d.role()) || AccountAdminPolicy
				.changeRole(caller.accountId(), caller.role(), Long.parseLong(d.id()), Role.valueOf(d.role()), r)
				.allowed())
			.sorted(java.util.Comparator.comparingInt(Role::rank).reversed())
			.toList();
	}

	/**
	 * Changes role, organization, bound member or the enabled flag; keys absent from the body stay as they are.
	 * The account's row is locked first, so of two managers sending changes under the same version one wins and
	 * the other gets 409.
	 */
	@Transactional
	public AccountDetail patch(long id, Map<String, Object> body) {
		Caller caller = scope.current().caller();
		scope.requireWriter(MANAGERS);
		Integer version = version(body);
		Account target = lockInScope(id);

		Role role = target.role();
		Long orgId = target.organizationId();
		Long memberId = target.memberId();
		boolean enabled = target.enabled();
		List<FieldProblem> problems = new ArrayList<>();
		List<Verdict> verdicts = new ArrayList<>();
		if (body.containsKey("role")) {
			Role requested = parseRole(body.get("role"));
			if (requested == null) {
				problems.add(new FieldProblem("role", "角色不正确"));
			}
			else if (requested != role) {
				verdicts.add(AccountAdminPolicy.changeRole(caller.accountId(), caller.role(), id, target.role(), requested));
				role = requested;
			}
		}
		boolean orgGiven = false;
		if (body.containsKey("organizationId")) {
			Long requested = parseId(body.get("organizationId"));
			if (requested == null) {
				problems.add(new FieldProblem("organizationId", "请选择所属党组织"));
			}
			else if (!requested.equals(orgId)) {
				orgGiven = true;
				verdicts.add(manage(caller, target, Action.CHANGE_ORGANIZATION));
				if (!scope.coversOrganization(requested)) {
					problems.add(new FieldProblem("organizationId", "所属党组织不存在或不在您的管理范围内"));
				}
				orgId = requested;
			}
		}
		if (body.containsKey("memberId")) {
			Object raw = body.get("memberId");
			Long requested = raw == null || raw.toString().isBlank() ? null : parseId(raw);
			if (raw != null && !raw.toString().isBlank() && requested == null) {
				problems.add(new FieldProblem("memberId", "请选择关联党员"));
			}
			else if (!Objects.equals(requested, memberId)) {
				verdicts.add(manage(caller, target, Action.CHANGE_MEMBER));
				if (requested != null && !scope.coversMember(requested)) {
					problems.add(new FieldProblem("memberId", "党员不存在或不在您的管理范围内"));
				}
				memberId = requested;
			}
		}
		if (body.containsKey("enabled")) {
			Object raw = body.get("enabled");
			if (!(raw instanceof Boolean) && !"true".equals(String.valueOf(raw)) && !"false".equals(String.valueOf(raw))) {
				problems.add(new FieldProblem("enabled", "启用状态应为 true 或 false"));
			}
			else {
				boolean requested = Boolean.parseBoolean(String.valueOf(raw));
				if (requested != enabled) {
					verdicts.add(manage(caller, target, requested ? Action.ENABLE : Action.DISABLE));
					enabled = requested;
				}
			}
		}
		if (verdicts.isEmpty()) {
			// nothing changes: still only for a manager of this account
			verdicts.add(manage(caller, target, target.enabled() ? Action.DISABLE : Action.ENABLE));
		}
		for (Verdict v : verdicts) {
			if (!v.allowed()) {
				throw new ForbiddenException(v.reason());
			}
		}
		if (target.version() != version.intValue()) {
			throw new ConflictException(STALE);
		}
		if (role == Role.MEMBER && memberId == null) {
			problems.add(new FieldProblem("memberId", "党员账号必须关联党员"));
		}
		if (role == Role.MEMBER && memberId != null && problems.isEmpty()) {
			long branch = members.organizationIdOf(memberId).orElseThrow();
			if (orgGiven && orgId != branch) {
				problems.add(new FieldProblem("organizationId", "党员账号的所属党组织应为该党员所在支部"));
			}
			// a member account belongs to the member's branch: it follows the member
			orgId = branch;
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("账号信息不正确", problems);
		}
		boolean changed = role != target.role() || orgId != target.organizationId() || !Objects.equals(memberId,
				target.memberId()) || enabled != target.enabled();
		if (changed) {
			// sessions carry the role and organization they started with: they end, and tokens of a disabled account too
			jdbc.sql("""
					UPDATE account SET role = :role, organization_id = :org, member_id = :member, enabled = :enabled,
					    credential_epoch = credential_epoch + 1, version = version + 1
					WHERE id = :id""")
				.param("role", role.name())
				.param("org", orgId)
				.param("member", memberId)
				.param("enabled", enabled)
				.param("id", id)
				.update();
			if (!enabled) {
				jdbc.sql("DELETE FROM api_token WHERE account_id = :id").param("id", id).update();
			}
			audit.record("Account", id, orgId, "UPDATE", AuditTrail.diff(snapshot(target.role(),
					target.organizationId(), target.memberId(), target.enabled()), snapshot(role, orgId, memberId, enabled)));
		}
		return find(id);
	}

	public record PasswordReset(String temporaryPassword, int version) {
	}

	/**
	 * A new temporary password, shown once to the manager who reads it out to the account's owner. The account is
	 * unlocked, every session and token of it ends, and its owner must change it at the next login.
	 */
	@Transactional
	public PasswordReset resetPassword(long id, Map<String, Object> body) {
		Caller caller = scope.current().caller();
		scope.requireWriter(MANAGERS);
		Integer version = version(body);
		Account target = lockInScope(id);
		Verdict v = manage(caller, target, Action.RESET_PASSWORD);
		if (!v.allowed()) {
			throw new ForbiddenException(v.reason());
		}
		if (target.version() != version.intValue()) {
			throw new ConflictException(STALE);
		}
		StringBuilder password = new StringBuilder();
		for (int i = 0; i < 10; i++) {
			password.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
		}
		jdbc.sql("""
				UPDATE account SET password_hash = :h, failed_logins = 0, locked_until = NULL,
				    credential_epoch = credential_epoch + 1, must_change_password = true, version = version + 1
				WHERE id = :id""")
			.param("h", passwordEncoder.encode(password.toString()))
			.param("id", id)
			.update();
		int tokens = jdbc.sql("DELETE FROM api_token WHERE account_id = :id").param("id", id).update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("password", "（原密码）");
		before.put("activeTokens", tokens);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("password", "（管理员重置的临时密码）");
		after.put("activeTokens", 0);
		audit.record("Account", id, target.organizationId(), "RESET_PASSWORD", AuditTrail.diff(before, after));
		return new PasswordReset(password.toString(), target.version() + 1);
	}

	private static Verdict manage(Caller caller, Account target, Action action) {
		return AccountAdminPolicy.manage(caller.accountId(), caller.role(), target.id(), target.role(), action);
	}

	private static Map<String, Object> snapshot(Role role, Long org, Long member, boolean enabled) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("role", role.name());
		m.put("organizationId", org);
		m.put("memberId", member);
		m.put("enabled", enabled);
		return m;
	}

	private Account lockInScope(long id) {
		Account a = jdbc.sql("""
				SELECT id, county_id, username, password_hash, role, organization_id, member_id, failed_logins,
				       locked_until, enabled, created_by, credential_epoch, version
				FROM account WHERE id = :id FOR UPDATE""")
			.param("id", id)
			.query((rs, i) -> new Account(rs.getLong("id"), rs.getLong("county_id"), rs.getString("username"),
					rs.getString("password_hash"), Role.valueOf(rs.getString("role")), rs.getLong("organization_id"),
					(Long) rs.getObject("member_id", Long.class), rs.getInt("failed_logins"),
					rs.getObject("locked_until", OffsetDateTime.class), rs.getBoolean("enabled"),
					(Long) rs.getObject("created_by", Long.class), rs.getInt("credential_epoch"), rs.getInt("version")))
			.optional()
			.orElseThrow(() -> new NotFoundException("账号不存在或不在您的管理范围内"));
		if (!scope.coversOrganization(a.organizationId())) {
			throw new NotFoundException("账号不存在或不在您的管理范围内");
		}
		return a;
	}

	private AccountDetail find(long id) {
		return jdbc.sql(SELECT + " WHERE a.id = :id")
			.param("id", id)
			.query((rs, i) -> detail(rs))
			.optional()
			.orElseThrow(() -> new NotFoundException("账号不存在或不在您的管理范围内"));
	}

	private AccountDetail detail(java.sql.ResultSet rs) throws java.sql.SQLException {
		OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
		Role role = Role.valueOf(rs.getString("role"));
		return new AccountDetail(rs.getString("id"), rs.getString("username"), role.name(), role.label(),
				rs.getString("organization_id"), rs.getString("organization_name"), rs.getString("member_id"),
				rs.getString("member_name"), rs.getBoolean("enabled"),
				locked != null && locked.isAfter(OffsetDateTime.now(clock)), rs.getString("created_by"),
				rs.getObject("created_at", OffsetDateTime.class), rs.getInt("version"));
	}

	private static Integer version(Map<String, Object> body) {
		Object raw = body == null ? null : body.get("version");
		if (raw != null) {
			try {
				return Integer.valueOf(raw.toString().trim());
			}
			catch (NumberFormatException e) {
				// reported below
			}
		}
		throw InvalidInputException.of("version", "请提供读取账号时的版本号（version）");
	}

	private static Role parseRole(Object raw) {
		try {
			return raw == null ? null : Role.valueOf(raw.toString());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Long parseId(Object raw) {
		try {
			return raw == null ? null : Long.valueOf(raw.toString().trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
