package cn.jiceng.identity;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Per client address throttle for logins with unknown usernames (known accounts have their own lock). In memory
 * and bounded: an attacker must not be able to fill a table with made-up names or addresses, losing the counts on
 * a restart costs little, and the oldest addresses are dropped first when {@link #MAX_ADDRESSES} is reached. Each
 * node of a cluster throttles on its own. Once an address is over the limit every login from it waits out the
 * window, known names included, so the throttle itself does not tell which names exist.
 */
@Component
class LoginThrottle {

	static final int MAX_ADDRESSES = 10_000;

	private record Window(Instant start, int count) {
	}

	private final Clock clock;
	private final int limit;
	private final Duration window;
	private final Map<String, Window> byAddress = new LinkedHashMap<>(256, 0.75f, true) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Window> eldest) {
			return size() > MAX_ADDRESSES;
		}
	};

	LoginThrottle(Clock clock, @Value("${jiceng.login.unknown-names-per-address:20}") int limit,
			@Value("${jiceng.login.unknown-names-window-minutes:10}") int windowMinutes) {
		this.clock = clock;
		this.limit = limit;
		this.window = Duration.ofMinutes(windowMinutes);
	}

	/** Seconds the address must still wait, or 0 when it may try. */
	synchronized long secondsToWait(String address) {
		Window w = current(address);
		if (w == null || w.count() < limit) {
			return 0;
		}
		return Math.max(1, Duration.between(Instant.now(clock), w.start().plus(window)).toSeconds());
	}

	/**
	 * A login with a username that does not exist: counted if the address is under the limit (answers 0), else
	 * the seconds to wait. Check and count are one step so parallel guesses cannot pass the limit together.
	 */
	synchronized long admitUnknownName(String address) {
		long wait = secondsToWait(address);
		if (wait > 0) {
			return wait;
		}
		Window w = current(address);
		byAddress.put(key(address), w == null ? new Window(Instant.now(clock), 1) : new Window(w.start(), w.count() + 1));
		return 0;
	}

	/** Tests only: forget every address. */
	synchronized void clear() {
		byAddress.clear();
	}

	private Window current(String address) {
		Window w = byAddress.get(key(address));
		if (w != null && !Instant.now(clock).isBefore(w.start().plus(window))) {
			byAddress.remove(key(address));
			return null;
		}
		return w;
	}

	private static String key(String address) {
		return address == null ? "" : address;
	}
}
