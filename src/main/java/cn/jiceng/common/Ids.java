package cn.jiceng.common;

/** Ids travel as opaque strings in the API and are bigint inside. */
public final class Ids {

	private Ids() {
	}

	public static long parse(String id, String what) {
		if (id == null || id.isBlank()) {
			throw new NotFoundException(what + "不存在");
		}
		try {
			return Long.parseLong(id.trim());
		}
		catch (NumberFormatException e) {
			throw new NotFoundException(what + "不存在");
		}
	}

	public static Long parseOptional(String id, String field, String what) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(id.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, what + "编号格式不正确");
		}
	}

	public static String str(Long id) {
		return id == null ? null : id.toString();
	}
}
