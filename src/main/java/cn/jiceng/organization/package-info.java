/**
 * The organization tree (kinds, fields, terms) kept as a materialized path, with moves and setting advice.
 */
@cn.jiceng.common.OwnsTables({ "organization", "election", "advice_handling", "org_office" })
@cn.jiceng.common.JoinsTables({ "member", "meeting" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings" })
package cn.jiceng.organization;
