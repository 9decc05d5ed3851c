package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.SECRETARY_APPRAISAL_AVERAGE_AT;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_APPRAISAL_FAIRLY_GOOD_AT;
import static cn.jiceng.settings.RuleCatalog.SECRETARY_APPRAISAL_GOOD_AT;

import java.math.BigDecimal;
import java.util.Objects;

import cn.jiceng.settings.RuleSettings;

/**
 * The secretary year-end appraisal (述职评议, SPEC.md §4.7): a score 0–100 (two decimals) graded by the settings
 * {@code secretaryAppraisalGoodAt … AverageAt}; at finalization {@code GOOD} earns the red flag (流动红旗),
 * {@code AVERAGE} and {@code POOR} a yellow card (黄牌) and an interview, {@code FAIRLY_GOOD} neither. A finalized
 * appraisal is not changed any more.
 */
final class SecretaryAppraisalPolicy {

	public static final int MAX_SCORE = 100;

	/** What finalization gives an organization of a grade. */
	public record Outcome(SecretaryGrade grade, AppraisalAward award, boolean interview) {
	}

	private final RuleSettings settings;

	public SecretaryAppraisalPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** Why a score may not be given, or null when it may. */
	public static String scoreRefusal(BigDecimal score) {
		if (score == null) {
			return "请填写评议得分";
		}
		if (score.stripTrailingZeros().scale() > 2) {
			return "评议得分最多保留两位小数";
		}
		if (score.signum() < 0 || score.compareTo(BigDecimal.valueOf(MAX_SCORE)) > 0) {
			return "评议得分应在0到" + MAX_SCORE + "分之间";
		}
		return null;
	}

	public SecretaryGrade grade(BigDecimal score) {
		if (score.compareTo(BigDecimal.valueOf(settings.get(SECRETARY_APPRAISAL_GOOD_AT))) >= 0) {
			return SecretaryGrade.GOOD;
		}
		if (score.compareTo(BigDecimal.valueOf(settings.get(SECRETARY_APPRAISAL_FAIRLY_GOOD_AT))) >= 0) {
			return SecretaryGrade.FAIRLY_GOOD;
		}
		if (score.compareTo(BigDecimal.valueOf(settings.get(SECRETARY_APPRAISAL_AVERAGE_AT))) >= 0) {
			return SecretaryGrade.AVERAGE;
		}
		return SecretaryGrade.POOR;
	}

	/** The red flag, the yellow card with its interview, or nothing, for a score at finalization. */
	public Outcome atFinalization(BigDecimal score) {
		SecretaryGrade grade = grade(score);
		return switch (grade) {
			case GOOD -> new Outcome(grade, AppraisalAward.RED_FLAG, false);
			case FAIRLY_GOOD -> new Outcome(grade, null, false);
			case AVERAGE, POOR -> new Outcome(grade, AppraisalAward.YELLOW_CARD, true);
		};
	}

	/** Why an appraisal may not be entered or changed, or null when it may. */
	public static String changeRefusal(boolean finalized, int year) {
		return finalized ? year + "年度书记述职评议已定稿，不能再修改" : null;
	}
}
