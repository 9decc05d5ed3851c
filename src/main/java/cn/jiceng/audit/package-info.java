/**
 * The append-only audit trail (痕迹化管理): who changed what, when, with the changed fields.
 */
@cn.jiceng.common.OwnsTables({ "audit_entry" })
@cn.jiceng.common.JoinsTables({ "organization", "member", "account" })
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access" })
package cn.jiceng.audit;
