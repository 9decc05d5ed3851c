package cn.jiceng.orglife;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import cn.jiceng.orglife.AttendanceResolution.Meeting;
import cn.jiceng.orglife.AttendanceResolution.Resolved;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class AttendanceResolutionTest {

	private final AttendanceResolution resolution = new AttendanceResolution();
	private final Meeting themedDay = new Meeting(MeetingType.THEMED_DAY, LocalDate.of(2025, 3, 10), null);
	private final Meeting julyFirst = new Meeting(MeetingType.BRANCH_ASSEMBLY, LocalDate.of(2025, 7, 1),
			GeneralMeeting.JULY_FIRST);

	@Test
	void unlistedBranchMemberCountsAbsent() {
		Resolved resolved = resolution.resolve(themedDay, Optional.empty(), false, false);

		assertThat(resolved.status()).isEqualTo(AttendanceStatus.ABSENT);
		assertThat(resolved.reason()).contains("未列入").contains("缺席");
	}

	@Test
	void unlistedMobileMemberWithRemoteReportCountsRemote() {
		Resolved resolved = resolution.resolve(themedDay, Optional.empty(), true, true);

		assertThat(resolved.status()).isEqualTo(AttendanceStatus.REMOTE);
		assertThat(resolved.reason()).contains("2025-03").contains("三信联系");
	}

	@Test
	void mobileMemberWithoutReportCountsAbsent() {
		assertThat(resolution.resolve(themedDay, Optional.empty(), true, false).status())
				.isEqualTo(AttendanceStatus.ABSENT);
	}

	@Test
	void reportOfMemberNoLongerMobileOnTheDateDoesNotCount() {
		assertThat(resolution.resolve(themedDay, Optional.empty(), false, true).status())
				.isEqualTo(AttendanceStatus.ABSENT);
	}

	@Test
	void remoteReportDoesNotCountAtJulyFirstMeeting() {
		Resolved resolved = resolution.resolve(julyFirst, Optional.empty(), true, true);

		assertThat(resolved.status()).isEqualTo(AttendanceStatus.ABSENT);
		assertThat(resolved.reason()).contains("七一党员大会");
	}

	@Test
	void remoteReportDoesNotCountAtSpringFestivalMeeting() {
		Meeting springFestival = new Meeting(MeetingType.BRANCH_ASSEMBLY, LocalDate.of(2025, 1, 25),
				GeneralMeeting.SPRING_FESTIVAL);

		assertThat(resolution.resolve(springFestival, Optional.of(AttendanceStatus.ABSENT), true, true).status())
				.isEqualTo(AttendanceStatus.ABSENT);
	}

	@Test
	void listedStatusStandsOverRemoteReport() {
		Resolved resolved = resolution.resolve(themedDay, Optional.of(AttendanceStatus.LEAVE), true, true);

		assertThat(resolved.status()).isEqualTo(AttendanceStatus.LEAVE);
		assertThat(resolved.reason()).contains("请假");
	}

	@Test
	void listedAbsentMobileMemberWithRemoteReportCountsRemote() {
		assertThat(resolution.resolve(themedDay, Optional.of(AttendanceStatus.ABSENT), true, true).status())
				.isEqualTo(AttendanceStatus.REMOTE);
	}

	@Test
	void listedPresentMemberIsPresent() {
		assertThat(resolution.resolve(julyFirst, Optional.of(AttendanceStatus.PRESENT), false, false).status())
				.isEqualTo(AttendanceStatus.PRESENT);
	}

	@Test
	void remoteCannotBeListed() {
		assertThatThrownBy(() -> resolution.resolve(themedDay, Optional.of(AttendanceStatus.REMOTE), true, true))
				.isInstanceOf(IllegalArgumentException.class);
		assertThat(AttendanceResolution.isListable(AttendanceStatus.REMOTE)).isFalse();
		assertThat(AttendanceResolution.isListable(AttendanceStatus.LATE_OR_EARLY)).isTrue();
	}
}
