package cn.jiceng.member;

import java.time.LocalDate;

/** A member as the API shows it; in lists the ID number and phone are masked. */
public record MemberView(String id, String name, Gender gender, String idNumber, LocalDate birthDate,
		String organizationId, String organizationName, MemberCategory category, LocalDate joinedOn,
		LocalDate fullMemberOn, String ethnicity, String education, String phone, MemberStatus status, boolean mobile,
		int version) {

	public String genderLabel() {
		return gender.label();
	}

	public String categoryLabel() {
		return category.label();
	}

	public String statusLabel() {
		return status.label();
	}

	public String ethnicityLabel() {
		return ethnicity == null ? "" : Ethnicity.byCode(ethnicity).map(Ethnicity::label).orElse(ethnicity);
	}

	public String educationLabel() {
		return education == null ? "" : Education.byCode(education).map(Education::label).orElse(education);
	}
}
