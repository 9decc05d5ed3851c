package cn.jiceng.masswork;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.WeakLaxCriterion;
import cn.jiceng.member.Gender;
import cn.jiceng.notification.Notifications;
import cn.jiceng.settings.RuleSettingsService;
import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import cn.jiceng.support.TestData;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The reminder jobs with a fixed clock (county time) and the LOW_SATISFACTION weak-and-lax criterion. */
@ApiTest
class MassworkJobsApiTests {

	private static final ZoneId COUNTY = ZoneId.of("Asia/Shanghai");

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	Notifications notifications;

	@Autowired
	RuleSettingsService settings;

	@Autowired
	List<WeakLaxCriterion> criteria;

	Api admin;

	String town;

	String village;

	String handler;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = TestData.createOrg(admin, TestData.rootId(admin), "COMMITTEE", "RURAL", TestData.unique("提醒镇"));
		village = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("提醒村"));
		handler = TestData.createMember(admin, village, "代办丙", Gender.MALE, "FULL", "2010-05-01");
	}

	private ErrandReminderJob errandJobAt(LocalDate day, int hour, int minute) {
		Clock clock = Clock.fixed(day.atTime(hour, minute).atZone(COUNTY).toInstant(), ZoneOffset.UTC);
		return new ErrandReminderJob(jdbc, notifications, settings, clock);
	}

	private long published(String key) {
		return jdbc.sql("SELECT count(*) FROM notification WHERE dedup_key = :k").param("k", key).query(Long.class).single();
	}

	private String errand(LocalDate day, int hour) {
		Api.Response r = admin.post("/api/organizations/" + village + "/errands", Map.of("requester", "钱五", "content",
				"代办低保年审", "receivedAt", day.atTime(hour, 0).atZone(COUNTY).toOffsetDateTime().toString(),
				"handlerMemberId", handler));
		assertThat(r.status()).as(r.body()).isEqualTo(201);
		return r.text("id");
	}

	@Test
	void anErrandStillOpenAtTheReminderHourRemindsItsHandlerOnceBeforeTheCountyDayEnds() {
		LocalDate day = LocalDate.of(2023, 2, 14);
		String open = errand(day, 9);
		String done = errand(day, 9);
		assertThat(admin.post("/api/errands/" + done + "/complete", Map.of("at",
				day.atTime(10, 0).atZone(COUNTY).toOffsetDateTime().toString(), "result", "已办")).status()).isEqualTo(200);
		String deferred = errand(day, 9);
		assertThat(admin.post("/api/errands/" + deferred + "/defer", Map.of("at",
				day.atTime(11, 0).atZone(COUNTY).toOffsetDateTime().toString(), "reply", "需县里审批", "promisedOn",
				day.plusDays(2).toString())).status()).isEqualTo(200);

		errandJobAt(day, 16, 59).run();
		assertThat(published("ERRAND_OVERNIGHT:" + open)).as("before the reminder hour").isZero();
		errandJobAt(day, 17, 0).run();
		assertThat(published("ERRAND_OVERNIGHT:" + open)).isEqualTo(1);
		assertThat(published("ERRAND_OVERNIGHT:" + done) + published("ERRAND_OVERNIGHT:" + deferred)).isZero();
		errandJobAt(day, 23, 59).run();
		assertThat(published("ERRAND_OVERNIGHT:" + open)).as("idempotent").isEqualTo(1);
		String title = jdbc.sql("SELECT title FROM notification WHERE dedup_key = :k AND organization_id = :o")
			.param("k", "ERRAND_OVERNIGHT:" + open)
			.param("o", Long.parseLong(village))
			.query(String.class)
			.single();
		assertThat(title).contains("钱五");

		// received the same county day but reminded only after midnight? no: the next day is another day
		String late = errand(day, 20);
		errandJobAt(day.plusDays(1), 0, 0).run();
		assertThat(published("ERRAND_OVERNIGHT:" + late)).as("past midnight it has gone overnight").isZero();
	}

	@Test
	void onAMassWorkDayEveryTownshipAndVillageFindsOneReminder() {
		MassWorkDayReminderJob job = new MassWorkDayReminderJob(jdbc, notifications, settings, Clock.systemUTC());
		job.run(LocalDate.of(2023, 3, 8));
		assertThat(published("MASS_WORK_DAY:2023-03-08:" + village)).isZero();
		job.run(LocalDate.of(2023, 3, 6));
		job.run(LocalDate.of(2023, 3, 6));
		assertThat(published("MASS_WORK_DAY:2023-03-06:" + village)).isEqualTo(1);
		assertThat(published("MASS_WORK_DAY:2023-03-06:" + town)).isEqualTo(1);
	}

	@Test
	void aVillageWhoseErrandsAreRatedBelowSixtyPercentIsALowSatisfactionCandidate() {
		String other = TestData.createOrg(admin, town, "BRANCH", "RURAL", TestData.unique("满意村"));
		LocalDate day = LocalDate.of(2023, 5, 10);
		rate(village, day, "SATISFIED", "BASIC", "UNSATISFIED", "UNSATISFIED", "UNSATISFIED");
		rate(other, day, "SATISFIED", "BASIC", "SATISFIED", "UNSATISFIED", "UNSATISFIED");
		WeakLaxCriterion low = criteria.stream().filter(c -> c.code().equals("LOW_SATISFACTION")).findFirst().orElseThrow();
		String path = jdbc.sql("SELECT path FROM organization WHERE id = :id").param("id", Long.parseLong(town))
			.query(String.class).single();
		Map<Long, String> found = low.matches(path, 2023, LocalDate.of(2026, 1, 1));
		assertThat(found).containsOnlyKeys(Long.parseLong(village));
		assertThat(found.get(Long.parseLong(village))).startsWith("2023年为民办事满意率 40.0%，低于 60%");
		assertThat(low.matches(path, 2023, LocalDate.of(2023, 5, 9))).as("before the errands were received").isEmpty();
	}

	private void rate(String org, LocalDate day, String... ratings) {
		for (String s : ratings) {
			Api.Response r = admin.post("/api/organizations/" + org + "/errands", Map.of("requester", "孙六", "content",
					"代办", "receivedAt", day.atTime(9, 0).atZone(COUNTY).toOffsetDateTime().toString()));
			assertThat(r.status()).as(r.body()).isEqualTo(201);
			String id = r.text("id");
			assertThat(admin.post("/api/errands/" + id + "/complete", Map.of("at",
					day.atTime(10, 0).atZone(COUNTY).toOffsetDateTime().toString(), "result", "办结")).status())
				.isEqualTo(200);
			assertThat(admin.post("/api/errands/" + id + "/feedback", Map.of("satisfaction", s)).status()).isEqualTo(200);
		}
	}
}
