/**
 * The organization tree (kinds, fields, terms) kept as a materialized path, with moves and setting advice.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings" })
package cn.jiceng.organization;
