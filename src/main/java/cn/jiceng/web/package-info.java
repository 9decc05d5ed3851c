/**
 * The page shell: login, layout model, home page and page error handling shared by every module's pages.
 */
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "organization" })
package cn.jiceng.web;
