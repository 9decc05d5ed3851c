package cn.jiceng.member;

import java.net.http.HttpResponse;

import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

/** The home page's cards count the members on the roll through the rule the member module lends the page shell. */
@ApiTest
class HomePageTests {

	@LocalServerPort
	int port;

	@Test
	void theHomePageShowsTheMemberCardsOfTheCallersSubtree() throws Exception {
		MemberImportPageTests.Browser browser = new MemberImportPageTests.Browser(port);
		browser.login("admin", ApiTest.ADMIN_PASSWORD);
		HttpResponse<String> home = browser.get("/");
		assertThat(home.statusCode()).isEqualTo(200);
		assertThat(home.body()).contains("党员总数", "预备党员", "党支部");
	}
}
