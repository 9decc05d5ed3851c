/**
 * The notification inbox: idempotent messages addressed to an organization, read by the accounts bound to it.
 */
@cn.jiceng.common.OwnsTables({ "notification", "notification_read", "job_run" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access" })
package cn.jiceng.notification;
