package cn.jiceng.orglife;

import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/** A member's four-color cell for one month: a color, or explicitly no color (API {@code null}). */
sealed interface MonthColor {

	YearMonth month();

	String reason();

	/** Empty for a month that is not the member's or has not ended: shown as {@code null}, not as NONE. */
	Optional<FourColor> colorIfApplicable();

	record Colored(YearMonth month, FourColor color, String reason) implements MonthColor {

		public Colored {
			Objects.requireNonNull(month, "month");
			Objects.requireNonNull(color, "color");
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public Optional<FourColor> colorIfApplicable() {
			return Optional.of(color);
		}
	}

	record NotApplicable(YearMonth month, String reason) implements MonthColor {

		public NotApplicable {
			Objects.requireNonNull(month, "month");
			Objects.requireNonNull(reason, "reason");
		}

		@Override
		public Optional<FourColor> colorIfApplicable() {
			return Optional.empty();
		}
	}
}
