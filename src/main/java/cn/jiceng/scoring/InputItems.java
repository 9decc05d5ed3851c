package cn.jiceng.scoring;

import java.util.Set;

/**
 * Catalogue codes that other work scores with (SPEC.md §3 C). A county turns an input on by defining the item
 * in its catalogue (points, cap, veto as for any item); members cannot claim these items, the system counts them.
 */
final class InputItems {

	/** A duty month of a cadre without any daily log (日志日销). */
	public static final String CADRE_LOG_MISSED = "CADRE_LOG_MISSED";
	/** A village secretary who gave fewer lectures in a year than the settings require. */
	public static final String SECRETARY_LECTURE_SHORT = "SECRETARY_LECTURE_SHORT";

	static final Set<String> CODES = Set.of(CADRE_LOG_MISSED, SECRETARY_LECTURE_SHORT);

	private InputItems() {
	}

	public static boolean isInputItem(String code) {
		return CODES.contains(code);
	}

	static String key(ScoreContext ctx, String code) {
		return ctx.item(code)
			.map(i -> code + "=" + i.points() + "/" + (i.yearlyCap() == null ? "-" : i.yearlyCap()) + (i.veto() ? "/veto" : ""))
			.orElse(code + "=off");
	}
}
