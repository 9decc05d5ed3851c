package cn.jiceng.common;

import java.util.Optional;

/**
 * What text the platform stores: no control characters other than tab, newline and carriage return (PostgreSQL
 * refuses NUL, the others corrupt exports and pages), and only whole UTF-16 pairs (a lone surrogate would be stored
 * as "?"). Checked once for every text input at the edge, so no controller needs to repeat it.
 */
public final class TextRule {

	private TextRule() {
	}

	/** Empty when the text may be stored, else the Chinese reason it may not. */
	public static Optional<String> problem(String text) {
		if (text == null) {
			return Optional.empty();
		}
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7f && c <= 0x9f)) {
				return Optional.of("含有不允许的控制字符（第" + (i + 1) + "个字符，U+" + String.format("%04X", (int) c) + "）");
			}
			if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
				i++;
			}
			else if (Character.isSurrogate(c)) {
				return Optional.of("含有无效的Unicode字符（第" + (i + 1) + "个字符是不成对的代理项）");
			}
		}
		return Optional.empty();
	}
}
