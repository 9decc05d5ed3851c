package cn.jiceng.member;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * GB/T 4658-2006 学历 codes (RULES.md §9.2). The category codes (10, 20, 30 …) are headings, not
 * values a record may carry, so they are absent; the 党校 categories are not part of this standard.
 */
public enum Education {
	DOCTORATE_GRADUATED("11", "博士研究生毕业"),
	DOCTORATE_COMPLETED("12", "博士研究生结业"),
	DOCTORATE_NOT_COMPLETED("13", "博士研究生肄业"),
	MASTER_GRADUATED("14", "硕士研究生毕业"),
	MASTER_COMPLETED("15", "硕士研究生结业"),
	MASTER_NOT_COMPLETED("16", "硕士研究生肄业"),
	POSTGRADUATE_CLASS_GRADUATED("17", "研究生班毕业"),
	POSTGRADUATE_CLASS_COMPLETED("18", "研究生班结业"),
	POSTGRADUATE_CLASS_NOT_COMPLETED("19", "研究生班肄业"),
	BACHELOR_GRADUATED("21", "大学本科毕业"),
	BACHELOR_COMPLETED("22", "大学本科结业"),
	BACHELOR_NOT_COMPLETED("23", "大学本科肄业"),
	UNIVERSITY_ORDINARY_CLASS_GRADUATED("28", "大学普通班毕业"),
	JUNIOR_COLLEGE_GRADUATED("31", "大学专科毕业"),
	JUNIOR_COLLEGE_COMPLETED("32", "大学专科结业"),
	JUNIOR_COLLEGE_NOT_COMPLETED("33", "大学专科肄业"),
	SECONDARY_SPECIALIZED_GRADUATED("41", "中等专科毕业"),
	SECONDARY_SPECIALIZED_COMPLETED("42", "中等专科结业"),
	SECONDARY_SPECIALIZED_NOT_COMPLETED("43", "中等专科肄业"),
	VOCATIONAL_HIGH_SCHOOL_GRADUATED("44", "职业高中毕业"),
	VOCATIONAL_HIGH_SCHOOL_COMPLETED("45", "职业高中结业"),
	VOCATIONAL_HIGH_SCHOOL_NOT_COMPLETED("46", "职业高中肄业"),
	TECHNICAL_SCHOOL_GRADUATED("47", "技工学校毕业"),
	TECHNICAL_SCHOOL_COMPLETED("48", "技工学校结业"),
	TECHNICAL_SCHOOL_NOT_COMPLETED("49", "技工学校肄业"),
	HIGH_SCHOOL_GRADUATED("61", "普通高中毕业"),
	HIGH_SCHOOL_COMPLETED("62", "普通高中结业"),
	HIGH_SCHOOL_NOT_COMPLETED("63", "普通高中肄业"),
	JUNIOR_HIGH_GRADUATED("71", "初中毕业"),
	JUNIOR_HIGH_NOT_COMPLETED("73", "初中肄业"),
	PRIMARY_GRADUATED("81", "小学毕业"),
	PRIMARY_NOT_COMPLETED("83", "小学肄业"),
	OTHER("90", "其他");

	private static final List<Education> ALL = List.of(values());
	private static final Map<String, Education> BY_CODE = new HashMap<>();
	private static final Map<String, Education> BY_NAME = new HashMap<>();

	static {
		for (Education e : ALL) {
			BY_CODE.put(e.code, e);
			BY_NAME.put(e.label, e);
		}
	}

	private final String code;
	private final String label;

	Education(String code, String label) {
		this.code = code;
		this.label = label;
	}

	public String code() {
		return code;
	}

	public String label() {
		return label;
	}

	public static Optional<Education> byCode(String code) {
		return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code.strip()));
	}

	public static Optional<Education> byName(String name) {
		return name == null ? Optional.empty() : Optional.ofNullable(BY_NAME.get(name.strip()));
	}

	public static List<Education> all() {
		return ALL;
	}
}
