/**
 * Member scores: the vanguard index with its explanation, point catalogue and claims, warnings and rankings.
 * Other modules feed the index by implementing {@link cn.jiceng.scoring.ScoreInput}; organizational life reaches it
 * through {@code OrgLifeFacts} and orglife's events.
 */
@cn.jiceng.common.OwnsTables({ "point_item", "point_claim", "cadre_duty", "cadre_log", "vanguard_index", "vanguard_year" })
@cn.jiceng.common.JoinsTables({ "organization", "member", "meeting", "meeting_attendance", "account", "org_office" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "orglife", "notification" })
package cn.jiceng.scoring;
