package cn.jiceng.settings;

import static cn.jiceng.settings.Section.ASSESSMENT;
import static cn.jiceng.settings.Section.DEVELOPMENT;
import static cn.jiceng.settings.Section.DUES;
import static cn.jiceng.settings.Section.MASSWORK;
import static cn.jiceng.settings.Section.ORGANIZATION;
import static cn.jiceng.settings.Section.ORGANIZATIONAL_LIFE;
import static cn.jiceng.settings.Section.SUPERVISION;
import static cn.jiceng.settings.Section.PUBLICITY;
import static cn.jiceng.settings.Section.VANGUARD_INDEX;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.settings.Setting.ChoiceSetting;
import cn.jiceng.settings.Setting.IntSetting;
import cn.jiceng.settings.Setting.PointsByStatus;

/**
 * Every rule number of SPEC.md §4, declared once: code name, default, page section, Chinese label, unit and the
 * values a county may choose. The defaults, the settings page, the API's validation, the audit labels and the
 * tests' {@code RuleSettings.with(name, value)} are all built from these declarations; a new rule adds one line
 * here (in page order) and, where it depends on another, one {@link Relation}.
 */
public final class RuleCatalog {

	private static final List<Setting<?>> declared = new ArrayList<>();

	public static final String PERIOD_QUARTER = "QUARTER";
	public static final String PERIOD_YEAR = "YEAR";

	private static final Map<String, String> ATTENDANCE_DEDUCTED = labels("LEAVE", "请假", "LATE_OR_EARLY", "迟到早退",
			"ABSENT", "缺席");

	// §4.1 organizations
	public static final IntSetting JOIN_BRANCH_BELOW_FULL_MEMBERS = integer("joinBranchBelowFullMembers", 3,
			ORGANIZATION, "正式党员少于此数，建议组建联合党支部", "名", 1, 50);
	public static final IntSetting UPGRADE_TO_GENERAL_BRANCH_ABOVE = integer("upgradeToGeneralBranchAbove", 50,
			ORGANIZATION, "支部党员超过此数，建议拆分或升格为党总支", "名", 3, 1000);
	public static final IntSetting UPGRADE_TO_COMMITTEE_AT = integer("upgradeToCommitteeAt", 100, ORGANIZATION,
			"党员达到此数，可申请设立基层党委", "名", 3, 10000);
	public static final IntSetting INACTIVE_AFTER_MONTHS = integer("inactiveAfterMonths", 3, ORGANIZATION,
			"连续几个完整自然月无组织生活，提示疑似空壳支部", "个月", 1, 24);
	public static final IntSetting TERM_YEARS_COMMITTEE = integer("termYearsCommittee", 5, ORGANIZATION, "基层党委任期",
			"年", 1, 10);
	public static final IntSetting TERM_YEARS_BRANCH = integer("termYearsBranch", 3, ORGANIZATION, "党总支、党支部任期",
			"年", 1, 10);
	public static final IntSetting TERM_YEARS_RURAL_COMMUNITY = integer("termYearsRuralCommunity", 5, ORGANIZATION,
			"村、社区党组织任期", "年", 1, 10);
	public static final IntSetting TERM_EXPIRING_WITHIN_MONTHS = integer("termExpiringWithinMonths", 6, ORGANIZATION,
			"任期届满前多久提醒换届", "个月", 1, 24);
	public static final IntSetting SECRETARY_VACANCY_MONTHS = integer("secretaryVacancyMonths", 3, ORGANIZATION,
			"书记职位空缺超过几个月视为班子空缺", "个月", 1, 24);

	// §4.2 organizational life
	public static final IntSetting COMMITTEE_MEETING_MIN_FULL_MEMBERS = integer("committeeMeetingMinFullMembers", 7,
			ORGANIZATIONAL_LIFE, "正式党员达到此数的支部须每月召开支委会", "名", 1, 100);
	public static final ChoiceSetting PARTY_LECTURE_PERIOD = choice("partyLecturePeriod", PERIOD_QUARTER,
			ORGANIZATIONAL_LIFE, "党课周期", labels(PERIOD_QUARTER, "每季度", PERIOD_YEAR, "每年"));
	public static final IntSetting RURAL_MISSED_THEMED_DAY_DEDUCTION_YUAN = integer("ruralMissedThemedDayDeductionYuan",
			500, ORGANIZATIONAL_LIFE, "农村支部每缺一次主题党日，扣减书记基本报酬", "元", 0, 100000);
	public static final IntSetting AGENCY_MISSED_THEMED_DAYS_FOR_DISQUALIFICATION = integer(
			"agencyMissedThemedDaysForDisqualification", 2, ORGANIZATIONAL_LIFE, "机关支部一年缺主题党日达此次数，书记取消当年评优资格",
			"次", 1, 12);
	public static final IntSetting BACKFILL_DAYS = integer("backfillDays", 30, ORGANIZATIONAL_LIFE,
			"会议召开多少天后录入须乡镇以上账号补录", "天", 1, 366);
	public static final IntSetting THEMED_DAY_REMINDER_FROM_DAY = integer("themedDayReminderFromDay", 20,
			ORGANIZATIONAL_LIFE, "每月从几号起每日提醒未开主题党日的支部（大于当月天数时从月末起）", "日", 1, 31);

	// §4.3 vanguard index
	public static final IntSetting WARNING_BELOW = integer("warningBelow", 60, VANGUARD_INDEX, "先锋指数低于此分为警示党员",
			"分", 0, 100);
	public static final IntSetting BONUS_CAP_PER_YEAR = integer("bonusCapPerYear", 20, VANGUARD_INDEX, "每年加分合计上限",
			"分", 0, 100);
	public static final IntSetting GRADE_EXCELLENT_AT = integer("gradeExcellentAt", 90, VANGUARD_INDEX, "“优秀”等次最低分",
			"分", 1, 100);
	public static final IntSetting GRADE_QUALIFIED_AT = integer("gradeQualifiedAt", 75, VANGUARD_INDEX, "“合格”等次最低分",
			"分", 1, 100);
	public static final IntSetting GRADE_BASIC_AT = integer("gradeBasicAt", 60, VANGUARD_INDEX, "“基本合格”等次最低分", "分",
			1, 100);
	public static final PointsByStatus THEMED_DAY_DEDUCTIONS = points("themedDayDeductions",
			Map.of("LEAVE", -2, "LATE_OR_EARLY", -3, "ABSENT", -10), VANGUARD_INDEX, "主题党日出勤扣分", "分");
	public static final PointsByStatus MEETING_DEDUCTIONS = points("meetingDeductions",
			Map.of("LEAVE", -1, "LATE_OR_EARLY", -1, "ABSENT", -5), VANGUARD_INDEX, "其他规定会议出勤扣分", "分");
	public static final IntSetting SECRETARY_MIN_LECTURES_PER_YEAR = integer("secretaryMinLecturesPerYear", 2,
			VANGUARD_INDEX, "支部书记每年至少讲党课", "次", 0, 52);

	// §4.4 dues
	public static final IntSetting DUES_ARREARS_MONTHS = integer("duesArrearsMonths", 6, DUES,
			"连续几个月未交党费，提示支部党员大会处理", "个月", 1, 24);
	public static final IntSetting DUES_MAX_MONTHS_AHEAD_OR_BEHIND = integer("duesMaxMonthsAheadOrBehind", 6, DUES,
			"最多可预交或补交的月数", "个月", 0, 24);

	// §4.5 membership development (the Party Constitution's fixed numbers — two introducers, one or two contacts,
	// a 12-month probation extended once by 6 to 12 months — are not settings: a county may not change them)
	public static final IntSetting DEVELOPMENT_MIN_AGE = integer("developmentMinAge", 18, DEVELOPMENT,
			"递交入党申请书时须年满", "周岁", 18, 30);
	public static final IntSetting ACTIVIST_MONTHS_BEFORE_CANDIDATE = integer("activistMonthsBeforeCandidate", 12,
			DEVELOPMENT, "确定为入党积极分子后至少多久方可列为发展对象", "个月", 12, 36);
	public static final IntSetting TRAINING_MIN_HOURS = integer("trainingMinHours", 24, DEVELOPMENT, "发展对象集中培训不少于",
			"学时", 24, 200);
	public static final IntSetting TALK_WITHIN_DAYS = integer("talkWithinDays", 30, DEVELOPMENT,
			"收到入党申请书后多少天内派人谈话（超期预警）", "天", 1, 90);
	public static final IntSetting ASSESSMENT_EVERY_MONTHS = integer("assessmentEveryMonths", 6, DEVELOPMENT,
			"积极分子、发展对象多久未考察即预警", "个月", 1, 12);
	public static final IntSetting APPROVAL_WARNING_MONTHS = integer("approvalWarningMonths", 3, DEVELOPMENT,
			"支部大会表决后多久未审批即预警", "个月", 1, 6);
	// local rules (RULES.md §3, tagged [C]): 0 keeps the national rule, which sets no such limit
	public static final IntSetting ACTIVIST_MONTHS_AFTER_APPLICATION = integer("activistMonthsAfterApplication", 0,
			DEVELOPMENT, "递交入党申请书后至少多久方可确定为入党积极分子（0为不限）", "个月", 0, 24);
	public static final IntSetting POLITICAL_REVIEW_VALID_MONTHS = integer("politicalReviewValidMonths", 0,
			DEVELOPMENT, "政治审查结论有效期，超过须重新政审后方可提交支部大会（0为不限）", "个月", 0, 36);
	public static final IntSetting PUBLICITY_DAYS = integer("publicityDays", 5, DEVELOPMENT,
			"发展对象接收前公示不少于（工作日，0为不要求公示）", "个工作日", 0, 15);

	// §4.7 organization assessment
	public static final IntSetting STAR_FIVE_AT = integer("starFiveAt", 90, ASSESSMENT, "评定“五星”的最低得分", "分", 1,
			100);
	public static final IntSetting STAR_FOUR_AT = integer("starFourAt", 80, ASSESSMENT, "评定“四星”的最低得分", "分", 1,
			100);
	public static final IntSetting STAR_THREE_AT = integer("starThreeAt", 70, ASSESSMENT, "评定“三星”的最低得分", "分", 1,
			100);
	public static final IntSetting STAR_TWO_AT = integer("starTwoAt", 60, ASSESSMENT, "评定“二星”的最低得分（以下为一星）", "分",
			1, 100);
	public static final IntSetting WEAK_LAX_MAX_STARS = integer("weakLaxMaxStars", 2, ASSESSMENT,
			"列入当年软弱涣散名单的党组织最多评定", "星", 1, 5);
	public static final IntSetting INSPECTION_INTERVIEW_BOTTOM = integer("inspectionInterviewBottom", 1, ASSESSMENT,
			"通报排名后几名的书记和组织委员被约谈", "名", 0, 20);
	public static final IntSetting SECRETARY_APPRAISAL_GOOD_AT = integer("secretaryAppraisalGoodAt", 90, ASSESSMENT,
			"书记述职评议“好”的最低得分（授流动红旗）", "分", 1, 100);
	public static final IntSetting SECRETARY_APPRAISAL_FAIRLY_GOOD_AT = integer("secretaryAppraisalFairlyGoodAt", 80,
			ASSESSMENT, "书记述职评议“较好”的最低得分", "分", 1, 100);
	public static final IntSetting SECRETARY_APPRAISAL_AVERAGE_AT = integer("secretaryAppraisalAverageAt", 60,
			ASSESSMENT, "书记述职评议“一般”的最低得分（以下为“差”；一般和差亮黄牌并约谈）", "分", 1, 100);
	public static final IntSetting CADRE_LEADER_POINTS = integer("cadreLeaderPoints", 20, ASSESSMENT,
			"“树根”考核：领导评价满分", "分", 0, 100);
	public static final IntSetting CADRE_MASSES_POINTS = integer("cadreMassesPoints", 40, ASSESSMENT,
			"“树根”考核：群众评价满分", "分", 0, 100);
	public static final IntSetting CADRE_DEPARTMENTS_POINTS = integer("cadreDepartmentsPoints", 10, ASSESSMENT,
			"“树根”考核：部门评价满分", "分", 0, 100);
	public static final IntSetting CADRE_YEAR_END_POINTS = integer("cadreYearEndPoints", 30, ASSESSMENT,
			"“树根”考核：年终考核满分", "分", 0, 100);
	public static final IntSetting CADRE_EXCELLENT_AT = integer("cadreExcellentAt", 90, ASSESSMENT,
			"“树根”考核“优秀”的最低得分", "分", 1, 100);
	public static final IntSetting CADRE_GOOD_AT = integer("cadreGoodAt", 80, ASSESSMENT, "“树根”考核“良好”的最低得分", "分",
			1, 100);
	public static final IntSetting CADRE_FAIR_AT = integer("cadreFairAt", 60, ASSESSMENT,
			"“树根”考核“一般”的最低得分（以下为“较差”）", "分", 1, 100);
	public static final IntSetting PROMOTION_PRIORITY_YEARS = integer("promotionPriorityYears", 3, ASSESSMENT,
			"连续几年“树根”考核优秀的优先提拔使用", "年", 1, 10);
	public static final IntSetting DEMOCRATIC_EXCELLENT_DIVISOR = integer("democraticExcellentDivisor", 3, ASSESSMENT,
			"民主评议“优秀”不超过支部正式党员的几分之一", "分之一", 2, 20);

	// §4.8 responsibility and supervision: the follow-up rhythm of assigned problems (一月随访、一季督促、半年考核)
	public static final IntSetting FOLLOW_UP_VISIT_MONTHS = integer("followUpVisitMonths", 1, SUPERVISION,
			"交办问题未销号时，距上次随访（或交办）超过几个月须再次随访", "个月", 1, 12);
	public static final IntSetting FOLLOW_UP_URGE_MONTHS = integer("followUpUrgeMonths", 3, SUPERVISION,
			"交办问题未销号时，距上次督促（或交办）超过几个月须再次督促", "个月", 1, 12);
	public static final IntSetting FOLLOW_UP_REVIEW_MONTHS = integer("followUpReviewMonths", 6, SUPERVISION,
			"交办问题未销号时，距上次考核（或交办）超过几个月须半年考核", "个月", 1, 24);
	/** Yearly duties of contact assignments (挂联包帮, the county leader's "五个一"), as "<kind>.<activity>" → count. */
	public static final PointsByStatus CONTACT_DUTIES = add(new PointsByStatus("contactDuties",
			labelledCounts("LEADER_TO_TOWNSHIP.RESEARCH_DAY", 24, "LEADER_TO_TOWNSHIP.DISPATCH_MEETING", 12,
					"LEADER_TO_TOWNSHIP.PROBLEM_SOLVED", 4, "LEADER_TO_TOWNSHIP.RESEARCH_REPORT", 2,
					"LEADER_TO_TOWNSHIP.LIFE_MEETING_GUIDED", 1, "DEPARTMENT_TO_VILLAGE.VISIT", 4,
					"DEPARTMENT_TO_VILLAGE.PROBLEM_SOLVED", 2, "TOWNSHIP_MEMBER_TO_BRANCH.VISIT", 12,
					"TOWNSHIP_MEMBER_TO_BRANCH.LIFE_MEETING_GUIDED", 1, "FIRST_SECRETARY_TO_VILLAGE.VISIT", 12,
					"FIRST_SECRETARY_TO_VILLAGE.PROBLEM_SOLVED", 4, "FIRST_SECRETARY_TO_VILLAGE.RESEARCH_REPORT", 1),
			SUPERVISION, "挂联包帮每年应完成的次数", "次", labels(
					"LEADER_TO_TOWNSHIP.RESEARCH_DAY", "县领导联乡：调研日",
					"LEADER_TO_TOWNSHIP.DISPATCH_MEETING", "县领导联乡：调度会",
					"LEADER_TO_TOWNSHIP.PROBLEM_SOLVED", "县领导联乡：解决重大问题",
					"LEADER_TO_TOWNSHIP.RESEARCH_REPORT", "县领导联乡：调研报告",
					"LEADER_TO_TOWNSHIP.LIFE_MEETING_GUIDED", "县领导联乡：指导民主生活会",
					"DEPARTMENT_TO_VILLAGE.VISIT", "部门包村：走访",
					"DEPARTMENT_TO_VILLAGE.PROBLEM_SOLVED", "部门包村：解决问题",
					"TOWNSHIP_MEMBER_TO_BRANCH.VISIT", "乡镇班子成员联支部：走访",
					"TOWNSHIP_MEMBER_TO_BRANCH.LIFE_MEETING_GUIDED", "乡镇班子成员联支部：指导组织生活会",
					"FIRST_SECRETARY_TO_VILLAGE.VISIT", "第一书记驻村：走访",
					"FIRST_SECRETARY_TO_VILLAGE.PROBLEM_SOLVED", "第一书记驻村：解决问题",
					"FIRST_SECRETARY_TO_VILLAGE.RESEARCH_REPORT", "第一书记驻村：调研报告"), 0, 366,
			new PointsByStatus.Wording("挂联职责", "次数", "{\"LEADER_TO_TOWNSHIP.RESEARCH_DAY\": 24}", "12")));
	// §4.8 pairing and micro-wishes (携手联心): the yearly and quarterly rule of an agency branch's pairing
	public static final IntSetting PAIRING_SERVICES_PER_YEAR = integer("pairingServicesPerYear", 3, SUPERVISION,
			"携手联心：机关支部每年至少服务结对站点", "次", 1, 52);
	public static final IntSetting PAIRING_WISHES_PER_QUARTER = integer("pairingWishesPerQuarter", 1, SUPERVISION,
			"携手联心：每季度至少认领完成微心愿", "个", 1, 20);
	public static final IntSetting PAIRING_DIFFICULTIES_PER_YEAR = integer("pairingDifficultiesPerYear", 1,
			SUPERVISION, "携手联心：每年至少解决实际困难", "个", 1, 12);
	public static final IntSetting PROBLEM_REMINDER_DAYS_BEFORE = integer("problemReminderDaysBefore", 7, SUPERVISION,
			"整改期限前几天提醒被交办的党组织", "天", 0, 90);
	// §4.8 weak-and-lax organizations (软弱涣散, 三点三帮): the candidate run's criteria and the closing rule
	public static final IntSetting WEAK_LAX_VACANCY_MONTHS = integer("weakLaxVacancyMonths", 3, SUPERVISION,
			"软弱涣散排查：书记岗位空缺超过几个月", "个月", 1, 24);
	public static final IntSetting WEAK_LAX_COMPLIANCE_BELOW = integer("weakLaxComplianceBelow", 50, SUPERVISION,
			"软弱涣散排查：支部全年组织生活台账达标率低于", "%", 1, 100);
	public static final IntSetting WEAK_LAX_NO_CANDIDATE_YEARS = integer("weakLaxNoCandidateYears", 2, SUPERVISION,
			"软弱涣散排查：村连续几年未确定发展对象（含当年）", "年", 1, 5);
	public static final IntSetting WEAK_LAX_SATISFACTION_BELOW = integer("weakLaxSatisfactionBelow", 60, SUPERVISION,
			"软弱涣散排查：为民办事群众满意率低于", "%", 1, 100);
	public static final IntSetting WEAK_LAX_CLOSING_COMPLIANT_MONTHS = integer("weakLaxClosingCompliantMonths", 3,
			SUPERVISION, "软弱涣散销号：此前连续几个月每个支部组织生活达标", "个月", 1, 12);
	// §4.9 mass work
	public static final IntSetting HOUSEHOLD_VISITS_PER_YEAR = integer("householdVisitsPerYear", 2, MASSWORK,
			"驻村干部每年至少走访每户几次（民情走访覆盖）", "次", 1, 12);
	public static final ChoiceSetting MASS_WORK_DAYS = choice("massWorkDays", "6,7", MASSWORK,
			"“秤砣”群众工作日（每月两天，在干部日程中显示并当日提醒）", consecutiveDayPairs());
	public static final IntSetting ERRAND_REMINDER_HOUR = integer("errandReminderHour", 17, MASSWORK,
			"当日受理的代办事项尚未办结或答复时，几点提醒代办人（北京时间）", "时", 0, 23);
	// §4.10 learning, publicity and care
	public static final IntSetting STORIES_SELECTED_PER_YEAR = integer("storiesSelectedPerYear", 100, PUBLICITY,
			"县级每年入选故事集的党建故事最多", "篇", 1, 1000);
	public static final IntSetting HOME_DELIVERY_REMINDER_DAYS_BEFORE = integer("homeDeliveryReminderDaysBefore", 15,
			PUBLICITY, "季度结束前几天提醒尚未送学上门的党员", "天", 0, 90);

	/** Settings that only make sense together; checked whenever a county saves a change. */
	public static final List<Relation> RELATIONS = List.of(
			new Relation(GRADE_EXCELLENT_AT, GRADE_QUALIFIED_AT, "应高于“合格”等次最低分"),
			new Relation(GRADE_QUALIFIED_AT, GRADE_BASIC_AT, "应高于“基本合格”等次最低分"),
			new Relation(STAR_FIVE_AT, STAR_FOUR_AT, "应高于“四星”最低得分"),
			new Relation(STAR_FOUR_AT, STAR_THREE_AT, "应高于“三星”最低得分"),
			new Relation(STAR_THREE_AT, STAR_TWO_AT, "应高于“二星”最低得分"),
			new Relation(SECRETARY_APPRAISAL_GOOD_AT, SECRETARY_APPRAISAL_FAIRLY_GOOD_AT, "应高于“较好”最低得分"),
			new Relation(SECRETARY_APPRAISAL_FAIRLY_GOOD_AT, SECRETARY_APPRAISAL_AVERAGE_AT, "应高于“一般”最低得分"),
			new Relation(CADRE_EXCELLENT_AT, CADRE_GOOD_AT, "应高于“良好”最低得分"),
			new Relation(CADRE_GOOD_AT, CADRE_FAIR_AT, "应高于“一般”最低得分"),
			new Relation(FOLLOW_UP_REVIEW_MONTHS, FOLLOW_UP_URGE_MONTHS, "应长于督促间隔"),
			new Relation(FOLLOW_UP_URGE_MONTHS, FOLLOW_UP_VISIT_MONTHS, "应长于随访间隔"));

	public static final List<Setting<?>> ALL = Collections.unmodifiableList(declared);

	private static final Map<String, Setting<?>> BY_NAME;

	static {
		Map<String, Setting<?>> byName = new LinkedHashMap<>();
		for (Setting<?> s : declared) {
			if (byName.put(s.name(), s) != null) {
				throw new IllegalStateException("setting declared twice: " + s.name());
			}
		}
		BY_NAME = Collections.unmodifiableMap(byName);
	}

	private RuleCatalog() {
	}

	public static Optional<Setting<?>> find(String name) {
		return Optional.ofNullable(BY_NAME.get(name));
	}

	/** {@code higher} must stay strictly above {@code lower}; the problem is reported on {@code higher}. */
	public record Relation(IntSetting higher, IntSetting lower, String message) {

		Optional<FieldProblem> check(RuleSettings settings) {
			int h = settings.get(higher);
			int l = settings.get(lower);
			return h > l ? Optional.empty()
					: Optional.of(new FieldProblem(higher.name(), message + "（现为" + h + "，对方为" + l + "）"));
		}
	}

	static List<FieldProblem> relationProblems(RuleSettings settings) {
		return RELATIONS.stream().flatMap(r -> r.check(settings).stream()).toList();
	}

	private static IntSetting integer(String name, int def, Section section, String label, String unit, int min,
			int max) {
		return add(new IntSetting(name, def, section, label, unit, min, max));
	}

	private static ChoiceSetting choice(String name, String def, Section section, String label,
			Map<String, String> choices) {
		return add(new ChoiceSetting(name, def, section, label, choices));
	}

	private static PointsByStatus points(String name, Map<String, Integer> def, Section section, String label,
			String unit) {
		Map<String, Integer> ordered = new LinkedHashMap<>();
		ATTENDANCE_DEDUCTED.keySet().stream().filter(def::containsKey).forEach(k -> ordered.put(k, def.get(k)));
		return add(new PointsByStatus(name, ordered, section, label, unit, ATTENDANCE_DEDUCTED, -100, 0));
	}

	private static <S extends Setting<?>> S add(S setting) {
		declared.add(setting);
		return setting;
	}

	private static Map<String, Integer> labelledCounts(Object... pairs) {
		Map<String, Integer> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put((String) pairs[i], (Integer) pairs[i + 1]);
		}
		return m;
	}

	/** "6,7" → "每月6日、7日", for every pair of consecutive days that every month has. */
	private static Map<String, String> consecutiveDayPairs() {
		Map<String, String> m = new LinkedHashMap<>();
		for (int d = 1; d <= 27; d++) {
			m.put(d + "," + (d + 1), "每月" + d + "日、" + (d + 1) + "日");
		}
		return Collections.unmodifiableMap(m);
	}

	private static Map<String, String> labels(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
		return Collections.unmodifiableMap(m);
	}
}
