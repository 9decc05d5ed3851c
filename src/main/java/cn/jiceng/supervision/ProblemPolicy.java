package cn.jiceng.supervision;

import java.time.LocalDate;

/**
 * Who may do what to an assigned problem, and when (SPEC.md §4.8, API.md). The issuing side is the issuing
 * organization and its ancestors; the assignee is the problem's organization and its subtree. The assignee reports
 * rectification (with evidence uploaded since the problem was last reopened); only the issuing side records
 * follow-ups and verifies: accepted → {@code CLOSED}, not accepted → {@code OPEN} again. Overdue: the deadline has
 * passed and the problem is still open (not rectified). Plain Java; refusals are Chinese reasons.
 */
final class ProblemPolicy {

	enum Side {
		ISSUING, ASSIGNEE, NEITHER
	}

	private ProblemPolicy() {
	}

	/** Paths are materialized organization paths ({@code /1/12/305/}). */
	static Side side(String callerPath, String issuingPath, String problemPath) {
		if (issuingPath.startsWith(callerPath)) {
			return Side.ISSUING;
		}
		if (callerPath.startsWith(problemPath)) {
			return Side.ASSIGNEE;
		}
		return Side.NEITHER;
	}

	/** A notice's target must lie strictly below the issuing organization. */
	static boolean strictlyBelow(String targetPath, String issuingPath) {
		return targetPath.startsWith(issuingPath) && !targetPath.equals(issuingPath);
	}

	static boolean overdue(LocalDate dueOn, ProblemStatus status, LocalDate today) {
		return status == ProblemStatus.OPEN && dueOn.isBefore(today);
	}

	/** The same rule as SQL on a problem alias, with the parameter {@code :today}. */
	static String sqlOverdue(String alias) {
		return "(" + alias + ".status = '" + ProblemStatus.OPEN.name() + "' AND " + alias + ".due_on < :today)";
	}

	/** Why the assignee cannot report rectification in this status (a conflict), or null. */
	static String rectifyConflict(ProblemStatus status) {
		return switch (status) {
			case OPEN -> null;
			case RECTIFIED -> "已报告整改，正在等待交办方验收";
			case CLOSED -> "问题已验收销号";
		};
	}

	/** Why the rectification is refused by the rule, or null: it needs evidence of this round. */
	static String evidenceRefusal(long filesSinceReopened) {
		return filesSinceReopened > 0 ? null : "报告整改须附整改佐证材料（照片或文件），请先上传再报告";
	}

	/** Why the issuing side cannot verify in this status (a conflict), or null. */
	static String verifyConflict(ProblemStatus status) {
		return switch (status) {
			case RECTIFIED -> null;
			case OPEN -> "被交办单位尚未报告整改，暂不能验收";
			case CLOSED -> "问题已验收销号";
		};
	}

	/** Why no follow-up can be recorded in this status (a conflict), or null. */
	static String followUpConflict(ProblemStatus status) {
		return status == ProblemStatus.CLOSED ? "问题已验收销号，无需再跟踪" : null;
	}

	static ProblemStatus verdict(boolean accepted) {
		return accepted ? ProblemStatus.CLOSED : ProblemStatus.OPEN;
	}

	static String sideRefusal(Side required) {
		return required == Side.ISSUING ? "只有交办方（发出整改通知的党组织及其上级）可以进行此操作"
				: "只有被交办的党组织可以报告整改";
	}
}
