package cn.jiceng.orglife;

import java.time.LocalDate;
import java.util.List;

/** A meeting recorded in error was deleted with its attendance; {@code memberIds} had attendance there. */
public record MeetingDeleted(long meetingId, long countyId, long branchId, MeetingType type, LocalDate heldOn,
		List<Long> memberIds) {

	public MeetingDeleted {
		memberIds = List.copyOf(memberIds);
	}
}
