package cn.jiceng.audit;

import java.util.Map;

/**
 * How the entries of one entity type read to people: the trail stores field names and codes, and the module
 * that owns the entity knows their Chinese names. The history page asks every bean of this type.
 */
public interface AuditLabels {

	/** The entity type as recorded, e.g. "Member". */
	String entityType();

	/** What people call it, e.g. 党员. */
	String entityLabel();

	Map<String, String> fieldLabels();

	/** A recorded value for people (a code becomes its label); the value itself when it is not a code. */
	default String value(String field, String value) {
		return value;
	}

	/** Fields recorded for the machine (internal ids, keys) that people need not see. */
	default java.util.Set<String> hiddenFields() {
		return java.util.Set.of();
	}

	default Map<String, String> actionLabels() {
		return Map.of();
	}

	/** The record's name for people (a member's or organization's name, a user name), or null when unknown. */
	default String name(String entityId) {
		return null;
	}

	/** The page of the record, or null when it has none. */
	default String link(String entityId) {
		return null;
	}
}
