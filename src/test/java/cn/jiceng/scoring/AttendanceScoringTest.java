package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.BONUS_CAP_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.GRADE_BASIC_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.GRADE_QUALIFIED_AT;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_MIN_LECTURES_PER_YEAR;
import static cn.jiceng.settings.RuleCatalog.WARNING_BELOW;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.jiceng.orglife.AttendanceStatus;
import cn.jiceng.orglife.MeetingType;
import cn.jiceng.settings.RuleSettings;

class AttendanceScoringTest {

	private static final LocalDate DAY = LocalDate.of(2025, 3, 15);

	private final AttendanceScoring scoring = new AttendanceScoring(RuleSettings.defaults());

	@Test
	void absenceFromThemedDayCostsTenPoints() {
		ScoreEntry entry = scoring.entryFor(DAY, MeetingType.THEMED_DAY, AttendanceStatus.ABSENT).orElseThrow();

		assertThat(entry.points()).isEqualTo(-10);
		assertThat(entry.date()).isEqualTo(DAY);
		assertThat(entry.source()).isEqualTo(EntrySource.ATTENDANCE);
		assertThat(entry.veto()).isFalse();
		assertThat(entry.reason()).isEqualTo("2025-03-15 主题党日 缺席 −10");
	}

	@Test
	void leaveAndLatenessAtThemedDayCostTwoAndThree() {
		assertThat(scoring.points(MeetingType.THEMED_DAY, AttendanceStatus.LEAVE)).isEqualTo(-2);
		assertThat(scoring.points(MeetingType.THEMED_DAY, AttendanceStatus.LATE_OR_EARLY)).isEqualTo(-3);
	}

	@Test
	void leaveFromBranchAssemblyCostsOnePoint() {
		ScoreEntry entry = scoring.entryFor(DAY, MeetingType.BRANCH_ASSEMBLY, AttendanceStatus.LEAVE).orElseThrow();

		assertThat(entry.points()).isEqualTo(-1);
		assertThat(entry.reason()).isEqualTo("2025-03-15 支部党员大会 请假 −1");
	}

	@Test
	void absenceFromGroupMeetingOrPartyLectureCostsFivePoints() {
		assertThat(scoring.points(MeetingType.GROUP_MEETING, AttendanceStatus.ABSENT)).isEqualTo(-5);
		assertThat(scoring.points(MeetingType.PARTY_LECTURE, AttendanceStatus.ABSENT)).isEqualTo(-5);
		assertThat(scoring.points(MeetingType.PARTY_LECTURE, AttendanceStatus.LATE_OR_EARLY)).isEqualTo(-1);
	}

	@Test
	void presentAndRemoteCostNothing() {
		for (MeetingType type : MeetingType.values()) {
			assertThat(scoring.entryFor(DAY, type, AttendanceStatus.PRESENT)).as(type.name()).isEmpty();
			assertThat(scoring.entryFor(DAY, type, AttendanceStatus.REMOTE)).as(type.name()).isEmpty();
		}
	}

	@Test
	void committeeMeetingAbsenceIsNotScored() {
		assertThat(scoring.entryFor(DAY, MeetingType.COMMITTEE_MEETING, AttendanceStatus.ABSENT)).isEmpty();
		assertThat(scoring.entryFor(DAY, MeetingType.LIFE_MEETING, AttendanceStatus.ABSENT)).isEmpty();
		assertThat(scoring.entryFor(DAY, MeetingType.DEMOCRATIC_APPRAISAL, AttendanceStatus.ABSENT)).isEmpty();
	}

	@Test
	void deductionsComeFromTheYearsSettings() {
		RuleSettings d = RuleSettings.defaults();
		RuleSettings strict = TestSettings.scoring(d.get(WARNING_BELOW), d.get(BONUS_CAP_PER_YEAR), d.get(GRADE_EXCELLENT_AT),
				d.get(GRADE_QUALIFIED_AT), d.get(GRADE_BASIC_AT), Map.of("ABSENT", -15), Map.of("ABSENT", -8),
				d.get(SECRETARY_MIN_LECTURES_PER_YEAR));
		AttendanceScoring strictScoring = new AttendanceScoring(strict);

		assertThat(strictScoring.points(MeetingType.THEMED_DAY, AttendanceStatus.ABSENT)).isEqualTo(-15);
		assertThat(strictScoring.points(MeetingType.BRANCH_ASSEMBLY, AttendanceStatus.ABSENT)).isEqualTo(-8);
		assertThat(strictScoring.entryFor(DAY, MeetingType.THEMED_DAY, AttendanceStatus.LEAVE)).isEmpty();
	}
}
