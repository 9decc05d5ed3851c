/**
 * A deterministic demo county (townships, villages, agency branches, members) for first start and benchmarks.
 */
@cn.jiceng.common.JoinsTables(value = { "organization", "member", "member_mobility", "account" }, bulkLoads = { "organization", "member", "member_mobility", "account" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization",
		"member", "identity", "settings", "orglife", "scoring", "dues", "assessment", "development", "supervision",
		"masswork", "publicity" })
package cn.jiceng.demo;
