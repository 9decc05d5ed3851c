package cn.jiceng.common;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Supplier;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Answers computed from the database, kept while the database shows the same committed data. The key of validity
 * is the database's own MVCC snapshot ({@code txid_current_snapshot()}: the transactions committed so far): any
 * committed write anywhere — an API call, an event listener, a job, a bulk load, another node on the same database
 * — gives a new snapshot, so the next read recomputes. Nothing is ever stale, and no module has to remember to
 * invalidate: a read costs one trivial query while nothing changes.
 */
@Component
public class ReadCache {

	private final JdbcClient jdbc;

	public ReadCache(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The committed state now. Read before computing: an answer computed afterwards reflects at least this state,
	 * and a later commit changes it.
	 */
	public String version() {
		return jdbc.sql("SELECT CAST(txid_current_snapshot() AS text)").query(String.class).single();
	}

	/** A bounded region of answers (least recently used dropped first). */
	public <K, V> Region<K, V> region(int maxEntries) {
		return new Region<>(this, maxEntries);
	}

	public static final class Region<K, V> {

		private record Entry<V>(String version, CompletableFuture<V> value) {
		}

		private final ReadCache cache;
		private final Map<K, Entry<V>> entries;

		Region(ReadCache cache, int maxEntries) {
			this.cache = cache;
			this.entries = new LinkedHashMap<>(64, 0.75f, true) {
				@Override
				protected boolean removeEldestEntry(Map.Entry<K, Entry<V>> eldest) {
					return size() > maxEntries;
				}
			};
		}

		/**
		 * The answer for {@code key} as of now: the kept one if the database has not changed since it was computed,
		 * else computed (once: concurrent callers of the same key and state wait for the same computation rather than
		 * each running it).
		 */
		public V get(K key, Supplier<V> compute) {
			if (TransactionSynchronizationManager.isActualTransactionActive()
					&& !TransactionSynchronizationManager.isCurrentTransactionReadOnly()) {
				// inside a writing transaction the answer may hold its uncommitted rows: never kept, never shared
				return compute.get();
			}
			String version = cache.version();
			Entry<V> entry;
			boolean mine = false;
			synchronized (entries) {
				entry = entries.get(key);
				if (entry == null || !entry.version().equals(version)) {
					entry = new Entry<>(version, new CompletableFuture<>());
					entries.put(key, entry);
					mine = true;
				}
			}
			if (mine) {
				try {
					V value = compute.get();
					entry.value().complete(value);
					return value;
				}
				catch (RuntimeException | Error e) {
					entry.value().completeExceptionally(e);
					synchronized (entries) {
						entries.remove(key, entry);
					}
					throw e;
				}
			}
			try {
				return entry.value().join();
			}
			catch (CompletionException e) {
				// the other caller's computation failed: ours answers (or fails) on its own
				return compute.get();
			}
		}
	}
}
