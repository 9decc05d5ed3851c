package cn.jiceng.identity;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.member.Members;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

@Service
public class AccountService {

	private static final SecureRandom RANDOM = new SecureRandom();

	private final AccountRepository accounts;
	private final PasswordEncoder passwordEncoder;
	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final Members members;
	private final Clock clock;
	private final int maxFailures;
	private final Duration lockDuration;
	private final Duration tokenLifetime;

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc, DataScope scope,
			AuditTrail audit, Members members, Clock clock, @Value("${jiceng.login.max-failures}") int maxFailures,
			@Value("${jiceng.login.lock-minutes}") int lockMinutes, @Value("${jiceng.token-hours}") int tokenHours) {
		this.accounts = accounts;
		this.passwordEncoder = passwordEncoder;
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.members = members;
		this.clock = clock;
		this.maxFailures = maxFailures;
		this.lockDuration = Duration.ofMinutes(lockMinutes);
		this.tokenLifetime = Duration.ofHours(tokenHours);
	}

	/**
	 * Checks a password and keeps count of failures: the fifth failure in a row locks the account for 15 minutes,
	 * and a locked account is refused even with the right password so guessing gains nothing.
	 */
	@Transactional
	LoginOutcome authenticate(String username, String password) {
		if (username == null || password == null) {
			return new LoginOutcome.Refused("用户名或密码错误");
		}
		Optional<Account> found = accounts.findByUsername(username.trim());
		if (found.isEmpty()) {
			// spend the same hashing time as a real check so unknown names cannot be told apart by timing
			passwordEncoder.matches(password, dummyHash());
			return new LoginOutcome.Refused("用户名或密码错误");
		}
		Account account = found.get();
		OffsetDateTime now = OffsetDateTime.now(clock);
		if (!account.enabled()) {
			return new LoginOutcome.Refused("账号已停用");
		}
		if (account.lockedUntil() != null && account.lockedUntil().isAfter(now)) {
			return new LoginOutcome.Refused("连续登录失败次数过多，账号已锁定，请于15分钟后再试");
		}
		if (!passwordEncoder.matches(password, account.passwordHash())) {
			int failures = (account.lockedUntil() != null ? 0 : account.failedLogins()) + 1;
			OffsetDateTime lock = failures >= maxFailures ? now.plus(lockDuration) : null;
			accounts.save(account.withFailedLogins(lock != null ? 0 : failures, lock));
			return new LoginOutcome.Refused(lock != null ? "连续登录失败次数过多，账号已锁定，请于15分钟后再试" : "用户名或密码错误");
		}
		Account fresh = account;
		if (account.failedLogins() > 0 || account.lockedUntil() != null) {
			fresh = accounts.save(account.withFailedLogins(0, null));
		}
		return new LoginOutcome.Success(fresh);
	}

	public record IssuedToken(String token, OffsetDateTime expiresAt) {
	}

	@Transactional
	IssuedToken issueToken(Account account) {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		String token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
		OffsetDateTime expires = OffsetDateTime.now(clock).plus(tokenLifetime);
		jdbc.sql("DELETE FROM api_token WHERE expires_at < now()").update();
		jdbc.sql("INSERT INTO api_token (token_hash, county_id, account_id, expires_at) VALUES (:h, :c, :a, :e)")
			.param("h", sha256(token))
			.param("c", account.countyId())
			.param("a", account.id())
			.param("e", expires)
			.update();
		return new IssuedToken(token, expires);
	}

	@Transactional(readOnly = true)
	Optional<Account> resolveToken(String token) {
		return jdbc.sql("SELECT account_id FROM api_token WHERE token_hash = :h AND expires_at > :now")
			.param("h", sha256(token))
			.param("now", OffsetDateTime.now(clock))
			.query(Long.class)
			.optional()
			.flatMap(accounts::findById)
			.filter(Account::enabled);
	}

	public record NewAccount(String username, String password, String role, String organizationId, String memberId) {
	}

	public record AccountView(String id, String username, String role, String organizationId, String memberId,
			String organizationName, boolean locked) {
	}

	@Transactional
	public AccountView create(NewAccount req) {
		Caller caller = scope.current().caller();
		if (!(caller.role().isAdmin() || caller.role() == Role.BRANCH_SECRETARY)) {
			throw new ForbiddenException("当前角色（" + caller.role().label() + "）无权创建账号");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String username = req.username() == null ? "" : req.username().trim();
		if (!username.matches("[A-Za-z0-9_.\\-]{3,50}")) {
			problems.add(new FieldProblem("username", "用户名应为3到50位字母、数字、下划线、点或短横线"));
		}
		if (req.password() == null || req.password().length() < 8 || req.password().length() > 100) {
			problems.add(new FieldProblem("password", "密码长度应为8到100位"));
		}
		Role role = null;
		try {
			role = req.role() == null ? null : Role.valueOf(req.role());
		}
		catch (IllegalArgumentException e) {
			// reported below
		}
		if (role == null) {
			problems.add(new FieldProblem("role", "角色不正确"));
		}
		Long orgId = null;
		try {
			orgId = req.organizationId() == null ? null : Long.parseLong(req.organizationId());
		}
		catch (NumberFormatException e) {
			// reported below
		}
		if (orgId == null) {
			problems.add(new FieldProblem("organizationId", "请选择所属党组织"));
		}
		Long memberId = null;
		if (req.memberId() != null && !req.memberId().isBlank()) {
			try {
				memberId = Long.parseLong(req.memberId());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("memberId", "党员编号不正确"));
			}
		}
		if (role == Role.MEMBER && memberId == null) {
			problems.add(new FieldProblem("memberId", "党员账号必须关联党员"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("账号信息不正确", problems);
		}
		scope.requireOrganization(orgId);
		if (!caller.role().canGrant(role)) {
			throw new ForbiddenException("不能创建高于本人角色的账号");
		}
		if (memberId != null) {
			scope.requireMember(memberId);
			Long memberOrg = members.organizationIdOf(memberId).orElseThrow();
			if (role == Role.MEMBER && memberOrg.longValue() != orgId.longValue()) {
				throw InvalidInputException.of("organizationId", "党员账号的所属党组织应为该党员所在支部");
			}
		}
		if (accounts.existsByUsername(username)) {
			throw new ConflictException("用户名已存在");
		}
		Account saved = accounts.save(new Account(null, caller.countyId(), username,
				passwordEncoder.encode(req.password()), role, orgId, memberId, 0, null, true, null));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("role", role.name());
		fields.put("organizationId", orgId);
		fields.put("memberId", memberId);
		audit.record("Account", saved.id(), orgId, "CREATE", AuditTrail.created(fields));
		return view(saved);
	}

	@Transactional(readOnly = true)
	public PageResult<AccountView> list(PageRequest page) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY));
		var cond = scope.organizationCondition("o");
		String from = " FROM account a JOIN organization o ON o.id = a.organization_id WHERE " + cond.sql();
		long total = jdbc.sql("SELECT count(*)" + from).params(cond.params()).query(Long.class).single();
		var items = jdbc.sql("SELECT a.id, a.username, a.role, a.organization_id, a.member_id, o.name, a.locked_until"
				+ from + " ORDER BY o.path, a.username LIMIT :l OFFSET :o")
			.params(cond.params())
			.param("l", page.size())
			.param("o", page.offset())
			.query((rs, i) -> {
				OffsetDateTime locked = rs.getObject("locked_until", OffsetDateTime.class);
				return new AccountView(rs.getString("id"), rs.getString("username"), rs.getString("role"),
						rs.getString("organization_id"), rs.getString("member_id"), rs.getString("name"),
						locked != null && locked.isAfter(OffsetDateTime.now(clock)));
			})
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Bootstrap only: the first county admin, before anyone can log in. */
	@Transactional
	Account createBootstrapAdmin(long countyId, long rootOrganizationId, String password) {
		Account saved = accounts.save(new Account(null, countyId, "admin", passwordEncoder.encode(password),
				Role.COUNTY_ADMIN, rootOrganizationId, null, 0, null, true, null));
		audit.record("Account", saved.id(), rootOrganizationId, "CREATE",
				AuditTrail.created(Map.of("username", "admin", "role", Role.COUNTY_ADMIN.name())));
		return saved;
	}

	/** Demo data and tests: an account without a caller in the security context. */
	@Transactional
	public String createSystemAccount(long countyId, String username, String password, Role role, long organizationId,
			Long memberId) {
		Account saved = accounts.save(new Account(null, countyId, username, passwordEncoder.encode(password), role,
				organizationId, memberId, 0, null, true, null));
		audit.record("Account", saved.id(), organizationId, "CREATE",
				AuditTrail.created(Map.of("username", username, "role", role.name())));
		return saved.id().toString();
	}

	private volatile String dummyHash;

	private String dummyHash() {
		if (dummyHash == null) {
			dummyHash = passwordEncoder.encode("jiceng-timing-equalizer");
		}
		return dummyHash;
	}

	boolean anyAccountExists() {
		return accounts.count() > 0;
	}

	AccountView view(Account a) {
		return new AccountView(a.id().toString(), a.username(), a.role().name(), Long.toString(a.organizationId()),
				a.memberId() == null ? null : a.memberId().toString(), null, false);
	}

	static String sha256(String token) {
		try {
			return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes()));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}
}
