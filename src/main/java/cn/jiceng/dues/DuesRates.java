package cn.jiceng.dues;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * The dues numbers of 中组发〔2008〕3号. Not yet part of RuleSettings; kept here so that rule code holds no
 * literals and a county could one day override them.
 */
record DuesRates(
		RateScale workingScale,
		RateScale retiredScale,
		BigDecimal farmerMinimum,
		BigDecimal farmerMaximum,
		BigDecimal reducedAmount) {

	/** Rate for bases up to and including {@code upTo}. */
	public record Bracket(BigDecimal upTo, BigDecimal rate) {

		public Bracket {
			Objects.requireNonNull(upTo, "upTo");
			Objects.requireNonNull(rate, "rate");
		}
	}

	/** Whole-amount progression (全额累进): the first bracket the base fits in gives the rate for all of it. */
	public record RateScale(List<Bracket> brackets, BigDecimal aboveRate) {

		public RateScale {
			brackets = List.copyOf(brackets);
			Objects.requireNonNull(aboveRate, "aboveRate");
			for (int i = 1; i < brackets.size(); i++) {
				if (brackets.get(i).upTo().compareTo(brackets.get(i - 1).upTo()) <= 0) {
					throw new IllegalArgumentException("brackets must rise: " + brackets);
				}
			}
		}

		public BigDecimal rateFor(BigDecimal base) {
			for (Bracket bracket : brackets) {
				// Upper bounds are inclusive: 3000 still pays the 3000 bracket's rate.
				if (base.compareTo(bracket.upTo()) <= 0) {
					return bracket.rate();
				}
			}
			return aboveRate;
		}
	}

	public DuesRates {
		Objects.requireNonNull(workingScale, "workingScale");
		Objects.requireNonNull(retiredScale, "retiredScale");
		Objects.requireNonNull(farmerMinimum, "farmerMinimum");
		Objects.requireNonNull(farmerMaximum, "farmerMaximum");
		Objects.requireNonNull(reducedAmount, "reducedAmount");
		if (farmerMinimum.compareTo(farmerMaximum) > 0) {
			throw new IllegalArgumentException("farmerMinimum above farmerMaximum");
		}
	}

	public static DuesRates defaults() {
		return new DuesRates(
				new RateScale(List.of(
						new Bracket(new BigDecimal("3000"), new BigDecimal("0.005")),
						new Bracket(new BigDecimal("5000"), new BigDecimal("0.01")),
						new Bracket(new BigDecimal("10000"), new BigDecimal("0.015"))),
						new BigDecimal("0.02")),
				new RateScale(List.of(
						new Bracket(new BigDecimal("5000"), new BigDecimal("0.005"))),
						new BigDecimal("0.01")),
				new BigDecimal("0.20"),
				new BigDecimal("1.00"),
				new BigDecimal("0.20"));
	}

	public RateScale scaleFor(DuesCategory category) {
		return category.basis() == DuesCategory.Basis.RETIRED_SCALE ? retiredScale : workingScale;
	}
}
