/**
 * Responsibility and supervision: assigned problems (rectification notices, the follow-up rhythm, rectification with
 * evidence and the issuing side's verification, overdue reminders) and the villages' three lists (三张清单).
 */
@cn.jiceng.common.OwnsTables({ "rectification_notice", "problem", "problem_follow_up", "problem_step", "duty_list",
		"duty_item", "duty_progress", "supervision_file", "contact_assignment", "contact_activity",
		"pairing", "pairing_activity", "micro_wish", "weak_lax", "weak_lax_criterion", "weak_lax_measure" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "orglife", "notification", "assessment" })
package cn.jiceng.supervision;
