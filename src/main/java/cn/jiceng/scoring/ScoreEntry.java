package cn.jiceng.scoring;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One reason why a member's vanguard index differs from 100: every input (attendance, claims, logs,
 * lectures, later ones) reaches the index only as entries, so a member can always see why.
 */
record ScoreEntry(LocalDate date, String source, int points, String reason, boolean veto) {

	public ScoreEntry {
		Objects.requireNonNull(date, "date");
		if (!EntrySource.isValidCode(source)) {
			throw new IllegalArgumentException("来源代码不正确：" + source);
		}
		if (reason == null || reason.isBlank()) {
			throw new IllegalArgumentException("积分记录必须写明原因");
		}
	}

	public static ScoreEntry of(LocalDate date, String source, int points, String reason) {
		return new ScoreEntry(date, source, points, reason, false);
	}
}
