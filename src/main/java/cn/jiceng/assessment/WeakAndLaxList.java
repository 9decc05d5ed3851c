package cn.jiceng.assessment;

/**
 * The year's list of weak-and-lax organizations (软弱涣散党组织). The supervision module that keeps the
 * rectification ledger will provide it (it depends on assessment, not the other way round); until a bean of this
 * type exists nobody is listed. Read through {@link WeakAndLaxLists}.
 */
public interface WeakAndLaxList {

	boolean isListed(long organizationId, int year);
}
