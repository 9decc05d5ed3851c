/**
 * Organization assessment: five stars scored from the platform's own records, inspection rankings with their
 * bulletins and interviews, secretary and cadre appraisals, members' democratic appraisal and commendations.
 */
@cn.jiceng.common.OwnsTables({})
@cn.jiceng.common.JoinsTables({})
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "member", "orglife", "dues", "scoring", "notification" })
package cn.jiceng.assessment;
