/**
 * Runtime plumbing: the embedded PostgreSQL, JSON and problem-detail error answers; no domain.
 */
@cn.jiceng.common.OwnsTables({ "event_publication" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package cn.jiceng.platform;
