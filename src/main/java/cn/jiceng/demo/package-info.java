/**
 * A deterministic demo county (townships, villages, agency branches, members) for first start and benchmarks.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization",
		"member", "identity", "settings", "orglife", "scoring" })
package cn.jiceng.demo;
