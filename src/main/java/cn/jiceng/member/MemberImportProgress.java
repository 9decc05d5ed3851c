package cn.jiceng.member;

/** Told how far an import has got, so the page can show 检查中 n/N and 保存中 n/N. */
interface MemberImportProgress {

	MemberImportProgress NONE = new MemberImportProgress() {
	};

	/** {@code total} is the sheet's own row count estimate, or 0 when the file does not state one. */
	default void checking(int done, int total) {
	}

	default void saving(int done, int total) {
	}
}
