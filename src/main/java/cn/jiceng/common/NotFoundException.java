package cn.jiceng.common;

/** Unknown, or outside the caller's data scope: both answer 404 so scope never leaks existence. */
public class NotFoundException extends RuntimeException {

	public NotFoundException(String detail) {
		super(detail);
	}
}
