package cn.jiceng.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info.java}: other modules' tables that this module's SQL reads directly, because a
 * read model or a set-based computation must join them (the scope's organization paths, the roll of members).
 * Anything else of another module is reached through its API. Writing another module's table is never allowed.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface JoinsTables {

	String[] value();

	/** Of those, the tables this module fills in bulk (only the demo county's loader: set-based, for speed). */
	String[] bulkLoads() default {};
}
