/**
 * Organizational life: meetings with attendance and evidence, remote reports, the four-color record,
 * secretary accountability, compliance and the reminder jobs.
 */
@cn.jiceng.common.OwnsTables({ "meeting_plan", "meeting", "meeting_attendance", "meeting_file", "remote_report", "themed_day_exemption", "orglife_closed_year", "four_color_year" })
@cn.jiceng.common.JoinsTables({ "organization", "member", "member_transfer", "member_mobility", "account" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "notification" })
package cn.jiceng.orglife;
