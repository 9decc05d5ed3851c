package cn.jiceng.member;

import java.time.LocalDate;

/** Fields of a new member as the API, the form and the Excel import deliver them (codes, not labels). */
record MemberInput(String name, String gender, String idNumber, String organizationId, String category,
		LocalDate joinedOn, LocalDate fullMemberOn, String ethnicity, String education, String phone) {
}
