package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.access.Role;
import cn.jiceng.orglife.BackfillPolicy.Decision;
import cn.jiceng.orglife.BackfillPolicy.Refusal;
import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class BackfillPolicyTest {

	private static final LocalDate HELD = LocalDate.of(2025, 3, 10);

	private final BackfillPolicy policy = new BackfillPolicy(RuleSettings.defaults());

	@Test
	void recordWithinThirtyDaysIsNotBackfilled() {
		Decision decision = policy.mayRecord(HELD, HELD.plusDays(30), Role.BRANCH_SECRETARY, false);

		assertThat(decision).isInstanceOf(Decision.Accepted.class);
		assertThat(((Decision.Accepted) decision).backfilled()).isFalse();
	}

	@Test
	void recordAfterThirtyDaysNeedsTownshipAccount() {
		Decision decision = policy.mayRecord(HELD, HELD.plusDays(31), Role.BRANCH_SECRETARY, false);

		assertThat(decision).isInstanceOf(Decision.Refused.class);
		assertThat(((Decision.Refused) decision).refusal()).isEqualTo(Refusal.NEEDS_TOWNSHIP_ACCOUNT);
		assertThat(decision.reason()).contains("31天").contains("乡镇及以上");
	}

	@Test
	void townshipAccountBackfillsLateRecord() {
		Decision decision = policy.mayRecord(HELD, HELD.plusDays(31), Role.TOWNSHIP_ADMIN, false);

		assertThat(decision).isEqualTo(new Decision.Accepted(true, 31, decision.reason()));
		assertThat(decision.reason()).contains("补录");
	}

	@Test
	void closedYearOnlyCountyAdminChanges() {
		LocalDate nextYear = LocalDate.of(2026, 2, 1);

		Decision township = policy.mayRecord(HELD, nextYear, Role.TOWNSHIP_ADMIN, true);
		assertThat(((Decision.Refused) township).refusal()).isEqualTo(Refusal.YEAR_CLOSED);
		assertThat(policy.mayChange(HELD, HELD.plusDays(1), Role.BRANCH_SECRETARY, true).allowed()).isFalse();
		assertThat(policy.mayRecord(HELD, nextYear, Role.COUNTY_ADMIN, true).allowed()).isTrue();
		assertThat(policy.mayChangeClosedYear(Role.TOWNSHIP_ADMIN)).isFalse();
	}

	@Test
	void lateChangeNeedsTownshipAccountButIsNotMarkedBackfilled() {
		assertThat(policy.mayChange(HELD, HELD.plusDays(45), Role.BRANCH_SECRETARY, false).allowed()).isFalse();
		Decision township = policy.mayChange(HELD, HELD.plusDays(45), Role.TOWNSHIP_ADMIN, false);
		assertThat(((Decision.Accepted) township).backfilled()).isFalse();
	}

	@Test
	void meetingDatedAfterItsRecordIsRefused() {
		Decision decision = policy.mayRecord(HELD, HELD.minusDays(1), Role.COUNTY_ADMIN, false);

		assertThat(((Decision.Refused) decision).refusal()).isEqualTo(Refusal.HELD_IN_FUTURE);
	}

	@Test
	void changedSettingsMoveTheBackfillWindow() {
		BackfillPolicy shorter = new BackfillPolicy(TestSettings.with("backfillDays", 7));

		assertThat(shorter.mayRecord(HELD, HELD.plusDays(7), Role.BRANCH_SECRETARY, false).allowed()).isTrue();
		assertThat(shorter.mayRecord(HELD, HELD.plusDays(8), Role.BRANCH_SECRETARY, false).allowed()).isFalse();
	}
}
