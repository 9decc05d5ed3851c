package cn.jiceng.scoring;

import java.util.Map;

/**
 * Well-known source codes of {@link ScoreEntry}. The code is an open string on purpose: a later
 * capability feeds the index by producing entries with its own code, without touching the scoring rules.
 */
final class EntrySource {

	public static final String ATTENDANCE = "ATTENDANCE";
	public static final String POINT_CLAIM = "POINT_CLAIM";
	public static final String CADRE_LOG = "CADRE_LOG";
	public static final String SECRETARY_LECTURE = "SECRETARY_LECTURE";

	private static final Map<String, String> LABELS = Map.of(
			ATTENDANCE, "组织生活",
			POINT_CLAIM, "积分申报",
			CADRE_LOG, "日志日销",
			SECRETARY_LECTURE, "书记讲党课");

	private EntrySource() {
	}

	/** Chinese label of a well-known code; a code this class does not know is shown as itself. */
	public static String label(String code) {
		return LABELS.getOrDefault(code, code);
	}

	/** Codes are upper-case identifiers, as every other code of the API. */
	public static boolean isValidCode(String code) {
		return code != null && code.matches("[A-Z][A-Z0-9_]*");
	}
}
