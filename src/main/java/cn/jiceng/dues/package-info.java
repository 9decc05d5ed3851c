/**
 * Party dues: bases and categories, monthly dues, payments, arrears and collection summaries.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "settings", "organization", "member" })
package cn.jiceng.dues;
