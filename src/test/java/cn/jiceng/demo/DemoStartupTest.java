package cn.jiceng.demo;

import java.util.List;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoStartupTest {

	@Test
	void theLoadMessageNamesTheDemoAccountsButNeverTheirPassword() {
		DemoLoader.LoadResult r = new DemoLoader.LoadResult(1.0, 10, 8, 2, 100, 3,
				List.of("township1", "secretary1", "member1", "inspector1"), 42);

		String message = DemoStartup.loadedMessage(r);

		assertThat(message).contains("township1", "member1", "README").doesNotContain(DemoLoader.DEMO_PASSWORD);
	}
}
