package cn.jiceng.access;

/** Implemented by the security principal so this module can read the caller without knowing identity's types. */
public interface CallerHolder {

	Caller caller();
}
