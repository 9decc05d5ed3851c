package cn.jiceng.development;

import java.util.Arrays;
import java.util.List;

/**
 * The 25 steps of 《中国共产党发展党员工作细则》 in order (SPEC.md §4.5, RULES.md §3), each with its number, its
 * national phase (五个阶段), the stage a record reaches when it is done, the data it needs and whether it is an act
 * of the higher committee (township or higher). Besides the 25 steps, three events close or change a record:
 * {@link #PROBATION_EXTENDED}, {@link #PROBATION_CANCELLED} and {@link #WITHDRAWN} (number 0).
 */
public enum DevelopmentStep {
	APPLICATION(1, "递交入党申请书", DevelopmentStage.APPLICANT, Needs.NOTHING, false),
	TALK(2, "党组织派人谈话", DevelopmentStage.APPLICANT, Needs.NOTHING, false),
	ACTIVIST(3, "确定入党积极分子", DevelopmentStage.ACTIVIST, Needs.NOTHING, false),
	ACTIVIST_FILED(4, "上级党委备案", DevelopmentStage.ACTIVIST, Needs.NOTHING, false),
	CONTACTS_ASSIGNED(5, "指定培养联系人", DevelopmentStage.ACTIVIST, Needs.MEMBERS, false),
	ACTIVIST_ASSESSMENT(6, "培养教育考察", DevelopmentStage.ACTIVIST, Needs.NOTHING, false),
	CANDIDATE(7, "确定发展对象", DevelopmentStage.CANDIDATE, Needs.NOTHING, false),
	CANDIDATE_FILED(8, "报上级党委备案", DevelopmentStage.CANDIDATE, Needs.NOTHING, false),
	INTRODUCERS(9, "确定入党介绍人", DevelopmentStage.CANDIDATE, Needs.MEMBERS, false),
	POLITICAL_REVIEW(10, "政治审查", DevelopmentStage.CANDIDATE, Needs.CONCLUSION, false),
	TRAINING(11, "集中培训", DevelopmentStage.CANDIDATE, Needs.HOURS, false),
	COMMITTEE_REVIEW(12, "支委会审查", DevelopmentStage.CANDIDATE, Needs.NOTHING, false),
	PRE_REVIEW(13, "上级党委预审", DevelopmentStage.CANDIDATE, Needs.NOTHING, true),
	VOLUNTEER_FORM(14, "填写入党志愿书", DevelopmentStage.CANDIDATE, Needs.NOTHING, false),
	ACCEPTANCE_VOTE(15, "支部大会讨论接收", DevelopmentStage.CANDIDATE, Needs.VOTE, false),
	HIGHER_TALK(16, "上级党委派人谈话", DevelopmentStage.CANDIDATE, Needs.NOTHING, true),
	ACCEPTANCE_APPROVAL(17, "上级党委审批", DevelopmentStage.PROBATIONARY, Needs.NOTHING, true),
	ACCEPTANCE_FILED(18, "组织部门备案", DevelopmentStage.PROBATIONARY, Needs.NOTHING, false),
	ASSIGNED_TO_GROUP(19, "编入党支部和党小组", DevelopmentStage.PROBATIONARY, Needs.NOTHING, false),
	OATH(20, "入党宣誓", DevelopmentStage.PROBATIONARY, Needs.NOTHING, false),
	PROBATION_EDUCATION(21, "继续教育考察", DevelopmentStage.PROBATIONARY, Needs.NOTHING, false),
	CONVERSION_APPLICATION(22, "提出转正申请", DevelopmentStage.PROBATIONARY, Needs.NOTHING, false),
	CONVERSION_VOTE(23, "支部大会讨论转正", DevelopmentStage.PROBATIONARY, Needs.VOTE, false),
	CONVERSION_APPROVAL(24, "上级党委审批转正", DevelopmentStage.FULL, Needs.NOTHING, true),
	ARCHIVED(25, "材料归档", DevelopmentStage.FULL, Needs.NOTHING, false),
	/** The branch assembly proposes; it takes effect with {@link #EXTENSION_APPROVAL} approved. */
	PROBATION_EXTENDED(0, "支部大会决定延长预备期", DevelopmentStage.PROBATIONARY, Needs.MONTHS, false),
	/** The branch assembly proposes; it takes effect with {@link #CANCELLATION_APPROVAL} approved. */
	PROBATION_CANCELLED(0, "支部大会决定取消预备党员资格", DevelopmentStage.PROBATIONARY, Needs.REASON, false),
	WITHDRAWN(0, "终止发展", DevelopmentStage.CANCELLED, Needs.REASON, false),
	/** 接收预备党员前公示: place and period, at least {@code publicityDays} working days before the vote. */
	PUBLICITY(0, "发展对象公示", DevelopmentStage.CANDIDATE, Needs.PUBLICITY, false),
	EXTENSION_APPROVAL(0, "上级党委审批延长预备期", DevelopmentStage.PROBATIONARY, Needs.DECISION, true),
	CANCELLATION_APPROVAL(0, "上级党委审批取消预备党员资格", DevelopmentStage.CANCELLED, Needs.DECISION, true),
	/** 确定入党积极分子前公示 (local rule, RULES.md §3), shaped like {@link #PUBLICITY}. */
	ACTIVIST_PUBLICITY(0, "入党积极分子人选公示", DevelopmentStage.APPLICANT, Needs.PUBLICITY, false),
	/** 确定发展对象前公示. */
	CANDIDATE_PUBLICITY(0, "发展对象人选公示", DevelopmentStage.ACTIVIST, Needs.PUBLICITY, false),
	/** 支部大会讨论转正前公示. */
	CONVERSION_PUBLICITY(0, "预备党员转正公示", DevelopmentStage.PROBATIONARY, Needs.PUBLICITY, false);

	/** The four publicities (公示) and the numbered step each must precede and end before. */
	public static final java.util.Map<DevelopmentStep, DevelopmentStep> PUBLICITY_GUARDS = java.util.Map.of(
			ACTIVIST_PUBLICITY, ACTIVIST, CANDIDATE_PUBLICITY, CANDIDATE, PUBLICITY, ACCEPTANCE_VOTE,
			CONVERSION_PUBLICITY, CONVERSION_VOTE);

	/** The data a step needs besides its date (API.md "Membership development"). */
	public enum Needs {
		NOTHING(""),
		/** {@code memberIds}: contacts (1–2 full members of the branch) or introducers (exactly 2 full members). */
		MEMBERS("memberIds"),
		/** {@code conclusion}: {@code PASSED} or {@code FAILED}. */
		CONCLUSION("conclusion"),
		/** {@code hours} of the intensive training. */
		HOURS("hours"),
		/** {@code entitled}, {@code entitledFull}, {@code present}, {@code yes}. */
		VOTE("entitled, entitledFull, present, yes"),
		/** {@code months} of a probation extension (6–12) and its reason. */
		MONTHS("months"),
		/** {@code reason}. */
		REASON("reason"),
		/** {@code place} and {@code endsOn} (the date is the first day) of a publicity. */
		PUBLICITY("place, endsOn"),
		/** {@code approved} (true or false) and {@code reason} (the committee's opinion). */
		DECISION("approved, reason");

		private final String fields;

		Needs(String fields) {
			this.fields = fields;
		}

		public String fields() {
			return fields;
		}
	}

	/** The five national phases (五个阶段) of the 25 steps, for the record book. */
	public static final List<String> PHASES = List.of("申请入党", "入党积极分子的确定和培养教育", "发展对象的确定和考察", "预备党员的接收",
			"预备党员的教育考察和转正");

	private final int number;
	private final String label;
	private final DevelopmentStage reaches;
	private final Needs needs;
	private final boolean higherCommittee;

	DevelopmentStep(int number, String label, DevelopmentStage reaches, Needs needs, boolean higherCommittee) {
		this.number = number;
		this.label = label;
		this.reaches = reaches;
		this.needs = needs;
		this.higherCommittee = higherCommittee;
	}

	public int number() {
		return number;
	}

	public String label() {
		return label;
	}

	/** The stage a record reaches once this step is done. */
	public DevelopmentStage reaches() {
		return reaches;
	}

	public Needs needs() {
		return needs;
	}

	/** An act of the higher committee (steps 13, 16, 17, 24 and the approvals): township or county accounts only. */
	public boolean higherCommittee() {
		return higherCommittee;
	}

	/** One of the 25 numbered steps (not an extension, cancellation or withdrawal). */
	public boolean numbered() {
		return number > 0;
	}

	/** The national phase, 1–5, of a numbered step; 0 otherwise. */
	public int phase() {
		if (number == 0) {
			return 0;
		}
		if (number <= 2) {
			return 1;
		}
		if (number <= 6) {
			return 2;
		}
		if (number <= 11) {
			return 3;
		}
		return number <= 18 ? 4 : 5;
	}

	/** Step 6 may be recorded again and again until the acceptance vote. */
	public boolean repeatable() {
		return this == ACTIVIST_ASSESSMENT;
	}

	/** One of the four publicities (公示). */
	public boolean publicity() {
		return needs == Needs.PUBLICITY;
	}

	/** For a publicity, the numbered step it must precede; null otherwise. */
	public DevelopmentStep guarded() {
		return PUBLICITY_GUARDS.get(this);
	}

	/** For a publicity, the numbered step after which it may be posted (its stage); null otherwise. */
	public DevelopmentStep opensAfter() {
		return switch (this) {
			case ACTIVIST_PUBLICITY -> APPLICATION;
			case CANDIDATE_PUBLICITY -> ACTIVIST;
			case PUBLICITY -> CANDIDATE;
			case CONVERSION_PUBLICITY -> CONVERSION_APPLICATION;
			default -> null;
		};
	}

	/** The publicity that must precede a numbered step, or null. */
	public static DevelopmentStep publicityBefore(DevelopmentStep guarded) {
		return PUBLICITY_GUARDS.entrySet()
			.stream()
			.filter(e -> e.getValue() == guarded)
			.map(java.util.Map.Entry::getKey)
			.findFirst()
			.orElse(null);
	}

	/** The 25 numbered steps in order. */
	public static List<DevelopmentStep> numberedSteps() {
		return Arrays.stream(values()).filter(DevelopmentStep::numbered).toList();
	}
}
