package cn.jiceng.publicity;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;

/**
 * Weekly night study (每周夜学) and cross lectures (交叉巡讲法), SPEC.md §4.10, as plain rules: who holds night study,
 * which ISO weeks went without a session, and the other-township rule of cross lectures (书记讲给书记听).
 */
final class StudyPolicy {

	private StudyPolicy() {
	}

	public record Decision(boolean allowed, String reason) {
	}

	/**
	 * Night study is for township committees and agency units: a committee or general branch of any field, or a
	 * branch of an agency (机关); a village or community branch has its themed party day instead, a group holds none.
	 */
	public static Decision mayHoldNightStudy(OrgKind kind, Field field) {
		if (kind == OrgKind.COMMITTEE || kind == OrgKind.GENERAL_BRANCH
				|| (kind == OrgKind.BRANCH && field == Field.AGENCY)) {
			return new Decision(true, null);
		}
		return new Decision(false, "每周夜学由乡镇党委和机关单位党组织组织，" + kind.label() + "（" + field.label() + "）不适用");
	}

	/**
	 * The ISO weeks ("2025-W07") of an ISO week-based year whose Sunday is before {@code today} and in which none of
	 * {@code sessions} was held.
	 */
	public static List<String> weeksWithout(int isoYear, LocalDate today, Iterable<LocalDate> sessions) {
		Set<Integer> held = new HashSet<>();
		for (LocalDate d : sessions) {
			if (d.get(IsoFields.WEEK_BASED_YEAR) == isoYear) {
				held.add(d.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
			}
		}
		LocalDate firstMonday = LocalDate.of(isoYear, 1, 4).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
		List<String> gaps = new ArrayList<>();
		for (LocalDate monday = firstMonday; monday.get(IsoFields.WEEK_BASED_YEAR) == isoYear; monday = monday.plusWeeks(1)) {
			LocalDate sunday = monday.plusDays(6);
			if (!sunday.isBefore(today)) {
				break;
			}
			int week = monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR);
			if (!held.contains(week)) {
				gaps.add(String.format("%d-W%02d", isoYear, week));
			}
		}
		return gaps;
	}

	/**
	 * The township of an organization: the organization directly under the county root on its materialized path
	 * ("/root/township/…/"), or null for the root itself.
	 */
	public static Long townshipOf(String path) {
		String[] parts = path.split("/");
		// "", root, township, ...
		return parts.length >= 3 ? Long.valueOf(parts[2]) : null;
	}

	/** A cross lecture's lecturer comes from another township than the host organization's. */
	public static Decision crossLecture(String hostPath, String lecturerPath) {
		Long host = townshipOf(hostPath);
		Long lecturer = townshipOf(lecturerPath);
		if (host != null && host.equals(lecturer)) {
			return new Decision(false, "交叉巡讲的宣讲人应来自其他乡镇（书记讲给书记听），该宣讲人与受讲党组织同属一个乡镇");
		}
		return new Decision(true, null);
	}
}
