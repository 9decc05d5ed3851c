package cn.jiceng.dues;

/** How a member's monthly dues are set (中组发〔2008〕3号 第一至六条). */
public enum DuesCategory {
	PAYROLL("在职（按月领取工资）", Basis.WORKING_SCALE),
	ANNUAL_SALARY("年薪制", Basis.WORKING_SCALE),
	SELF_EMPLOYED("个体经营等（无固定月工资）", Basis.WORKING_SCALE),
	RETIRED("离退休", Basis.RETIRED_SCALE),
	FARMER("农民", Basis.BRANCH_SET_AMOUNT),
	STUDENT("学生", Basis.REDUCED_AMOUNT),
	UNEMPLOYED("下岗失业", Basis.REDUCED_AMOUNT),
	RELIEF("依靠抚恤或救济生活", Basis.REDUCED_AMOUNT),
	LOW_INCOME("领取低保", Basis.REDUCED_AMOUNT);

	/** Where the monthly amount comes from. */
	public enum Basis {
		/** Rate of 第二条 on the whole base. */
		WORKING_SCALE,
		/** Rate of 第五条 on the whole pension. */
		RETIRED_SCALE,
		/** Fixed amount the branch sets within the 第六条 range. */
		BRANCH_SET_AMOUNT,
		/** The single reduced amount of 第六条. */
		REDUCED_AMOUNT
	}

	private final String label;
	private final Basis basis;

	DuesCategory(String label, Basis basis) {
		this.label = label;
		this.basis = basis;
	}

	public String label() {
		return label;
	}

	public Basis basis() {
		return basis;
	}

	/** True when the due is a percentage of a declared base; false for fixed amounts. */
	public boolean baseRated() {
		return basis == Basis.WORKING_SCALE || basis == Basis.RETIRED_SCALE;
	}

	public boolean fixedAmount() {
		return !baseRated();
	}
}
