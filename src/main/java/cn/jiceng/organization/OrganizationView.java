package cn.jiceng.organization;

import java.time.LocalDate;

/** An organization as the API and pages show it; memberCount counts the whole subtree. */
public record OrganizationView(String id, String name, OrgKind kind, Field field, String parentId, long memberCount,
		LocalDate termStartedOn, Integer termYears, LocalDate termEndsOn, int depth, int version) {

	public String kindLabel() {
		return kind.label();
	}

	public String fieldLabel() {
		return field.label();
	}
}
