/**
 * Runtime plumbing: the embedded PostgreSQL, JSON and problem-detail error answers; no domain.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package cn.jiceng.platform;
