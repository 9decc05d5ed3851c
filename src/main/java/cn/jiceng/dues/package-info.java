/**
 * Party dues: bases and categories, monthly dues, payments, arrears and collection summaries.
 */
@cn.jiceng.common.OwnsTables({ "dues_base", "dues_payment" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member" })
package cn.jiceng.dues;
