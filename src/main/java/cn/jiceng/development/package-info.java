/**
 * Membership development (发展党员): one record book per person through the 25 steps, from application to full
 * membership, with the time rules, warnings and yearly plans.
 */
@cn.jiceng.common.OwnsTables({ "development_record", "development_step", "development_step_member",
		"development_plan", "development_warning_sent" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "member", "notification" })
package cn.jiceng.development;
