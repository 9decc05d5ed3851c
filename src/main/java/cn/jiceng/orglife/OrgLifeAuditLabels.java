package cn.jiceng.orglife;

import java.util.ArrayList;
import java.util.List;
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

/** How the trail's entries of organizational life read: field names as the pages call them, codes by their labels. */
@Configuration(proxyBeanMethods = false)
class OrgLifeAuditLabels {

	private final Members members;
	private final OrganizationService organizations;
	private final JdbcClient jdbc;

	OrgLifeAuditLabels(Members members, OrganizationService organizations, JdbcClient jdbc) {
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

	/** "123:PRESENT,456:ABSENT" as the meeting's roll reads: 张三 出席、李四 缺席. */
	private String attendance(String recorded) {
		List<String> out = new ArrayList<>();
		for (String pair : recorded.split(",")) {
			int colon = pair.indexOf(':');
			if (colon < 0) {
				continue;
			}
			String name = member().apply(pair.substring(0, colon));
			out.add(name + " " + codes(AttendanceStatus.class, AttendanceStatus::label).apply(pair.substring(colon + 1)));
		}
		return out.isEmpty() ? "无" : String.join("、", out);
	}

	private Optional<String> meetingName(long id) {
		return jdbc.sql("SELECT type, held_on, theme FROM meeting WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> rs.getString("held_on") + " "
					+ codes(MeetingType.class, MeetingType::label).apply(rs.getString("type")) + "：" + rs.getString("theme"))
			.optional();
	}

	@Bean
	AuditLabels meetingAuditLabels() {
		return AuditLabelSet.of("Meeting", "会议")
			.field("type", "会议类型", codes(MeetingType.class, MeetingType::label))
			.field("heldOn", "召开日期")
			.field("theme", "主题")
			.field("firstTopic", "第一议题")
			.field("hostMemberId", "主持人", member())
			.field("generalMeeting", "全体党员会议", codes(GeneralMeeting.class, GeneralMeeting::label))
			.field("groupId", "党小组", organization())
			.field("backfilled", "补录")
			.field("additional", "同日另一次会议")
			.field("attendance", "出勤", this::attendance)
			.field("rule", "补录规则")
			.field("minutes", "会议记录")
			.action("BACKFILL", "补录")
			.link(id -> "/orglife/meetings/" + id)
			.name(id -> ids(this::meetingName, "（已删除的会议）").apply(id));
	}

	@Bean
	AuditLabels meetingFileAuditLabels() {
		return AuditLabelSet.of("MeetingFile", "会议附件")
			.field("meetingId", "所属会议", ids(this::meetingName, "（已删除的会议）"))
			.field("name", "文件名")
			.field("contentType", "文件类型")
			.field("size", "大小（字节）")
			.field("sha256", "校验码")
			.name(id -> ids(i -> jdbc.sql("SELECT name FROM meeting_file WHERE id = :id").param("id", i)
				.query(String.class).optional(), "（已删除的附件）").apply(id));
	}

	@Bean
	AuditLabels meetingPlanAuditLabels() {
		return AuditLabelSet.of("MeetingPlan", "会议计划")
			.field("month", "月份")
			.field("theme", "主题")
			.field("content", "内容");
	}

	@Bean
	AuditLabels orgLifeYearAuditLabels() {
		return AuditLabelSet.of("OrgLifeYear", "组织生活年度")
			.field("closed", "已关账")
			.action("CLOSE", "年度关账")
			.action("REOPEN", "重新开放年度")
			.name(id -> id.contains("/") ? id.substring(id.indexOf('/') + 1) + "年" : null);
	}

	@Bean
	AuditLabels themedDayExemptionAuditLabels() {
		return AuditLabelSet.of("ThemedDayExemption", "主题党日免责")
			.field("organizationId", "党支部", organization())
			.field("month", "月份")
			.field("reason", "事由")
			.field("grantedByOrganizationId", "批准组织", organization());
	}

	@Bean
	AuditLabels remoteReportAuditLabels() {
		return AuditLabelSet.of("RemoteReport", "流动党员报告")
			.field("memberId", "党员", member())
			.field("month", "月份")
			.field("channel", "报告方式", codes(RemoteChannel.class, RemoteChannel::label))
			.field("onBehalf", "代为登记")
			.field("meetingsNowRemote", "改记为远程参会的会议", v -> {
				String inner = v.replace("[", "").replace("]", "").trim();
				if (inner.isEmpty()) {
					return "无";
				}
				List<String> names = new ArrayList<>();
				for (String id : inner.split("[,、]")) {
					names.add(ids(this::meetingName, "（已删除的会议）").apply(id.trim()));
				}
				return String.join("、", names);
			});
	}
}
