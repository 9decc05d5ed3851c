package cn.jiceng.web;

/** What the layout shows of the logged-in account. */
record PageUser(String username, String role, String roleLabel, String organizationId, String orgName,
		String memberId, boolean editor, boolean admin, boolean countyAdmin) {
}
