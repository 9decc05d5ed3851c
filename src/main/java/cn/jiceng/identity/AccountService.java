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
import java.util.concurrent.atomic.AtomicLong;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.member.Members;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

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
	private final LoginThrottle throttle;
	private final TransactionTemplate tx;
	private final AtomicLong passwordChecks = new AtomicLong();

	AccountService(AccountRepository accounts, PasswordEncoder passwordEncoder, JdbcClient jdbc, DataScope scope,
			AuditTrail audit, Members members, Clock clock, @Value("${jiceng.login.max-failures}") int maxFailures,
			@Value("${jiceng.login.lock-minutes}") int lockMinutes, @Value("${jiceng.token-hours}") int tokenHours, LoginThrottle throttle, TransactionTemplate tx) {
		this.throttle = throttle;
		this.tx = tx;
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

	private static final String WRONG = "用户名或密码错误";
	private static final String LOCKED = "连续登录失败次数过多，账号已锁定，请于15分钟后再试";

	/**
	 * Reserves one password check before the password is looked at: the failure count goes up in one conditional
	 * UPDATE (row-locked, so parallel logins queue on it and see each other's counts), and the check that reaches
	 * the limit locks the account at once. So however many logins run in parallel, at most {@code maxFailures}
	 * passwords are checked before the lock, and no login needs the account's version (no 409). A right password
	 * gives the reservation back by resetting the count.
	 */
	private static final String RESERVE_CHECK = """
			UPDATE account SET
			    failed_logins = (CASE WHEN locked_until IS NULL THEN failed_logins ELSE 0 END) + 1,
			    locked_until = CASE WHEN (CASE WHEN locked_until IS NULL THEN failed_logins ELSE 0 END) + 1 >= :max
			                        THEN CAST(:lockUntil AS TIMESTAMP WITH TIME ZONE) ELSE NULL END
			WHERE id = :id AND enabled AND (locked_until IS NULL OR locked_until <= :now)
			RETURNING failed_logins""";

	/**
	 * Checks a password and keeps count of failures: the fifth failure in a row locks the account for 15 minutes,
	 * and a locked account is refused even with the right password so guessing gains nothing. Not transactional on
	 * purpose: the reservation must be committed before the (slow) hash comparison so parallel attempts count it.
	 */
	LoginOutcome authenticate(String username, String password, String clientAddress) {
		Optional<Account> found = username == null || username.isBlank() ? Optional.empty()
				: accounts.findByUsername(username.trim());
		// an unknown name is counted and checked in one step, so parallel guesses cannot slip past the limit
		long wait = found.isEmpty() ? throttle.admitUnknownName(clientAddress) : throttle.secondsToWait(clientAddress);
		if (wait > 0) {
			return new LoginOutcome.Throttled("登录尝试过于频繁，请于" + Math.max(1, (wait + 59) / 60) + "分钟后再试", wait);
		}
		if (found.isEmpty() || password == null) {
			// spend the same hashing time as a real check so unknown names cannot be told apart by timing
			passwordEncoder.matches(password == null ? "" : password, dummyHash());
			return new LoginOutcome.Refused(WRONG);
		}
		Account account = found.get();
		if (!account.enabled()) {
			return new LoginOutcome.Refused("账号已停用");
		}
		OffsetDateTime now = OffsetDateTime.now(clock);
		Optional<Integer> attempt = jdbc.sql(RESERVE_CHECK)
			.param("max", maxFailures)
			.param("lockUntil", now.plus(lockDuration))
			.param("id", account.id())
			.param("now", now)
			.query(Integer.class)
			.optional();
		if (attempt.isEmpty()) {
			return new LoginOutcome.Refused(LOCKED);
		}
		passwordChecks.incrementAndGet();
		if (!passwordEncoder.matches(password, account.passwordHash())) {
			return new LoginOutcome.Refused(attempt.get() >= maxFailures ? LOCKED : WRONG);
		}
		jdbc.sql("UPDATE account SET failed_logins = 0, locked_until = NULL WHERE id = :id")
			.param("id", account.id())
			.update();
		return new LoginOutcome.Success(account);
	}

	/** How many stored passwords have been compared since start-up (the lockout test counts them). */
	long passwordChecks() {
		return passwordChecks.get();
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

	/** Logout of an API token: the token stops working at once. */
	@Transactional
	void revokeToken(String token) {
		jdbc.sql("DELETE FROM api_token WHERE token_hash = :h").param("h", sha256(token)).update();
	}

	public record PasswordChange(String currentPassword, String newPassword) {
	}

	/**
	 * The caller changes their own password. The current password is checked through the same reservation as a
	 * login (so a stolen token cannot be used to guess it at speed); afterwards every API token of the account is
	 * gone and the credential epoch moves on, which ends every form-login session that started before.
	 */
	public void changeOwnPassword(PasswordChange req) {
		Caller caller = scope.current().caller();
		List<FieldProblem> problems = new ArrayList<>();
		if (req.currentPassword() == null || req.currentPassword().isEmpty()) {
			problems.add(new FieldProblem("currentPassword", "请填写当前密码"));
		}
		if (req.newPassword() == null || req.newPassword().length() < 8 || req.newPassword().length() > 100) {
			problems.add(new FieldProblem("newPassword", "新密码长度应为8到100位"));
		}
		else if (req.newPassword().equals(req.currentPassword())) {
			problems.add(new FieldProblem("newPassword", "新密码不能与当前密码相同"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("密码修改信息不正确", problems);
		}
		Account account = accounts.findById(caller.accountId()).orElseThrow(() -> new ForbiddenException("账号不存在"));
		LoginOutcome check = authenticate(account.username(), req.currentPassword(), null);
		if (!(check instanceof LoginOutcome.Success)) {
			String message = check instanceof LoginOutcome.Refused r && !r.message().equals(WRONG) ? r.message()
					: "当前密码不正确";
			throw InvalidInputException.of("currentPassword", message);
		}
		tx.executeWithoutResult(status -> {
			jdbc.sql("UPDATE account SET password_hash = :h, credential_epoch = credential_epoch + 1, "
					+ "must_change_password = false, version = version + 1 WHERE id = :id")
				.param("h", passwordEncoder.encode(req.newPassword()))
				.param("id", account.id())
				.update();
			int tokens = jdbc.sql("DELETE FROM api_token WHERE account_id = :id").param("id", account.id()).update();
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("password", "（旧密码）");
			before.put("activeTokens", tokens);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("password", "（新密码）");
			after.put("activeTokens", 0);
			audit.record("Account", account.id(), account.organizationId(), "CHANGE_PASSWORD",
					AuditTrail.diff(before, after));
		});
	}

	/** The epoch a session must carry to stay valid; -1 when the account is gone or disabled. */
	int credentialEpoch(long accountId) {
		return credentialState(accountId).epoch();
	}

	/** An account's credential epoch (-1 when gone or disabled) and whether it must change its password first. */
	record CredentialState(int epoch, boolean mustChangePassword) {
	}

	CredentialState credentialState(long accountId) {
		return jdbc.sql("SELECT credential_epoch, must_change_password FROM account WHERE id = :id AND enabled")
			.param("id", accountId)
			.query((rs, n) -> new CredentialState(rs.getInt(1), rs.getBoolean(2)))
			.optional()
			.orElse(new CredentialState(-1, false));
	}

	/** A generated password (the first admin's) is known to whoever read the log: it must be changed first. */
	@Transactional
	void requirePasswordChange(long accountId) {
		jdbc.sql("UPDATE account SET must_change_password = true WHERE id = :id").param("id", accountId).update();
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
		AccountCreationPolicy.Verdict verdict = AccountCreationPolicy.create(caller.role(), role);
		if (!verdict.allowed()) {
			throw new ForbiddenException(verdict.reason());
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
				passwordEncoder.encode(req.password()), role, orgId, memberId, 0, null, true, caller.accountId(), 0,
				null));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("username", username);
		fields.put("role", role.name());
		fields.put("organizationId", orgId);
		fields.put("memberId", memberId);
		fields.put("createdBy", caller.username());
		fields.put("createdByAccountId", caller.accountId());
		audit.record("Account", saved.id(), orgId, "CREATE", AuditTrail.created(fields));
		return view(saved);
	}

	/** Bootstrap only: the first county admin, before anyone can log in. */
	@Transactional
	Account createBootstrapAdmin(long countyId, long rootOrganizationId, String password) {
		Account saved = accounts.save(new Account(null, countyId, "admin", passwordEncoder.encode(password),
				Role.COUNTY_ADMIN, rootOrganizationId, null, 0, null, true, null, 0, null));
		audit.record("Account", saved.id(), rootOrganizationId, "CREATE",
				AuditTrail.created(Map.of("username", "admin", "role", Role.COUNTY_ADMIN.name())));
		return saved;
	}

	/** Demo data and tests: an account without a caller in the security context. */
	@Transactional
	public String createSystemAccount(long countyId, String username, String password, Role role, long organizationId,
			Long memberId) {
		Account saved = accounts.save(new Account(null, countyId, username, passwordEncoder.encode(password), role,
				organizationId, memberId, 0, null, true, null, 0, null));
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
