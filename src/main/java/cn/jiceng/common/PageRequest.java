package cn.jiceng.common;

/** Page and size from a request, clamped so a caller cannot ask for a million rows at once. */
public record PageRequest(int page, int size) {

	public static final int MAX_SIZE = 200;

	public PageRequest {
		if (page < 0) {
			page = 0;
		}
		if (size <= 0) {
			size = 20;
		}
		if (size > MAX_SIZE) {
			size = MAX_SIZE;
		}
	}

	public static PageRequest of(Integer page, Integer size) {
		return new PageRequest(page == null ? 0 : page, size == null ? 20 : size);
	}

	public long offset() {
		return (long) page * size;
	}
}
