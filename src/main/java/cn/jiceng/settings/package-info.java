/**
 * Rule settings per county and year: every rule number of SPEC.md §4 with its default, audited when changed.
 */
@cn.jiceng.common.OwnsTables({ "rule_setting" })
@cn.jiceng.common.JoinsTables({ "organization" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit" })
package cn.jiceng.settings;
