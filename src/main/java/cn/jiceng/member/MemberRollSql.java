package cn.jiceng.member;

import cn.jiceng.organization.MemberRoll;

import org.springframework.stereotype.Component;

/** The roster's rule of who is on the roll ({@link MemberStatus#onRoll()}) for the modules below this one. */
@Component
class MemberRollSql implements MemberRoll {

	@Override
	public String sqlOnRoll(String statusColumn) {
		return MemberStatus.sqlOnRoll(statusColumn);
	}
}
