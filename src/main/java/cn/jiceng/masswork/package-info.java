/**
 * Mass work: the people's-sentiment ledger of households per village, the cadres' visits with the five questions,
 * and the service errands that must be done or answered the day they are received.
 */
@cn.jiceng.common.OwnsTables({ "household", "household_visit", "errand" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "member" })
package cn.jiceng.masswork;
