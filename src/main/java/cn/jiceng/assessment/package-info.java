/**
 * Organization assessment: five stars scored from the platform's own records, inspection rankings with their
 * bulletins and interviews, secretary and cadre appraisals, members' democratic appraisal and commendations.
 */
@cn.jiceng.common.OwnsTables({ "star_standard", "star_standard_item", "star_assessment", "star_assessment_score",
		"star_assessment_item", "star_revocation", "commendation",
		"cadre_appraisal", "democratic_appraisal", "inspection_round", "inspection_target",
		"inspection_item", "inspection_score", "secretary_appraisal", "interview" })
@cn.jiceng.common.JoinsTables({ "organization", "member", "org_office" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "member", "orglife", "dues", "scoring", "notification" })
package cn.jiceng.assessment;
