package cn.jiceng.audit;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * {@link AuditLabels} put together from the labels a module already has: field names, and for coded values the
 * enum's own {@code label()} (one source: the label the pages show). A module declares one bean per entity type.
 */
public final class AuditLabelSet implements AuditLabels {

	private final String entityType;
	private final String entityLabel;
	private final Map<String, String> fields = new LinkedHashMap<>();
	private final Map<String, Function<String, String>> values = new HashMap<>();
	private final Map<String, String> actions = new HashMap<>();
	private final java.util.Set<String> hidden = new java.util.HashSet<>();
	private Function<String, String> link = id -> null;
	private Function<String, String> name = id -> null;

	private AuditLabelSet(String entityType, String entityLabel) {
		this.entityType = entityType;
		this.entityLabel = entityLabel;
	}

	public static AuditLabelSet of(String entityType, String entityLabel) {
		return new AuditLabelSet(entityType, entityLabel);
	}

	public AuditLabelSet field(String field, String label) {
		fields.put(field, label);
		return this;
	}

	/** A field whose recorded value reads differently to people (a code, an id). */
	public AuditLabelSet field(String field, String label, Function<String, String> value) {
		fields.put(field, label);
		values.put(field, value);
		return this;
	}

	/** A field recorded for the machine (an internal id) that the history does not show. */
	public AuditLabelSet hide(String field) {
		hidden.add(field);
		return this;
	}

	public AuditLabelSet action(String code, String label) {
		actions.put(code, label);
		return this;
	}

	public AuditLabelSet link(Function<String, String> link) {
		this.link = link;
		return this;
	}

	public AuditLabelSet name(Function<String, String> name) {
		this.name = name;
		return this;
	}

	/** Codes of an enum shown by the enum's own label; an unknown code stays as recorded. */
	public static <E extends Enum<E>> Function<String, String> codes(Class<E> type, Function<E, String> label) {
		return v -> {
			try {
				return label.apply(Enum.valueOf(type, v));
			}
			catch (IllegalArgumentException e) {
				return v;
			}
		};
	}

	/** An id shown by a name; a record that is gone says so instead of showing its number. */
	public static Function<String, String> ids(Function<Long, java.util.Optional<String>> lookup, String gone) {
		return v -> {
			try {
				return lookup.apply(Long.parseLong(v.trim())).orElse(gone);
			}
			catch (NumberFormatException e) {
				return v;
			}
		};
	}

	@Override
	public String entityType() {
		return entityType;
	}

	@Override
	public String entityLabel() {
		return entityLabel;
	}

	@Override
	public Map<String, String> fieldLabels() {
		return fields;
	}

	@Override
	public String value(String field, String value) {
		Function<String, String> f = values.get(field);
		return f == null ? value : f.apply(value);
	}

	@Override
	public java.util.Set<String> hiddenFields() {
		return hidden;
	}

	@Override
	public Map<String, String> actionLabels() {
		return actions;
	}

	@Override
	public String link(String entityId) {
		return link.apply(entityId);
	}

	@Override
	public String name(String entityId) {
		return name.apply(entityId);
	}
}
