/**
 * Shared kernel: error types every module raises, paging and field-error shapes, and {@link cn.jiceng.common.ReadCache}
 * (answers kept until the database changes); depends on no module.
 */
@org.springframework.modulith.ApplicationModule(type = org.springframework.modulith.ApplicationModule.Type.OPEN, allowedDependencies = {})
package cn.jiceng.common;
