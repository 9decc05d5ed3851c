package cn.jiceng.common;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a module's {@code package-info.java}: the tables this module creates, writes and answers for. Every table of
 * the schema has exactly one owner ({@code ArchitectureTests} checks it against the migrations).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.PACKAGE)
public @interface OwnsTables {

	String[] value();
}
