package cn.jiceng.orglife;

import java.time.LocalDate;
import java.util.List;

/**
 * A recorded meeting's stored attendance changed: corrected by a secretary or township, or re-resolved because a
 * remote report arrived. {@code memberIds} are the members whose effective status may have changed.
 */
public record AttendanceCorrected(long meetingId, long countyId, long branchId, MeetingType type, LocalDate heldOn,
		List<Long> memberIds) {

	public AttendanceCorrected {
		memberIds = List.copyOf(memberIds);
	}
}
