package cn.jiceng.orglife;

import static cn.jiceng.settings.RuleCatalog.COMMITTEE_MEETING_MIN_FULL_MEMBERS;
import static cn.jiceng.settings.RuleCatalog.PARTY_LECTURE_PERIOD;

import cn.jiceng.settings.RuleCatalog;

import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.Month;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Required-meeting compliance of one branch-month (SPEC.md §4.2): every type due in the month must be
 * recorded with a date in its period. Monthly types are due every month; quarterly ones in the quarter's
 * last month, held any month of the quarter; yearly ones in December, held any month of the year.
 */
final class CompliancePolicy {

	/** {@code members} counts full and probationary members; only full members decide the committee meeting. */
	public record BranchFacts(long branchId, int members, int fullMembers, Set<Long> groupIds) {

		public BranchFacts {
			if (fullMembers < 0 || members < fullMembers) {
				throw new IllegalArgumentException("members " + members + " < full members " + fullMembers);
			}
			groupIds = Set.copyOf(groupIds);
		}
	}

	/** {@code groupId} names the group of a GROUP_MEETING; null for every other type. */
	public record HeldMeeting(MeetingType type, LocalDate heldOn, Long groupId) {

		public HeldMeeting {
			Objects.requireNonNull(type, "type");
			Objects.requireNonNull(heldOn, "heldOn");
		}

		public static HeldMeeting of(MeetingType type, LocalDate heldOn) {
			return new HeldMeeting(type, heldOn, null);
		}
	}

	/** A meeting due in the month and the months (inclusive) in which holding it counts. */
	public record Due(MeetingType type, Long groupId, YearMonth from, YearMonth to, String period) {

		boolean satisfiedBy(HeldMeeting meeting) {
			YearMonth held = YearMonth.from(meeting.heldOn());
			return meeting.type() == type
					&& (groupId == null || groupId.equals(meeting.groupId()))
					&& !held.isBefore(from) && !held.isAfter(to);
		}
	}

	public record Missing(MeetingType type, Long groupId, String reason) {
	}

	public record BranchCompliance(long branchId, YearMonth month, boolean hasMembers, List<Missing> missing) {

		public BranchCompliance {
			missing = List.copyOf(missing);
		}

		public boolean compliant() {
			return missing.isEmpty();
		}

		/** Each missing type once, in MeetingType order (several groups may miss GROUP_MEETING). */
		public List<MeetingType> missingTypes() {
			return List.copyOf(new TreeSet<>(missing.stream().map(Missing::type).toList()));
		}

		public List<String> reasons() {
			return missing.stream().map(Missing::reason).toList();
		}
	}

	private final RuleSettings settings;

	public CompliancePolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		String period = settings.get(PARTY_LECTURE_PERIOD);
		if (!RuleCatalog.PERIOD_QUARTER.equals(period) && !RuleCatalog.PERIOD_YEAR.equals(period)) {
			throw new IllegalArgumentException("partyLecturePeriod must be QUARTER or YEAR: " + period);
		}
	}

	public List<Due> dueIn(BranchFacts branch, YearMonth month) {
		Objects.requireNonNull(branch, "branch");
		Objects.requireNonNull(month, "month");
		List<Due> due = new ArrayList<>();
		due.add(monthly(MeetingType.THEMED_DAY, null, month));
		if (branch.fullMembers() >= settings.get(COMMITTEE_MEETING_MIN_FULL_MEMBERS)) {
			due.add(monthly(MeetingType.COMMITTEE_MEETING, null, month));
		}
		for (Long groupId : new TreeSet<>(branch.groupIds())) {
			due.add(monthly(MeetingType.GROUP_MEETING, groupId, month));
		}
		boolean quarterEnd = month.getMonthValue() % 3 == 0;
		boolean december = month.getMonth() == Month.DECEMBER;
		if (quarterEnd) {
			due.add(quarterly(MeetingType.BRANCH_ASSEMBLY, month));
		}
		boolean lectureQuarterly = RuleCatalog.PERIOD_QUARTER.equals(settings.get(PARTY_LECTURE_PERIOD));
		if (lectureQuarterly && quarterEnd) {
			due.add(quarterly(MeetingType.PARTY_LECTURE, month));
		} else if (!lectureQuarterly && december) {
			due.add(yearly(MeetingType.PARTY_LECTURE, month));
		}
		if (december) {
			due.add(yearly(MeetingType.LIFE_MEETING, month));
			due.add(yearly(MeetingType.DEMOCRATIC_APPRAISAL, month));
		}
		return due;
	}

	/** {@code held}: the branch's recorded meetings; those outside a due period are simply ignored. */
	public BranchCompliance evaluate(BranchFacts branch, YearMonth month, Collection<HeldMeeting> held) {
		Objects.requireNonNull(held, "held");
		List<Missing> missing = new ArrayList<>();
		for (Due due : dueIn(branch, month)) {
			if (held.stream().noneMatch(due::satisfiedBy)) {
				missing.add(new Missing(due.type(), due.groupId(), reason(branch, due)));
			}
		}
		return new BranchCompliance(branch.branchId(), month, branch.members() > 0, missing);
	}

	private String reason(BranchFacts branch, Due due) {
		String what = due.groupId() == null ? "" : "党小组（" + due.groupId() + "）";
		String text = due.period() + " " + what + "未召开" + due.type().label();
		if (due.type() == MeetingType.COMMITTEE_MEETING) {
			text += "（正式党员" + branch.fullMembers() + "名，达到" + settings.get(COMMITTEE_MEETING_MIN_FULL_MEMBERS)
					+ "名的支部须每月召开）";
		}
		return text;
	}

	private static Due monthly(MeetingType type, Long groupId, YearMonth month) {
		return new Due(type, groupId, month, month, month.toString());
	}

	private static Due quarterly(MeetingType type, YearMonth lastMonth) {
		int quarter = lastMonth.getMonthValue() / 3;
		return new Due(type, null, lastMonth.minusMonths(2), lastMonth,
				lastMonth.getYear() + "年第" + quarter + "季度");
	}

	private static Due yearly(MeetingType type, YearMonth december) {
		return new Due(type, null, YearMonth.of(december.getYear(), 1), december, december.getYear() + "年度");
	}
}
