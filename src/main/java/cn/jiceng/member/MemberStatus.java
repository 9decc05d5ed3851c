package cn.jiceng.member;

import java.util.Arrays;
import java.util.List;

import cn.jiceng.common.SqlCodes;

/** 党籍 and roster statuses; only the first three still count as members of their branch. */
public enum MemberStatus {
	NORMAL("正常"),
	SUSPENDED("停止党籍"),
	LOST_CONTACT("失联"),
	TRANSFERRED_OUT("已转出"),
	DECEASED("已故"),
	/** 取消预备党员资格: a probationary member whose membership was cancelled (SPEC.md §4.5), off the roll. */
	PROBATION_CANCELLED("取消预备党员资格");

	private final String label;

	MemberStatus(String label) {
		this.label = label;
	}

	public String label() {
		return label;
	}

	public boolean onRoll() {
		return this == NORMAL || this == SUSPENDED || this == LOST_CONTACT;
	}

	/** The statuses on the roll, in declaration order. */
	public static List<MemberStatus> onRollStatuses() {
		return Arrays.stream(values()).filter(MemberStatus::onRoll).toList();
	}

	/** The statuses that took the member off the roll (on {@code status_changed_on}). */
	public static List<MemberStatus> offRollStatuses() {
		return Arrays.stream(values()).filter(s -> !s.onRoll()).toList();
	}

	/** {@link #onRoll()} as SQL over a status column, e.g. {@code m.status IN ('NORMAL', 'SUSPENDED', 'LOST_CONTACT')}. */
	public static String sqlOnRoll(String statusColumn) {
		return SqlCodes.in(statusColumn, onRollStatuses());
	}

	/** Not {@link #onRoll()} as SQL over a (non-null) status column. */
	public static String sqlOffRoll(String statusColumn) {
		return SqlCodes.in(statusColumn, offRollStatuses());
	}
}
