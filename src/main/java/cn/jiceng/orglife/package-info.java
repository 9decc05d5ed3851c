/**
 * Organizational life: meetings with attendance and evidence, remote reports, the four-color record,
 * secretary accountability, compliance and the reminder jobs.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "notification" })
package cn.jiceng.orglife;
