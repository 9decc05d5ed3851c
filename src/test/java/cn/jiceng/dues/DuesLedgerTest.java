package cn.jiceng.dues;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DuesLedgerTest {

	private static BigDecimal yuan(String amount) {
		return new BigDecimal(amount);
	}

	@Test
	void yearHasTwelveMonthsAndMonthsBeforeTheFirstBaseAreNone() {
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2025, 4), yuan("76.50")), Map.of());

		List<MonthDues> months = ledger.year(2025);

		assertThat(months).hasSize(12);
		assertThat(months).extracting(MonthDues::month).first().isEqualTo(YearMonth.of(2025, 1));
		assertThat(months).extracting(MonthDues::month).last().isEqualTo(YearMonth.of(2025, 12));
		assertThat(months.subList(0, 3)).extracting(MonthDues::status).containsOnly(PaymentStatus.NONE);
		assertThat(months.get(0).due()).isEqualTo(yuan("0.00"));
		assertThat(months.subList(3, 12)).extracting(MonthDues::status).containsOnly(PaymentStatus.UNPAID);
		assertThat(months.get(3).due()).isEqualTo(yuan("76.50"));
	}

	@Test
	void paymentEqualToTheDueMakesTheMonthPaid() {
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2025, 1), yuan("49")),
				Map.of(YearMonth.of(2025, 2), yuan("49.00")));

		MonthDues february = ledger.month(YearMonth.of(2025, 2));

		assertThat(february.status()).isEqualTo(PaymentStatus.PAID);
		assertThat(february.due()).isEqualTo(yuan("49.00"));
		assertThat(february.paid()).isEqualTo(yuan("49.00"));
		assertThat(ledger.status(YearMonth.of(2025, 1))).isEqualTo(PaymentStatus.UNPAID);
	}

	@Test
	void partialPaymentLeavesTheMonthUnpaid() {
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2025, 1), yuan("49.00")),
				Map.of(YearMonth.of(2025, 1), yuan("48.99")));

		assertThat(ledger.status(YearMonth.of(2025, 1))).isEqualTo(PaymentStatus.UNPAID);
		assertThat(ledger.month(YearMonth.of(2025, 1)).paid()).isEqualTo(yuan("48.99"));
	}

	@Test
	void overpaymentStillCountsAsPaid() {
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2025, 1), yuan("0.20")),
				Map.of(YearMonth.of(2025, 1), yuan("100")));

		assertThat(ledger.status(YearMonth.of(2025, 1))).isEqualTo(PaymentStatus.PAID);
	}

	@Test
	void aNewBaseAppliesFromItsEffectiveMonthOn() {
		DuesLedger ledger = new DuesLedger(
				Map.of(YearMonth.of(2024, 11), yuan("49.00"), YearMonth.of(2025, 7), yuan("76.50")), Map.of());

		List<MonthDues> months = ledger.year(2025);

		assertThat(months.get(5).due()).isEqualTo(yuan("49.00"));
		assertThat(months.get(6).due()).isEqualTo(yuan("76.50"));
		assertThat(months.get(11).due()).isEqualTo(yuan("76.50"));
		assertThat(ledger.firstMonth()).contains(YearMonth.of(2024, 11));
	}

	@Test
	void paymentBeforeTheFirstBaseIsShownButTheMonthIsNone() {
		DuesLedger ledger = new DuesLedger(Map.of(YearMonth.of(2025, 6), yuan("15.00")),
				Map.of(YearMonth.of(2025, 5), yuan("15.00")));

		MonthDues may = ledger.month(YearMonth.of(2025, 5));

		assertThat(may.status()).isEqualTo(PaymentStatus.NONE);
		assertThat(may.paid()).isEqualTo(yuan("15.00"));
	}

	@Test
	void memberWithoutBaseHasNoneAllYear() {
		DuesLedger ledger = new DuesLedger(Map.of(), Map.of());

		assertThat(ledger.year(2025)).extracting(MonthDues::status).containsOnly(PaymentStatus.NONE);
		assertThat(ledger.firstMonth()).isEmpty();
	}
}
