/**
 * The page shell: login, layout model, home page and page error handling shared by every module's pages.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "organization" })
package cn.jiceng.web;
