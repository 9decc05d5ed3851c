package cn.jiceng.dues;

import static cn.jiceng.settings.RuleCatalog.DUES_ARREARS_MONTHS;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.settings.RuleSettings;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ArrearsPolicyTest {

	private static final BigDecimal DUE = new BigDecimal("49.00");

	private final ArrearsPolicy policy = new ArrearsPolicy(RuleSettings.defaults());

	/** Base from {@code first}; every month paid up to and including {@code lastPaid} (null: none). */
	private static DuesLedger ledger(YearMonth first, YearMonth lastPaid) {
		Map<YearMonth, BigDecimal> paid = new HashMap<>();
		if (lastPaid != null) {
			for (YearMonth m = first; !m.isAfter(lastPaid); m = m.plusMonths(1)) {
				paid.put(m, DUE);
			}
		}
		return new DuesLedger(Map.of(first, DUE), paid);
	}

	@Test
	void sixConsecutiveUnpaidMonthsFlagForBranchAssembly() {
		Arrears arrears = policy.assess(ledger(YearMonth.of(2024, 1), YearMonth.of(2024, 12)), YearMonth.of(2025, 6));

		assertThat(arrears.consecutiveUnpaidMonths()).isEqualTo(6);
		assertThat(arrears.since()).isEqualTo(YearMonth.of(2025, 1));
		assertThat(arrears.flagged()).isTrue();
		assertThat(arrears.message()).isEqualTo("连续6个月未交纳党费，提请支部党员大会按自行脱党程序处理");
	}

	@Test
	void fiveUnpaidMonthsAreNotFlagged() {
		Arrears arrears = policy.assess(ledger(YearMonth.of(2024, 1), YearMonth.of(2025, 1)), YearMonth.of(2025, 6));

		assertThat(arrears.consecutiveUnpaidMonths()).isEqualTo(5);
		assertThat(arrears.flagged()).isFalse();
		assertThat(arrears.message()).isEqualTo("连续5个月未交纳党费（自2025-02起），请督促按时交纳");
	}

	@Test
	void aPaidMonthBreaksTheRun() {
		Map<YearMonth, BigDecimal> paid = new HashMap<>();
		paid.put(YearMonth.of(2025, 3), DUE);
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2024, 1), DUE), paid);

		Arrears arrears = policy.assess(ledger, YearMonth.of(2025, 6));

		// 2024-01..2025-02 is 14 unpaid months, but only April to June follow the paid March.
		assertThat(arrears.consecutiveUnpaidMonths()).isEqualTo(3);
		assertThat(arrears.flagged()).isFalse();
	}

	@Test
	void partiallyPaidMonthsCountAsUnpaid() {
		Map<YearMonth, BigDecimal> paid = new HashMap<>();
		paid.put(YearMonth.of(2024, 12), DUE);
		for (int m = 1; m <= 6; m++) {
			paid.put(YearMonth.of(2025, m), new BigDecimal("48.99"));
		}
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2024, 12), DUE), paid);

		Arrears arrears = policy.assess(ledger, YearMonth.of(2025, 6));

		assertThat(arrears.consecutiveUnpaidMonths()).isEqualTo(6);
		assertThat(arrears.flagged()).isTrue();
	}

	@Test
	void countingStopsAtTheFirstBase() {
		Arrears arrears = policy.assess(ledger(YearMonth.of(2025, 2), null), YearMonth.of(2025, 6));

		assertThat(arrears.consecutiveUnpaidMonths()).isEqualTo(5);
		assertThat(arrears.since()).isEqualTo(YearMonth.of(2025, 2));
		assertThat(arrears.flagged()).isFalse();
	}

	@Test
	void asOfBeforeTheFirstBaseHasNoArrears() {
		Arrears arrears = policy.assess(ledger(YearMonth.of(2025, 2), null), YearMonth.of(2025, 1));

		assertThat(arrears.consecutiveUnpaidMonths()).isZero();
		assertThat(arrears.since()).isNull();
		assertThat(arrears.flagged()).isFalse();
	}

	@Test
	void paidAsOfMonthEndsTheRunAtZero() {
		Arrears arrears = policy.assess(ledger(YearMonth.of(2024, 1), YearMonth.of(2025, 6)), YearMonth.of(2025, 6));

		assertThat(arrears.consecutiveUnpaidMonths()).isZero();
		assertThat(arrears.message()).isEqualTo("截至2025-06无连续欠交党费");
	}

	@Test
	void theThresholdComesFromTheSettings() {
		RuleSettings three = RuleSettings.defaults().with(DUES_ARREARS_MONTHS, 3);

		Arrears arrears = new ArrearsPolicy(three).assess(ledger(YearMonth.of(2025, 2), null), YearMonth.of(2025, 4));

		assertThat(arrears.flagged()).isTrue();
		assertThat(arrears.message()).startsWith("连续3个月未交纳党费");
	}
}
