package cn.jiceng.orglife;

import java.time.LocalDate;

/**
 * A recorded meeting's host changed (a correction): whatever counts hosted meetings (a village secretary's lectures)
 * must look again at both. Either id is null when the meeting had, or now has, no host.
 */
public record MeetingHostChanged(long meetingId, long countyId, long branchId, MeetingType type, LocalDate heldOn,
		Long previousHostId, Long hostId) {
}
