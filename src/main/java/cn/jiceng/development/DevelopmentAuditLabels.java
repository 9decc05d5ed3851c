package cn.jiceng.development;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;

import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.FormInput;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** How the record book's changes read in the history: steps, stages and decisions by their Chinese names. */
@Component
class DevelopmentAuditLabels implements AuditLabels {

	private final OrganizationService organizations;
	private final JdbcClient jdbc;

	DevelopmentAuditLabels(OrganizationService organizations, JdbcClient jdbc) {
		this.organizations = organizations;
		this.jdbc = jdbc;
	}

	@Override
	public String entityType() {
		return "DevelopmentRecord";
	}

	@Override
	public String entityLabel() {
		return "发展党员记实簿";
	}

	@Override
	public Map<String, String> fieldLabels() {
		Map<String, String> m = new HashMap<>();
		m.put("name", "姓名");
		m.put("gender", "性别");
		m.put("idNumber", "公民身份号码");
		m.put("organizationId", "党支部");
		m.put("appliedOn", "递交入党申请书日期");
		m.put("step", "步骤");
		m.put("on", "日期");
		m.put("memberIds", "培养联系人或入党介绍人");
		m.put("conclusion", "结论");
		m.put("hours", "培训学时");
		m.put("entitled", "应到会有表决权党员");
		m.put("entitledFull", "其中正式党员");
		m.put("present", "实到会");
		m.put("yes", "赞成票");
		m.put("months", "延长月数");
		m.put("reason", "原因或审批意见");
		m.put("stage", "阶段");
		m.put("place", "公示地点");
		m.put("endsOn", "公示截止日期");
		return m;
	}

	@Override
	public Set<String> hiddenFields() {
		return Set.of("memberIds");
	}

	@Override
	public Map<String, String> actionLabels() {
		Map<String, String> m = new HashMap<>();
		m.put("CREATE", "建立记实簿");
		for (DevelopmentStep s : DevelopmentStep.values()) {
			m.put("STEP_" + s.name(), "记录「" + s.label() + "」");
		}
		return m;
	}

	@Override
	public String value(String field, String value) {
		if (value == null) {
			return null;
		}
		return switch (field) {
			case "step" -> {
				DevelopmentStep s = FormInput.enumOrNull(DevelopmentStep.class, value);
				yield s == null ? value : s.label();
			}
			case "stage" -> {
				DevelopmentStage s = FormInput.enumOrNull(DevelopmentStage.class, value);
				yield s == null ? value : s.label();
			}
			case "conclusion" -> "PASSED".equals(value) ? "合格／批准" : "FAILED".equals(value) ? "不合格／不批准" : value;
			case "gender" -> "MALE".equals(value) ? "男" : "FEMALE".equals(value) ? "女" : value;
			case "organizationId" -> {
				try {
					yield organizations.ref(Long.parseLong(value)).map(OrgRef::name).orElse("（已删除的组织）");
				}
				catch (NumberFormatException e) {
					yield value;
				}
			}
			default -> value;
		};
	}

	@Override
	public String name(String entityId) {
		try {
			return jdbc.sql("SELECT name FROM development_record WHERE id = :id")
				.param("id", Long.parseLong(entityId))
				.query(String.class)
				.optional()
				.orElse(null);
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	@Override
	public String link(String entityId) {
		return "/development/records/" + entityId;
	}
}
