/**
 * The member roster with national-standard fields, statuses, transfers, mobility and Excel import/export.
 */
@cn.jiceng.common.OwnsTables({ "member", "member_transfer", "member_mobility" })
@cn.jiceng.common.JoinsTables({ "organization" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization", "settings" })
package cn.jiceng.member;
