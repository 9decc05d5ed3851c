package cn.jiceng.common;

import java.util.List;
import java.util.function.Function;

/** A page of a list as API.md fixes it: items, total, page, size. */
public record PageResult<T>(List<T> items, long total, int page, int size) {

	public <R> PageResult<R> map(Function<T, R> mapper) {
		return new PageResult<>(items.stream().map(mapper).toList(), total, page, size);
	}

	public int totalPages() {
		return size == 0 ? 0 : (int) ((total + size - 1) / size);
	}
}
