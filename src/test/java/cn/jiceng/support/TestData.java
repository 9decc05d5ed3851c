package cn.jiceng.support;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;

import static org.assertj.core.api.Assertions.assertThat;

/** Unique names and valid ID numbers so tests sharing one database never collide. */
public final class TestData {

	private static final AtomicInteger COUNTER = new AtomicInteger();

	private TestData() {
	}

	public static String unique(String prefix) {
		return prefix + "-" + System.nanoTime() % 1_000_000_000L + "-" + COUNTER.incrementAndGet();
	}

	/** A valid, practically unique ID number of someone aged under 70 this year and born by 1979. */
	public static String idNumber(Gender gender) {
		ThreadLocalRandom r = ThreadLocalRandom.current();
		// born by 1979: old enough for every joining date the tests use (the earliest is 2000); under 70 all year, or
		// a random member would need home delivery by the 70+ default and appear in another test's gaps
		LocalDate first = LocalDate.of(LocalDate.now().getYear() - 69, 1, 1);
		LocalDate birth = first.plusDays(r.nextInt((int) (LocalDate.of(1979, 12, 31).toEpochDay() - first.toEpochDay())));
		return IdNumber.generate("3302" + String.format("%02d", 11 + r.nextInt(9)), birth, r.nextInt(1000), gender);
	}

	public static String createOrg(Api api, String parentId, String kind, String field, String name) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("kind", kind);
		body.put("field", field);
		body.put("parentId", parentId);
		Api.Response r = api.post("/api/organizations", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	public static String createMember(Api api, String branchId, String name, Gender gender, String category,
			String joinedOn) {
		Map<String, Object> body = new HashMap<>();
		body.put("name", name);
		body.put("gender", gender.name());
		body.put("idNumber", idNumber(gender));
		body.put("organizationId", branchId);
		body.put("category", category);
		body.put("joinedOn", joinedOn);
		Api.Response r = api.post("/api/members", body);
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	public static String rootId(Api admin) {
		return admin.get("/api/me").text("organizationId");
	}
}
