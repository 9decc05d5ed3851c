package cn.jiceng.browser;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.support.Api;

import static org.assertj.core.api.Assertions.assertThat;

/** Organizations and members for browser tests, made through the API under unique names (the database is shared). */
final class TestData {

	final Api api;
	final String root;
	final String suffix = Long.toString(System.nanoTime(), 36);

	TestData(Api api) {
		this.api = api;
		this.root = api.get("/api/me").text("organizationId");
	}

	String org(String name, String kind, String field, String parentId) {
		Api.Response r = api.post("/api/organizations",
				Map.of("name", name + suffix, "kind", kind, "field", field, "parentId", parentId));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	String member(String name, String branchId, String category) {
		ThreadLocalRandom random = ThreadLocalRandom.current();
		Gender gender = random.nextBoolean() ? Gender.MALE : Gender.FEMALE;
		String idNumber = IdNumber.generate("330122", LocalDate.of(1960, 1, 1).plusDays(random.nextInt(8000)),
				random.nextInt(1000), gender);
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", gender.name());
		body.put("idNumber", idNumber);
		body.put("organizationId", branchId);
		body.put("category", category);
		body.put("joinedOn", "2000-07-01");
		Api.Response r = api.post("/api/members", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}
}
