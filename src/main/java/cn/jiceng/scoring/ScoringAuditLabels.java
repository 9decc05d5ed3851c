package cn.jiceng.scoring;

import java.util.Optional;
import java.util.function.Function;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.member.Members;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.jiceng.audit.AuditLabelSet.codes;
import static cn.jiceng.audit.AuditLabelSet.ids;

/** How the trail's entries of the vanguard index read: items by name, members by name, statuses by their labels. */
@Configuration(proxyBeanMethods = false)
class ScoringAuditLabels {

	private final Members members;
	private final OrganizationService organizations;
	private final JdbcClient jdbc;

	ScoringAuditLabels(Members members, OrganizationService organizations, JdbcClient jdbc) {
		this.members = members;
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	private Function<String, String> member() {
		return ids(members::nameOf, "（已删除的党员）");
	}

	private Function<String, String> organization() {
		return ids(id -> organizations.ref(id).map(OrgRef::name), "（已删除的组织）");
	}

	/** A catalogue item's code shown by its name, as the claim form lists it. */
	private String item(String code) {
		return jdbc.sql("SELECT name FROM point_item WHERE code = :c ORDER BY id LIMIT 1")
			.param("c", code)
			.query(String.class)
			.optional()
			.orElse(code);
	}

	private Optional<String> claimName(long id) {
		return jdbc.sql("""
				SELECT m.name, c.month FROM point_claim c JOIN member m ON m.id = c.member_id WHERE c.id = :id""")
			.param("id", id)
			.query((rs, i) -> rs.getString(1) + " " + rs.getString(2).substring(0, 7))
			.optional();
	}

	@Bean
	AuditLabels pointClaimAuditLabels() {
		return AuditLabelSet.of("PointClaim", "积分申报")
			.field("memberId", "党员", member())
			.field("month", "月份")
			.field("itemCode", "积分项目", this::item)
			.field("points", "分值")
			.field("veto", "一票否决项")
			.field("note", "说明")
			.field("status", "审核状态", codes(ClaimStatus.class, ClaimStatus::label))
			.field("reviewReason", "审核意见")
			.name(id -> ids(this::claimName, "（已删除的申报）").apply(id));
	}

	@Bean
	AuditLabels pointItemAuditLabels() {
		return AuditLabelSet.of("PointItem", "积分项目")
			.field("code", "项目代码")
			.field("name", "项目名称")
			.field("points", "分值")
			.field("yearlyCap", "年度上限")
			.field("veto", "一票否决项")
			.field("active", "启用")
			.link(id -> "/scoring/items")
			.name(id -> ids(i -> jdbc.sql("SELECT name FROM point_item WHERE id = :id").param("id", i)
				.query(String.class).optional(), "（已删除的项目）").apply(id));
	}

	@Bean
	AuditLabels cadreDutyAuditLabels() {
		return AuditLabelSet.of("CadreDuty", "驻村任职")
			.field("memberId", "驻村干部", member())
			.field("organizationId", "驻村党组织", organization())
			.field("startedOn", "开始日期")
			.field("endedOn", "结束日期");
	}

	@Bean
	AuditLabels cadreLogAuditLabels() {
		return AuditLabelSet.of("CadreLog", "驻村日志")
			.field("memberId", "驻村干部", member())
			.field("date", "日期")
			.field("content", "内容");
	}

	@Bean
	AuditLabels vanguardIndexAuditLabels() {
		return AuditLabelSet.of("VanguardIndex", "先锋指数")
			.field("year", "年度")
			.field("members", "计算人数")
			.field("warnings", "警示人数")
			.field("changedRows", "变动条数")
			.name(id -> {
				int slash = id.indexOf('/');
				return slash < 0 ? null : organization().apply(id.substring(0, slash)) + " " + id.substring(slash + 1) + "年";
			});
	}
}
