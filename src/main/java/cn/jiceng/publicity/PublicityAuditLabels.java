package cn.jiceng.publicity;

import java.util.function.Function;

import cn.jiceng.audit.AuditLabelSet;
import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

import static cn.jiceng.audit.AuditLabelSet.ids;

/** How the trail's entries of accessible study read: needs, home deliveries, materials and their recordings. */
@Configuration(proxyBeanMethods = false)
class PublicityAuditLabels {

	private final JdbcClient jdbc;

	PublicityAuditLabels(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	private Function<String, String> member() {
		return ids(id -> jdbc.sql("SELECT name FROM member WHERE id = :id").param("id", id).query(String.class).optional(),
				"（已删除的党员）");
	}

	private Function<String, String> material() {
		return ids(id -> jdbc.sql("SELECT title FROM study_material WHERE id = :id").param("id", id).query(String.class)
			.optional(), "（已删除的学习资料）");
	}

	private static Function<String, String> yesNo() {
		return v -> "true".equals(v) ? "是" : "false".equals(v) ? "否" : v;
	}

	@Bean
	AuditLabels studyNeedsAuditLabels() {
		return AuditLabelSet.of("StudyNeeds", "学习需求")
			.field("largePrint", "大字版", yesNo())
			.field("dialectAudio", "方言音频", yesNo())
			.field("homeDelivery", "送学上门", yesNo())
			.name(id -> member().apply(id));
	}

	@Bean
	AuditLabels homeDeliveryAuditLabels() {
		return AuditLabelSet.of("HomeDelivery", "送学上门")
			.field("memberId", "党员", member())
			.field("on", "送学日期")
			.field("instructorMemberId", "红色指导员", member())
			.field("note", "备注");
	}

	@Bean
	AuditLabels studyMaterialAuditLabels() {
		return AuditLabelSet.of("StudyMaterial", "学习资料")
			.field("title", "标题")
			.field("textLength", "正文字数")
			.name(id -> material().apply(id));
	}

	@Bean
	AuditLabels studyMaterialAudioAuditLabels() {
		return AuditLabelSet.of("StudyMaterialAudio", "方言音频")
			.field("materialId", "学习资料", material())
			.field("dialect", "方言")
			.field("name", "文件名")
			.field("size", "大小（字节）")
			.hide("sha256");
	}
}
