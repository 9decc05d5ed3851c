package cn.jiceng.dashboard;

import java.awt.Color;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.common.HtmlPdf;
import cn.jiceng.common.LatestInspection;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.orglife.ComplianceService;
import cn.jiceng.orglife.FourColor;
import cn.jiceng.orglife.MeetingType;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The monthly bulletin (月度通报) of a subtree: the dashboard's figures written out as a document the organization
 * sends to the ones below it (issuer, number, date, numbered sections), its charts drawn by {@link BulletinCharts},
 * the branches that missed the month's organizational life, the overdue items of each child organization and the
 * bottom of the latest inspection's ranking. The figures are the dashboard's own, so the bulletin and the screen agree.
 */
@Component
class DashboardBulletin {

	/** The non-compliant branches listed by name; past this many the rest are counted (a county may have dozens). */
	static final int MAX_LISTED = 60;

	private static final List<String> STAGE_LABELS = List.of("申请人", "积极分子", "发展对象", "预备党员");

	private static final List<String> OVERDUE_LABELS = List.of("问题整改", "民事代办", "责任清单", "发展党员");

	private final DashboardService dashboards;
	private final ComplianceService compliance;
	private final OrganizationService organizations;
	private final Contributions contributions;
	private final ITemplateEngine templates;
	private final Clock clock;

	DashboardBulletin(DashboardService dashboards, ComplianceService compliance, OrganizationService organizations,
			Contributions contributions, ITemplateEngine templates, Clock clock) {
		this.dashboards = dashboards;
		this.compliance = compliance;
		this.organizations = organizations;
		this.contributions = contributions;
		this.templates = templates;
		this.clock = clock;
	}

	/** One child organization's overdue items by kind ({@link Contributions#OVERDUE_KINDS} order) and their sum. */
	record OverdueRow(String name, List<Long> counts, long total) {
	}

	/** One non-compliant branch: where it is, and the kinds of meeting it missed (the compliance module's own finding). */
	record MissedBranch(String township, String branch, String reasons) {
	}

	byte[] pdf(long organizationId, YearMonth month) {
		Dashboard d = dashboards.dashboard(organizationId, month); // checks the caller's scope
		return HtmlPdf.render(html(organizations.ref(organizationId).orElseThrow(), d));
	}

	String html(OrgRef org, Dashboard d) {
		LocalDate today = LocalDate.now(clock);
		YearMonth month = d.month();
		String monthLabel = month.getYear() + "年" + month.getMonthValue() + "月";
		boolean county = org.parentId() == null;
		Map<String, Object> m = new LinkedHashMap<>();
		// the county's bulletin goes out from its organization department, a township's from its committee
		m.put("issuer", county ? org.name() + "组织部" : org.name());
		m.put("number", month.getYear() + "年第" + month.getMonthValue() + "期");
		m.put("date", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		m.put("title", "关于" + monthLabel + org.name() + "基层党建工作情况的通报");
		m.put("monthLabel", monthLabel);
		m.put("org", org);
		m.put("d", d);
		boolean leaf = org.kind() == OrgKind.BRANCH || org.kind() == OrgKind.GROUP;
		m.put("leaf", leaf);

		// 一、总体情况
		Dashboard.Members members = d.members();
		m.put("overview", "截至" + today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日，"
				+ org.name() + (leaf ? "" : "下辖党委" + d.organizations().getOrDefault("COMMITTEE", 0L) + "个、党总支"
						+ d.organizations().getOrDefault("GENERAL_BRANCH", 0L) + "个、党支部"
						+ d.organizations().getOrDefault("BRANCH", 0L) + "个，") + "共有党员" + members.total() + "名，其中正式党员"
				+ members.full() + "名、预备党员" + members.probationary() + "名、流动党员" + members.mobile() + "名。");
		List<Dashboard.TrendPoint> trend = d.compliance().trend();
		double rate = d.compliance().rate();
		String change = "";
		if (trend.size() >= 2) {
			double delta = (rate - trend.get(trend.size() - 2).rate()) * 100;
			change = Math.abs(delta) < 0.05 ? "，与上月持平"
					: (delta > 0 ? "，较上月上升" : "，较上月下降") + String.format("%.1f", Math.abs(delta)) + "个百分点";
		}
		long overdueTotal = d.overdue().values().stream().mapToLong(Long::longValue).sum();
		m.put("summary", monthLabel + "，组织生活达标率为" + percent(rate) + "%" + change + "；" + month.getYear()
				+ "年1月至" + month.getMonthValue() + "月党费收缴率为" + percent(d.duesPaidRate()) + "%；"
				+ month.getYear() + "年警示党员" + d.warningMembers() + "名；截至通报之日，逾期未办结事项" + overdueTotal + "件。");
		m.put("ratePercent", percent(rate));
		m.put("duesPercent", percent(d.duesPaidRate()));
		m.put("starShare", d.stars().threeStarShare() == null ? "—" : percent(d.stars().threeStarShare()) + "%");
		m.put("starsRated", d.stars().distribution().values().stream().mapToInt(Integer::intValue).sum());
		m.put("overdueTotal", overdueTotal);
		m.put("developmentTotal", d.development().values().stream().mapToLong(Long::longValue).sum());

		// 二、组织生活
		m.put("trendChart", BulletinCharts.line(
				trend.stream().map(p -> p.month().getMonthValue() + "月").toList(),
				trend.stream().map(p -> p.rate() * 100).toList()));
		ComplianceService.Report report = compliance.monthly(org.id(), month);
		List<MissedBranch> missed = new ArrayList<>();
		for (ComplianceService.BranchResult r : report.items()) {
			if (!r.compliant()) {
				// the meeting kinds it missed, short enough for a table cell (the reasons spell out each group)
				String why = r.missing().isEmpty() ? String.join("；", r.reasons())
						: "未开展" + r.missing().stream().distinct().map(MeetingType::label).collect(Collectors.joining("、"));
				missed.add(new MissedBranch(r.townshipName() == null ? "" : r.townshipName(), r.organizationName(), why));
			}
		}
		m.put("branches", report.branches());
		m.put("compliantBranches", report.compliantBranches());
		m.put("missedCount", missed.size());
		m.put("missed", missed.subList(0, Math.min(MAX_LISTED, missed.size())));
		m.put("missedMore", Math.max(0, missed.size() - MAX_LISTED));

		// 三、四色纪实、警示党员和星级
		List<String> colorLabels = new ArrayList<>();
		List<Integer> colorValues = new ArrayList<>();
		StringBuilder colors = new StringBuilder();
		for (FourColor c : FourColor.values()) {
			int n = d.fourColors().getOrDefault(c.name(), 0);
			colorLabels.add(c == FourColor.NONE ? "未开展" : c.label() + "色");
			colorValues.add(n);
			colors.append(colors.isEmpty() ? "" : "、").append(c == FourColor.NONE ? "所在支部未开展" : c.label() + "色")
				.append(n).append("人次");
		}
		m.put("colorsText", colors.toString());
		m.put("colorsChart", BulletinCharts.bars(colorLabels, colorValues, BulletinCharts.FOUR_COLORS));
		m.put("starsChart", BulletinCharts.bars(List.of("一星", "二星", "三星", "四星", "五星"),
				List.copyOf(d.stars().distribution().values()), List.of(BulletinCharts.GREY, BulletinCharts.GREY,
						BulletinCharts.PARTY_RED, BulletinCharts.PARTY_RED, BulletinCharts.PARTY_RED)));

		// 四、发展党员和党费
		m.put("developmentChart", BulletinCharts.bars(STAGE_LABELS, List.copyOf(d.development().values()),
				List.of(new Color(0xF4, 0xA3, 0xA6), new Color(0xE0, 0x60, 0x6A), new Color(0xC8, 0x16, 0x1D),
						new Color(0x8E, 0x0D, 0x12))));

		// 五、逾期事项: per child organization (the leaf: itself), and the total
		m.put("overdueChart", BulletinCharts.bars(OVERDUE_LABELS, List.copyOf(d.overdue().values()),
				List.of(BulletinCharts.PARTY_RED)));
		List<OverdueRow> overdueRows = new ArrayList<>();
		for (Dashboard.Child c : d.children()) {
			Map<String, Long> counts = contributions.overdue(org.path() + c.organizationId() + "/", today);
			List<Long> values = List.copyOf(counts.values());
			overdueRows.add(new OverdueRow(c.name(), values, values.stream().mapToLong(Long::longValue).sum()));
		}
		m.put("overdueRows", overdueRows);
		m.put("overdueLabels", OVERDUE_LABELS);
		m.put("overdueValues", List.copyOf(d.overdue().values()));

		// 六、考核排名
		LatestInspection.Summary inspection = d.latestInspection();
		m.put("inspection", inspection);
		if (inspection != null && inspection.heldOn() != null) {
			m.put("inspectionDate", inspection.heldOn().getYear() + "年" + inspection.heldOn().getMonthValue() + "月"
					+ inspection.heldOn().getDayOfMonth() + "日");
		}

		// 七、下级组织
		m.put("children", d.children());
		m.put("childPercents", d.children().stream().map(c -> percent(c.complianceRate())).toList());

		String closing = county ? "请各乡镇（街道）党（工）委对照本通报，逐项查找问题、落实整改，逾期事项限期办结，确保基层党建各项工作落到实处。"
				: leaf ? "请支部委员会对照本通报，逐项查找问题、落实整改，逾期事项限期办结，确保支部各项工作落到实处。"
						: "请各党组织对照本通报，逐项查找问题、落实整改，逾期事项限期办结，确保基层党建各项工作落到实处。";
		m.put("closing", closing);
		return templates.process("dashboard/pdf/bulletin", new Context(Locale.SIMPLIFIED_CHINESE, m));
	}

	static String percent(double rate) {
		return String.format("%.1f", rate * 100);
	}
}
