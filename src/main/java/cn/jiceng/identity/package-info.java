/**
 * Accounts, passwords, login throttling, API tokens and form login; bootstraps the root organization and admin.
 */
@cn.jiceng.common.OwnsTables({ "account", "api_token" })
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "audit", "organization", "member" })
package cn.jiceng.identity;
