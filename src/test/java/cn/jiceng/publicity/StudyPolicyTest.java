package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import org.junit.jupiter.api.Test;

class StudyPolicyTest {

	@Test
	void aWeekWithASessionIsNotAGap() {
		List<String> gaps = StudyPolicy.weeksWithout(2025, LocalDate.of(2025, 1, 20),
				List.of(LocalDate.of(2025, 1, 8)));
		assertThat(gaps).containsExactly("2025-W01", "2025-W03");
	}

	@Test
	void theWeekWhoseSundayIsTodayOrLaterIsNotListedYet() {
		assertThat(StudyPolicy.weeksWithout(2025, LocalDate.of(2025, 1, 12), List.of())).containsExactly("2025-W01");
		assertThat(StudyPolicy.weeksWithout(2025, LocalDate.of(2025, 1, 13), List.of()))
			.containsExactly("2025-W01", "2025-W02");
	}

	@Test
	void isoWeekOneMayStartInDecemberAndASessionThereCounts() {
		// 2025-W01 runs from Monday 2024-12-30 to Sunday 2025-01-05
		assertThat(StudyPolicy.weeksWithout(2025, LocalDate.of(2025, 1, 7), List.of(LocalDate.of(2024, 12, 31))))
			.isEmpty();
	}

	@Test
	void aPastYearWithoutSessionsListsEveryIsoWeekIncludingW53() {
		List<String> gaps = StudyPolicy.weeksWithout(2020, LocalDate.of(2026, 1, 1), List.of());
		assertThat(gaps).hasSize(53).startsWith("2020-W01").endsWith("2020-W53");
		assertThat(StudyPolicy.weeksWithout(2025, LocalDate.of(2026, 6, 1), List.of())).hasSize(52);
	}

	@Test
	void aFutureYearHasNoGaps() {
		assertThat(StudyPolicy.weeksWithout(2027, LocalDate.of(2026, 6, 1), List.of())).isEmpty();
	}

	@Test
	void townshipCommitteesAndAgencyBranchesHoldNightStudyButVillageBranchesAndGroupsDoNot() {
		assertThat(StudyPolicy.mayHoldNightStudy(OrgKind.COMMITTEE, Field.RURAL).allowed()).isTrue();
		assertThat(StudyPolicy.mayHoldNightStudy(OrgKind.BRANCH, Field.AGENCY).allowed()).isTrue();
		assertThat(StudyPolicy.mayHoldNightStudy(OrgKind.BRANCH, Field.RURAL).allowed()).isFalse();
		assertThat(StudyPolicy.mayHoldNightStudy(OrgKind.GROUP, Field.AGENCY).reason()).contains("党小组");
	}

	@Test
	void theTownshipIsTheOrganizationDirectlyUnderTheCountyRoot() {
		assertThat(StudyPolicy.townshipOf("/1/12/305/")).isEqualTo(12L);
		assertThat(StudyPolicy.townshipOf("/1/12/")).isEqualTo(12L);
		assertThat(StudyPolicy.townshipOf("/1/")).isNull();
	}

	@Test
	void aLecturerFromTheHostsOwnTownshipIsRefused() {
		StudyPolicy.Decision d = StudyPolicy.crossLecture("/1/12/305/", "/1/12/306/");
		assertThat(d.allowed()).isFalse();
		assertThat(d.reason()).contains("其他乡镇");
	}

	@Test
	void aLecturerFromAnotherTownshipIsWelcome() {
		assertThat(StudyPolicy.crossLecture("/1/12/305/", "/1/13/400/").allowed()).isTrue();
	}

	@Test
	void theHostTownshipItselfCountsAsItsOwnTownship() {
		assertThat(StudyPolicy.crossLecture("/1/12/", "/1/12/306/").allowed()).isFalse();
	}
}
