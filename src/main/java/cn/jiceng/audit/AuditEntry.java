package cn.jiceng.audit;

import java.time.OffsetDateTime;

import com.fasterxml.jackson.annotation.JsonIgnore;

/** One entry as the API shows it; changes is the stored JSON object. */
record AuditEntry(String id, OffsetDateTime at, String actor, String action, String entityType, String entityId,
		Object changes, @JsonIgnore String organizationName) {
}
