package cn.jiceng.assessment;

/** Awards and levels of commendations (评优评先, API.md). */
final class Commendations {

	private Commendations() {
	}

	enum Award {
		OUTSTANDING_MEMBER("优秀共产党员", true), OUTSTANDING_PARTY_WORKER("优秀党务工作者", true),
		ADVANCED_ORGANIZATION("先进基层党组织", false);

		private final String label;
		private final boolean forMember;

		Award(String label, boolean forMember) {
			this.label = label;
			this.forMember = forMember;
		}

		public String label() {
			return label;
		}

		public boolean forMember() {
			return forMember;
		}
	}

	enum Level {
		TOWNSHIP("乡镇级"), COUNTY("县级"), CITY("市级"), PROVINCE("省级");

		private final String label;

		Level(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}
	}
}
