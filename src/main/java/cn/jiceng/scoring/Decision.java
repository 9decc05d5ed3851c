package cn.jiceng.scoring;

import java.util.function.Function;

/** Outcome of a claim policy: allowed, or refused with a Chinese reason and the kind of refusal. */
record Decision(boolean allowed, Refusal refusal, String reason) {

	public enum Refusal {
		/** Not this caller's to do (separation of duties, role): HTTP 403. */
		FORBIDDEN,
		/** A business rule says no: HTTP 422 with the reason. */
		RULE
	}

	private static final Decision ALLOWED = new Decision(true, null, null);

	public static Decision allow() {
		return ALLOWED;
	}

	public static Decision forbidden(String reason) {
		return new Decision(false, Refusal.FORBIDDEN, reason);
	}

	public static Decision rule(String reason) {
		return new Decision(false, Refusal.RULE, reason);
	}

	/** Lets the service raise its own exception types without this package knowing them. */
	public void throwIfRefused(Function<String, ? extends RuntimeException> forbidden,
			Function<String, ? extends RuntimeException> rule) {
		if (allowed) {
			return;
		}
		throw refusal == Refusal.FORBIDDEN ? forbidden.apply(reason) : rule.apply(reason);
	}
}
