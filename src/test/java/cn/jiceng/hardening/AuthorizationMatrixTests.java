package cn.jiceng.hardening;

import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every {@code /api} endpoint of Spring's route table, for every role, against an object inside and one outside the
 * caller's scope: outside never answers 2xx, nothing answers 5xx. An endpoint missing from {@link #ENDPOINTS} fails
 * the build, so a new endpoint has to say which object its scope check guards.
 *
 * <p>Placeholders: {org} a branch, {member}, {meeting}, {file}, {claim}, {exemption}, {office}, {mobility} (with its member as
 * {member}). For a member account the outside objects include its own branch's meeting records and another member
 * of the same branch (a member's scope is themself). For the county admin "outside" is an id that does not exist.
 * A null template marks an endpoint with no scoped object (own account, county-wide catalogue and settings): it is
 * only checked for 5xx.
 */
@ApiTest
class AuthorizationMatrixTests {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");
	private static final String PASSWORD = "Matrix-Pass-1";
	private static final List<String> ROLES = List.of("COUNTY_ADMIN", "TOWNSHIP_ADMIN", "BRANCH_SECRETARY", "MEMBER",
			"CADRE", "INSPECTOR");

	private static final Map<String, String> ENDPOINTS = new LinkedHashMap<>();

	/** The year of the matrix's star standard and assessments (no other test uses it). */
	private static final int STAR_YEAR = 2012;

	/** Marks a list whose query parameter filters rows: outside the scope it may answer 200 with no items. */
	private static final String FILTERED = "filtered:";

	static {
		// identity
		e("POST /api/auth/token", null);
		e("DELETE /api/auth/token", null);
		e("POST /api/account/password", null);
		e("GET /api/me", null);
		e("POST /api/accounts", null);
		e("GET /api/accounts", null);
		// audit
		// a filter, not an object: outside it must find nothing
		e("GET /api/audit", FILTERED + "/api/audit?entityId={member}");
		// settings, catalogue, notifications, year closing: county-wide or the caller's own
		e("GET /api/rule-settings", null);
		e("PATCH /api/rule-settings", null);
		e("POST /api/rule-settings/preview", null);
		e("GET /api/point-items", null);
		e("POST /api/point-items", null);
		e("PATCH /api/point-items/{id}", null);
		e("GET /api/notifications", null);
		e("POST /api/notifications/{id}/read", null);
		e("GET /api/orglife/closed-years", null);
		e("POST /api/orglife/closed-years", null);
		e("DELETE /api/orglife/closed-years/{year}", null);
		e("POST /api/cadre-logs", null);
		// organizations
		e("POST /api/organizations", null);
		e("GET /api/organizations/{id}", "/api/organizations/{org}");
		e("GET /api/organizations/{id}/children", "/api/organizations/{org}/children");
		e("PATCH /api/organizations/{id}", "/api/organizations/{org}");
		e("POST /api/organizations/{id}/move", "/api/organizations/{org}/move");
		e("GET /api/organizations/{id}/terms", "/api/organizations/{org}/terms");
		e("POST /api/organizations/{id}/elections", "/api/organizations/{org}/elections");
		e("GET /api/organizations/{id}/elections", "/api/organizations/{org}/elections");
		e("GET /api/organizations/{id}/advice", "/api/organizations/{org}/advice");
		e("GET /api/organizations/{id}/advice-report", "/api/organizations/{org}/advice-report");
		e("POST /api/organizations/{id}/offices", "/api/organizations/{org}/offices");
		e("GET /api/organizations/{id}/offices", "/api/organizations/{org}/offices");
		e("GET /api/organizations/{id}/office-history", "/api/organizations/{org}/office-history");
		e("PATCH /api/offices/{id}", "/api/offices/{office}");
		e("DELETE /api/offices/{id}", "/api/offices/{office}");
		e("POST /api/organizations/{id}/advice/{code}/handling", "/api/organizations/{org}/advice/JOIN_BRANCH/handling");
		// members
		e("POST /api/members", null);
		e("GET /api/members", "/api/members?organizationId={org}");
		e("GET /api/members/{id}", "/api/members/{member}");
		e("PATCH /api/members/{id}", "/api/members/{member}");
		e("POST /api/members/{id}/transfers", "/api/members/{member}/transfers");
		e("GET /api/members/{id}/transfers", "/api/members/{member}/transfers");
		e("POST /api/members/{id}/mobility", "/api/members/{member}/mobility");
		e("GET /api/members/{id}/mobility", "/api/members/{member}/mobility");
		e("POST /api/members/{id}/mobility/{mobilityId}/end", "/api/members/{member}/mobility/{mobility}/end");
		e("GET /api/members/import-template", "/api/members/import-template?organizationId={org}");
		e("POST /api/members/import", "/api/members/import?organizationId={org}");
		e("GET /api/members/export", "/api/members/export?organizationId={org}");
		// organizational life
		e("POST /api/organizations/{branchId}/meetings", "/api/organizations/{org}/meetings");
		e("GET /api/organizations/{id}/meetings", "/api/organizations/{org}/meetings");
		e("GET /api/meetings/{id}", "/api/meetings/{meeting}");
		e("PATCH /api/meetings/{id}", "/api/meetings/{meeting}");
		e("PUT /api/meetings/{id}/attendance", "/api/meetings/{meeting}/attendance");
		e("DELETE /api/meetings/{id}", "/api/meetings/{meeting}");
		e("GET /api/organizations/{branchId}/roster", "/api/organizations/{org}/roster");
		e("POST /api/organizations/{branchId}/plans", "/api/organizations/{org}/plans");
		e("GET /api/organizations/{id}/plans", "/api/organizations/{org}/plans");
		e("POST /api/members/{id}/remote-reports", "/api/members/{member}/remote-reports");
		e("GET /api/members/{id}/remote-reports", "/api/members/{member}/remote-reports");
		e("GET /api/organizations/{id}/remote-reports", "/api/organizations/{org}/remote-reports");
		e("GET /api/members/{id}/attendance", "/api/members/{member}/attendance");
		e("GET /api/organizations/{branchId}/four-color", "/api/organizations/{org}/four-color");
		e("GET /api/organizations/{branchId}/four-color.pdf", "/api/organizations/{org}/four-color.pdf");
		e("POST /api/organizations/{branchId}/themed-day-exemptions", "/api/organizations/{org}/themed-day-exemptions");
		e("GET /api/organizations/{id}/themed-day-exemptions", "/api/organizations/{org}/themed-day-exemptions");
		e("DELETE /api/themed-day-exemptions/{id}", "/api/themed-day-exemptions/{exemption}");
		e("GET /api/organizations/{id}/accountability", "/api/organizations/{org}/accountability");
		e("GET /api/organizations/{id}/accountability.pdf", "/api/organizations/{org}/accountability.pdf");
		e("GET /api/organizations/{id}/compliance", "/api/organizations/{org}/compliance");
		e("GET /api/organizations/{id}/compliance/year", "/api/organizations/{org}/compliance/year");
		e("POST /api/jobs/reminders/run", "/api/jobs/reminders/run?today=2020-01-06&organizationId={org}");
		e("POST /api/jobs/four-color/recompute", "/api/jobs/four-color/recompute?year=2020&organizationId={org}");
		e("POST /api/meetings/{id}/files", "/api/meetings/{meeting}/files");
		e("GET /api/meetings/{id}/files", "/api/meetings/{meeting}/files");
		e("GET /api/files/{id}", "/api/files/{file}");
		e("DELETE /api/files/{id}", "/api/files/{file}");
		// scoring
		e("GET /api/members/{id}/vanguard-index", "/api/members/{member}/vanguard-index");
		e("GET /api/organizations/{id}/warning-members", "/api/organizations/{org}/warning-members");
		e("GET /api/organizations/{id}/warning-members.xlsx", "/api/organizations/{org}/warning-members.xlsx");
		e("GET /api/organizations/{id}/vanguard-ranking", "/api/organizations/{org}/vanguard-ranking");
		e("GET /api/organizations/{id}/vanguard-ranking.xlsx", "/api/organizations/{org}/vanguard-ranking.xlsx");
		e("POST /api/organizations/{id}/vanguard-recompute", "/api/organizations/{org}/vanguard-recompute");
		e("POST /api/members/{id}/point-claims", "/api/members/{member}/point-claims");
		e("GET /api/members/{id}/point-claims", "/api/members/{member}/point-claims");
		e("GET /api/point-claims/{id}", "/api/point-claims/{claim}");
		e("POST /api/point-claims/{id}/approve", "/api/point-claims/{claim}/approve");
		e("POST /api/point-claims/{id}/reject", "/api/point-claims/{claim}/reject");
		e("GET /api/organizations/{id}/point-claims", "/api/organizations/{org}/point-claims");
		e("POST /api/members/{id}/cadre-duties", "/api/members/{member}/cadre-duties");
		e("GET /api/members/{id}/cadre-duties", "/api/members/{member}/cadre-duties");
		e("GET /api/members/{id}/cadre-logs", "/api/members/{member}/cadre-logs");
		e("PUT /api/organizations/{id}/village-secretary", "/api/organizations/{org}/village-secretary");
		e("GET /api/organizations/{id}/village-secretary", "/api/organizations/{org}/village-secretary");
		// dues
		e("PUT /api/members/{id}/dues-base", "/api/members/{member}/dues-base");
		e("GET /api/members/{id}/dues-base", "/api/members/{member}/dues-base");
		e("POST /api/members/{id}/dues-payments", "/api/members/{member}/dues-payments");
		e("GET /api/members/{id}/dues-payments", "/api/members/{member}/dues-payments");
		e("GET /api/members/{id}/dues", "/api/members/{member}/dues");
		e("POST /api/organizations/{id}/dues-payments", "/api/organizations/{org}/dues-payments");
		e("GET /api/organizations/{id}/dues-collection", "/api/organizations/{org}/dues-collection");
		e("GET /api/organizations/{id}/dues-arrears", "/api/organizations/{org}/dues-arrears");
		e("GET /api/organizations/{id}/dues-base-review", "/api/organizations/{org}/dues-base-review");
		e("GET /api/organizations/{id}/dues-summary", "/api/organizations/{org}/dues-summary");
		e("GET /api/organizations/{id}/dues-summary.xlsx", "/api/organizations/{org}/dues-summary.xlsx");
		// organization assessment: five stars and commendations
		e("PUT /api/star-standards", null);
		e("GET /api/star-standards", null);
		e("POST /api/organizations/{id}/star-assessments", "/api/organizations/{org}/star-assessments");
		e("GET /api/star-assessments/{id}", "/api/star-assessments/{starAssessment}");
		e("POST /api/star-assessments/{id}/review", "/api/star-assessments/{starAssessment}/review");
		e("POST /api/star-assessments/{id}/confirm", "/api/star-assessments/{starAssessment}/confirm");
		e("POST /api/star-assessments/{id}/revoke", "/api/star-assessments/{starAssessment}/revoke");
		e("POST /api/organizations/{id}/stars/publish", "/api/organizations/{org}/stars/publish?year=" + STAR_YEAR);
		e("GET /api/organizations/{id}/stars", "/api/organizations/{org}/stars?year=" + STAR_YEAR);
		e("GET /api/organizations/{id}/stars.pdf", "/api/organizations/{org}/stars.pdf?year=" + STAR_YEAR);
		// the nominee is named in the body: its scope is checked in CommendationApiTests
		e("POST /api/commendations", null);
		// membership development: the branch is named in the body, its scope checked in DevelopmentApiTests
		e("POST /api/development-records", null);
		e("GET /api/development-records/{id}", "/api/development-records/{developmentRecord}");
		e("POST /api/development-records/{id}/steps", "/api/development-records/{developmentRecord}/steps");
		e("GET /api/development-records/{id}/book.pdf", "/api/development-records/{developmentRecord}/book.pdf");
		e("GET /api/organizations/{id}/development-records", "/api/organizations/{org}/development-records");
		e("GET /api/organizations/{id}/development-warnings", "/api/organizations/{org}/development-warnings");
		e("GET /api/organizations/{id}/development-pipeline", "/api/organizations/{org}/development-pipeline");
		e("PUT /api/organizations/{id}/development-plan", "/api/organizations/{org}/development-plan?year=2024");
		e("GET /api/organizations/{id}/development-plan", "/api/organizations/{org}/development-plan?year=2024");
		e("GET /api/organizations/{id}/development-plans", "/api/organizations/{org}/development-plans?year=2024");
		e("GET /api/organizations/{id}/commendations", "/api/organizations/{org}/commendations?year=" + STAR_YEAR);
	}

	private static void e(String endpoint, String template) {
		ENDPOINTS.put(endpoint, template);
	}

	@LocalServerPort
	int port;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	private record Endpoint(String method, String pattern, boolean multipart) {

		String key() {
			return method + " " + pattern;
		}
	}

	private List<Endpoint> routeTable() {
		List<Endpoint> endpoints = new ArrayList<>();
		for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
			boolean multipart = info.getConsumesCondition().getConsumableMediaTypes()
				.contains(MediaType.MULTIPART_FORM_DATA);
			for (String pattern : info.getPatternValues()) {
				if (!pattern.startsWith("/api/")) {
					continue;
				}
				for (RequestMethod m : info.getMethodsCondition().getMethods()) {
					endpoints.add(new Endpoint(m.name(), pattern, multipart));
				}
			}
		}
		return endpoints;
	}

	/** One side (inside or outside) of a role's scope: the objects the placeholders stand for. */
	private record Side(Map<String, String> values) {

		String url(String template) {
			String url = template;
			for (var v : values.entrySet()) {
				url = url.replace("{" + v.getKey() + "}", v.getValue());
			}
			return url;
		}
	}

	private record Objects(String org, String member, String otherMember, String meeting, String file, String claim,
			String otherClaim, String exemption, String mobility, String otherMobility, String town, String office,
			String starAssessment, String developmentRecord) {


		Side side() {
			return new Side(Map.of("org", org, "member", member, "meeting", meeting, "file", file, "claim", claim,
					"exemption", exemption, "mobility", mobility, "office", office, "starAssessment", starAssessment,
					"developmentRecord", developmentRecord));
		}
	}

	private Objects township(Api admin, String root, String item) {
		String town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("矩阵镇"));
		String branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("矩阵村支部"));
		String m1 = TestData.createMember(admin, branch, "矩阵甲", Gender.MALE, "FULL", "2015-07-01");
		String m2 = TestData.createMember(admin, branch, "矩阵乙", Gender.FEMALE, "FULL", "2015-07-01");
		String mob1 = mobility(admin, m1);
		String mob2 = mobility(admin, m2);
		Map<String, Object> meeting = new HashMap<>();
		meeting.put("type", "BRANCH_ASSEMBLY");
		meeting.put("heldOn", LocalDate.now(COUNTY).minusDays(1).toString());
		meeting.put("theme", "矩阵测试");
		meeting.put("attendance", List.of(Map.of("memberId", m1, "status", "PRESENT"),
				Map.of("memberId", m2, "status", "ABSENT")));
		Api.Response held = admin.post("/api/organizations/" + branch + "/meetings", meeting);
		assertThat(held.status()).as(held.body()).isEqualTo(201);
		Api.Response file = admin.postMultipart("/api/meetings/" + held.text("id") + "/files", "纪要.pdf",
				"application/pdf", "%PDF-1.4 matrix".getBytes());
		assertThat(file.status()).as(file.body()).isEqualTo(201);
		String month = YearMonth.now(COUNTY).toString();
		String c1 = claim(admin, m1, item, month);
		String c2 = claim(admin, m2, item, month);
		Api.Response exemption = admin.post("/api/organizations/" + branch + "/themed-day-exemptions",
				Map.of("month", month, "reason", "矩阵测试免责"));
		assertThat(exemption.status()).as(exemption.body()).isEqualTo(201);
		Api.Response office = admin.post("/api/organizations/" + branch + "/offices",
				Map.of("memberId", m1, "office", "COMMITTEE_MEMBER", "startedOn", "2020-01-01"));
		assertThat(office.status()).as(office.body()).isEqualTo(201);
		Api.Response standard = admin.put("/api/star-standards?year=" + STAR_YEAR + "&field=RURAL",
				Map.of("items", List.of(Map.of("code", "ALL", "name", "综合", "points", 100))));
		assertThat(standard.status()).as(standard.body()).isEqualTo(200);
		Api.Response star = admin.post("/api/organizations/" + branch + "/star-assessments",
				Map.of("year", STAR_YEAR, "scores", Map.of("ALL", 80)));
		assertThat(star.status()).as(star.body()).isEqualTo(201);
		Api.Response development = admin.post("/api/development-records", Map.of("name", "矩阵申请人", "gender", "MALE",
				"idNumber", TestData.idNumber(Gender.MALE), "organizationId", branch, "appliedOn", "2024-01-10"));
		assertThat(development.status()).as(development.body()).isEqualTo(201);
		return new Objects(branch, m1, m2, held.text("id"), file.text("id"), c1, c2, exemption.text("id"), mob1, mob2,
				town, office.text("id"), star.text("id"), development.text("id"));
	}

	private String mobility(Api admin, String member) {
		Api.Response r = admin.post("/api/members/" + member + "/mobility",
				Map.of("destination", "浙江省杭州市", "startedOn", LocalDate.now(COUNTY).minusMonths(2).toString()));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	private String claim(Api admin, String member, String item, String month) {
		Api.Response r = admin.post("/api/members/" + member + "/point-claims",
				Map.of("month", month, "itemCode", item, "note", "矩阵测试申报"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void noEndpointAnswers2xxOutsideTheCallersScopeOr5xxAnywhere() {
		List<Endpoint> table = routeTable();
		List<String> unknown = table.stream().map(Endpoint::key).filter(k -> !ENDPOINTS.containsKey(k)).sorted().toList();
		assertThat(unknown).as("endpoints without an entry in the authorization matrix").isEmpty();

		Api admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		String code = "MX_" + System.nanoTime() % 100_000_000L;
		assertThat(admin.post("/api/point-items", Map.of("code", code, "name", "矩阵项目", "points", 1)).status())
			.isEqualTo(201);
		Objects a = township(admin, root, code);
		Objects b = township(admin, root, code);
		String townA = a.town();

		Map<String, Api> callers = new LinkedHashMap<>();
		Map<String, Side> inside = new LinkedHashMap<>();
		Map<String, Side> outside = new LinkedHashMap<>();
		for (String role : ROLES) {
			Api api;
			if (role.equals("COUNTY_ADMIN")) {
				api = admin;
			}
			else {
				String org = switch (role) {
					case "TOWNSHIP_ADMIN", "CADRE", "INSPECTOR" -> townA;
					default -> a.org();
				};
				String user = TestData.unique("mx").replace("-", "");
				Map<String, Object> body = new HashMap<>();
				body.put("username", user);
				body.put("password", PASSWORD);
				body.put("role", role);
				body.put("organizationId", org);
				body.put("memberId", role.equals("MEMBER") ? a.member() : null);
				Api.Response created = admin.post("/api/accounts", body);
				assertThat(created.status()).as(created.body()).isEqualTo(201);
				api = Api.login(port, user, PASSWORD);
			}
			callers.put(role, api);
			inside.put(role, a.side());
			if (role.equals("COUNTY_ADMIN")) {
				String none = "987654321012";
				outside.put(role, new Side(Map.of("org", none, "member", none, "meeting", none, "file", none, "claim",
						none, "exemption", none, "mobility", none, "office", none, "starAssessment", none,
						"developmentRecord", none)));
			}
			else if (role.equals("MEMBER")) {
				// a member's scope is themself: its branch's meeting records and its neighbour are outside
				outside.put(role, new Side(Map.of("org", b.org(), "member", a.otherMember(), "meeting", a.meeting(),
						"file", a.file(), "claim", a.otherClaim(), "exemption", a.exemption(), "mobility",
						a.otherMobility(), "office", a.office(), "starAssessment", a.starAssessment(),
						"developmentRecord", a.developmentRecord())));
			}
			else {
				outside.put(role, b.side());
			}
		}

		List<String> leaks = new ArrayList<>();
		List<String> errors = new ArrayList<>();
		int cases = 0;
		// outside first, so nothing done inside (an approval, a deletion) changes what outside means
		for (boolean in : new boolean[] { false, true }) {
			for (Endpoint ep : table) {
				String template = ENDPOINTS.get(ep.key());
				boolean filtered = template != null && template.startsWith(FILTERED);
				if (filtered) {
					template = template.substring(FILTERED.length());
				}
				if (template == null && !in) {
					continue;
				}
				if (ep.key().equals("DELETE /api/auth/token") || ep.key().equals("POST /api/account/password")) {
					// would end the caller's own token; covered by LoginHardeningApiTests
					continue;
				}
				for (String role : ROLES) {
					String url = template == null ? ep.pattern().replaceAll("\\{[^}]+}", "987654321012")
							: (in ? inside : outside).get(role).url(template);
					Api.Response r = send(callers.get(role), ep, url);
					cases++;
					String line = role + " " + (in ? "inside " : "outside ") + ep.method() + " " + url + " → " + r.status()
							+ " " + r.body().substring(0, Math.min(160, r.body().length()));
					if (r.status() >= 500) {
						errors.add(line);
					}
					boolean emptyList = filtered && r.status() == 200 && r.json().get("total").asInt() == 0;
					if (!in && r.status() >= 200 && r.status() < 300 && !emptyList) {
						leaks.add(line);
					}
				}
			}
		}
		System.out.println("authorization matrix: " + table.size() + " endpoints, " + cases + " cases, " + leaks.size()
				+ " leaks, " + errors.size() + " 5xx");
		assertThat(leaks).as("2xx outside the caller's scope").isEmpty();
		assertThat(errors).as("5xx").isEmpty();
		assertThat(new TreeSet<>(ENDPOINTS.keySet())).as("matrix entries without an endpoint")
			.isSubsetOf(table.stream().map(Endpoint::key).toList());
	}

	private static Api.Response send(Api api, Endpoint ep, String url) {
		return switch (ep.method()) {
			case "GET" -> api.get(url);
			case "DELETE" -> api.delete(url);
			case "PUT" -> api.put(url, Map.of());
			case "PATCH" -> api.patch(url, Map.of());
			default -> ep.multipart() || url.contains("/files")
					? api.postMultipart(url, "x.pdf", "application/pdf", "%PDF-1.4 matrix".getBytes())
					: api.post(url, Map.of());
		};
	}
}
