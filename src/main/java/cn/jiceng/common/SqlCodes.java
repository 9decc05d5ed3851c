package cn.jiceng.common;

import java.util.Collection;
import java.util.StringJoiner;

/**
 * Enum constants written into SQL as string literals, for the fragments that rules generate: the codes come from the
 * enum, never typed by hand, so a renamed or added constant cannot leave a copy behind.
 */
public final class SqlCodes {

	private SqlCodes() {
	}

	/** {@code 'A', 'B'} in the given order. */
	public static String quoted(Collection<? extends Enum<?>> codes) {
		StringJoiner list = new StringJoiner(", ");
		for (Enum<?> code : codes) {
			list.add("'" + code.name() + "'");
		}
		return list.toString();
	}

	/** {@code column IN ('A', 'B')}. */
	public static String in(String column, Collection<? extends Enum<?>> codes) {
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("no codes for " + column);
		}
		return column + " IN (" + quoted(codes) + ")";
	}

	/** {@code column NOT IN ('A', 'B')}. */
	public static String notIn(String column, Collection<? extends Enum<?>> codes) {
		if (codes.isEmpty()) {
			throw new IllegalArgumentException("no codes for " + column);
		}
		return column + " NOT IN (" + quoted(codes) + ")";
	}
}
