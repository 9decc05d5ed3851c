package cn.jiceng.masswork;

import java.util.Arrays;
import java.util.Map;
import java.util.function.Function;

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

	@Bean
	AuditLabels decisionLabels() {
		return labels("Decision", "四议两公开决策", Map.ofEntries(Map.entry("organizationId", "所属组织"),
				Map.entry("title", "决策事项"), Map.entry("category", "事项类别"), Map.entry("combinedProposal", "提议与商议合并（一肩挑）"),
				Map.entry("step", "步骤"), Map.entry("on", "日期"), Map.entry("body", "决议机构"), Map.entry("entitled", "应到人数"),
				Map.entry("present", "到会人数"), Map.entry("yes", "同意人数"), Map.entry("place", "公开地点"),
				Map.entry("days", "公开天数"), Map.entry("notes", "内容")),
				Map.of("STEP", "登记步骤"));
	}

	@Bean
	AuditLabels villageBodyLabels() {
		return labels("VillageBody", "村级组织（135）", Map.of("organizationId", "所属组织", "kind", "组织", "memberNames", "成员"),
				Map.of());
	}

	@Bean
	AuditLabels commitmentLabels() {
		return labels("MemberCommitment", "党员承诺", Map.of("memberId", "党员", "year", "年度", "text", "承诺内容", "post",
				"示范岗位"), Map.of());
	}

	@Bean
	AuditLabels dutyRosterLabels() {
		return labels("DutyRoster", "村干部值班", Map.of("organizationId", "所属组织", "weekOf", "值班周（周一）", "memberIds",
				"值班人员"), Map.of());
	}

	@Bean
	AuditLabels weeklyMeetingLabels() {
		return labels("WeeklyMeeting", "村干部周例会", Map.of("organizationId", "所属组织", "heldOn", "召开日期", "topic", "议题",
				"attendeeMemberIds", "参会人员"), Map.of());
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
					case "category" -> label(DecisionCategory.values(), value, DecisionCategory::label);
					case "step" -> label(DecisionStep.values(), value, DecisionStep::label);
					case "body" -> label(ResolutionBody.values(), value, ResolutionBody::label);
					case "kind" -> label(VillageBodyKind.values(), value, VillageBodyKind::label);
					case "post" -> label(CommitmentPost.values(), value, CommitmentPost::label);
					case "combinedProposal" -> "true".equals(value) ? "是" : "否";
					default -> value;
				};
			}
		};
	}

	private static <E extends Enum<E>> String label(E[] values, String code, Function<E, String> label) {
		return Arrays.stream(values).filter(e -> e.name().equals(code)).map(label).findFirst().orElse(code);
	}
}
