package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.Objects;
import java.util.Optional;

/**
 * Effective attendance of one branch member at one meeting (SPEC.md §4.2): the listed status, ABSENT when
 * unlisted, REMOTE for a mobile member whose remote report of that month stands in (三信联系法) — except at
 * the 七一 and 春节 general meetings, which the seed keeps for attendance in person.
 *
 * <p>The caller has already checked that the member belongs to the branch on the meeting date
 * ({@link MembershipPeriods#isInBranchOn}); listing a non-member is an input error, not a status.
 */
final class AttendanceResolution {

	/** {@code generalMeeting} is null for an ordinary meeting. */
	public record Meeting(MeetingType type, LocalDate heldOn, GeneralMeeting generalMeeting) {

		public Meeting {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(heldOn, "heldOn");
		}

		String describe() {
			return heldOn + " " + (generalMeeting != null ? generalMeeting.label() : type.label());
		}
	}

	public record Resolved(AttendanceStatus status, String reason) {
	}

	/** REMOTE is derived from a remote report, never entered on an attendance list. */
	public static boolean isListable(AttendanceStatus status) {
		return status != AttendanceStatus.REMOTE;
	}

	/**
	 * @param mobileOnDate the member is flagged mobile on the meeting date
	 * @param remoteReportThatMonth the member has a remote report for the month of the meeting
	 */
	public Resolved resolve(Meeting meeting, Optional<AttendanceStatus> listed, boolean mobileOnDate,
			boolean remoteReportThatMonth) {
		Objects.requireNonNull(meeting, "meeting");
		Objects.requireNonNull(listed, "listed");
		if (listed.isPresent() && !isListable(listed.get())) {
			throw new IllegalArgumentException("REMOTE cannot be listed; it comes from a remote report");
		}
		String where = meeting.describe();
		YearMonth month = YearMonth.from(meeting.heldOn());
		boolean hasReport = mobileOnDate && remoteReportThatMonth;
		boolean reportCounts = hasReport && meeting.generalMeeting() == null;
		// Explicit PRESENT / LATE_OR_EARLY / LEAVE are facts of the meeting and stand. A listed ABSENT does
		// not beat a remote report: the seed counts the report as taking part (等同视为参加), and a list that
		// marks every absentee must not undo it.
		if (listed.isPresent() && listed.get() != AttendanceStatus.ABSENT) {
			return new Resolved(listed.get(), where + "：登记为" + listed.get().label());
		}
		if (reportCounts) {
			return new Resolved(AttendanceStatus.REMOTE,
					where + "：流动党员已报送" + month + "三信联系报告，视同参加");
		}
		String base = where + (listed.isPresent() ? "：登记为缺席" : "：未列入参会名单，按缺席计");
		if (hasReport) {
			return new Resolved(AttendanceStatus.ABSENT,
					base + "（" + meeting.generalMeeting().label() + "不以三信联系报告代替参会）");
		}
		return new Resolved(AttendanceStatus.ABSENT, base);
	}
}
