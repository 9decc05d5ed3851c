package cn.jiceng.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StoryPolicyTest {

	@Test
	void aSubmittedStoryIsCompiledOnce() {
		assertThat(StoryPolicy.compile(StoryStatus.SUBMITTED).allowed()).isTrue();
		StoryPolicy.Decision again = StoryPolicy.compile(StoryStatus.COMPILED);
		assertThat(again.allowed()).isFalse();
		assertThat(again.conflict()).isTrue();
	}

	@Test
	void theHundredthStoryOfAYearIsSelectedAndTheHundredAndFirstIsRefused() {
		assertThat(StoryPolicy.select(StoryStatus.COMPILED, 99, 100).allowed()).isTrue();
		StoryPolicy.Decision over = StoryPolicy.select(StoryStatus.COMPILED, 100, 100);
		assertThat(over.allowed()).isFalse();
		assertThat(over.conflict()).isFalse();
		assertThat(over.reason()).contains("上限").contains("100");
	}

	@Test
	void aStoryTheTownshipHasNotCompiledCannotBeSelected() {
		StoryPolicy.Decision d = StoryPolicy.select(StoryStatus.SUBMITTED, 0, 100);
		assertThat(d.allowed()).isFalse();
		assertThat(d.conflict()).isTrue();
		assertThat(d.reason()).contains("汇编");
	}

	@Test
	void aSelectedStoryIsNotSelectedTwice() {
		assertThat(StoryPolicy.select(StoryStatus.SELECTED, 5, 100).reason()).contains("已经入选");
	}
}
