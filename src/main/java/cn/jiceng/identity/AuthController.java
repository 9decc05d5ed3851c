package cn.jiceng.identity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.common.Ids;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

	private final AccountService accounts;
	private final AccountAdminService admin;
	private final CurrentCaller currentCaller;

	AuthController(AccountService accounts, AccountAdminService admin, CurrentCaller currentCaller) {
		this.accounts = accounts;
		this.admin = admin;
		this.currentCaller = currentCaller;
	}

	record TokenRequest(String username, String password) {
	}

	record TokenResponse(String token, OffsetDateTime expiresAt) {
	}

	@PostMapping("/api/auth/token")
	ResponseEntity<?> token(@RequestBody TokenRequest req, HttpServletRequest http) {
		LoginOutcome outcome = accounts.authenticate(req.username(), req.password(), http.getRemoteAddr());
		if (outcome instanceof LoginOutcome.Success s) {
			var issued = accounts.issueToken(s.account());
			return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		if (outcome instanceof LoginOutcome.Throttled t) {
			ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, t.message());
			pd.setTitle("登录过于频繁");
			return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
				.header(HttpHeaders.RETRY_AFTER, Long.toString(t.retryAfterSeconds()))
				.contentType(MediaType.APPLICATION_PROBLEM_JSON)
				.body(pd);
		}
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				((LoginOutcome.Refused) outcome).message());
		pd.setTitle("登录失败");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}

	/** Logout of an API token: the bearer token of this request stops working. */
	@DeleteMapping("/api/auth/token")
	ResponseEntity<Void> revoke(HttpServletRequest http) {
		String header = http.getHeader(HttpHeaders.AUTHORIZATION);
		if (header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)) {
			accounts.revokeToken(header.substring(7).trim());
		}
		return ResponseEntity.noContent().build();
	}

	/** The caller's own password; every token and every session of the account ends. */
	@PostMapping("/api/account/password")
	ResponseEntity<Void> changePassword(@RequestBody AccountService.PasswordChange req) {
		accounts.changeOwnPassword(req);
		return ResponseEntity.noContent().build();
	}

	@GetMapping("/api/me")
	Map<String, Object> me() {
		Caller c = currentCaller.get();
		Map<String, Object> me = new LinkedHashMap<>();
		me.put("username", c.username());
		me.put("role", c.role().name());
		me.put("organizationId", Long.toString(c.organizationId()));
		me.put("memberId", c.memberId() == null ? null : c.memberId().toString());
		return me;
	}

	@PostMapping("/api/accounts")
	ResponseEntity<Map<String, Object>> create(@RequestBody AccountService.NewAccount req) {
		var v = accounts.create(req);
		Map<String, Object> body = new LinkedHashMap<>();
		body.put("id", v.id());
		body.put("username", v.username());
		body.put("role", v.role());
		body.put("organizationId", v.organizationId());
		body.put("memberId", v.memberId());
		return ResponseEntity.status(HttpStatus.CREATED).body(body);
	}

	/** Accounts in the caller's scope; q matches the user name, the bound member's name or the organization's. */
	@GetMapping("/api/accounts")
	PageResult<AccountAdminService.AccountDetail> list(@RequestParam(required = false) String q,
			@RequestParam(required = false) String role, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return admin.list(new AccountAdminService.AccountFilter(q, role, status), PageRequest.of(page, size));
	}

	@GetMapping("/api/accounts/{id}")
	AccountAdminService.AccountDetail get(@PathVariable String id) {
		return admin.get(Ids.parse(id, "账号"));
	}

	/** {"version", "role"?, "organizationId"?, "memberId"?, "enabled"?}: absent keys stay as they are. */
	@PatchMapping("/api/accounts/{id}")
	AccountAdminService.AccountDetail patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
		return admin.patch(Ids.parse(id, "账号"), body);
	}

	/** {"version"} → 200 {"temporaryPassword","version"}: shown once; the account's sessions and tokens end. */
	@PostMapping("/api/accounts/{id}/password-reset")
	AccountAdminService.PasswordReset resetPassword(@PathVariable String id,
			@RequestBody(required = false) Map<String, Object> body) {
		return admin.resetPassword(Ids.parse(id, "账号"), body == null ? Map.of() : body);
	}
}
