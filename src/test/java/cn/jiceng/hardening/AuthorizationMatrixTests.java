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
 * <p>Placeholders: {account} a member account of the branch, {household}, {errand}, {org} a branch, {member}, {meeting}, {file}, {claim}, {exemption}, {office}, {mobility} (with its member as
 * {member}), {inspection} (a published round ranking the branch) and {interview} (its secretary's). For a member account the outside objects include its own branch's meeting records and another member
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
		e("GET /api/accounts/{id}", "/api/accounts/{account}");
		e("PATCH /api/accounts/{id}", "/api/accounts/{account}");
		e("POST /api/accounts/{id}/password-reset", "/api/accounts/{account}/password-reset");
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
		e("GET /api/organizations/{id}/commendations", "/api/organizations/{org}/commendations?year=" + STAR_YEAR);
		// cadre contact appraisal ("树根") and members' democratic appraisal
		e("PUT /api/members/{id}/cadre-appraisals/{year}", "/api/members/{member}/cadre-appraisals/" + STAR_YEAR);
		e("GET /api/members/{id}/cadre-appraisals", "/api/members/{member}/cadre-appraisals");
		e("GET /api/organizations/{id}/cadre-appraisals", "/api/organizations/{org}/cadre-appraisals?year=" + STAR_YEAR);
		e("PUT /api/members/{id}/democratic-appraisal/{year}", "/api/members/{member}/democratic-appraisal/" + STAR_YEAR);
		e("GET /api/organizations/{id}/democratic-appraisals",
				"/api/organizations/{org}/democratic-appraisals?year=" + STAR_YEAR);
		// inspection rankings and secretary appraisals: rounds in scope are filtered, not named
		e("GET /api/inspections", null);
		e("POST /api/inspections", null);
		e("GET /api/inspections/{id}", "/api/inspections/{inspection}");
		e("PUT /api/inspections/{id}/scores", "/api/inspections/{inspection}/scores");
		e("POST /api/inspections/{id}/publish", "/api/inspections/{inspection}/publish");
		e("GET /api/inspections/{id}/ranking", "/api/inspections/{inspection}/ranking");
		e("GET /api/inspections/{id}/bulletin.pdf", "/api/inspections/{inspection}/bulletin.pdf");
		e("GET /api/inspections/{id}/ranking.xlsx", "/api/inspections/{inspection}/ranking.xlsx");
		e("POST /api/interviews/{id}/held", "/api/interviews/{interview}/held");
		e("GET /api/organizations/{id}/interviews", "/api/organizations/{org}/interviews?year=" + STAR_YEAR);
		e("PUT /api/organizations/{id}/secretary-appraisal", "/api/organizations/{org}/secretary-appraisal?year=" + STAR_YEAR);
		e("POST /api/organizations/{id}/secretary-appraisals/finalize",
				"/api/organizations/{org}/secretary-appraisals/finalize?year=" + STAR_YEAR);
		e("GET /api/organizations/{id}/secretary-appraisals",
				"/api/organizations/{org}/secretary-appraisals?year=" + STAR_YEAR);
		e("GET /api/organizations/{id}/secretary-appraisals.xlsx",
				"/api/organizations/{org}/secretary-appraisals.xlsx?year=" + STAR_YEAR);
		// responsibility and supervision: the notice names its targets in the body (scope checked in ProblemApiTests)
		e("POST /api/rectification-notices", null);
		e("GET /api/organizations/{id}/problems", "/api/organizations/{org}/problems");
		e("GET /api/problems/{id}", "/api/problems/{problem}");
		e("POST /api/problems/{id}/follow-ups", "/api/problems/{problem}/follow-ups");
		e("POST /api/problems/{id}/files", "/api/problems/{problem}/files");
		e("GET /api/problems/{id}/files", "/api/problems/{problem}/files");
		e("POST /api/problems/{id}/rectified", "/api/problems/{problem}/rectified");
		e("POST /api/problems/{id}/verify", "/api/problems/{problem}/verify");
		e("GET /api/supervision-files/{id}", "/api/supervision-files/{supervisionFile}");
		e("POST /api/organizations/{id}/duty-lists", "/api/organizations/{org}/duty-lists");
		e("GET /api/organizations/{id}/duty-lists", "/api/organizations/{org}/duty-lists");
		e("GET /api/duty-lists/{id}", "/api/duty-lists/{dutyList}");
		e("POST /api/duty-items/{id}/progress", "/api/duty-items/{dutyItem}/progress");
		e("POST /api/duty-items/{id}/files", "/api/duty-items/{dutyItem}/files");
		// the target is named in the body (scope checked in ContactApiTests)
		e("POST /api/contact-assignments", null);
		e("POST /api/contact-assignments/{id}/activities", "/api/contact-assignments/{contact}/activities");
		e("GET /api/organizations/{id}/contact-assignments", "/api/organizations/{org}/contact-assignments");
		// pairing and micro-wishes (携手联心): {pairing} of an agency branch of the township, {wish} posted on it
		e("POST /api/organizations/{id}/pairings", "/api/organizations/{org}/pairings");
		e("GET /api/organizations/{id}/pairings", "/api/organizations/{org}/pairings");
		e("GET /api/pairings/{id}", "/api/pairings/{pairing}");
		e("POST /api/pairings/{id}/services", "/api/pairings/{pairing}/services");
		e("POST /api/pairings/{id}/difficulties", "/api/pairings/{pairing}/difficulties");
		e("POST /api/pairings/{id}/wishes", "/api/pairings/{pairing}/wishes");
		e("POST /api/wishes/{id}/claim", "/api/wishes/{wish}/claim");
		e("POST /api/wishes/{id}/complete", "/api/wishes/{wish}/complete");
		// weak-and-lax: the confirmation names its organization in the body (scope checked in WeakLaxApiTests)
		e("GET /api/organizations/{id}/weak-and-lax/candidates", "/api/organizations/{org}/weak-and-lax/candidates");
		e("POST /api/weak-and-lax", null);
		e("GET /api/weak-and-lax/{id}", "/api/weak-and-lax/{weakLax}");
		e("POST /api/weak-and-lax/{id}/measures", "/api/weak-and-lax/{weakLax}/measures");
		e("POST /api/weak-and-lax/{id}/advance", "/api/weak-and-lax/{weakLax}/advance");
		e("GET /api/organizations/{id}/weak-and-lax", "/api/organizations/{org}/weak-and-lax");
		e("GET /api/organizations/{id}/weak-and-lax.xlsx", "/api/organizations/{org}/weak-and-lax.xlsx");
		// mass work: households, visits, errands
		e("POST /api/organizations/{id}/households", "/api/organizations/{org}/households");
		e("GET /api/organizations/{id}/households", "/api/organizations/{org}/households");
		e("GET /api/organizations/{id}/households/import-template", "/api/organizations/{org}/households/import-template");
		e("POST /api/organizations/{id}/households/import", "/api/organizations/{org}/households/import");
		e("GET /api/organizations/{id}/households/export", "/api/organizations/{org}/households/export");
		e("POST /api/households/{id}/visits", "/api/households/{household}/visits");
		e("GET /api/households/{id}/visits", "/api/households/{household}/visits");
		e("GET /api/organizations/{id}/visit-coverage", "/api/organizations/{org}/visit-coverage");
		e("POST /api/organizations/{id}/errands", "/api/organizations/{org}/errands");
		e("GET /api/organizations/{id}/errands", "/api/organizations/{org}/errands");
		e("GET /api/errands/{id}", "/api/errands/{errand}");
		e("POST /api/errands/{id}/complete", "/api/errands/{errand}/complete");
		e("POST /api/errands/{id}/defer", "/api/errands/{errand}/defer");
		e("POST /api/errands/{id}/feedback", "/api/errands/{errand}/feedback");
		e("GET /api/organizations/{id}/mass-work", "/api/organizations/{org}/mass-work");
		e("POST /api/organizations/{id}/decisions", "/api/organizations/{org}/decisions");
		e("GET /api/organizations/{id}/decisions", "/api/organizations/{org}/decisions");
		e("POST /api/decisions/{id}/steps", "/api/decisions/{decision}/steps");
		e("GET /api/decisions/{id}", "/api/decisions/{decision}");
		e("GET /api/decisions/{id}/record.pdf", "/api/decisions/{decision}/record.pdf");
		e("POST /api/organizations/{id}/village-bodies", "/api/organizations/{org}/village-bodies");
		e("GET /api/organizations/{id}/village-bodies", "/api/organizations/{org}/village-bodies");
		e("PATCH /api/village-bodies/{id}", "/api/village-bodies/{villageBody}");
		e("POST /api/members/{id}/commitments", "/api/members/{member}/commitments");
		e("GET /api/members/{id}/commitments", "/api/members/{member}/commitments");
		e("POST /api/organizations/{id}/duty-roster", "/api/organizations/{org}/duty-roster");
		e("GET /api/organizations/{id}/duty-roster", "/api/organizations/{org}/duty-roster");
		e("POST /api/organizations/{id}/weekly-meetings", "/api/organizations/{org}/weekly-meetings");
		e("GET /api/organizations/{id}/weekly-meetings", "/api/organizations/{org}/weekly-meetings");
		e("GET /api/organizations/{id}/governance-135", "/api/organizations/{org}/governance-135");
		e("GET /api/organizations/{id}/governance-135/villages", "/api/organizations/{org}/governance-135/villages");
		e("GET /api/organizations/{id}/governance-135/villages.xlsx",
				"/api/organizations/{org}/governance-135/villages.xlsx");
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
		// command center
		e("GET /api/organizations/{id}/dashboard", "/api/organizations/{org}/dashboard?month=2020-06");
		e("GET /api/organizations/{id}/bulletin.pdf", "/api/organizations/{org}/bulletin.pdf?month=2020-06");
		// learning, publicity and care
		e("POST /api/organizations/{id}/care-fund/contributions", "/api/organizations/{org}/care-fund/contributions");
		e("POST /api/organizations/{id}/care-fund/disbursements", "/api/organizations/{org}/care-fund/disbursements");
		e("GET /api/organizations/{id}/care-fund", "/api/organizations/{org}/care-fund");
		e("GET /api/organizations/{id}/care-fund/ledger.xlsx", "/api/organizations/{org}/care-fund/ledger.xlsx");
		e("POST /api/organizations/{id}/study-sessions", "/api/organizations/{org}/study-sessions");
		e("GET /api/organizations/{id}/study-sessions", "/api/organizations/{org}/study-sessions");
		e("GET /api/organizations/{id}/study-gaps", "/api/organizations/{org}/study-gaps");
		e("GET /api/organizations/{id}/cross-lectures", "/api/organizations/{org}/cross-lectures");
		e("PUT /api/members/{id}/study-needs", "/api/members/{member}/study-needs");
		e("GET /api/members/{id}/study-needs", "/api/members/{member}/study-needs");
		e("POST /api/members/{id}/home-deliveries", "/api/members/{member}/home-deliveries");
		e("GET /api/organizations/{id}/home-delivery-gaps", "/api/organizations/{org}/home-delivery-gaps");
		// the host organization is named in the body: its scope is checked in StudyApiTests
		e("POST /api/cross-lectures", null);
		e("POST /api/organizations/{id}/stories", "/api/organizations/{org}/stories");
		e("GET /api/organizations/{id}/stories", "/api/organizations/{org}/stories");
		e("GET /api/organizations/{id}/story-gaps", "/api/organizations/{org}/story-gaps");
		e("GET /api/organizations/{id}/stories/booklet.pdf", "/api/organizations/{org}/stories/booklet.pdf");
		// a story's scope is its organization's: checked in StoryApiTests (anotherTownshipSeesNoneOfTheStories)
		e("GET /api/stories/{id}", null);
		e("GET /api/stories/{id}/photo", null);
		e("POST /api/stories/{id}/files", null);
		e("POST /api/stories/{id}/compile", null);
		e("POST /api/stories/{id}/select", null);
		e("POST /api/organizations/{id}/study-materials", "/api/organizations/{org}/study-materials");
		e("GET /api/organizations/{id}/study-materials", "/api/organizations/{org}/study-materials");
		// a material's scope is its organization's, and it reaches the accounts below it: StudyMaterialApiTests
		e("GET /api/study-materials/{id}", null);
		e("GET /api/study-materials/{id}/large-print.pdf", null);
		e("POST /api/study-materials/{id}/audio", null);
		e("GET /api/study-material-audio/{id}", null);
		e("DELETE /api/study-material-audio/{id}", null);
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
			String starAssessment, String inspection, String interview, Map<String, String> extra, String account) {


		Side side() {
			Map<String, String> values = new HashMap<>(Map.of("org", org, "member", member, "meeting", meeting, "file", file,
					"claim", claim, "exemption", exemption, "mobility", mobility, "office", office, "starAssessment",
					starAssessment));
			values.put("inspection", inspection);
			values.put("interview", interview);
			values.putAll(extra);
			values.put("account", account);
			return new Side(values);
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
		String[] inspection = inspection(admin, branch, m1);
		Map<String, Object> account = new HashMap<>();
		account.put("username", TestData.unique("mxacc").replace("-", ""));
		account.put("password", PASSWORD);
		account.put("role", "MEMBER");
		account.put("organizationId", branch);
		account.put("memberId", m2);
		Api.Response acc = admin.post("/api/accounts", account);
		assertThat(acc.status()).as(acc.body()).isEqualTo(201);
		// the records of later modules, each under its placeholder
		Map<String, String> extra = new HashMap<>(supervision(admin, branch, m2));
		Api.Response household = admin.post("/api/organizations/" + branch + "/households",
				Map.of("head", "矩阵户", "address", "一组1号"));
		assertThat(household.status()).as(household.body()).isEqualTo(201);
		Api.Response errand = admin.post("/api/organizations/" + branch + "/errands", Map.of("requester", "矩阵群众",
				"content", "代办", "receivedAt", "2020-01-06T09:00:00+08:00"));
		assertThat(errand.status()).as(errand.body()).isEqualTo(201);
		extra.put("household", household.text("id"));
		extra.put("errand", errand.text("id"));
		Api.Response decision = admin.post("/api/organizations/" + branch + "/decisions",
				Map.of("title", "矩阵决策", "category", "OTHER"));
		assertThat(decision.status()).as(decision.body()).isEqualTo(201);
		extra.put("decision", decision.text("id"));
		Api.Response body = admin.post("/api/organizations/" + branch + "/village-bodies",
				Map.of("kind", "VILLAGE_COMMITTEE", "memberNames", List.of("矩阵主任")));
		assertThat(body.status()).as(body.body()).isEqualTo(201);
		extra.put("villageBody", body.text("id"));
		Api.Response development = admin.post("/api/development-records", Map.of("name", "矩阵申请人", "gender", "MALE",
				"idNumber", TestData.idNumber(Gender.MALE), "organizationId", branch, "appliedOn", "2024-01-10"));
		assertThat(development.status()).as(development.body()).isEqualTo(201);
		extra.put("developmentRecord", development.text("id"));
		extra.putAll(pairing(admin, town));
		Api.Response weakLax = admin.post("/api/weak-and-lax", Map.of("year", LocalDate.now(COUNTY).getYear() - 1,
				"organizationId", branch, "criteria", List.of(Map.of("code", "MANUAL", "note", "矩阵认定")),
				"countyLeaderMemberId", m1, "townshipSecretaryMemberId", m1, "residentCadreMemberId", m1));
		assertThat(weakLax.status()).as(weakLax.body()).isEqualTo(201);
		extra.put("weakLax", weakLax.text("id"));
		return new Objects(branch, m1, m2, held.text("id"), file.text("id"), c1, c2, exemption.text("id"), mob1, mob2,
				town, office.text("id"), star.text("id"), inspection[0], inspection[1], extra, acc.text("id"));
	}

	/** A problem assigned to the branch with an evidence file, and a duty list of the branch with one item. */
	private Map<String, String> supervision(Api admin, String branch, String member) {
		String today = LocalDate.now(COUNTY).toString();
		Api.Response notice = admin.post("/api/rectification-notices", Map.of("title", "矩阵整改通知", "issuedOn", today,
				"problems", List.of(Map.of("organizationId", branch, "description", "矩阵问题", "dueOn", today))));
		assertThat(notice.status()).as(notice.body()).isEqualTo(201);
		String problem = notice.json().get("problems").get(0).get("id").asText();
		Api.Response evidence = admin.postMultipart("/api/problems/" + problem + "/files", "整改.pdf", "application/pdf",
				"%PDF-1.4 matrix".getBytes());
		assertThat(evidence.status()).as(evidence.body()).isEqualTo(201);
		Api.Response list = admin.post("/api/organizations/" + branch + "/duty-lists", Map.of("year",
				LocalDate.now(COUNTY).getYear(), "kind", "ORGANIZATION", "items", List.of(Map.of("title", "矩阵事项",
						"dueOn", today))));
		assertThat(list.status()).as(list.body()).isEqualTo(201);
		Api.Response contact = admin.post("/api/contact-assignments", Map.of("kind", "TOWNSHIP_MEMBER_TO_BRANCH",
				"memberId", member, "organizationId", branch, "startedOn", "2020-01-01"));
		assertThat(contact.status()).as(contact.body()).isEqualTo(201);
		return Map.of("problem", problem, "supervisionFile", evidence.text("id"), "dutyList", list.text("id"),
				"dutyItem", list.json().get("items").get(0).get("id").asText(), "contact", contact.text("id"));
	}

	/** A pairing of an agency branch of the township with a posted micro-wish. */
	private Map<String, String> pairing(Api admin, String town) {
		String agency = TestData.createOrg(admin, town, "BRANCH", "AGENCY", TestData.unique("矩阵机关支部"));
		Api.Response pairing = admin.post("/api/organizations/" + agency + "/pairings",
				Map.of("siteName", "矩阵照料中心", "startedOn", "2020-01-01"));
		assertThat(pairing.status()).as(pairing.body()).isEqualTo(201);
		Api.Response wish = admin.post("/api/pairings/" + pairing.text("id") + "/wishes",
				Map.of("postedOn", "2020-02-01", "content", "矩阵微心愿"));
		assertThat(wish.status()).as(wish.body()).isEqualTo(201);
		return Map.of("pairing", pairing.text("id"), "wish", wish.text("id"));
	}

	/** A published round ranking the branch alone, its secretary interviewed: the round's id and the interview's. */
	private String[] inspection(Api admin, String branch, String secretary) {
		Api.Response sec = admin.post("/api/organizations/" + branch + "/offices",
				Map.of("memberId", secretary, "office", "SECRETARY", "startedOn", "2020-01-01"));
		assertThat(sec.status()).as(sec.body()).isEqualTo(201);
		Api.Response round = admin.post("/api/inspections", Map.of("name", "矩阵专题赛", "kind", "THEMATIC", "heldOn",
				"2024-06-01", "organizationIds", List.of(branch), "items",
				List.of(Map.of("code", "ALL", "name", "综合", "points", 100))));
		assertThat(round.status()).as(round.body()).isEqualTo(201);
		String id = round.text("id");
		assertThat(admin.put("/api/inspections/" + id + "/scores", Map.of("scores",
				List.of(Map.of("organizationId", branch, "itemCode", "ALL", "points", 50)))).status()).isEqualTo(200);
		Api.Response published = admin.post("/api/inspections/" + id + "/publish", Map.of());
		assertThat(published.status()).as(published.body()).isEqualTo(200);
		return new String[] { id, published.json().get("interviews").get(0).get("id").asText() };
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
				Map<String, String> values = new HashMap<>(Map.of("org", none, "member", none, "meeting", none, "file",
						none, "claim", none, "exemption", none, "mobility", none, "office", none, "starAssessment", none));
				values.put("inspection", none);
				values.put("interview", none);
				a.extra().keySet().forEach(k -> values.put(k, none));
				values.put("account", none);
				outside.put(role, new Side(values));
			}
			else if (role.equals("MEMBER")) {
				// a member's scope is themself: its branch's meeting records and its neighbour are outside
				Map<String, String> values = new HashMap<>(Map.of("org", b.org(), "member", a.otherMember(), "meeting",
						a.meeting(), "file", a.file(), "claim", a.otherClaim(), "exemption", a.exemption(), "mobility",
						a.otherMobility(), "office", a.office(), "starAssessment", a.starAssessment()));
				values.put("inspection", a.inspection());
				values.put("interview", a.interview());
				// the branch's problems, lists, households and errands are the branch's records, not the member's
				values.putAll(a.extra());
				values.put("account", a.account());
				outside.put(role, new Side(values));
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
