package cn.jiceng.assessment;

import static cn.jiceng.settings.RuleCatalog.CADRE_DEPARTMENTS_POINTS;
import static cn.jiceng.settings.RuleCatalog.CADRE_EXCELLENT_AT;
import static cn.jiceng.settings.RuleCatalog.CADRE_FAIR_AT;
import static cn.jiceng.settings.RuleCatalog.CADRE_GOOD_AT;
import static cn.jiceng.settings.RuleCatalog.CADRE_LEADER_POINTS;
import static cn.jiceng.settings.RuleCatalog.CADRE_MASSES_POINTS;
import static cn.jiceng.settings.RuleCatalog.CADRE_YEAR_END_POINTS;
import static cn.jiceng.settings.RuleCatalog.PROMOTION_PRIORITY_YEARS;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.Setting.IntSetting;

/**
 * The cadre contact appraisal ("树根" 100 points, SPEC.md §4.7): four components — leader ({@code cadreLeaderPoints},
 * 20), masses ({@code cadreMassesPoints}, 40), departments ({@code cadreDepartmentsPoints}, 10) and year-end
 * ({@code cadreYearEndPoints}, 30) — each from 0 to its full points with at most two decimals; the total banded by
 * {@code cadreExcellentAt}, {@code cadreGoodAt} and {@code cadreFairAt} into 优秀/良好/一般/较差. An ineffective contact
 * assignment that year caps the grade at 良好. The appraisal belongs to the person, so the history spans every unit
 * they served in; the latest {@code promotionPriorityYears} appraised years, consecutive and all 优秀, give promotion
 * priority.
 */
final class CadreAppraisalPolicy {

	/** The four components as entered. */
	public record Components(BigDecimal leader, BigDecimal masses, BigDecimal departments, BigDecimal yearEnd) {

		public BigDecimal total() {
			return leader.add(masses).add(departments).add(yearEnd).setScale(2, RoundingMode.HALF_UP);
		}
	}

	/** The total, the grade as recorded, and why it is lower than its band when it is. */
	public record Result(BigDecimal total, CadreGrade banded, CadreGrade grade, String capReason) {

		public boolean capped() {
			return capReason != null;
		}
	}

	/** One appraised year of a person. */
	public record Year(int year, CadreGrade grade) {
	}

	private final RuleSettings settings;

	public CadreAppraisalPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/** The full points of each component, in the order leader, masses, departments, year-end. */
	public int fullPoints(Component component) {
		return settings.get(component.setting);
	}

	/** Problems of entered components: missing, negative, above the full points, more than two decimals. */
	public List<FieldProblem> check(BigDecimal leader, BigDecimal masses, BigDecimal departments, BigDecimal yearEnd) {
		List<FieldProblem> problems = new ArrayList<>();
		check(Component.LEADER, leader, problems);
		check(Component.MASSES, masses, problems);
		check(Component.DEPARTMENTS, departments, problems);
		check(Component.YEAR_END, yearEnd, problems);
		return problems;
	}

	private void check(Component c, BigDecimal value, List<FieldProblem> problems) {
		int full = fullPoints(c);
		if (value == null) {
			problems.add(new FieldProblem(c.field, "请填写" + c.label + "得分（0到" + full + "分）"));
		}
		else if (value.stripTrailingZeros().scale() > 2) {
			problems.add(new FieldProblem(c.field, c.label + "得分最多保留两位小数"));
		}
		else if (value.signum() < 0 || value.compareTo(BigDecimal.valueOf(full)) > 0) {
			problems.add(new FieldProblem(c.field, c.label + "得分应在0到" + full + "分之间"));
		}
	}

	public CadreGrade band(BigDecimal total) {
		BigDecimal t = total.setScale(2, RoundingMode.HALF_UP);
		if (t.compareTo(BigDecimal.valueOf(settings.get(CADRE_EXCELLENT_AT))) >= 0) {
			return CadreGrade.EXCELLENT;
		}
		if (t.compareTo(BigDecimal.valueOf(settings.get(CADRE_GOOD_AT))) >= 0) {
			return CadreGrade.GOOD;
		}
		if (t.compareTo(BigDecimal.valueOf(settings.get(CADRE_FAIR_AT))) >= 0) {
			return CadreGrade.FAIR;
		}
		return CadreGrade.POOR;
	}

	/** The grade of checked components, capped at 良好 when the year's contact assignment was ineffective. */
	public Result appraise(Components components, ContactAssignmentEffectiveness.Finding contact) {
		BigDecimal total = components.total();
		CadreGrade banded = band(total);
		if (banded == CadreGrade.EXCELLENT && contact != null && contact.ineffective()) {
			String why = contact.reason() == null || contact.reason().isBlank() ? "" : "（" + contact.reason() + "）";
			return new Result(total, banded, CadreGrade.GOOD, "当年挂钩帮扶不力" + why + "，不得评为优秀，按良好记");
		}
		return new Result(total, banded, banded, null);
	}

	/**
	 * Promotion priority (连续三年优秀优先提拔使用): the latest {@code promotionPriorityYears} appraised years are
	 * consecutive calendar years and every one of them is 优秀. Fewer appraised years → no.
	 */
	public boolean promotionPriority(List<Year> history) {
		int needed = settings.get(PROMOTION_PRIORITY_YEARS);
		List<Year> latest = history.stream().sorted(Comparator.comparingInt(Year::year).reversed()).toList();
		if (latest.size() < needed) {
			return false;
		}
		for (int i = 0; i < needed; i++) {
			Year y = latest.get(i);
			if (y.grade() != CadreGrade.EXCELLENT || y.year() != latest.get(0).year() - i) {
				return false;
			}
		}
		return true;
	}

	/** The four components, with their settings, field names and Chinese labels. */
	public enum Component {
		LEADER(CADRE_LEADER_POINTS, "leader", "领导评价"), MASSES(CADRE_MASSES_POINTS, "masses", "群众评价"),
		DEPARTMENTS(CADRE_DEPARTMENTS_POINTS, "departments", "部门评价"),
		YEAR_END(CADRE_YEAR_END_POINTS, "yearEnd", "年终考核");

		private final IntSetting setting;
		private final String field;
		private final String label;

		Component(IntSetting setting, String field, String label) {
			this.setting = setting;
			this.field = field;
			this.label = label;
		}

		public String field() {
			return field;
		}

		public String label() {
			return label;
		}
	}
}
