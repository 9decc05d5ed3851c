package cn.jiceng.identity;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.health.contributor.Status;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: login lockout under concurrency, throttling, case-insensitive names, password change, logout, health. */
@ApiTest
class LoginHardeningApiTests {

	private static final String RIGHT = "Right-Pass-1";

	@LocalServerPort
	int port;

	@Autowired
	AccountService accounts;

	@Autowired
	LoginThrottle throttle;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	TransactionTemplate tx;

	Api admin;
	String branch;

	@BeforeEach
	void setUp() {
		throttle.clear();
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("登录镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("登录村支部"));
	}

	@AfterEach
	void forgetThrottle() {
		throttle.clear();
	}

	private String newAccount() {
		String user = TestData.unique("lk").replace("-", "");
		Api.Response r = admin.post("/api/accounts", Map.of("username", user, "password", RIGHT, "role",
				"BRANCH_SECRETARY", "organizationId", branch));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return user;
	}

	/** Fires {@code n} logins at once (all threads released together) and answers the statuses in order. */
	private List<Integer> parallel(int n, IntFunction<Map<String, String>> body) throws Exception {
		ExecutorService pool = Executors.newFixedThreadPool(n);
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Integer>> futures = new ArrayList<>();
			for (int i = 0; i < n; i++) {
				Map<String, String> b = body.apply(i);
				Callable<Integer> call = () -> {
					start.await();
					return Api.anonymous(port).post("/api/auth/token", b).status();
				};
				futures.add(pool.submit(call));
			}
			start.countDown();
			List<Integer> statuses = new ArrayList<>();
			for (Future<Integer> f : futures) {
				statuses.add(f.get());
			}
			return statuses;
		}
		finally {
			pool.shutdownNow();
		}
	}

	@Test
	void fortyParallelWrongPasswordsCheckAtMostFivePasswordsAnswer401AndLeaveTheAccountLocked() throws Exception {
		String user = newAccount();
		long checksBefore = accounts.passwordChecks();

		List<Integer> statuses = parallel(40, i -> Map.of("username", user, "password", "wrong-" + i));

		long checked = accounts.passwordChecks() - checksBefore;
		assertThat(statuses).as("every wrong password is a 401, never a 409").containsOnly(401);
		assertThat(checked).as("passwords checked before the lock").isEqualTo(5);
		Api.Response right = Api.anonymous(port).post("/api/auth/token", Map.of("username", user, "password", RIGHT));
		assertThat(right.status()).isEqualTo(401);
		assertThat(right.text("detail")).contains("锁定");
	}

	@Test
	void aRightPasswordInABurstOfWrongOnesIsCheckedOnlyWithinTheLimit() throws Exception {
		String user = newAccount();
		long checksBefore = accounts.passwordChecks();

		// the right password is the last submitted; it gets a token only if it was one of the five checked
		List<Integer> statuses = parallel(40, i -> Map.of("username", user, "password", i == 39 ? RIGHT : "wrong-" + i));

		long checked = accounts.passwordChecks() - checksBefore;
		assertThat(statuses).doesNotContain(409, 500);
		assertThat(statuses.stream().filter(s -> s == 200).count()).isLessThanOrEqualTo(1);
		if (statuses.get(39) == 401) {
			// not among the five checked: the burst locked the account before it was looked at
			assertThat(checked).isEqualTo(5);
			assertThat(Api.anonymous(port).post("/api/auth/token", Map.of("username", user, "password", RIGHT))
				.status()).isEqualTo(401);
		}
		else {
			// one of the five reserved checks, so it is a success "in a row" and resets the count, as a login
			// by the owner should; an attacker without the password never gets past five checks (test above)
			assertThat(statuses.get(39)).isEqualTo(200);
			assertThat(checked).isGreaterThanOrEqualTo(1);
		}
	}

	@Test
	void unknownUsernamesAreThrottledPerClientAddressAndThenEveryLoginWaits() throws Exception {
		List<Integer> statuses = parallel(40, i -> Map.of("username", TestData.unique("nobody").replace("-", ""),
				"password", "guess-" + i));

		assertThat(statuses).containsOnly(401, 429);
		assertThat(statuses.stream().filter(s -> s == 401).count()).as("unknown names let through").isEqualTo(20);
		assertThat(statuses.stream().filter(s -> s == 429).count()).isEqualTo(20);
		HttpResponse<String> throttled = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/auth/token"))
				.header("Content-Type", "application/json")
				.POST(HttpRequest.BodyPublishers.ofString(
						"{\"username\":\"admin\",\"password\":\"" + ApiTest.ADMIN_PASSWORD + "\"}"))
				.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(throttled.statusCode()).as("a known name waits too, so 429 tells nothing").isEqualTo(429);
		assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
		assertThat(throttled.body()).contains("登录尝试过于频繁");
	}

	@Test
	void usernamesAreCaseInsensitive() {
		String user = newAccount();

		assertThat(Api.anonymous(port).post("/api/auth/token",
				Map.of("username", "ADMIN", "password", ApiTest.ADMIN_PASSWORD)).status()).isEqualTo(200);
		assertThat(Api.anonymous(port).post("/api/auth/token",
				Map.of("username", user.toUpperCase(), "password", RIGHT)).status()).isEqualTo(200);
		Api.Response twin = admin.post("/api/accounts", Map.of("username", user.toUpperCase(), "password", RIGHT,
				"role", "BRANCH_SECRETARY", "organizationId", branch));
		assertThat(twin.status()).isEqualTo(409);
		assertThat(jdbc.sql("SELECT count(*) FROM account WHERE lower(username) = lower(:u)").param("u", user)
			.query(Long.class).single()).isEqualTo(1);
	}

	@Test
	void aPasswordChangeEndsEveryTokenAndSessionOfTheAccount() {
		String user = newAccount();
		Api first = Api.login(port, user, RIGHT);
		Api second = Api.login(port, user, RIGHT);
		PageSession page = new PageSession(port);
		assertThat(page.login(user, RIGHT)).doesNotContain("error");
		assertThat(page.get("/").statusCode()).isEqualTo(200);

		Api.Response wrongCurrent = first.post("/api/account/password",
				Map.of("currentPassword", "not-it", "newPassword", "Brand-New-2"));
		assertThat(wrongCurrent.status()).isEqualTo(400);
		assertThat(wrongCurrent.json().get("errors").get(0).get("field").asText()).isEqualTo("currentPassword");
		Api.Response changed = first.post("/api/account/password",
				Map.of("currentPassword", RIGHT, "newPassword", "Brand-New-2"));
		assertThat(changed.status()).as(changed.body()).isEqualTo(204);

		assertThat(first.get("/api/me").status()).isEqualTo(401);
		assertThat(second.get("/api/me").status()).isEqualTo(401);
		HttpResponse<String> afterChange = page.get("/");
		assertThat(afterChange.statusCode()).isEqualTo(302);
		assertThat(afterChange.headers().firstValue("Location").orElse("")).contains("/login");
		assertThat(Api.anonymous(port).post("/api/auth/token", Map.of("username", user, "password", RIGHT)).status())
			.isEqualTo(401);
		assertThat(Api.login(port, user, "Brand-New-2").get("/api/me").status()).isEqualTo(200);
		String accountId = jdbc.sql("SELECT id FROM account WHERE username = :u").param("u", user)
			.query(String.class).single();
		assertThat(admin.get("/api/audit?entityId=" + accountId).body()).contains("CHANGE_PASSWORD")
			.doesNotContain("Brand-New-2");
	}

	@Test
	void aRevokedTokenNoLongerWorks() {
		Api me = Api.login(port, newAccount(), RIGHT);
		assertThat(me.get("/api/me").status()).isEqualTo(200);

		assertThat(me.delete("/api/auth/token").status()).isEqualTo(204);

		assertThat(me.get("/api/me").status()).isEqualTo(401);
	}

	@Test
	void healthIsDownUntilTheAdminAccountExists() {
		Status before = tx.execute(status -> {
			jdbc.sql("UPDATE account SET username = 'admin-away' WHERE username = 'admin'").update();
			Status s = new BootstrapHealth(jdbc).health().getStatus();
			status.setRollbackOnly();
			return s;
		});
		assertThat(before).isEqualTo(Status.DOWN);
		assertThat(new BootstrapHealth(jdbc).health().getStatus()).isEqualTo(Status.UP);
		Api.Response health = Api.anonymous(port).get("/actuator/health");
		assertThat(health.json().get("status").asText()).isEqualTo("UP");
	}

	@Test
	void pagesSendAContentSecurityPolicyAReferrerPolicyAndALaxSessionCookie() throws Exception {
		HttpResponse<String> login = HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).GET().build(),
					HttpResponse.BodyHandlers.ofString());

		assertThat(login.headers().firstValue("Content-Security-Policy").orElse(""))
			.contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-eval");
		assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
		assertThat(login.headers().allValues("Set-Cookie")).anySatisfy(c -> assertThat(c).contains("JSESSIONID")
			.containsIgnoringCase("SameSite=Lax").containsIgnoringCase("HttpOnly"));
		assertThat(login.body()).doesNotContain("onclick=").doesNotContain("onchange=");
	}
}
