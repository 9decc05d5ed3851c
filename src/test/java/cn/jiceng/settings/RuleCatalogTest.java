package cn.jiceng.settings;

import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.PARTY_LECTURE_PERIOD;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_REMINDER_FROM_DAY;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_GENERAL_BRANCH_ABOVE;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.common.FieldProblem;
import org.junit.jupiter.api.Test;

class RuleCatalogTest {

	@Test
	void theDefaultsAreTheSpecsNumbers() {
		RuleSettings d = RuleSettings.defaults();
		assertThat(d.get(WARNING_BELOW)).isEqualTo(60);
		assertThat(d.get(UPGRADE_TO_GENERAL_BRANCH_ABOVE)).isEqualTo(50);
		assertThat(d.get(THEMED_DAY_DEDUCTIONS)).containsExactly(Map.entry("LEAVE", -2),
				Map.entry("LATE_OR_EARLY", -3), Map.entry("ABSENT", -10));
		assertThat(d.get(PARTY_LECTURE_PERIOD)).isEqualTo(RuleCatalog.PERIOD_QUARTER);
	}

	@Test
	void everyKeyOfTheApiContractIsDeclaredOnce() {
		assertThat(RuleCatalog.ALL).extracting(Setting::name)
			.doesNotHaveDuplicates()
			.contains("upgradeToGeneralBranchAbove", "upgradeToCommitteeAt", "warningBelow", "bonusCapPerYear",
					"ruralMissedThemedDayDeductionYuan", "agencyMissedThemedDaysForDisqualification", "backfillDays",
					"themedDayDeductions", "meetingDeductions");
		assertThat(RuleSettings.defaults().asMap().keySet()).containsExactlyElementsOf(
				RuleCatalog.ALL.stream().map(Setting::name).toList());
	}

	@Test
	void theDefaultsSatisfyEveryRelation() {
		assertThat(RuleSettings.overlay(Map.of()).problems()).isEmpty();
	}

	@Test
	void gradeThresholdsThatDoNotDescendAreRefusedOnTheHigherOne() {
		var overlay = RuleSettings.overlay(Map.of("gradeExcellentAt", 70));

		assertThat(overlay.problems()).extracting(FieldProblem::field).containsExactly("gradeExcellentAt");
		assertThat(overlay.problems().get(0).message()).contains("应高于“合格”等次最低分");
	}

	@Test
	void equalGradeThresholdsAreRefusedToo() {
		assertThat(RuleSettings.overlay(Map.of("gradeQualifiedAt", 60)).problems()).extracting(FieldProblem::field)
			.containsExactly("gradeQualifiedAt");
	}

	@Test
	void raisingAllThreeGradesTogetherIsAccepted() {
		var overlay = RuleSettings.overlay(Map.of("gradeBasicAt", 80, "gradeQualifiedAt", 88, "gradeExcellentAt", 95));

		assertThat(overlay.problems()).isEmpty();
		assertThat(overlay.settings().get(GRADE_BASIC_AT)).isEqualTo(80);
		assertThat(overlay.settings().get(GRADE_QUALIFIED_AT)).isEqualTo(88);
		assertThat(overlay.settings().get(GRADE_EXCELLENT_AT)).isEqualTo(95);
	}

	@Test
	void aReminderDayPastTheThirtyFirstIsRefusedWithItsRange() {
		var overlay = RuleSettings.overlay(Map.of("themedDayReminderFromDay", 32));

		assertThat(overlay.problems()).containsExactly(new FieldProblem("themedDayReminderFromDay", "应为1到31之间的整数"));
		assertThat(overlay.settings().get(THEMED_DAY_REMINDER_FROM_DAY)).isEqualTo(20);
	}

	@Test
	void aFractionOrATextIsNotAWholeNumber() {
		assertThat(RuleSettings.overlay(Map.of("warningBelow", 59.5)).problems()).hasSize(1);
		assertThat(RuleSettings.overlay(Map.of("warningBelow", "59")).problems()).hasSize(1);
	}

	@Test
	void aChangedDeductionKeepsTheStatusesItDoesNotName() {
		var overlay = RuleSettings.overlay(Map.of("themedDayDeductions", Map.of("ABSENT", -25)));

		assertThat(overlay.problems()).isEmpty();
		assertThat(overlay.settings().get(THEMED_DAY_DEDUCTIONS)).containsEntry("ABSENT", -25)
			.containsEntry("LEAVE", -2)
			.containsEntry("LATE_OR_EARLY", -3);
	}

	@Test
	void aDeductionAboveZeroOrForAnUnknownStatusIsRefused() {
		assertThat(RuleSettings.overlay(Map.of("themedDayDeductions", Map.of("ABSENT", 5))).problems().get(0).message())
			.isEqualTo("缺席的分值应为-100到0之间的整数");
		assertThat(RuleSettings.overlay(Map.of("meetingDeductions", Map.of("PRESENT", -1))).problems().get(0).message())
			.isEqualTo("未知的出勤状态：PRESENT");
	}

	@Test
	void aPeriodMustBeOneOfItsChoices() {
		assertThat(RuleSettings.overlay(Map.of("partyLecturePeriod", "MONTH")).problems()).extracting(FieldProblem::field)
			.containsExactly("partyLecturePeriod");
		assertThat(RuleSettings.overlay(Map.of("partyLecturePeriod", "YEAR")).settings().get(PARTY_LECTURE_PERIOD))
			.isEqualTo("YEAR");
	}

	@Test
	void anUnknownSettingIsNamedInTheProblem() {
		assertThat(RuleSettings.overlay(Map.of("noSuchRule", 1)).problems())
			.containsExactly(new FieldProblem("noSuchRule", "未知的规则参数：noSuchRule"));
	}

	@Test
	void withByNameChangesOneValueAndLeavesTheDefaultsAlone() {
		RuleSettings changed = RuleSettings.defaults().with("warningBelow", 55);

		assertThat(changed.get(WARNING_BELOW)).isEqualTo(55);
		assertThat(RuleSettings.defaults().get(WARNING_BELOW)).isEqualTo(60);
		assertThat(changed.changesFromDefaults()).containsExactly(Map.entry("warningBelow", 55));
	}

	@Test
	void withRefusesAValueOutsideTheRange() {
		assertThatThrownBy(() -> RuleSettings.defaults().with(WARNING_BELOW, 101))
			.isInstanceOf(IllegalArgumentException.class)
			.hasMessageContaining("0到100");
		assertThatThrownBy(() -> RuleSettings.defaults().with("noSuchRule", 1))
			.hasMessageContaining("未知的规则参数");
	}

	@Test
	void aValueEqualToTheDefaultIsNoChange() {
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("warningBelow", 60);
		assertThat(RuleSettings.overlay(changes).settings().changesFromDefaults()).isEmpty();
	}
	@Test
	void contactDutyRefusalsSpeakOfContactDutiesAndCountsNotOfAttendance() {
		assertThat(RuleSettings.overlay(Map.of("contactDuties", Map.of("LEADER_TO_TOWNSHIP.WALK", 3))).problems().get(0)
			.message()).isEqualTo("未知的挂联职责：LEADER_TO_TOWNSHIP.WALK");
		assertThat(RuleSettings.overlay(Map.of("contactDuties", Map.of("DEPARTMENT_TO_VILLAGE.VISIT", -1))).problems()
			.get(0).message()).isEqualTo("部门包村：走访的次数应为0到366之间的整数");
		assertThat(RuleSettings.overlay(Map.of("contactDuties", 5)).problems().get(0).message())
			.isEqualTo("应为按挂联职责给出次数的对象，如 {\"LEADER_TO_TOWNSHIP.RESEARCH_DAY\": 24}");
		assertThat(RuleSettings.overlay(Map.of("meetingDeductions", 5)).problems().get(0).message())
			.isEqualTo("应为按出勤状态给出分值的对象，如 {\"ABSENT\": -10}");
	}

	@Test
	void thePairingRuleDefaultsAreTheSeedsNumbers() {
		RuleSettings d = RuleSettings.defaults();
		assertThat(d.get(RuleCatalog.PAIRING_SERVICES_PER_YEAR)).isEqualTo(3);
		assertThat(d.get(RuleCatalog.PAIRING_WISHES_PER_QUARTER)).isEqualTo(1);
		assertThat(d.get(RuleCatalog.PAIRING_DIFFICULTIES_PER_YEAR)).isEqualTo(1);
	}
}
