package cn.jiceng.development;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Membership development": the record book from application to full member, every refusal, the plan. */
@ApiTest
class DevelopmentApiTests {

	@LocalServerPort
	int port;

	@Autowired
	DevelopmentWarningJob job;

	@Autowired
	DevelopmentFigures figures;

	Api admin;

	String town;

	String branch;

	String contactA;

	String contactB;

	Api township;

	Api secretary;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("发展镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("发展支部"));
		contactA = TestData.createMember(admin, branch, "联系甲", Gender.MALE, "FULL", "2010-05-01");
		contactB = TestData.createMember(admin, branch, "联系乙", Gender.FEMALE, "FULL", "2011-05-01");
		township = account("TOWNSHIP_ADMIN", town);
		secretary = account("BRANCH_SECRETARY", branch);
	}

	Api account(String role, String org) {
		String user = TestData.unique("dv").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Develop-Pass-1");
		body.put("role", role);
		body.put("organizationId", org);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Develop-Pass-1");
	}

	Api.Response create(String idNumber, String appliedOn) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", "申请人");
		body.put("gender", "MALE");
		body.put("idNumber", idNumber);
		body.put("organizationId", branch);
		body.put("appliedOn", appliedOn);
		return secretary.post("/api/development-records", body);
	}

	String record() {
		Api.Response r = create(TestData.idNumber(Gender.MALE), "2023-01-10");
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	/** The dates of the steps a walk records, in order. */
	static final Map<DevelopmentStep, String> DATES = new LinkedHashMap<>();

	static {
		String[] d = { "2023-01-20", "2023-03-01", "2023-03-05", "2023-03-10", "2023-09-01", "2024-03-01", "2024-03-05",
				"2024-03-10", "2024-04-01", "2024-04-10", "2024-05-01", "2024-05-10", "2024-05-20", "2024-06-01",
				"2024-06-10", "2024-06-20", "2024-06-25", "2024-06-26", "2024-07-01", "2024-12-01", "2025-05-20",
				"2025-06-01", "2025-06-15", "2025-06-20" };
		List<DevelopmentStep> steps = DevelopmentStep.numberedSteps();
		for (int i = 1; i < steps.size(); i++) {
			if (steps.get(i) == DevelopmentStep.ACTIVIST) {
				DATES.put(DevelopmentStep.ACTIVIST_PUBLICITY, "2023-02-01"); // to 2023-02-08: six working days
			}
			if (steps.get(i) == DevelopmentStep.CANDIDATE) {
				DATES.put(DevelopmentStep.CANDIDATE_PUBLICITY, "2024-02-01"); // to 2024-02-08: six working days
			}
			if (steps.get(i) == DevelopmentStep.ACCEPTANCE_VOTE) {
				DATES.put(DevelopmentStep.PUBLICITY, "2024-05-21"); // to 2024-05-28: six working days
			}
			if (steps.get(i) == DevelopmentStep.CONVERSION_VOTE) {
				DATES.put(DevelopmentStep.CONVERSION_PUBLICITY, "2025-05-21"); // to 2025-05-28: six working days
			}
			DATES.put(steps.get(i), d[i - 1]);
		}
	}

	Map<String, Object> body(DevelopmentStep step) {
		Map<String, Object> b = new HashMap<>();
		b.put("step", step.name());
		b.put("on", DATES.get(step));
		switch (step) {
			case CONTACTS_ASSIGNED -> b.put("memberIds", List.of(contactA));
			case INTRODUCERS -> b.put("memberIds", List.of(contactA, contactB));
			case POLITICAL_REVIEW -> b.put("conclusion", "PASSED");
			case TRAINING -> b.put("hours", 32);
			case ACTIVIST_PUBLICITY, CANDIDATE_PUBLICITY, PUBLICITY, CONVERSION_PUBLICITY -> {
				b.put("place", "村党群服务中心公示栏");
				b.put("endsOn", LocalDate.parse(DATES.get(step)).plusDays(7).toString());
			}
			case ACCEPTANCE_VOTE, CONVERSION_VOTE -> {
				b.put("entitled", 9);
				b.put("entitledFull", 8);
				b.put("present", 7);
				b.put("yes", 7);
			}
			default -> {
			}
		}
		return b;
	}

	Api.Response step(String id, DevelopmentStep step) {
		Api api = step.higherCommittee() ? township : secretary;
		return api.post("/api/development-records/" + id + "/steps", body(step));
	}

	/** Records every step after the application up to and including {@code last}. */
	JsonNode walk(String id, DevelopmentStep last) {
		JsonNode record = secretary.get("/api/development-records/" + id).json();
		java.util.Set<String> done = new java.util.HashSet<>();
		record.get("steps").forEach(n -> done.add(n.get("step").asText()));
		for (DevelopmentStep s : DATES.keySet()) {
			if (done.contains(s.name())) {
				if (s == last) {
					break;
				}
				continue;
			}
			Api.Response r = step(id, s);
			assertThat(r.status()).as(s + ": " + r.body()).isEqualTo(201);
			record = r.json();
			if (s == last) {
				break;
			}
		}
		return record;
	}

	@Test
	void onePersonGoesFromApplicationToFullMemberAndJoinsTheRoll() {
		String id = record();
		JsonNode created = secretary.get("/api/development-records/" + id).json();
		assertThat(created.get("stage").asText()).isEqualTo("APPLICANT");
		assertThat(created.get("nextStep").asText()).isEqualTo("TALK");
		assertThat(created.get("steps").get(0).get("step").asText()).isEqualTo("APPLICATION");
		assertThat(created.get("memberId").isNull()).isTrue();

		JsonNode activist = walk(id, DevelopmentStep.CONTACTS_ASSIGNED);
		assertThat(activist.get("stage").asText()).isEqualTo("ACTIVIST");
		assertThat(activist.get("nextStep").asText()).isEqualTo("ACTIVIST_ASSESSMENT");

		JsonNode accepted = walk(id, DevelopmentStep.ACCEPTANCE_APPROVAL);
		assertThat(accepted.get("stage").asText()).isEqualTo("PROBATIONARY");
		assertThat(accepted.get("probationEndsOn").asText()).isEqualTo("2025-06-01");
		String memberId = accepted.get("memberId").asText();
		JsonNode member = admin.get("/api/members/" + memberId).json();
		assertThat(member.get("category").asText()).isEqualTo("PROBATIONARY");
		assertThat(member.get("joinedOn").asText()).isEqualTo("2024-06-01");
		assertThat(member.get("organizationId").asText()).isEqualTo(branch);

		JsonNode full = walk(id, DevelopmentStep.ARCHIVED);
		assertThat(full.get("stage").asText()).isEqualTo("FULL");
		assertThat(full.get("nextStep").isNull()).isTrue();
		assertThat(full.get("steps")).hasSize(29);
		assertThat(full.get("steps").get(16).get("place").asText()).isEqualTo("村党群服务中心公示栏");
		assertThat(full.get("steps")).extracting(n -> n.get("step").asText()).containsSubsequence("TALK",
				"ACTIVIST_PUBLICITY", "ACTIVIST", "ACTIVIST_ASSESSMENT", "CANDIDATE_PUBLICITY", "CANDIDATE",
				"CONVERSION_APPLICATION", "CONVERSION_PUBLICITY", "CONVERSION_VOTE");
		JsonNode vote = full.get("steps").get(17);
		assertThat(vote.get("step").asText()).isEqualTo("ACCEPTANCE_VOTE");
		assertThat(vote.get("yes").asInt()).isEqualTo(7);
		assertThat(vote.get("recordedBy").asText()).isNotBlank();
		JsonNode converted = admin.get("/api/members/" + memberId).json();
		assertThat(converted.get("category").asText()).isEqualTo("FULL");
		assertThat(converted.get("fullMemberOn").asText()).isEqualTo("2025-06-01");

		Api.Response plan = township.put("/api/organizations/" + town + "/development-plan?year=2024", Map.of("quota", 3));
		assertThat(plan.status()).as(plan.body()).isEqualTo(200);
		JsonNode read = township.get("/api/organizations/" + town + "/development-plan?year=2024").json();
		assertThat(read.get("quota").asInt()).isEqualTo(3);
		assertThat(read.get("accepted").asInt()).isEqualTo(1);
		assertThat(township.get("/api/organizations/" + town + "/development-plan?year=2025").json().get("accepted")
			.asInt()).isZero();

		Api.Response pdf = secretary.get("/api/development-records/" + id + "/book.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target", "development-book.pdf"), pdf.bytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void anApplicantUnderEighteenOrAlreadyKnownIsRefused() {
		String young = cn.jiceng.member.IdNumber.generate("330211", LocalDate.of(2008, 3, 15), 11, Gender.MALE);
		Api.Response under = create(young, "2026-03-14");
		assertThat(under.status()).as(under.body()).isEqualTo(422);
		assertThat(under.text("detail")).contains("未满18周岁");

		String onRoll = admin.get("/api/members/" + contactA).text("idNumber");
		assertThat(create(onRoll, "2023-01-10").status()).isEqualTo(409);

		String idNumber = TestData.idNumber(Gender.MALE);
		assertThat(create(idNumber, "2023-01-10").status()).isEqualTo(201);
		assertThat(create(idNumber, "2023-02-10").status()).isEqualTo(409);

		Map<String, Object> atTown = new HashMap<>();
		atTown.put("name", "申请人");
		atTown.put("gender", "MALE");
		atTown.put("idNumber", TestData.idNumber(Gender.MALE));
		atTown.put("organizationId", town);
		atTown.put("appliedOn", "2023-01-10");
		assertThat(admin.post("/api/development-records", atTown).status()).isEqualTo(400);
		assertThat(secretary.post("/api/development-records", Map.of("gender", "MALE")).status()).isEqualTo(400);
	}

	@Test
	void everyHardRuleIsRefusedWithItsReasonAndNothingIsSaved() {
		String id = record();
		Api.Response early = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "ACTIVIST", "on", "2023-02-01"));
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.text("detail")).contains("党组织派人谈话");
		Api.Response before = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "TALK", "on", "2023-01-09"));
		assertThat(before.status()).isEqualTo(422);

		walk(id, DevelopmentStep.ACTIVIST_FILED);
		Api.Response outsider = secretary.post("/api/development-records/" + id + "/steps", Map.of("step",
				"CONTACTS_ASSIGNED", "on", "2023-03-10", "memberIds", List.of(otherBranchMember())));
		assertThat(outsider.status()).isEqualTo(422);
		assertThat(outsider.text("detail")).contains("本支部");
		walk(id, DevelopmentStep.CANDIDATE_PUBLICITY);

		Api.Response candidate = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "CANDIDATE", "on", "2024-02-29"));
		assertThat(candidate.status()).isEqualTo(422);
		assertThat(candidate.text("detail")).contains("满12个月");
		walk(id, DevelopmentStep.CANDIDATE_FILED);

		Api.Response one = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "INTRODUCERS", "on", "2024-03-10", "memberIds", List.of(contactA)));
		assertThat(one.status()).isEqualTo(422);
		assertThat(one.text("detail")).contains("2名");
		walk(id, DevelopmentStep.INTRODUCERS);

		Api.Response noConclusion = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "POLITICAL_REVIEW", "on", "2024-04-01"));
		assertThat(noConclusion.status()).isEqualTo(400);
		walk(id, DevelopmentStep.POLITICAL_REVIEW);

		Api.Response shortTraining = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "TRAINING", "on", "2024-04-10", "hours", 20));
		assertThat(shortTraining.status()).isEqualTo(422);
		assertThat(shortTraining.text("detail")).contains("24学时");
		walk(id, DevelopmentStep.COMMITTEE_REVIEW);

		Api.Response preReview = secretary.post("/api/development-records/" + id + "/steps", body(DevelopmentStep.PRE_REVIEW));
		assertThat(preReview.status()).isEqualTo(403);
		walk(id, DevelopmentStep.PUBLICITY);

		int version = secretary.get("/api/development-records/" + id).json().get("version").asInt();
		Map<String, Object> noQuorum = body(DevelopmentStep.ACCEPTANCE_VOTE);
		noQuorum.put("present", 4);
		noQuorum.put("entitled", 8);
		Api.Response quorum = secretary.post("/api/development-records/" + id + "/steps", noQuorum);
		assertThat(quorum.status()).isEqualTo(422);
		assertThat(quorum.text("detail")).contains("半数");
		Map<String, Object> minority = body(DevelopmentStep.ACCEPTANCE_VOTE);
		minority.put("yes", 4);
		Api.Response majority = secretary.post("/api/development-records/" + id + "/steps", minority);
		assertThat(majority.status()).isEqualTo(422);
		assertThat(majority.text("detail")).contains("未通过");
		JsonNode unchanged = secretary.get("/api/development-records/" + id).json();
		assertThat(unchanged.get("version").asInt()).isEqualTo(version);
		assertThat(unchanged.get("nextStep").asText()).isEqualTo("ACCEPTANCE_VOTE");
		walk(id, DevelopmentStep.HIGHER_TALK);

		Api.Response branchApproval = secretary.post("/api/development-records/" + id + "/steps",
				body(DevelopmentStep.ACCEPTANCE_APPROVAL));
		assertThat(branchApproval.status()).isEqualTo(403);
		assertThat(secretary.get("/api/development-records/" + id).json().get("memberId").isNull()).isTrue();
	}

	String otherBranchMember() {
		String other = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("另一支部"));
		return TestData.createMember(admin, other, "外支部", Gender.MALE, "FULL", "2010-01-01");
	}

	@Test
	void afterAFailedReviewNothingFollowsButTheRecordMayBeWithdrawn() {
		String id = record();
		walk(id, DevelopmentStep.INTRODUCERS);
		Api.Response failed = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "POLITICAL_REVIEW", "on", "2024-04-01", "conclusion", "FAILED"));
		assertThat(failed.status()).isEqualTo(201);
		assertThat(failed.json().get("stage").asText()).isEqualTo("CANDIDATE");
		assertThat(failed.json().get("nextStep").isNull()).isTrue();
		assertThat(step(id, DevelopmentStep.TRAINING).status()).isEqualTo(422);
		Api.Response withdrawn = secretary.post("/api/development-records/" + id + "/steps",
				Map.of("step", "WITHDRAWN", "on", "2024-04-02", "reason", "政治审查不合格"));
		assertThat(withdrawn.status()).isEqualTo(201);
		assertThat(withdrawn.json().get("stage").asText()).isEqualTo("CANCELLED");
	}

	Api.Response post(Api api, String id, Map<String, Object> body) {
		return api.post("/api/development-records/" + id + "/steps", body);
	}

	@Test
	void theAcceptanceVoteWaitsForAPublicityOfFiveWorkingDaysAndItsEnd() {
		String id = record();
		walk(id, DevelopmentStep.VOLUNTEER_FORM);
		Map<String, Object> vote = body(DevelopmentStep.ACCEPTANCE_VOTE);
		Api.Response early = post(secretary, id, vote);
		assertThat(early.status()).isEqualTo(422);
		assertThat(early.text("detail")).contains("请先记录公示");
		assertThat(secretary.get("/api/development-records/" + id).text("nextStep")).isEqualTo("PUBLICITY");

		Api.Response shortOne = post(secretary, id,
				Map.of("step", "PUBLICITY", "on", "2024-05-21", "endsOn", "2024-05-24", "place", "公示栏"));
		assertThat(shortOne.status()).isEqualTo(422);
		assertThat(shortOne.text("detail")).contains("不少于5个工作日");
		assertThat(post(secretary, id, Map.of("step", "PUBLICITY", "on", "2024-05-21", "endsOn", "2024-05-28")).status())
			.as("no place").isEqualTo(400);
		Api.Response published = post(secretary, id,
				Map.of("step", "PUBLICITY", "on", "2024-05-21", "endsOn", "2024-05-28", "place", "村党群服务中心公示栏"));
		assertThat(published.status()).as(published.body()).isEqualTo(201);
		assertThat(published.text("nextStep")).isEqualTo("ACCEPTANCE_VOTE");

		vote.put("on", "2024-05-28");
		Api.Response during = post(secretary, id, vote);
		assertThat(during.status()).isEqualTo(422);
		assertThat(during.text("detail")).contains("公示期（2024-05-21至2024-05-28）结束后");
		vote.put("on", "2024-05-29");
		assertThat(post(secretary, id, vote).status()).isEqualTo(201);
		assertThat(secretary.get("/api/development-records/" + id + "/book.pdf").status()).isEqualTo(200);
	}

	@Test
	void anExtensionTakesEffectOnlyWhenTheHigherCommitteeApprovesIt() {
		String id = record();
		walk(id, DevelopmentStep.OATH);
		Api.Response proposed = post(secretary, id,
				Map.of("step", "PROBATION_EXTENDED", "on", "2024-07-02", "months", 6, "reason", "需继续考察"));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		assertThat(proposed.text("probationEndsOn")).isEqualTo("2025-06-01");
		assertThat(proposed.text("pendingApproval")).isEqualTo("EXTENSION_APPROVAL");

		Map<String, Object> approve = new HashMap<>(Map.of("step", "EXTENSION_APPROVAL", "on", "2024-07-10", "approved",
				true, "reason", "经党委会研究同意"));
		assertThat(post(secretary, id, approve).status()).as("the branch cannot approve its own proposal").isEqualTo(403);
		approve.remove("reason");
		assertThat(post(township, id, approve).status()).as("no opinion").isEqualTo(400);
		approve.put("reason", "经党委会研究同意");
		Api.Response approved = post(township, id, approve);
		assertThat(approved.status()).as(approved.body()).isEqualTo(201);
		assertThat(approved.text("probationEndsOn")).isEqualTo("2025-12-01");
		assertThat(approved.json().get("extended").asBoolean()).isTrue();
		assertThat(approved.json().get("pendingApproval").isNull()).isTrue();

		Api.Response again = post(secretary, id, Map.of("step", "PROBATION_EXTENDED", "on", "2024-07-11", "months", 6,
				"reason", "再延长"));
		assertThat(again.status()).isEqualTo(422);
		assertThat(again.text("detail")).contains("只能延长一次");
		Api.Response pdf = secretary.get("/api/development-records/" + id + "/book.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		try {
			java.nio.file.Files.write(java.nio.file.Path.of("target", "development-book-extension.pdf"), pdf.bytes());
		}
		catch (java.io.IOException e) {
			throw new java.io.UncheckedIOException(e);
		}
	}

	@Test
	void twoProposalsAtOnceLeaveOnePendingAndTwoApprovalsOfItDecideItOnce() {
		String id = record();
		walk(id, DevelopmentStep.OATH);
		List<Integer> proposals = Race.run(
				() -> post(secretary, id, Map.of("step", "PROBATION_EXTENDED", "on", "2024-07-02", "months", 6, "reason",
						"需继续考察")).status(),
				() -> post(secretary, id, Map.of("step", "PROBATION_CANCELLED", "on", "2024-07-02", "reason", "严重违纪"))
					.status());
		assertThat(proposals).containsExactlyInAnyOrder(201, 422);
		String pending = secretary.get("/api/development-records/" + id).text("pendingApproval");
		Api otherTownship = account("TOWNSHIP_ADMIN", town);
		Map<String, Object> approve = Map.of("step", pending, "on", "2024-07-10", "approved", true, "reason", "同意");
		List<Integer> approvals = Race.run(() -> post(township, id, approve).status(),
				() -> post(otherTownship, id, approve).status());
		assertThat(approvals).containsExactlyInAnyOrder(201, 422);
		JsonNode after = secretary.get("/api/development-records/" + id).json();
		assertThat(after.get("steps")).extracting(n -> n.get("step").asText()).containsOnlyOnce(pending);
	}

	@Test
	void aCancellationRefusedAboveChangesNothingAndAnApprovedOneTakesTheMemberOffTheRoll() {
		String id = record();
		String memberId = walk(id, DevelopmentStep.OATH).get("memberId").asText();
		assertThat(post(secretary, id, Map.of("step", "PROBATION_CANCELLED", "on", "2024-08-01")).status()).isEqualTo(400);
		Api.Response proposed = post(secretary, id,
				Map.of("step", "PROBATION_CANCELLED", "on", "2024-08-01", "reason", "严重违反纪律"));
		assertThat(proposed.status()).as(proposed.body()).isEqualTo(201);
		assertThat(proposed.text("stage")).isEqualTo("PROBATIONARY");
		assertThat(admin.get("/api/members/" + memberId).text("status")).isEqualTo("NORMAL");

		Api.Response refused = post(township, id, Map.of("step", "CANCELLATION_APPROVAL", "on", "2024-08-05",
				"approved", false, "reason", "情节较轻，不同意取消，请加强教育"));
		assertThat(refused.status()).as(refused.body()).isEqualTo(201);
		assertThat(refused.text("stage")).isEqualTo("PROBATIONARY");
		assertThat(admin.get("/api/members/" + memberId).text("status")).isEqualTo("NORMAL");

		assertThat(post(secretary, id, Map.of("step", "PROBATION_CANCELLED", "on", "2024-09-01", "reason", "再次严重违纪"))
			.status()).isEqualTo(201);
		Api.Response cancelled = post(township, id, Map.of("step", "CANCELLATION_APPROVAL", "on", "2024-09-05",
				"approved", true, "reason", "同意取消预备党员资格"));
		assertThat(cancelled.status()).as(cancelled.body()).isEqualTo(201);
		assertThat(cancelled.text("stage")).isEqualTo("CANCELLED");
		assertThat(cancelled.json().get("nextStep").isNull()).isTrue();
		assertThat(admin.get("/api/members/" + memberId).text("status")).isEqualTo("PROBATION_CANCELLED");
	}

	@Test
	void twoPeopleRecordingTheSameStepAtOnceOneWins() {
		String id = record();
		walk(id, DevelopmentStep.COMMITTEE_REVIEW);
		Api otherTownship = account("TOWNSHIP_ADMIN", town);
		List<Integer> statuses = Race.run(
				() -> township.post("/api/development-records/" + id + "/steps", body(DevelopmentStep.PRE_REVIEW)).status(),
				() -> otherTownship.post("/api/development-records/" + id + "/steps", body(DevelopmentStep.PRE_REVIEW))
					.status());
		assertThat(statuses).containsExactlyInAnyOrder(201, 409);
		JsonNode after = secretary.get("/api/development-records/" + id).json();
		assertThat(after.get("steps")).hasSize(15);
		assertThat(after.get("nextStep").asText()).isEqualTo("VOLUNTEER_FORM");
	}

	@Test
	void listsAreScopedAndFilteredByStageAndShowWarnings() {
		String id = record();
		walk(id, DevelopmentStep.TALK);
		String late = create(TestData.idNumber(Gender.MALE), LocalDate.now().minusDays(40).toString()).text("id");
		JsonNode record = secretary.get("/api/development-records/" + late).json();
		assertThat(record.get("warnings").get(0).get("code").asText()).isEqualTo("TALK_OVERDUE");

		JsonNode applicants = township.get("/api/organizations/" + town + "/development-records?stage=APPLICANT").json();
		assertThat(applicants.get("total").asInt()).isEqualTo(2);
		JsonNode warned = township.get("/api/organizations/" + town + "/development-warnings").json();
		assertThat(warned.get("items")).extracting(n -> n.get("id").asText()).contains(late);
		assertThat(township.get("/api/organizations/" + town + "/development-records?stage=NOPE").status()).isEqualTo(400);
		JsonNode pipeline = township.get("/api/organizations/" + town + "/development-pipeline").json();
		assertThat(pipeline.get("stages").get(0).get("count").asInt()).isEqualTo(2);

		String elsewhere = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("别镇"));
		Api stranger = account("TOWNSHIP_ADMIN", elsewhere);
		assertThat(stranger.get("/api/development-records/" + id).status()).isEqualTo(404);
		assertThat(stranger.post("/api/development-records/" + id + "/steps", body(DevelopmentStep.ACTIVIST)).status())
			.isEqualTo(404);
		assertThat(stranger.get("/api/organizations/" + town + "/development-records").status()).isEqualTo(404);
		Map<String, Object> body = new HashMap<>();
		body.put("name", "越权");
		body.put("gender", "MALE");
		body.put("idNumber", TestData.idNumber(Gender.MALE));
		body.put("organizationId", branch);
		body.put("appliedOn", "2023-01-10");
		assertThat(stranger.post("/api/development-records", body).status()).isEqualTo(404);
		assertThat(account("INSPECTOR", town).post("/api/development-records", body).status()).isEqualTo(403);
	}

	@Test
	void theDailyJobSendsEachWarningOnceToTheBranchAndTheTownship() {
		String late = create(TestData.idNumber(Gender.MALE), LocalDate.now().minusDays(45).toString()).text("id");
		job.run();
		job.run();
		JsonNode branchInbox = secretary.get("/api/notifications?limit=200").json().get("items");
		JsonNode townInbox = township.get("/api/notifications?limit=200").json().get("items");
		for (JsonNode inbox : List.of(branchInbox, townInbox)) {
			List<JsonNode> ours = new java.util.ArrayList<>();
			inbox.forEach(n -> {
				if (n.get("link").asText().equals("/development/records/" + late)) {
					ours.add(n);
				}
			});
			assertThat(ours).hasSize(1);
			assertThat(ours.get(0).get("title").asText()).contains("谈话超期");
		}
		assertThat(figures.warnings(Long.parseLong(town))).isEqualTo(1);
		assertThat(figures.byStage(Long.parseLong(town)).get(DevelopmentStage.APPLICANT)).isEqualTo(1);
	}
}
