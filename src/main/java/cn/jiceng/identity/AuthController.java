package cn.jiceng.identity;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AuthController {

	private final AccountService accounts;
	private final CurrentCaller currentCaller;

	AuthController(AccountService accounts, CurrentCaller currentCaller) {
		this.accounts = accounts;
		this.currentCaller = currentCaller;
	}

	record TokenRequest(String username, String password) {
	}

	record TokenResponse(String token, OffsetDateTime expiresAt) {
	}

	@PostMapping("/api/auth/token")
	ResponseEntity<?> token(@RequestBody TokenRequest req) {
		LoginOutcome outcome = accounts.authenticate(req.username(), req.password());
		if (outcome instanceof LoginOutcome.Success s) {
			var issued = accounts.issueToken(s.account());
			return ResponseEntity.ok(new TokenResponse(issued.token(), issued.expiresAt()));
		}
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				((LoginOutcome.Refused) outcome).message());
		pd.setTitle("登录失败");
		return ResponseEntity.status(HttpStatus.UNAUTHORIZED)
			.contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
			.body(pd);
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

	@GetMapping("/api/accounts")
	PageResult<AccountService.AccountView> list(@RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return accounts.list(PageRequest.of(page, size));
	}
}
