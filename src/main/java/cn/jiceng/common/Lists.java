package cn.jiceng.common;

import java.util.List;

/** Paging of a list a report has already computed in full (its totals need every row anyway). */
public final class Lists {

	private Lists() {
	}

	/** The page (0-based, clamped into range) of {@code all}, {@code size} rows per page. */
	public static <T> PageResult<T> page(List<T> all, Integer page, int size) {
		int pages = Math.max(1, (all.size() + size - 1) / size);
		int p = page == null || page < 0 ? 0 : Math.min(page, pages - 1);
		int from = p * size;
		return new PageResult<>(List.copyOf(all.subList(from, Math.min(all.size(), from + size))), all.size(), p, size);
	}
}
