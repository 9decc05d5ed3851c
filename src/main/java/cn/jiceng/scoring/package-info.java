/**
 * Member scores: the vanguard index with its explanation, point catalogue and claims, warnings and rankings.
 * Other modules feed the index by implementing {@link cn.jiceng.scoring.ScoreInput}; organizational life reaches it
 * through {@code OrgLifeFacts} and orglife's events.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "orglife", "notification" })
package cn.jiceng.scoring;
