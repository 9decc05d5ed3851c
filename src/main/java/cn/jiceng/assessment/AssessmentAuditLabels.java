package cn.jiceng.assessment;

import java.util.function.Function;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.member.Members;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.jiceng.audit.AuditLabelSet.codes;
import static cn.jiceng.audit.AuditLabelSet.ids;

/** How the trail's entries of five stars and commendations read. */
@Configuration(proxyBeanMethods = false)
class AssessmentAuditLabels {

	private final Members members;
	private final OrganizationService organizations;
	private final JdbcClient jdbc;

	AssessmentAuditLabels(Members members, OrganizationService organizations, JdbcClient jdbc) {
		this.members = members;
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	private Function<String, String> organization() {
		return ids(id -> organizations.ref(id).map(OrgRef::name), "（已删除的组织）");
	}

	/** Scores recorded as {CODE=points, …}: the codes are the standard's own item codes, shown with 分. */
	private static String scores(String recorded) {
		String inner = recorded.replace("{", "").replace("}", "").trim();
		return inner.isEmpty() ? "无" : inner.replace("=", " ").replace(", ", "分、") + "分";
	}

	@Bean
	AuditLabels starStandardAuditLabels() {
		return AuditLabelSet.of("StarStandard", "星级标准")
			.field("year", "年度")
			.field("field", "领域", codes(Field.class, Field::label))
			.field("items", "考评项目")
			.link(id -> "/assessment/stars");
	}

	@Bean
	AuditLabels starAssessmentAuditLabels() {
		return AuditLabelSet.of("StarAssessment", "星级评定")
			.field("organizationId", "党组织", organization())
			.field("year", "年度")
			.field("status", "状态", codes(StarStatus.class, StarStatus::label))
			.field("selfScores", "自评得分", AssessmentAuditLabels::scores)
			.field("reviewScores", "评定得分", AssessmentAuditLabels::scores)
			.field("score", "总分")
			.field("stars", "星级")
			.field("reason", "摘星事由")
			.hide("revocationId")
			.link(id -> "/assessment/star-assessments/" + id)
			.name(id -> ids(i -> jdbc.sql("""
					SELECT o.name || ' ' || s.year || '年' FROM star_assessment s JOIN organization o ON o.id = s.organization_id
					WHERE s.id = :id""").param("id", i).query(String.class).optional(), "（已删除的评定）").apply(id));
	}

	@Bean
	AuditLabels commendationAuditLabels() {
		return AuditLabelSet.of("Commendation", "表彰推荐")
			.field("year", "年度")
			.field("award", "表彰类别", codes(Commendations.Award.class, Commendations.Award::label))
			.field("level", "表彰级别", codes(Commendations.Level.class, Commendations.Level::label))
			.field("memberId", "党员", ids(members::nameOf, "（已删除的党员）"))
			.field("organizationId", "党组织", organization())
			.field("name", "名称")
			.link(id -> "/assessment/commendations");
	}
}
