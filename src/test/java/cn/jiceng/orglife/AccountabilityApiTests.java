package cn.jiceng.orglife;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import tools.jackson.databind.JsonNode;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class AccountabilityApiTests {

	@LocalServerPort
	int port;

	MeetingApiTests.Fixture f;

	@BeforeEach
	void setUp() {
		f = new MeetingApiTests.Fixture(port);
	}

	/** A branch with one member since 2020 that held its themed day on the 10th of every 2025 month but the skipped ones. */
	String branchMissing(String town, String field, int... skipped) {
		String branch = f.branch(town, field);
		f.member(branch, "党员", "2020-01-01");
		outer:
		for (int m = 1; m <= 12; m++) {
			for (int s : skipped) {
				if (s == m) {
					continue outer;
				}
			}
			f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay(String.format("2025-%02d-10", m), Map.of()));
		}
		return branch;
	}

	static Map<String, JsonNode> items(Api.Response r) {
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		Map<String, JsonNode> items = new HashMap<>();
		r.json().get("items").forEach(i -> items.put(i.get("organizationId").asText(), i));
		return items;
	}

	@Test
	void ruralSecretaryLoses500YuanPerMissedThemedDay() {
		String town = f.township();
		String missing = branchMissing(town, "RURAL", 2, 7);
		String complete = branchMissing(town, "RURAL");

		Api.Response r = f.admin.get("/api/organizations/" + town + "/accountability?year=2025");

		Map<String, JsonNode> items = items(r);
		assertThat(items).containsOnlyKeys(missing);
		JsonNode item = items.get(missing);
		assertThat(item.get("field").asText()).isEqualTo("RURAL");
		assertThat(item.get("organizationName").asText()).startsWith("支部");
		assertThat(item.get("missedMonths").valueStream().map(JsonNode::asText)).containsExactly("2025-02", "2025-07");
		assertThat(item.get("deductionYuan").decimalValue()).isEqualByComparingTo("1000");
		assertThat(r.body()).contains("\"deductionYuan\":1000.00");
		assertThat(item.get("awardsDisqualified").asBoolean()).isFalse();
		assertThat(item.get("onCountyBulletin").asBoolean()).isTrue();
	}

	@Test
	void theListNamesTheSecretaryOfEachMissedMonthFromTheLeadershipOffices() {
		String town = f.township();
		String branch = branchMissing(town, "RURAL", 2, 9);
		String before = f.member(branch, "前任书记", "2010-01-01");
		String after = f.member(branch, "现任书记", "2010-01-01");
		assertThat(f.admin.post("/api/organizations/" + branch + "/offices", Map.of("memberId", before, "office",
				"SECRETARY", "startedOn", "2019-01-01", "endedOn", "2025-05-31")).status()).isEqualTo(201);
		assertThat(f.admin.post("/api/organizations/" + branch + "/offices", Map.of("memberId", after, "office",
				"SECRETARY", "startedOn", "2025-06-01")).status()).isEqualTo(201);

		JsonNode item = items(f.admin.get("/api/organizations/" + town + "/accountability?year=2025")).get(branch);

		assertThat(item.get("secretaries").valueStream().map(JsonNode::asText)).containsExactly("前任书记", "现任书记");
	}

	@Test
	void agencySecretaryIsDisqualifiedFromTheSecondMiss() {
		String town = f.township();
		String once = branchMissing(town, "AGENCY", 4);
		String twice = branchMissing(town, "AGENCY", 4, 9);

		Map<String, JsonNode> items = items(f.admin.get("/api/organizations/" + town + "/accountability?year=2025"));

		assertThat(items.get(once).get("awardsDisqualified").asBoolean()).isFalse();
		assertThat(items.get(once).get("deductionYuan").decimalValue()).isEqualByComparingTo("0");
		assertThat(items.get(twice).get("awardsDisqualified").asBoolean()).isTrue();
		assertThat(items.get(twice).get("deductionYuan").decimalValue()).isEqualByComparingTo("0");
	}

	@Test
	void exemptionFromAHigherOrganizationExcusesTheMonth() {
		String town = f.township();
		String branch = branchMissing(town, "RURAL", 2, 7);
		Api township = f.account("TOWNSHIP_ADMIN", town, null);
		Api secretary = f.account("BRANCH_SECRETARY", branch, null);
		Api otherTownship = f.account("TOWNSHIP_ADMIN", f.township(), null);
		Map<String, String> body = Map.of("month", "2025-07", "reason", "台风防汛，全体党员参加抢险");

		Api.Response bySelf = secretary.post("/api/organizations/" + branch + "/themed-day-exemptions", body);
		Api.Response byOutsider = otherTownship.post("/api/organizations/" + branch + "/themed-day-exemptions", body);
		Api.Response granted = township.post("/api/organizations/" + branch + "/themed-day-exemptions", body);
		Api.Response again = f.admin.post("/api/organizations/" + branch + "/themed-day-exemptions", body);

		assertThat(bySelf.status()).isEqualTo(403);
		assertThat(bySelf.json().get("detail").asText()).contains("上级党组织");
		assertThat(byOutsider.status()).isEqualTo(404);
		assertThat(granted.status()).as(granted.body()).isEqualTo(201);
		assertThat(granted.json().get("grantedByOrganizationId").asText()).isEqualTo(town);
		assertThat(again.status()).isEqualTo(409);
		JsonNode item = items(f.admin.get("/api/organizations/" + town + "/accountability?year=2025")).get(branch);
		assertThat(item.get("missedMonths").valueStream().map(JsonNode::asText)).containsExactly("2025-02");
		assertThat(item.get("exemptedMonths").valueStream().map(JsonNode::asText)).containsExactly("2025-07");
		assertThat(item.get("deductionYuan").decimalValue()).isEqualByComparingTo("500");
		assertThat(township.get("/api/organizations/" + town + "/themed-day-exemptions?year=2025").json().get("items"))
			.hasSize(1);
	}

	@Test
	void monthsBeforeTheBranchHadMembersDoNotCount() {
		String town = f.township();
		String branch = f.branch(town, "RURAL");
		f.member(branch, "新支部党员", "2025-05-10");
		for (int m = 5; m <= 12; m++) {
			f.meeting(f.admin, branch, MeetingApiTests.Fixture.themedDay(String.format("2025-%02d-15", m), Map.of()));
		}
		String empty = f.branch(town, "RURAL");

		Map<String, JsonNode> items = items(f.admin.get("/api/organizations/" + town + "/accountability?year=2025"));

		assertThat(items).doesNotContainKeys(branch, empty);
	}

	@Test
	void bulletinPdfListsTheBranchesWithTheirDeductions() throws Exception {
		String town = f.township();
		String branch = branchMissing(town, "RURAL", 3, 8);
		String name = f.admin.get("/api/organizations/" + branch).text("name");

		Api.Response pdf = f.admin.get("/api/organizations/" + town + "/accountability.pdf?year=2025");

		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		Path out = Path.of("target", "orglife");
		Files.createDirectories(out);
		Files.write(out.resolve("accountability-2025.pdf"), pdf.bytes());
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
			assertThat(text).contains("2025年度主题党日", "通报", name.replaceAll("\\s+", ""), "1000.00", "2025-03、2025-08");
		}
	}

	@Test
	void aTownshipIssuesItsBulletinInItsOwnNameAndABranchGetsANoticeNotABulletin() throws Exception {
		String town = f.township();
		String townName = f.admin.get("/api/organizations/" + town).text("name").replaceAll("\\s+", "");
		String branch = branchMissing(town, "RURAL", 4, 9);
		String branchName = f.admin.get("/api/organizations/" + branch).text("name").replaceAll("\\s+", "");

		String township = pdfText(f.admin.get("/api/organizations/" + town + "/accountability.pdf?year=2025"));
		String notice = pdfText(f.admin.get("/api/organizations/" + branch + "/accountability.pdf?year=2025"));

		assertThat(township).contains("关于" + townName + "2025年度", "通报", "本乡镇（单位）")
			.doesNotContain("扣减基本报酬并全县通报");
		assertThat(notice).contains("关于" + branchName + "2025年度主题党日开展情况的告知书", "2025-04、2025-09")
			.doesNotContain("情况的通报", "二、机关党组织");
	}

	private static String pdfText(Api.Response pdf) throws Exception {
		assertThat(pdf.status()).isEqualTo(200);
		try (PDDocument doc = Loader.loadPDF(pdf.bytes())) {
			return new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
		}
	}
}
