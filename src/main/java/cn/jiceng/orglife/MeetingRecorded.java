package cn.jiceng.orglife;

import java.time.LocalDate;

/** A meeting and its attendance were recorded (scores and read models recompute from here). */
public record MeetingRecorded(long meetingId, long countyId, long branchId, MeetingType type, LocalDate heldOn) {
}
