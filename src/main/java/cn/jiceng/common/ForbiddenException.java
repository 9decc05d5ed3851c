package cn.jiceng.common;

/** Inside the caller's scope but not allowed for the caller's role: 403. */
public class ForbiddenException extends RuntimeException {

	public ForbiddenException(String detail) {
		super(detail);
	}
}
