/**
 * Party dues: bases and categories, monthly dues, payments, arrears and collection summaries; also the term
 * renewal reminder job, which needs the notification inbox that the organization module may not depend on.
 */
@cn.jiceng.common.OwnsTables({ "dues_base", "dues_payment" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "notification" })
package cn.jiceng.dues;
