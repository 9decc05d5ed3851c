package cn.jiceng.scoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

import cn.jiceng.access.Role;

class ClaimFilingPolicyTest {

	private static final long MEMBER = 100;
	private static final YearMonth MAY = YearMonth.of(2025, 5);
	private static final LocalDate TODAY = LocalDate.of(2025, 5, 20);
	private static final PointItem VOLUNTEER = new PointItem("VOLUNTEER", "志愿服务", 5, 10, false);

	private static final Actor THE_MEMBER = new Actor(1, Role.MEMBER, MEMBER);
	private static final Actor ANOTHER_MEMBER = new Actor(2, Role.MEMBER, 101L);
	private static final Actor SECRETARY = new Actor(7, Role.BRANCH_SECRETARY, 200L);
	private static final Actor TOWNSHIP = new Actor(9, Role.TOWNSHIP_ADMIN, null);

	@Test
	void memberMayFileForThemselfButNotForAnother() {
		assertThat(ClaimFilingPolicy.file(THE_MEMBER, MEMBER, MAY, VOLUNTEER, 0, TODAY).allowed()).isTrue();

		Decision forAnother = ClaimFilingPolicy.file(ANOTHER_MEMBER, MEMBER, MAY, VOLUNTEER, 0, TODAY);
		assertThat(forAnother.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
	}

	@Test
	void secretaryOrAdminMayFileForAMember() {
		assertThat(ClaimFilingPolicy.file(SECRETARY, MEMBER, MAY, VOLUNTEER, 0, TODAY).allowed()).isTrue();
		assertThat(ClaimFilingPolicy.file(TOWNSHIP, MEMBER, MAY, VOLUNTEER, 0, TODAY).allowed()).isTrue();
	}

	@Test
	void cadreAndInspectorCannotFileForOthers() {
		Decision cadre = ClaimFilingPolicy.file(new Actor(3, Role.CADRE, 102L), MEMBER, MAY, VOLUNTEER, 0, TODAY);
		Decision inspector = ClaimFilingPolicy.file(new Actor(4, Role.INSPECTOR, MEMBER), MEMBER, MAY, VOLUNTEER, 0,
				TODAY);

		assertThat(cadre.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
		assertThat(inspector.refusal()).isEqualTo(Decision.Refusal.FORBIDDEN);
	}

	@Test
	void futureMonthIsRefused() {
		Decision june = ClaimFilingPolicy.file(THE_MEMBER, MEMBER, YearMonth.of(2025, 6), VOLUNTEER, 0, TODAY);

		assertThat(june.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(june.reason()).contains("2025-06");
	}

	@Test
	void unknownItemIsRefused() {
		Decision decision = ClaimFilingPolicy.file(THE_MEMBER, MEMBER, MAY, null, 0, TODAY);

		assertThat(decision.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(decision.reason()).isEqualTo("积分项目不存在");
	}

	@Test
	void filingForEndedQuarterNeedsTownshipAccount() {
		YearMonth march = YearMonth.of(2025, 3);

		Decision bySecretary = ClaimFilingPolicy.file(SECRETARY, MEMBER, march, VOLUNTEER, 0, TODAY);
		Decision byTownship = ClaimFilingPolicy.file(TOWNSHIP, MEMBER, march, VOLUNTEER, 0, TODAY);
		Decision aprilBySecretary = ClaimFilingPolicy.file(SECRETARY, MEMBER, YearMonth.of(2025, 4), VOLUNTEER, 0,
				TODAY);

		assertThat(bySecretary.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(bySecretary.reason()).isEqualTo("2025 年第 1 季度已结束，补报须乡镇或以上账号");
		assertThat(byTownship.allowed()).isTrue();
		assertThat(aprilBySecretary.allowed()).isTrue();
	}

	@Test
	void claimThatCouldNeverBeApprovedIsRefusedAtFiling() {
		assertThat(ClaimFilingPolicy.file(THE_MEMBER, MEMBER, MAY, VOLUNTEER, 5, TODAY).allowed()).isTrue();

		Decision overCap = ClaimFilingPolicy.file(THE_MEMBER, MEMBER, MAY, VOLUNTEER, 10, TODAY);
		assertThat(overCap.refusal()).isEqualTo(Decision.Refusal.RULE);
		assertThat(overCap.reason()).contains("年度上限 10 分");
	}
}
