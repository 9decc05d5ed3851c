package cn.jiceng.scoring;

import java.util.List;

/** A member's index for a year (or up to a day of it), with the entries counted and why it is what it is. */
record VanguardIndex(int index, Grade grade, boolean warning, List<ScoreEntry> entries,
		List<String> explanation) {

	public VanguardIndex {
		entries = List.copyOf(entries);
		explanation = List.copyOf(explanation);
	}
}
