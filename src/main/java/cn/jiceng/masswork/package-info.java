/**
 * Mass work: the people's-sentiment ledger of households per village, the cadres' visits with the five questions,
 * the service errands that must be done or answered the day they are received, the villages' 四议两公开 decisions and
 * their "135" records (bodies, commitments, duty roster, weekly meetings).
 */
@cn.jiceng.common.OwnsTables({ "household", "household_visit", "errand", "decision", "decision_step", "village_body",
		"member_commitment", "duty_roster", "weekly_meeting" })
@cn.jiceng.common.JoinsTables({ "organization", "member", "point_claim" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "member", "scoring", "notification" })
package cn.jiceng.masswork;
