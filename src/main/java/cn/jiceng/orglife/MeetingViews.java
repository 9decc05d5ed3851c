package cn.jiceng.orglife;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/** What the meeting API and pages show. */
final class MeetingViews {

	private MeetingViews() {
	}

	/** One line of an attendance list as posted: {@code status} PRESENT, LATE_OR_EARLY, LEAVE or ABSENT. */
	public record AttendanceInput(String memberId, String status) {
	}

	/**
	 * POST /api/organizations/{branchId}/meetings; {@code groupId} only for a group meeting; {@code additional} true
	 * when the branch really held another meeting of the type that day (otherwise a repeat is refused with 409).
	 */
	public record MeetingInput(String type, LocalDate heldOn, String theme, String firstTopic, String hostMemberId,
			String generalMeeting, String minutes, String groupId, List<AttendanceInput> attendance, Boolean additional) {
	}

	/**
	 * A change to a recorded meeting; null fields stay. {@code attendance} changes the listed members only (others
	 * keep theirs), {@code version} is the one last read.
	 */
	public record MeetingPatch(Integer version, String theme, String firstTopic, String hostMemberId,
			String generalMeeting, String minutes, List<AttendanceInput> attendance) {
	}

	/** {@code listedStatus}: what the secretary entered (null: not listed); {@code status}: the effective one. */
	public record AttendanceView(String memberId, String name, AttendanceStatus status, AttendanceStatus listedStatus) {

		public String statusLabel() {
			return status.label();
		}
	}

	public record FileView(String id, String meetingId, String name, String contentType, long size, String sha256,
			String url, String uploadedBy, OffsetDateTime uploadedAt) {
	}

	/** Counts of effective statuses over the stored attendance. */
	public record AttendanceCounts(int present, int lateOrEarly, int leave, int absent, int remote) {

		public int total() {
			return present + lateOrEarly + leave + absent + remote;
		}
	}

	public record MeetingView(String id, String organizationId, String organizationName, String groupId,
			MeetingType type, LocalDate heldOn, String theme, String firstTopic, String hostMemberId, String hostName,
			GeneralMeeting generalMeeting, String minutes, String planId, String planTheme, boolean backfilled,
			String recordedBy, OffsetDateTime recordedAt, String updatedBy, OffsetDateTime updatedAt, int version,
			AttendanceCounts counts, List<AttendanceView> attendance, List<FileView> files) {

		public String typeLabel() {
			return type.label();
		}

		public String generalMeetingLabel() {
			return generalMeeting == null ? "" : generalMeeting.label();
		}
	}

	public record MeetingSummary(String id, String organizationId, String organizationName, String groupId,
			MeetingType type, LocalDate heldOn, String theme, String firstTopic, GeneralMeeting generalMeeting,
			boolean backfilled, String recordedBy, OffsetDateTime recordedAt, AttendanceCounts counts, int files) {

		public String typeLabel() {
			return type.label();
		}
	}

	/** A branch member on a date, for the one-tap attendance list. */
	public record RosterEntry(String memberId, String name, boolean mobile, boolean remoteReported) {
	}
}
