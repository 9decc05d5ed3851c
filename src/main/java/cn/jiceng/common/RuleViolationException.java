package cn.jiceng.common;

import java.util.Map;

/** Refused by a business rule: 422 with the rule's reason (and, where a rule has several, extra properties). */
public class RuleViolationException extends RuntimeException {

	private final Map<String, Object> properties;

	public RuleViolationException(String reason) {
		this(reason, Map.of());
	}

	/** {@code properties}: extra members of the problem answer, such as {@code reasons:[{code,message}]}. */
	public RuleViolationException(String reason, Map<String, Object> properties) {
		super(reason);
		this.properties = Map.copyOf(properties);
	}

	public Map<String, Object> properties() {
		return properties;
	}
}
