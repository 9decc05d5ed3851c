/**
 * Learning, publicity and care (SPEC.md §4.10): weekly night study and cross lectures, members' study needs, study
 * materials per format (large print, dialect audio) and home deliveries with their reminders, branch stories with
 * their township compilation, county selection and printed booklet, and the care funds with their contributions and
 * disbursements.
 */
@cn.jiceng.common.OwnsTables({ "study_session", "study_attendee", "cross_lecture", "study_need", "home_delivery",
		"story", "story_year", "care_fund", "care_fund_movement", "study_material", "study_material_audio" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings",
		"organization", "orglife", "notification" })
package cn.jiceng.publicity;
