/**
 * Shared kernel: error types every module raises, paging and field-error shapes; depends on nothing.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package cn.jiceng.common;
