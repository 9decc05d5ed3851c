package cn.jiceng.member;

import java.util.Map;

import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.FormInput;
import cn.jiceng.organization.OrganizationService;

import org.springframework.stereotype.Component;

/** How member changes read in the history. */
@Component
class MemberAuditLabels implements AuditLabels {

	private final OrganizationService organizations;
	private final Members members;

	MemberAuditLabels(OrganizationService organizations, Members members) {
		this.organizations = organizations;
		this.members = members;
	}

	@Override
	public String name(String entityId) {
		try {
			return members.nameOf(Long.parseLong(entityId)).orElse(null);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "姓名"),
			Map.entry("gender", "性别"), Map.entry("idNumber", "公民身份号码"), Map.entry("organizationId", "所在支部"),
			Map.entry("category", "人员类别"), Map.entry("joinedOn", "加入党组织日期"),
			Map.entry("fullMemberOn", "转为正式党员日期"), Map.entry("ethnicity", "民族"), Map.entry("education", "学历"),
			Map.entry("phone", "联系电话"), Map.entry("status", "党籍状态"), Map.entry("transferredOn", "转接日期"),
			Map.entry("destination", "外出流向"), Map.entry("startedOn", "外出开始日期"), Map.entry("endedOn", "外出结束日期"));

	@Override
	public String entityType() {
		return "Member";
	}

	@Override
	public String entityLabel() {
		return "党员";
	}

	@Override
	public Map<String, String> fieldLabels() {
		return FIELDS;
	}

	@Override
	public String value(String field, String value) {
		return switch (field) {
			case "gender" -> label(Gender.class, value, Gender::label);
			case "category" -> label(MemberCategory.class, value, MemberCategory::label);
			case "status" -> label(MemberStatus.class, value, MemberStatus::label);
			case "ethnicity" -> Ethnicity.byCode(value).map(Ethnicity::label).orElse(value);
			case "education" -> Education.byCode(value).map(Education::label).orElse(value);
			case "organizationId" -> organizationName(organizations, value);
			default -> value;
		};
	}

	@Override
	public Map<String, String> actionLabels() {
		return Map.of("TRANSFER", "组织关系转入", "TRANSFER_OUT", "组织关系转出", "MOBILITY", "登记外出流动",
				"MOBILITY_END", "结束外出流动", "IMPORT", "Excel导入");
	}

	@Override
	public String link(String entityId) {
		return "/members/" + entityId;
	}

	/** An organization id in the trail, shown by its current name. */
	static String organizationName(OrganizationService organizations, String id) {
		try {
			return organizations.ref(Long.parseLong(id)).map(o -> o.name()).orElse("（已删除的组织）");
		}
		catch (NumberFormatException e) {
			return id;
		}
	}

	private static <E extends Enum<E>> String label(Class<E> type, String value,
			java.util.function.Function<E, String> label) {
		E e = FormInput.enumOrNull(type, value);
		return e == null ? value : label.apply(e);
	}
}
