package cn.jiceng.support;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** Runs competing requests from threads that are all released at the same instant. */
public final class Race {

	private Race() {
	}

	@SafeVarargs
	public static <T> List<T> run(Supplier<T>... contenders) {
		ExecutorService pool = Executors.newFixedThreadPool(contenders.length);
		CountDownLatch ready = new CountDownLatch(contenders.length);
		CountDownLatch go = new CountDownLatch(1);
		try {
			List<Future<T>> futures = new ArrayList<>();
			for (Supplier<T> c : contenders) {
				futures.add(pool.submit(() -> {
					ready.countDown();
					go.await();
					return c.get();
				}));
			}
			ready.await(10, TimeUnit.SECONDS);
			go.countDown();
			List<T> results = new ArrayList<>();
			for (Future<T> f : futures) {
				results.add(f.get(60, TimeUnit.SECONDS));
			}
			return results;
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
		finally {
			pool.shutdownNow();
		}
	}
}
