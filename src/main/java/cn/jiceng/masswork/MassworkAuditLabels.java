package cn.jiceng.masswork;

import java.util.Arrays;
import java.util.Map;

import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the history page reads the mass-work entries: households, visits and errands in Chinese. */
@Configuration(proxyBeanMethods = false)
class MassworkAuditLabels {

	@Bean
	AuditLabels householdLabels() {
		return labels("Household", "农户", Map.of("organizationId", "所属组织", "head", "户主姓名", "address", "住址", "group",
				"村民小组", "phone", "联系电话", "tags", "标签"), Map.of());
	}

	@Bean
	AuditLabels visitLabels() {
		return labels("HouseholdVisit", "民情走访", Map.of("householdId", "农户", "on", "走访日期", "visitorMemberId", "走访干部",
				"questions", "五问", "notes", "所问所见", "findings", "发现的问题和诉求", "followUp", "后续跟进"), Map.of());
	}

	@Bean
	AuditLabels errandLabels() {
		return labels("Errand", "民事代办", Map.ofEntries(Map.entry("organizationId", "所属组织"),
				Map.entry("requester", "群众姓名"), Map.entry("content", "代办事项"), Map.entry("receivedAt", "受理时间"),
				Map.entry("handlerMemberId", "代办人"), Map.entry("status", "状态"), Map.entry("doneAt", "办结时间"),
				Map.entry("result", "办理结果"), Map.entry("promisedOn", "承诺办结日期"), Map.entry("reply", "答复内容"),
				Map.entry("satisfaction", "群众满意度")),
				Map.of("COMPLETE", "办结", "DEFER", "答复并承诺", "FEEDBACK", "登记满意度"));
	}

	private static AuditLabels labels(String type, String label, Map<String, String> fields, Map<String, String> actions) {
		return new AuditLabels() {

			@Override
			public String entityType() {
				return type;
			}

			@Override
			public String entityLabel() {
				return label;
			}

			@Override
			public Map<String, String> fieldLabels() {
				return fields;
			}

			@Override
			public Map<String, String> actionLabels() {
				return actions;
			}

			@Override
			public String value(String field, String value) {
				if (value == null) {
					return null;
				}
				return switch (field) {
					case "status" -> Arrays.stream(ErrandStatus.values()).filter(s -> s.name().equals(value))
						.map(ErrandStatus::label).findFirst().orElse(value);
					case "satisfaction" -> Arrays.stream(Satisfaction.values()).filter(s -> s.name().equals(value))
						.map(Satisfaction::label).findFirst().orElse(value);
					default -> value;
				};
			}
		};
	}
}
