package cn.jiceng.identity;

import java.time.OffsetDateTime;

import cn.jiceng.access.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

@Table("account")
record Account(@Id Long id, long countyId, String username, String passwordHash, Role role, long organizationId,
		Long memberId, int failedLogins, OffsetDateTime lockedUntil, boolean enabled, @Version Integer version) {

	Account withFailedLogins(int failures, OffsetDateTime lockedUntil) {
		return new Account(id, countyId, username, passwordHash, role, organizationId, memberId, failures, lockedUntil,
				enabled, version);
	}

	Account withPasswordHash(String hash) {
		return new Account(id, countyId, username, hash, role, organizationId, memberId, 0, null, enabled, version);
	}
}
