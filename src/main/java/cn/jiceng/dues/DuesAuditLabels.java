package cn.jiceng.dues;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.member.Members;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import static cn.jiceng.audit.AuditLabelSet.codes;
import static cn.jiceng.audit.AuditLabelSet.ids;

/** How the trail's dues entries read: the dues page's names for the base and the payment, codes by their labels. */
@Configuration(proxyBeanMethods = false)
class DuesAuditLabels {

	@Bean
	AuditLabels memberDuesAuditLabels(Members members) {
		return AuditLabelSet.of("MemberDues", "党费")
			.field("effectiveMonth", "生效月份")
			.field("category", "交纳类别", codes(DuesCategory.class, DuesCategory::label))
			.field("base", "交纳基数（元）")
			.field("fixedAmount", "固定金额（元）")
			.field("monthlyDue", "每月应交（元）")
			.hide("paymentId")
			.field("month", "所交月份")
			.field("amount", "金额（元）")
			.field("paidOn", "交纳日期")
			.field("channel", "交纳方式", codes(PaymentChannel.class, PaymentChannel::label))
			.field("voluntary", "自愿多交")
			.action("SET_DUES_BASE", "核定交纳基数")
			.action("REPLACE_DUES_BASE", "重新核定交纳基数")
			.action("RECORD_DUES_PAYMENT", "登记党费交纳")
			.link(id -> "/dues/members/" + id)
			.name(id -> ids(members::nameOf, "（已删除的党员）").apply(id));
	}
}
