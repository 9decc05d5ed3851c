/**
 * The notification inbox: idempotent messages addressed to an organization, read by the accounts bound to it.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access" })
package cn.jiceng.notification;
