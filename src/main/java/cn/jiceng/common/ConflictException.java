package cn.jiceng.common;

/** Duplicate or stale version: 409. */
public class ConflictException extends RuntimeException {

	public ConflictException(String detail) {
		super(detail);
	}
}
