package cn.jiceng.orglife;

import cn.jiceng.member.MemberRosterChanged;

import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keeps stored attendance true to the roster: a backdated transfer, a mobility period or a status change moves
 * the member's rows in the same transaction as the roster change, so the two never disagree.
 */
@Component
class RosterListener {

	private final AttendanceReconciliation reconciliation;

	RosterListener(AttendanceReconciliation reconciliation) {
		this.reconciliation = reconciliation;
	}

	@EventListener
	void on(MemberRosterChanged e) {
		reconciliation.reconcileMember(e.memberId());
	}
}
