package cn.jiceng.common;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class TextRuleTest {

	@Test
	void ordinaryChineseTextWithTabsAndLineBreaksIsAccepted() {
		assertThat(TextRule.problem("第一议题：\t学习\r\n贯彻")).isEmpty();
	}

	@Test
	void noTextIsNothingToRefuse() {
		assertThat(TextRule.problem(null)).isEmpty();
		assertThat(TextRule.problem("")).isEmpty();
	}

	@Test
	void aNulIsRefusedWithItsPosition() {
		assertThat(TextRule.problem("ab\u0000c")).hasValueSatisfying(r -> assertThat(r).contains("控制字符").contains("第3个"));
	}

	@Test
	void otherControlCharactersAndC1ControlsAreRefused() {
		assertThat(TextRule.problem("a\u001Bb")).isPresent();
		assertThat(TextRule.problem("a\u007Fb")).isPresent();
		assertThat(TextRule.problem("a\u0085b")).isPresent();
	}

	@Test
	void aCharacterOutsideTheBasicPlaneWrittenAsAPairIsAccepted() {
		assertThat(TextRule.problem("𠀀姓名😀")).isEmpty();
	}

	@Test
	void aLoneHighOrLowSurrogateIsRefused() {
		assertThat(TextRule.problem("张\uD800三")).hasValueSatisfying(r -> assertThat(r).contains("代理项"));
		assertThat(TextRule.problem("张\uDC00")).isPresent();
		assertThat(TextRule.problem("\uD800")).isPresent();
	}
}
