package cn.jiceng.scoring;

import static cn.jiceng.settings.RuleCatalog.MEETING_DEDUCTIONS;
import static cn.jiceng.settings.RuleCatalog.THEMED_DAY_DEDUCTIONS;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

import cn.jiceng.orglife.AttendanceStatus;
import cn.jiceng.orglife.MeetingType;
import cn.jiceng.settings.RuleSettings;

/** Attendance entries of SPEC.md §4.3, with the deductions of one year's settings. */
final class AttendanceScoring {

	private final RuleSettings settings;

	public AttendanceScoring(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	/**
	 * The entry for one effective attendance (after absent/remote resolution in orglife), or empty when it
	 * costs nothing: PRESENT/REMOTE, or a meeting type SPEC does not score.
	 */
	public Optional<ScoreEntry> entryFor(LocalDate heldOn, MeetingType type, AttendanceStatus status) {
		Objects.requireNonNull(heldOn, "heldOn");
		int points = points(type, status);
		if (points == 0) {
			return Optional.empty();
		}
		String reason = heldOn + " " + type.label() + " " + status.label() + " " + Points.signed(points);
		return Optional.of(ScoreEntry.of(heldOn, EntrySource.ATTENDANCE, points, reason));
	}

	public int points(MeetingType type, AttendanceStatus status) {
		Objects.requireNonNull(type, "type");
		Objects.requireNonNull(status, "status");
		// PRESENT and REMOTE are looked up too, so a county could (oddly) configure them; defaults give 0.
		return switch (type) {
			case THEMED_DAY -> settings.points(THEMED_DAY_DEDUCTIONS, status.name());
			case BRANCH_ASSEMBLY, GROUP_MEETING, PARTY_LECTURE -> settings.points(MEETING_DEDUCTIONS, status.name());
			// SPEC lists only the four types above as scored; the rest are tracked for compliance only.
			case COMMITTEE_MEETING, LIFE_MEETING, DEMOCRATIC_APPRAISAL -> 0;
		};
	}
}
