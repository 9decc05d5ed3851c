package cn.jiceng.common;

import java.util.concurrent.atomic.AtomicInteger;

import cn.jiceng.support.ApiTest;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The kept answers of {@link ReadCache} against the test database: reused while nothing commits, never after. */
@ApiTest
class ReadCacheApiTests {

	@Autowired
	ReadCache cache;

	@Autowired
	JdbcClient jdbc;

	@Test
	void anAnswerIsKeptWhileNothingCommits() {
		ReadCache.Region<String, Integer> region = cache.region(10);
		AtomicInteger computed = new AtomicInteger();
		String before = cache.version();

		region.get("k", computed::incrementAndGet);
		int second = region.get("k", computed::incrementAndGet);

		// background listeners of earlier tests may commit meanwhile; when none did, the second read was kept
		if (cache.version().equals(before)) {
			assertThat(computed).hasValue(1);
			assertThat(second).isEqualTo(1);
		}
	}

	@Test
	void anyCommittedTransactionMakesTheNextReadComputeAgain() {
		ReadCache.Region<String, Integer> region = cache.region(10);
		AtomicInteger computed = new AtomicInteger();
		region.get("k", computed::incrementAndGet);

		// a transaction that takes an id and commits, as every write does
		jdbc.sql("SELECT txid_current()").query(Long.class).single();

		assertThat(region.get("k", computed::incrementAndGet)).isEqualTo(2);
	}

	@Test
	void aFailedComputationIsNotKept() {
		ReadCache.Region<String, Integer> region = cache.region(10);
		try {
			region.get("k", () -> {
				throw new IllegalStateException("boom");
			});
		}
		catch (IllegalStateException expected) {
			// the caller sees the failure
		}

		assertThat(region.get("k", () -> 7)).isEqualTo(7);
	}
}
