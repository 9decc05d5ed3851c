/**
 * The member roster with national-standard fields, statuses, transfers, mobility and Excel import/export.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization", "settings" })
package cn.jiceng.member;
