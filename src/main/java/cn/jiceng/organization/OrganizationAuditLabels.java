package cn.jiceng.organization;

import java.util.function.Function;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.jiceng.audit.AuditLabelSet.codes;
import static cn.jiceng.audit.AuditLabelSet.ids;

/** How the trail's entries of offices, elections and handled advice read. */
@Configuration(proxyBeanMethods = false)
class OrganizationAuditLabels {

	private final OrganizationService organizations;
	private final JdbcClient jdbc;

	OrganizationAuditLabels(OrganizationService organizations, JdbcClient jdbc) {
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	private Function<String, String> organization() {
		return ids(id -> organizations.ref(id).map(OrgRef::name), "（已删除的组织）");
	}

	private Function<String, String> member() {
		return ids(id -> jdbc.sql("SELECT name FROM member WHERE id = :id").param("id", id).query(String.class).optional(),
				"（已删除的党员）");
	}

	@Bean
	AuditLabels officeAuditLabels() {
		return AuditLabelSet.of("Office", "班子成员任职")
			.field("organizationId", "党组织", organization())
			.field("memberId", "党员", member())
			.field("office", "职务", codes(Office.class, Office::label))
			.field("startedOn", "任职日期")
			.field("endedOn", "离任日期")
			.name(id -> ids(i -> jdbc.sql("""
					SELECT m.name FROM org_office f JOIN member m ON m.id = f.member_id WHERE f.id = :id""")
				.param("id", i)
				.query(String.class)
				.optional(), "（已删除的任职）").apply(id));
	}

	@Bean
	AuditLabels electionAuditLabels() {
		return AuditLabelSet.of("Election", "换届选举")
			.hide("electionId")
			.field("heldOn", "选举日期")
			.field("secretaryName", "当选书记")
			.field("committeeMembers", "当选委员")
			.field("termYears", "任期年限")
			.field("previousTermEndsOn", "上届任期届满日期");
	}

	@Bean
	AuditLabels organizationAdviceAuditLabels() {
		return AuditLabelSet.of("OrganizationAdvice", "组织设置建议")
			.field("code", "建议", codes(AdviceCode.class, AdviceCode::label))
			.hide("factKey")
			.field("note", "处理说明")
			.action("HANDLE_ADVICE", "处理建议")
			.link(id -> "/organizations/" + id)
			.name(id -> organization().apply(id));
	}
}
