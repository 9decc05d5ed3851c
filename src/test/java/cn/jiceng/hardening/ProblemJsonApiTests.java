package cn.jiceng.hardening;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import tools.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 11: every error of an /api request is RFC 9457 problem+json with a Chinese title and detail. */
@ApiTest
class ProblemJsonApiTests {

	@LocalServerPort
	int port;

	Api admin;

	@BeforeEach
	void login() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
	}

	@Test
	void anUnknownApiPathIs404ProblemJsonInChinese() {
		assertProblem(admin.get("/api/no-such-thing"), 404);
		assertProblem(admin.post("/api/organizations/1/no-such-action", Map.of()), 404);
	}

	@Test
	void aQueryParameterOfTheWrongTypeIs400WithTheField() {
		Api.Response r = admin.get("/api/notifications?limit=abc");
		assertProblem(r, 400);
		assertThat(r.json().get("errors").get(0).get("field").asText()).isEqualTo("limit");
		String root = TestData.rootId(admin);
		assertProblem(admin.get("/api/organizations/" + root + "/meetings?from=notadate"), 400);
	}

	@Test
	void anUnknownNotificationIs404ProblemJson() {
		assertProblem(admin.post("/api/notifications/999999999/read", Map.of()), 404);
		assertProblem(admin.post("/api/notifications/abc/read", Map.of()), 404);
	}

	@Test
	void anUploadOverTheMultipartLimitIs413ProblemJson() {
		byte[] big = new byte[61 * 1024 * 1024];
		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + TestData.rootId(admin), "big.xlsx",
				"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", big);
		assertProblem(r, 413);
	}

	@Test
	void anEncodedDotDotSlashIs400ProblemJsonNotTomcatsHtml() throws IOException {
		assertProblem(raw("GET /api/..%2f..%2fetc%2fpasswd HTTP/1.1"), 400);
		assertProblem(raw("GET /api/members/%2e%2e%2f%2e%2e%2f HTTP/1.1"), 400);
		assertProblem(raw("GET /api/members/a%00b HTTP/1.1"), 400);
	}

	private static void assertProblem(Api.Response r, int status) {
		assertThat(r.status()).as(r.body()).isEqualTo(status);
		assertThat(r.contentType()).as(r.body()).startsWith("application/problem+json");
		JsonNode pd = r.json();
		assertThat(pd.get("status").asInt()).isEqualTo(status);
		assertThat(pd.get("title").asText()).as(r.body()).containsPattern("\\p{IsHan}");
		assertThat(pd.get("detail").asText()).as(r.body()).containsPattern("\\p{IsHan}");
	}

	/** A request line sent as is: the JDK client would refuse or normalize some of these paths. */
	private Api.Response raw(String requestLine) throws IOException {
		try (Socket s = new Socket("localhost", port)) {
			OutputStream out = s.getOutputStream();
			out.write((requestLine + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.UTF_8));
			out.flush();
			InputStream in = s.getInputStream();
			String all = new String(in.readAllBytes(), StandardCharsets.UTF_8);
			int status = Integer.parseInt(all.substring(9, 12));
			String head = all.substring(0, all.indexOf("\r\n\r\n"));
			String body = all.substring(all.indexOf("\r\n\r\n") + 4);
			String contentType = head.lines()
				.filter(l -> l.toLowerCase().startsWith("content-type:"))
				.map(l -> l.substring(13).trim())
				.findFirst()
				.orElse("");
			if (head.toLowerCase().contains("transfer-encoding: chunked")) {
				body = unchunk(body);
			}
			return new Api.Response(status, body, contentType, body.getBytes(StandardCharsets.UTF_8));
		}
	}

	private static String unchunk(String chunked) {
		StringBuilder sb = new StringBuilder();
		byte[] bytes = chunked.getBytes(StandardCharsets.UTF_8);
		int i = 0;
		while (i < bytes.length) {
			int eol = indexOf(bytes, i);
			int size = Integer.parseInt(new String(bytes, i, eol - i, StandardCharsets.US_ASCII).trim(), 16);
			if (size == 0) {
				break;
			}
			sb.append(new String(bytes, eol + 2, size, StandardCharsets.UTF_8));
			i = eol + 2 + size + 2;
		}
		return sb.toString();
	}

	private static int indexOf(byte[] bytes, int from) {
		for (int i = from; i < bytes.length - 1; i++) {
			if (bytes[i] == '\r' && bytes[i + 1] == '\n') {
				return i;
			}
		}
		return bytes.length;
	}
}
