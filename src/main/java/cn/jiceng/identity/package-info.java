/**
 * Accounts, passwords, login throttling, API tokens and form login; bootstraps the root organization and admin.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization", "member" })
package cn.jiceng.identity;
