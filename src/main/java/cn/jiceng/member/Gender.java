package cn.jiceng.member;

/** Gender as recorded on the member record; codes follow GB/T 2261.1 (1 男, 2 女). */
public enum Gender {
	MALE("男", "1"),
	FEMALE("女", "2");

	private final String label;
	private final String code;

	Gender(String label, String code) {
		this.label = label;
		this.code = code;
	}

	public String label() {
		return label;
	}

	/** GB/T 2261.1 code, used by the national system's export layout (RULES.md §9.1). */
	public String code() {
		return code;
	}
}
