package cn.jiceng.masswork;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** 事不过夜 in the county's time zone, whatever zone the clock runs in. */
class ErrandPolicyTest {

	private static Instant county(String localDateTime) {
		return OffsetDateTime.parse(localDateTime + "+08:00").toInstant();
	}

	/** A clock fixed at a county time but speaking UTC, so nothing may lean on the clock's zone. */
	private static ErrandPolicy at(String countyTime) {
		return new ErrandPolicy(Clock.fixed(county(countyTime), ZoneOffset.UTC));
	}

	private static ErrandPolicy.Facts received(String countyTime) {
		return new ErrandPolicy.Facts(ErrandStatus.RECEIVED, county(countyTime), null, null, null);
	}

	private static ErrandPolicy.Facts done(String receivedAt, String doneAt) {
		return new ErrandPolicy.Facts(ErrandStatus.DONE, county(receivedAt), county(doneAt), null, null);
	}

	private static ErrandPolicy.Facts deferred(String receivedAt, String deferredAt, String promisedOn, String doneAt) {
		return new ErrandPolicy.Facts(doneAt == null ? ErrandStatus.DEFERRED : ErrandStatus.DONE, county(receivedAt),
				doneAt == null ? null : county(doneAt), county(deferredAt), LocalDate.parse(promisedOn));
	}

	@Test
	void anErrandDoneAt2359CountyTimeIsDoneTheSameDay() {
		ErrandPolicy.Flags f = at("2025-03-02T10:00:00").flags(done("2025-03-01T08:00:00", "2025-03-01T23:59:59"));
		assertThat(f.doneSameDay()).isTrue();
		assertThat(f.overnight()).isFalse();
	}

	@Test
	void anErrandDoneAtMidnightCountyTimeWentOvernight() {
		ErrandPolicy.Flags f = at("2025-03-02T10:00:00").flags(done("2025-03-01T08:00:00", "2025-03-02T00:00:00"));
		assertThat(f.doneSameDay()).isFalse();
		assertThat(f.overnight()).isTrue();
	}

	@Test
	void theDayEndsAtCountyMidnightNotUtcMidnight() {
		// 2025-03-01T17:00Z is 2025-03-02 01:00 in the county: the errand was received on the 2nd
		Instant received = Instant.parse("2025-03-01T17:00:00Z");
		assertThat(ErrandPolicy.countyDay(received)).isEqualTo(LocalDate.parse("2025-03-02"));
		assertThat(ErrandPolicy.deadline(received)).isEqualTo(county("2025-03-03T00:00:00"));
	}

	@Test
	void anOpenErrandIsNotOvernightBeforeTheDayEndsButIsFromMidnight() {
		assertThat(at("2025-03-01T23:59:59").flags(received("2025-03-01T09:00:00")).overnight()).isFalse();
		assertThat(at("2025-03-02T00:00:00").flags(received("2025-03-01T09:00:00")).overnight()).isTrue();
	}

	@Test
	void anErrandAnsweredWithAPromisedDateTheSameDayDoesNotGoOvernight() {
		ErrandPolicy.Flags f = at("2025-03-03T09:00:00")
			.flags(deferred("2025-03-01T09:00:00", "2025-03-01T18:00:00", "2025-03-05", null));
		assertThat(f.overnight()).isFalse();
		assertThat(f.overdue()).isFalse();
		assertThat(f.doneSameDay()).isFalse();
	}

	@Test
	void anErrandAnsweredOnlyTheNextDayWentOvernight() {
		ErrandPolicy.Flags f = at("2025-03-03T09:00:00")
			.flags(deferred("2025-03-01T09:00:00", "2025-03-02T08:00:00", "2025-03-05", null));
		assertThat(f.overnight()).isTrue();
	}

	@Test
	void aDeferredErrandNotDoneByTheEndOfThePromisedDateIsOverdue() {
		var e = deferred("2025-03-01T09:00:00", "2025-03-01T18:00:00", "2025-03-05", null);
		assertThat(at("2025-03-05T23:59:59").flags(e).overdue()).isFalse();
		assertThat(at("2025-03-06T00:00:00").flags(e).overdue()).isTrue();
	}

	@Test
	void aDeferredErrandDoneOnThePromisedDateIsNotOverdueButOneDoneAfterItIs() {
		assertThat(at("2025-04-01T00:00:00")
			.flags(deferred("2025-03-01T09:00:00", "2025-03-01T18:00:00", "2025-03-05", "2025-03-05T23:00:00"))
			.overdue()).isFalse();
		assertThat(at("2025-04-01T00:00:00")
			.flags(deferred("2025-03-01T09:00:00", "2025-03-01T18:00:00", "2025-03-05", "2025-03-06T08:00:00"))
			.overdue()).isTrue();
	}

	@Test
	void anErrandIsNeverReceivedInTheFuture() {
		assertThat(at("2025-03-01T09:00:00").receive(county("2025-03-01T09:00:01")).allowed()).isFalse();
		assertThat(at("2025-03-01T09:00:00").receive(county("2025-03-01T09:00:00")).allowed()).isTrue();
	}

	@Test
	void anErrandIsNotDoneBeforeItWasReceivedNorTwice() {
		ErrandPolicy p = at("2025-03-02T09:00:00");
		assertThat(p.complete(received("2025-03-01T09:00:00"), county("2025-03-01T08:59:00")).reason())
			.isEqualTo("办结时间不能早于受理时间");
		assertThat(p.complete(done("2025-03-01T09:00:00", "2025-03-01T10:00:00"), county("2025-03-01T11:00:00"))
			.reason()).contains("已办结");
		assertThat(p.complete(received("2025-03-01T09:00:00"), county("2025-03-01T10:00:00")).allowed()).isTrue();
	}

	@Test
	void thePromisedDateMustBeAfterTheDayOfTheAnswerAndIsGivenOnce() {
		ErrandPolicy p = at("2025-03-02T09:00:00");
		assertThat(p.defer(received("2025-03-01T09:00:00"), county("2025-03-01T10:00:00"), LocalDate.parse("2025-03-01"))
			.reason()).contains("应晚于答复当日");
		assertThat(p.defer(received("2025-03-01T09:00:00"), county("2025-03-01T10:00:00"), LocalDate.parse("2025-03-02"))
			.allowed()).isTrue();
		assertThat(p.defer(deferred("2025-03-01T09:00:00", "2025-03-01T10:00:00", "2025-03-04", null),
				county("2025-03-01T11:00:00"), LocalDate.parse("2025-03-09")).reason()).contains("不能更改");
	}

	@Test
	void satisfactionIsRecordedOnlyOnADoneErrand() {
		assertThat(at("2025-03-02T09:00:00").feedback(received("2025-03-01T09:00:00")).allowed()).isFalse();
		assertThat(at("2025-03-02T09:00:00").feedback(done("2025-03-01T09:00:00", "2025-03-01T10:00:00")).allowed())
			.isTrue();
	}

	@Test
	void theSatisfactionRateCountsSatisfiedAndBasicOverRatedErrands() {
		assertThat(ErrandPolicy.satisfactionRate(2, 1, 1)).isEqualTo(0.75);
		assertThat(ErrandPolicy.satisfactionRate(0, 0, 0)).isNull();
	}

	@Test
	void aHouseholdIsVisitedEnoughWithTheRequiredVisits() {
		VisitCoverage c = new VisitCoverage(2);
		assertThat(c.enough(1)).isFalse();
		assertThat(c.enough(2)).isTrue();
		assertThat(VisitCoverage.rate(3, 4)).isEqualTo(0.75);
		assertThat(VisitCoverage.rate(0, 0)).isNull();
	}
}
