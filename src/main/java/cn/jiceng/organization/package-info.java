/**
 * The organization tree (kinds, fields, terms and their reminders) kept as a materialized path, with moves, setting
 * advice and the leadership offices (班子) that say who held which post when.
 */
@cn.jiceng.common.OwnsTables({ "organization", "election", "advice_handling", "org_office" })
@cn.jiceng.common.JoinsTables({ "member", "meeting" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "notification" })
package cn.jiceng.organization;
