package cn.jiceng.settings;

/** The parts of the settings page, in page order; each names the SPEC.md section its rules come from. */
enum Section {

	ORGANIZATION("组织设置"),
	ORGANIZATIONAL_LIFE("组织生活"),
	VANGUARD_INDEX("先锋指数"),
	DUES("党费"),
	DEVELOPMENT("发展党员"),
	ASSESSMENT("组织考评"),
	SUPERVISION("责任落实"),
	MASSWORK("群众工作"),
	PUBLICITY("学习宣传");

	private final String title;

	Section(String title) {
		this.title = title;
	}

	public String title() {
		return title;
	}
}
