package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.Race;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** API.md "Learning, publicity and care", stories: submit, compile, select with the yearly limit, gaps, booklet. */
@ApiTest
class StoryApiTests {

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	String quiet;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		String root = TestData.rootId(admin);
		town = TestData.createOrg(admin, root, "COMMITTEE", "RURAL", TestData.unique("故事镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("故事村"));
		quiet = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("无故事村"));
		TestData.createMember(admin, branch, "讲述人", Gender.MALE, "FULL", "2015-07-01");
		TestData.createMember(admin, quiet, "沉默者", Gender.FEMALE, "FULL", "2015-07-01");
		TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("空支部"));
	}

	private String story(int year, String title) {
		Map<String, Object> body = new HashMap<>();
		body.put("year", year);
		body.put("title", title);
		body.put("text", "村里的老党员带头修路。\n三十年如一日守护着这条山路。");
		body.put("secretaryComment", "平凡之中见初心。");
		Api.Response r = admin.post("/api/organizations/" + branch + "/stories", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		assertThat(r.text("status")).isEqualTo("SUBMITTED");
		return r.text("id");
	}

	static byte[] png() throws Exception {
		BufferedImage img = new BufferedImage(320, 200, BufferedImage.TYPE_INT_RGB);
		Graphics2D g = img.createGraphics();
		g.setColor(new Color(0xb3121b));
		g.fillRect(0, 0, 320, 200);
		g.setColor(Color.WHITE);
		g.fillOval(110, 50, 100, 100);
		g.dispose();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		ImageIO.write(img, "png", out);
		return out.toByteArray();
	}

	@Test
	void aStoryGoesFromTheBranchThroughTheTownshipIntoTheCountysBookletWithItsPhoto() throws Exception {
		String id = story(2010, "守路人");
		Api.Response photo = admin.postMultipart("/api/stories/" + id + "/files", "photo.png", "image/png", png());
		assertThat(photo.status()).as(photo.body()).isEqualTo(201);
		assertThat(admin.postMultipart("/api/stories/" + id + "/files", "x.pdf", "application/pdf", "%PDF".getBytes())
			.status()).isEqualTo(400);
		assertThat(admin.post("/api/stories/" + id + "/select", Map.of()).status()).as("not compiled yet").isEqualTo(409);
		Api.Response compiled = admin.post("/api/stories/" + id + "/compile", Map.of());
		assertThat(compiled.status()).as(compiled.body()).isEqualTo(200);
		assertThat(compiled.text("status")).isEqualTo("COMPILED");
		Api.Response selected = admin.post("/api/stories/" + id + "/select", Map.of());
		assertThat(selected.status()).as(selected.body()).isEqualTo(200);
		assertThat(selected.text("status")).isEqualTo("SELECTED");

		JsonNode list = admin.get("/api/organizations/" + town + "/stories?year=2010&status=SELECTED").json();
		assertThat(list.get("items")).hasSize(1);
		JsonNode item = list.get("items").get(0);
		assertThat(item.get("id").asText()).isEqualTo(id);
		assertThat(item.get("organizationId").asText()).isEqualTo(branch);
		assertThat(item.get("year").asInt()).isEqualTo(2010);
		assertThat(admin.get("/api/organizations/" + town + "/stories?year=2010&status=SUBMITTED").json().get("items"))
			.isEmpty();

		Api.Response pdf = admin.get("/api/organizations/" + town + "/stories/booklet.pdf?year=2010");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		java.nio.file.Files.write(java.nio.file.Path.of("target", "stories-booklet.pdf"), pdf.bytes());
	}

	@Test
	void branchesWithMembersAndNoStoryOfTheYearAreListed() {
		story(2011, "一个故事");
		JsonNode gaps = admin.get("/api/organizations/" + town + "/story-gaps?year=2011").json().get("items");
		assertThat(gaps.valueStream().map(g -> g.get("organizationId").asText()).toList()).containsExactly(quiet);
		assertThat(gaps.get(0).get("name").asText()).startsWith("无故事村");
	}

	@Test
	void theSelectionStopsAtTheYearlyLimitEvenWhenTwoRaceForTheLastPlace() {
		assertThat(admin.patch("/api/rule-settings?year=2009", Map.of("storiesSelectedPerYear", 2)).status())
			.isEqualTo(200);
		List<String> ids = List.of(story(2009, "甲"), story(2009, "乙"), story(2009, "丙"));
		for (String id : ids) {
			assertThat(admin.post("/api/stories/" + id + "/compile", Map.of()).status()).isEqualTo(200);
		}
		assertThat(admin.post("/api/stories/" + ids.get(0) + "/select", Map.of()).status()).isEqualTo(200);
		List<Api.Response> raced = Race.run(() -> admin.post("/api/stories/" + ids.get(1) + "/select", Map.of()),
				() -> admin.post("/api/stories/" + ids.get(2) + "/select", Map.of()));
		String told = raced.get(0).body() + " | " + raced.get(1).body();
		assertThat(raced).as(told).extracting(Api.Response::status).containsExactlyInAnyOrder(200, 422);
		assertThat(raced.stream().filter(r -> r.status() == 422).findFirst().orElseThrow().json().get("detail").asText())
			.contains("上限");
		assertThat(admin.get("/api/organizations/" + town + "/stories?year=2009&status=SELECTED").json().get("items"))
			.hasSize(2);
	}

	@Test
	void onlyTheTownshipCompilesAndOnlyTheCountySelectsAndBadInputSavesNothing() {
		String id = story(2012, "待汇编");
		String user = TestData.unique("story").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Story-1234", "role",
				"BRANCH_SECRETARY", "organizationId", branch)).status()).isEqualTo(201);
		Api secretary = admin.as(user, "Story-1234");
		assertThat(secretary.post("/api/stories/" + id + "/compile", Map.of()).status()).isEqualTo(403);
		String tuser = TestData.unique("storyt").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", tuser, "password", "Story-1234", "role",
				"TOWNSHIP_ADMIN", "organizationId", town)).status()).isEqualTo(201);
		Api township = admin.as(tuser, "Story-1234");
		assertThat(township.post("/api/stories/" + id + "/compile", Map.of()).status()).isEqualTo(200);
		assertThat(township.post("/api/stories/" + id + "/select", Map.of()).status()).isEqualTo(403);

		Api.Response bad = admin.post("/api/organizations/" + branch + "/stories", Map.of("year", 1800, "text", ""));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("year", "title", "text");
		assertThat(admin.get("/api/organizations/" + branch + "/stories?year=2012").json().get("items")).hasSize(1);
	}

	@Test
	void anotherTownshipSeesNoneOfTheStories() {
		String id = story(2013, "本镇的故事");
		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外镇"));
		String user = TestData.unique("storyo").replace("-", "");
		assertThat(admin.post("/api/accounts", Map.of("username", user, "password", "Story-1234", "role",
				"TOWNSHIP_ADMIN", "organizationId", other)).status()).isEqualTo(201);
		Api outsider = admin.as(user, "Story-1234");
		assertThat(outsider.get("/api/stories/" + id).status()).isEqualTo(404);
		assertThat(outsider.post("/api/stories/" + id + "/compile", Map.of()).status()).isEqualTo(404);
		assertThat(outsider.postMultipart("/api/stories/" + id + "/files", "p.png", "image/png", new byte[] { 1 })
			.status()).isEqualTo(404);
		assertThat(outsider.get("/api/organizations/" + town + "/stories?year=2013").status()).isEqualTo(404);
		assertThat(admin.get("/api/stories/" + id).json().get("status").asText()).isEqualTo("SUBMITTED");
	}
}
