package cn.jiceng.dues;

import static org.assertj.core.api.Assertions.assertThat;

import cn.jiceng.settings.RuleSettings;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The two-fact assessment used by the set-based arrears query must agree with the ledger walk. */
class ArrearsRunTest {

	private static final BigDecimal DUE = new BigDecimal("15.00");

	private final ArrearsPolicy policy = new ArrearsPolicy(RuleSettings.defaults());

	private static DuesLedger ledger(YearMonth first, YearMonth lastPaid) {
		Map<YearMonth, BigDecimal> paid = new HashMap<>();
		if (lastPaid != null) {
			paid.put(lastPaid, DUE);
		}
		return new DuesLedger(Map.of(first, DUE), paid);
	}

	@Test
	void runAfterTheLastPaidMonthMatchesTheLedger() {
		YearMonth first = YearMonth.of(2024, 1);
		YearMonth lastPaid = YearMonth.of(2024, 12);
		YearMonth asOf = YearMonth.of(2025, 6);

		Arrears fromFacts = policy.assess(first, lastPaid, asOf);

		assertThat(fromFacts).isEqualTo(policy.assess(ledger(first, lastPaid), asOf));
		assertThat(fromFacts.consecutiveUnpaidMonths()).isEqualTo(6);
		assertThat(fromFacts.flagged()).isTrue();
	}

	@Test
	void withoutAnyPaymentTheRunStartsAtTheFirstBase() {
		Arrears a = policy.assess(YearMonth.of(2025, 2), null, YearMonth.of(2025, 6));

		assertThat(a).isEqualTo(policy.assess(ledger(YearMonth.of(2025, 2), null), YearMonth.of(2025, 6)));
		assertThat(a.consecutiveUnpaidMonths()).isEqualTo(5);
		assertThat(a.since()).isEqualTo(YearMonth.of(2025, 2));
		assertThat(a.flagged()).isFalse();
	}

	@Test
	void paidAsOfMonthHasNoRun() {
		Arrears a = policy.assess(YearMonth.of(2024, 1), YearMonth.of(2025, 6), YearMonth.of(2025, 6));

		assertThat(a.consecutiveUnpaidMonths()).isZero();
		assertThat(a.since()).isNull();
		assertThat(a.message()).isEqualTo("截至2025-06无连续欠交党费");
	}

	@Test
	void asOfBeforeTheFirstBaseHasNoRun() {
		assertThat(policy.assess(YearMonth.of(2025, 3), null, YearMonth.of(2025, 1)).consecutiveUnpaidMonths()).isZero();
	}
}
