package cn.jiceng.common;

/** Refused by a business rule: 422 with the rule's reason. */
public class RuleViolationException extends RuntimeException {

	public RuleViolationException(String reason) {
		super(reason);
	}
}
