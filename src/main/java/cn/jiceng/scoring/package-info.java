/**
 * Member scores: the vanguard index with its explanation, point catalogue and claims, warnings and rankings.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member", "orglife", "notification" })
package cn.jiceng.scoring;
