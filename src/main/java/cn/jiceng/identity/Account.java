package cn.jiceng.identity;

import java.time.OffsetDateTime;

import cn.jiceng.access.Role;

import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.relational.core.mapping.Table;

/**
 * An account. Login counters ({@code failedLogins}, {@code lockedUntil}) and the credential epoch are written only
 * by single SQL statements in {@link AccountService}, never by saving this record, so concurrent logins cannot
 * collide on {@code version}.
 */
@Table("account")
record Account(@Id Long id, long countyId, String username, String passwordHash, Role role, long organizationId,
		Long memberId, int failedLogins, OffsetDateTime lockedUntil, boolean enabled, Long createdBy,
		int credentialEpoch, @Version Integer version) {
}
