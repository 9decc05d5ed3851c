/**
 * The command center (可视化调度指挥中心): one dashboard of a subtree and month, its page and wall mode, built only from
 * the other modules' public read methods and from the {@code common} contributions (overdue items, development
 * pipeline, latest inspection) that later modules provide as beans; it owns no tables.
 */
@cn.jiceng.common.OwnsTables({})
@cn.jiceng.common.JoinsTables({})
@org.springframework.modulith.ApplicationModule(allowedDependencies = { "common", "access", "organization", "member",
		"orglife", "scoring", "assessment", "dues" })
package cn.jiceng.dashboard;
