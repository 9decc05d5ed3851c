package cn.jiceng.demo;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the demo county's loading entries read. */
@Configuration(proxyBeanMethods = false)
class DemoAuditLabels {

	@Bean
	AuditLabels demoCountyAuditLabels() {
		return AuditLabelSet.of("DemoCounty", "演示数据")
			.field("scale", "规模")
			.field("organizations", "党组织数")
			.field("branches", "党支部数")
			.field("groups", "党小组数")
			.field("members", "党员数")
			.field("mobileMembers", "流动党员数")
			.field("accounts", "账号数")
			.field("year", "年度")
			.field("months", "月数")
			.field("meetings", "会议数")
			.field("attendanceRows", "出勤记录数")
			.field("remoteReports", "流动党员报告数")
			.field("exemptions", "免责数")
			.action("DEMO_LOAD", "载入演示县")
			.action("DEMO_ORGLIFE", "载入演示组织生活");
	}
}
