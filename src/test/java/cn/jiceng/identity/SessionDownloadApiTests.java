package cn.jiceng.identity;

import cn.jiceng.support.ApiTest;
import cn.jiceng.support.PageSession;
import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The pages' download links point at API reads: a logged-in page session may GET them, never write through them. */
@ApiTest
class SessionDownloadApiTests {

	@LocalServerPort
	int port;

	@Test
	void aPageSessionReadsTheApiButCannotWriteThroughIt() {
		PageSession page = new PageSession(port);
		assertThat(page.login("admin", ApiTest.ADMIN_PASSWORD)).doesNotContain("error");

		var me = page.get("/api/me");
		assertThat(me.statusCode()).isEqualTo(200);
		assertThat(me.body()).contains("admin");

		var write = page.postJson("/api/organizations", "{\"name\":\"会话写入\",\"kind\":\"BRANCH\"}");
		assertThat(write.statusCode()).isEqualTo(401);
	}

	@Test
	void withoutALoginTheApiStillAsksForAToken() {
		PageSession anonymous = new PageSession(port);
		anonymous.get("/login");
		assertThat(anonymous.get("/api/me").statusCode()).isEqualTo(401);
	}
}
