package cn.jiceng.supervision;

import java.util.Map;

import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How this module's audit entries read on the history page: Chinese names of entities, fields and actions. */
@Configuration
class SupervisionAuditLabels {

	private record Labels(String entityType, String entityLabel, Map<String, String> fieldLabels,
			Map<String, String> actionLabels, String linkPrefix) implements AuditLabels {

		@Override
		public String value(String field, String value) {
			if (value == null) {
				return null;
			}
			return switch (field) {
				case "status" -> label(ProblemStatus.class, value);
				case "kind" -> entityType.equals("ProblemFollowUp") ? label(FollowUpKind.class, value)
						: entityType.equals("DutyList") ? label(DutyListKind.class, value)
								: entityType.equals("ContactAssignment") ? label(ContactKind.class, value)
										: entityType.equals("ContactActivity") ? label(ContactActivityKind.class, value)
												: value;
				case "done" -> "true".equals(value) ? "是" : "false".equals(value) ? "否" : value;
				default -> value;
			};
		}

		@Override
		public String link(String entityId) {
			return linkPrefix == null ? null : linkPrefix + entityId;
		}

		private static <E extends Enum<E>> String label(Class<E> type, String code) {
			try {
				Enum<E> e = Enum.valueOf(type, code);
				if (e instanceof ProblemStatus s) {
					return s.label();
				}
				if (e instanceof FollowUpKind k) {
					return k.label();
				}
				if (e instanceof DutyListKind k) {
					return k.label();
				}
				if (e instanceof ContactKind k) {
					return k.label();
				}
				if (e instanceof ContactActivityKind k) {
					return k.label();
				}
				return code;
			}
			catch (IllegalArgumentException ex) {
				return code;
			}
		}
	}

	@Bean
	AuditLabels problemLabels() {
		return new Labels("Problem", "交办问题", Map.of("noticeId", "整改通知", "organizationId", "被交办组织", "description",
				"问题描述", "dueOn", "整改期限", "status", "状态", "rectifiedOn", "整改完成日期", "note", "说明"),
				Map.of("RECTIFIED", "报告整改", "ACCEPTED", "验收通过", "REOPENED", "退回整改"), "/supervision/problems/");
	}

	@Bean
	AuditLabels noticeLabels() {
		return new Labels("RectificationNotice", "整改通知", Map.of("title", "标题", "issuedOn", "发文日期", "problems",
				"交办问题"), Map.of(), null);
	}

	@Bean
	AuditLabels followUpLabels() {
		return new Labels("ProblemFollowUp", "跟踪督办", Map.of("problemId", "交办问题", "on", "日期", "kind", "方式",
				"note", "情况"), Map.of(), null);
	}

	@Bean
	AuditLabels dutyListLabels() {
		return new Labels("DutyList", "三张清单", Map.of("year", "年度", "kind", "清单", "items", "事项"), Map.of(),
				"/supervision/duty-lists/");
	}

	@Bean
	AuditLabels dutyProgressLabels() {
		return new Labels("DutyProgress", "清单进展", Map.of("itemId", "事项", "on", "日期", "note", "进展", "done",
				"已完成"), Map.of(), null);
	}

	@Bean
	AuditLabels contactAssignmentLabels() {
		return new Labels("ContactAssignment", "挂联包帮", Map.of("kind", "类型", "memberId", "挂联干部", "organizationId",
				"挂联组织", "startedOn", "开始日期"), Map.of(), null);
	}

	@Bean
	AuditLabels contactActivityLabels() {
		return new Labels("ContactActivity", "挂联活动", Map.of("assignmentId", "挂联关系", "on", "日期", "kind", "类型",
				"note", "情况"), Map.of(), null);
	}
}
