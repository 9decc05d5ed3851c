/**
 * Who is calling and which part of the tree they may see: the caller, roles and the one data-scope
 * mechanism every query and write goes through.
 */
@cn.jiceng.common.JoinsTables({ "organization", "member" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common" })
package cn.jiceng.access;
