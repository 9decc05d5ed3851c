package cn.jiceng.member;

import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/** The member aggregate; edits carry the version last read so concurrent edits never overwrite each other. */
@Table("member")
record Member(@Id Long id, long countyId, long organizationId, String name, Gender gender, String idNumber,
		LocalDate birthDate, MemberCategory category, LocalDate joinedOn, LocalDate fullMemberOn, String ethnicity,
		String education, String phone, MemberStatus status, LocalDate statusChangedOn, @Version Integer version) {

	Member withOrganization(long organizationId) {
		return new Member(id, countyId, organizationId, name, gender, idNumber, birthDate, category, joinedOn,
				fullMemberOn, ethnicity, education, phone, status, statusChangedOn, version);
	}
}
