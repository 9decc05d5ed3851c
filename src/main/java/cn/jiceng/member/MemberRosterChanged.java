package cn.jiceng.member;

/**
 * A change to who belongs where and when: a transfer, a mobility period, a status or a joining date. Modules that
 * store per-member facts by branch and date (organizational-life attendance) bring them up to date.
 */
public record MemberRosterChanged(long memberId, String what) {
}
