package cn.jiceng.identity;

/** What a password check concluded; the message is what a person sees on the login page. */
sealed interface LoginOutcome {

	record Success(Account account) implements LoginOutcome {
	}

	record Refused(String message) implements LoginOutcome {
	}

	/** Too many logins with unknown names from this address: HTTP 429 with Retry-After. */
	record Throttled(String message, long retryAfterSeconds) implements LoginOutcome {
	}
}
