package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

import cn.jiceng.member.Gender;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

/** Study materials per format (extension of API.md): the large-print PDF and the dialect audio recordings. */
@ApiTest
class StudyMaterialApiTests {

	static final byte[] MP3 = { 'I', 'D', '3', 3, 0, 0, 0, 0, 0, 0, 1, 2, 3, 4, 5, 6 };

	@LocalServerPort
	int port;

	Api admin;

	String town;

	String branch;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("资料镇"));
		branch = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("资料村"));
	}

	private Api account(String role, String org, String member) {
		String user = TestData.unique("mat").replace("-", "");
		Map<String, Object> body = new HashMap<>();
		body.put("username", user);
		body.put("password", "Material-1234");
		body.put("role", role);
		body.put("organizationId", org);
		body.put("memberId", member);
		Api.Response r = admin.post("/api/accounts", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return admin.as(user, "Material-1234");
	}

	private String material(Api api, String org, String title) {
		Api.Response r = api.post("/api/organizations/" + org + "/study-materials", Map.of("title", title, "text",
				"学习党章，尊崇党章。\n做一名合格的共产党员，要在思想上、政治上、行动上同党中央保持高度一致。"));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void aMaterialPrintsInLargeTypeAndItsDialectRecordingPlaysBackByteForByte() throws Exception {
		String id = material(admin, town, "两学一做学习读本");
		Api.Response pdf = admin.get("/api/study-materials/" + id + "/large-print.pdf");
		assertThat(pdf.status()).isEqualTo(200);
		assertThat(pdf.contentType()).startsWith("application/pdf");
		assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");
		Files.write(Path.of("target", "large-print.pdf"), pdf.bytes());

		Api.Response up = admin.postMultipart("/api/study-materials/" + id + "/audio?dialect=%E7%BC%99%E4%BA%91%E8%AF%9D",
				"两学一做.mp3", "audio/mpeg", MP3);
		assertThat(up.status()).as(up.body()).isEqualTo(201);
		assertThat(up.text("dialect")).isEqualTo("缙云话");
		assertThat(up.text("contentType")).isEqualTo("audio/mpeg");
		Api.Response played = admin.get(up.text("url"));
		assertThat(played.status()).isEqualTo(200);
		assertThat(played.contentType()).startsWith("audio/mpeg");
		assertThat(played.bytes()).isEqualTo(MP3);

		JsonNode list = admin.get("/api/organizations/" + branch + "/study-materials").json().get("items");
		assertThat(list.valueStream().map(i -> i.get("title").asText()).toList()).contains("两学一做学习读本");
		assertThat(admin.get("/api/study-materials/" + id).json().get("audio")).hasSize(1);
		assertThat(admin.delete(up.text("url")).status()).isEqualTo(204);
		assertThat(admin.get("/api/study-materials/" + id).json().get("audio")).isEmpty();
	}

	@Test
	void badInputAndWrongFilesAreRefusedInChineseAndChangeNothing() {
		int before = admin.get("/api/organizations/" + town + "/study-materials").json().get("items").size();
		Api.Response bad = admin.post("/api/organizations/" + town + "/study-materials", Map.of("title", "", "text", " "));
		assertThat(bad.status()).isEqualTo(400);
		assertThat(bad.json().get("errors").valueStream().map(e -> e.get("field").asText()).toList())
			.contains("title", "text");
		// the county's own materials (another test's demo seed) may be listed too: only the count must not move
		assertThat(admin.get("/api/organizations/" + town + "/study-materials").json().get("items")).hasSize(before);

		String id = material(admin, town, "音频测试");
		Api.Response video = admin.postMultipart("/api/study-materials/" + id + "/audio", "会.mp4", "video/mp4", MP3);
		assertThat(video.status()).isEqualTo(400);
		assertThat(video.json().get("detail").asText() + video.body()).contains("mp3、m4a 或 wav");
		Api.Response fake = admin.postMultipart("/api/study-materials/" + id + "/audio", "假.mp3", "audio/mpeg",
				"not audio at all".getBytes());
		assertThat(fake.status()).isEqualTo(400);
		assertThat(fake.body()).contains("不是有效的 mp3 音频");
		byte[] big = Arrays.copyOf(MP3, (int) StudyMaterialService.MAX_AUDIO_BYTES + 1);
		Api.Response tooBig = admin.postMultipart("/api/study-materials/" + id + "/audio", "长.mp3", "audio/mpeg", big);
		assertThat(tooBig.status()).isEqualTo(400);
		assertThat(tooBig.body()).contains("不能超过20MB");
		assertThat(admin.post("/api/study-materials/" + id + "/audio", Map.of()).status()).isEqualTo(400);
		assertThat(admin.get("/api/study-materials/" + id).json().get("audio")).isEmpty();
	}

	@Test
	void aMaterialReachesTheMembersBelowItButNotAnotherTownship() {
		String id = material(admin, town, "本镇读本");
		String member = TestData.createMember(admin, branch, "读者", Gender.MALE, "FULL", "2000-07-01");
		Api reader = account("MEMBER", branch, member);
		assertThat(reader.get("/api/study-materials/" + id).status()).isEqualTo(200);
		assertThat(reader.get("/api/study-materials/" + id + "/large-print.pdf").status()).isEqualTo(200);
		assertThat(reader.post("/api/organizations/" + branch + "/study-materials", Map.of("title", "t", "text", "x"))
			.status()).isEqualTo(403);
		assertThat(reader.postMultipart("/api/study-materials/" + id + "/audio", "a.mp3", "audio/mpeg", MP3).status())
			.as("a member's scope is itself: the township's material is read, not recorded").isEqualTo(404);
		Api secretary = account("BRANCH_SECRETARY", branch, null);
		assertThat(secretary.get("/api/study-materials/" + id).status()).as("a township material reaches its branches")
			.isEqualTo(200);
		assertThat(secretary.postMultipart("/api/study-materials/" + id + "/audio", "a.mp3", "audio/mpeg", MP3).status())
			.as("but only the township records for it").isEqualTo(404);

		String other = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("外资料镇"));
		Api outsider = account("TOWNSHIP_ADMIN", other, null);
		assertThat(outsider.get("/api/study-materials/" + id).status()).isEqualTo(404);
		assertThat(outsider.get("/api/study-materials/" + id + "/large-print.pdf").status()).isEqualTo(404);
		assertThat(outsider.get("/api/organizations/" + town + "/study-materials").status()).isEqualTo(404);
		assertThat(outsider.postMultipart("/api/study-materials/" + id + "/audio", "a.mp3", "audio/mpeg", MP3).status())
			.isEqualTo(404);
		assertThat(admin.get("/api/study-materials/" + id).json().get("audio")).isEmpty();
	}
}
