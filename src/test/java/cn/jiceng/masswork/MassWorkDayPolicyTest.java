package cn.jiceng.masswork;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.YearMonth;

import org.junit.jupiter.api.Test;

/** 秤砣 work days: the 6th and 7th of each month by default, any two consecutive days by setting. */
class MassWorkDayPolicyTest {

	@Test
	void theSixthAndSeventhAreWorkDaysByDefaultAndTheEighthIsNot() {
		assertThat(MassWorkDayPolicy.isWorkDay("6,7", LocalDate.of(2026, 2, 6))).isTrue();
		assertThat(MassWorkDayPolicy.isWorkDay("6,7", LocalDate.of(2026, 2, 7))).isTrue();
		assertThat(MassWorkDayPolicy.isWorkDay("6,7", LocalDate.of(2026, 2, 8))).isFalse();
		assertThat(MassWorkDayPolicy.describe("6,7")).isEqualTo("每月6日、7日");
	}

	@Test
	void theNextWorkDayAfterTheSeventhIsInTheNextMonth() {
		assertThat(MassWorkDayPolicy.next("6,7", LocalDate.of(2026, 12, 7))).isEqualTo(LocalDate.of(2026, 12, 7));
		assertThat(MassWorkDayPolicy.next("6,7", LocalDate.of(2026, 12, 8))).isEqualTo(LocalDate.of(2027, 1, 6));
		assertThat(MassWorkDayPolicy.inMonth("27,28", YearMonth.of(2026, 2))).containsExactly(LocalDate.of(2026, 2, 27),
				LocalDate.of(2026, 2, 28));
	}
}
