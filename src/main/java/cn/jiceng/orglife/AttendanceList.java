package cn.jiceng.orglife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.orglife.MeetingViews.AttendanceInput;

/**
 * The attendance list of a meeting as typed: parsed into member → status with a problem per bad line, checked
 * against the branch's members on the day, and widened to the whole branch for the types every member attends.
 */
final class AttendanceList {

	private AttendanceList() {
	}

	static Map<Long, AttendanceStatus> parseAttendance(List<AttendanceInput> lines, List<FieldProblem> problems) {
		Map<Long, AttendanceStatus> listed = new LinkedHashMap<>();
		if (lines == null) {
			return listed;
		}
		for (int i = 0; i < lines.size(); i++) {
			AttendanceInput line = lines.get(i);
			if (line == null) {
				problems.add(new FieldProblem("attendance[" + i + "]", "出勤记录不能为空"));
				continue;
			}
			Long id = parseLong(line.memberId());
			if (id == null) {
				problems.add(new FieldProblem("attendance[" + i + "].memberId", "党员编号不正确"));
				continue;
			}
			AttendanceStatus status = null;
			try {
				status = line.status() == null ? null : AttendanceStatus.valueOf(line.status().trim());
			}
			catch (IllegalArgumentException e) {
				// reported below
			}
			if (status == null || !AttendanceResolution.isListable(status)) {
				problems.add(new FieldProblem("attendance[" + i + "].status",
						"出勤状态应为 PRESENT、LATE_OR_EARLY、LEAVE 或 ABSENT（三信联系由报告自动计入）"));
				continue;
			}
			if (listed.put(id, status) != null) {
				problems.add(new FieldProblem("attendance[" + i + "].memberId", "同一党员重复登记"));
			}
		}
		return listed;
	}

	/** Whole-branch types: everyone in the branch on the date, in roster order; otherwise the listed members. */
	static List<Long> universe(MeetingType type, List<Memberships.Membership> everIn, Set<Long> onDate,
			Map<Long, AttendanceStatus> listed) {
		List<Long> universe = new ArrayList<>();
		boolean whole = EffectiveAttendance.WHOLE_BRANCH.contains(type);
		for (Memberships.Membership m : everIn) {
			if (onDate.contains(m.memberId()) && (whole || listed.containsKey(m.memberId()))) {
				universe.add(m.memberId());
			}
		}
		return universe;
	}

	static void checkListedAreMembers(List<AttendanceInput> lines, Map<Long, AttendanceStatus> listed,
			Set<Long> onDate, LocalDate heldOn, List<FieldProblem> problems) {
		if (lines != null) {
			for (int i = 0; i < lines.size(); i++) {
				Long id = parseLong(lines.get(i).memberId());
				if (id != null && listed.containsKey(id) && !onDate.contains(id)) {
					problems.add(new FieldProblem("attendance[" + i + "].memberId",
							"该党员" + heldOn + "不是本支部党员，不能登记出勤"));
				}
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("出勤名单中有非本支部党员", problems);
		}
	}

	static Long parseLong(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(s.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static Long parseId(String s, String field, String what, List<FieldProblem> problems) {
		if (s == null || s.isBlank()) {
			return null;
		}
		Long id = parseLong(s);
		if (id == null) {
			problems.add(new FieldProblem(field, what + "编号不正确"));
		}
		return id;
	}
}
