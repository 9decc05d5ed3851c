package cn.jiceng.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.common.Ids;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;
import cn.jiceng.orglife.FourColor;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The command-center pages: the dashboard of a subtree and month (figure cards, ECharts charts drawn by
 * {@code /js/dashboard-charts.js} from data attributes, the children table with drill-down and its Excel, the
 * organization tree and a month picker), and the wall mode that refreshes itself and cycles through the children.
 */
@Controller
class DashboardPages {

	/** Seconds each organization stays on the wall before the next one. */
	static final int WALL_SECONDS = 30;

	private static final List<String> STAR_LABELS = List.of("一星", "二星", "三星", "四星", "五星");

	private static final Map<String, String> STAGE_LABELS = Map.of("APPLICANT", "入党申请人", "ACTIVIST", "入党积极分子",
			"CANDIDATE", "发展对象", "PROBATIONARY", "预备党员");

	/** Short bar labels (two characters fit under a bar in a narrow card; the card's title says what they count). */
	private static final Map<String, String> OVERDUE_LABELS = Map.of("problems", "问题", "errands", "办事",
			"dutyItems", "清单", "development", "发展");

	/** Short kind names for the figure cards (党委 · 总支 · 支部). */
	private static final Map<OrgKind, String> KIND_LABELS = new java.util.EnumMap<>(Map.of(OrgKind.COMMITTEE, "党委",
			OrgKind.GENERAL_BRANCH, "总支", OrgKind.BRANCH, "支部"));

	private final DashboardService dashboards;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final OrganizationTree tree;

	DashboardPages(DashboardService dashboards, OrganizationService organizations, OrgNavigation navigation,
			OrganizationTree tree) {
		this.dashboards = dashboards;
		this.organizations = organizations;
		this.navigation = navigation;
		this.tree = tree;
	}

	/** Pages fall back to the current month on a month they cannot read (the API refuses it instead). */
	private YearMonth month(String value) {
		if (value != null && !value.isBlank()) {
			try {
				YearMonth m = YearMonth.parse(value.trim());
				if (m.getYear() >= 2000 && m.getYear() <= 2100) {
					return m;
				}
			}
			catch (DateTimeParseException e) {
				// fall back
			}
		}
		return dashboards.defaultMonth();
	}

	private static String percent(double rate) {
		return String.format("%.1f", rate * 100);
	}

	private static String joined(List<?> values) {
		return values.stream().map(String::valueOf).collect(Collectors.joining(","));
	}

	/** The figures and chart data both pages show. */
	private void fill(Model model, OrgRef org, Dashboard d) {
		model.addAttribute("org", org);
		model.addAttribute("d", d);
		model.addAttribute("month", d.month().toString());
		model.addAttribute("ratePercent", percent(d.compliance().rate()));
		model.addAttribute("duesPercent", percent(d.duesPaidRate()));
		model.addAttribute("starShare",
				d.stars().threeStarShare() == null ? "—" : percent(d.stars().threeStarShare()) + "%");
		model.addAttribute("overdueTotal", d.overdue().values().stream().mapToLong(Long::longValue).sum());
		model.addAttribute("trendLabels", joined(d.compliance().trend().stream()
			.map(p -> p.month().getMonthValue() + "月")
			.toList()));
		model.addAttribute("trendValues", joined(d.compliance().trend().stream().map(p -> percent(p.rate())).toList()));
		List<String> colorLabels = new ArrayList<>();
		List<Integer> colorValues = new ArrayList<>();
		for (FourColor c : FourColor.values()) {
			colorLabels.add(c.label());
			colorValues.add(d.fourColors().getOrDefault(c.name(), 0));
		}
		model.addAttribute("colorLabels", String.join(",", colorLabels));
		model.addAttribute("colorValues", joined(colorValues));
		model.addAttribute("starLabels", String.join(",", STAR_LABELS));
		model.addAttribute("starValues", joined(List.copyOf(d.stars().distribution().values())));
		model.addAttribute("memberLabels", "正式,预备,流动");
		model.addAttribute("memberValues",
				joined(List.of(d.members().full(), d.members().probationary(), d.members().mobile())));
		model.addAttribute("stageLabels",
				d.development().keySet().stream().map(STAGE_LABELS::get).collect(Collectors.joining(",")));
		model.addAttribute("stageValues", joined(List.copyOf(d.development().values())));
		model.addAttribute("overdueLabels",
				d.overdue().keySet().stream().map(OVERDUE_LABELS::get).collect(Collectors.joining(",")));
		model.addAttribute("overdueValues", joined(List.copyOf(d.overdue().values())));
		model.addAttribute("kindLabels", KIND_LABELS.entrySet()
			.stream()
			.map(k -> k.getValue() + " " + d.organizations().getOrDefault(k.getKey().name(), 0L))
			.collect(Collectors.joining(" · ")));
	}

	@GetMapping("/dashboard")
	String dashboard(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String month,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		YearMonth m = month(month);
		Dashboard d = dashboards.dashboard(orgId, m);
		fill(model, organizations.ref(orgId).orElseThrow(), d);
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAllAttributes(tree.model(orgId, "dashboard"));
		return "dashboard/index";
	}

	@GetMapping("/dashboard/children.xlsx")
	ResponseEntity<byte[]> childrenXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String month) {
		long orgId = navigation.chosenOrOwn(organizationId);
		Dashboard d = dashboards.dashboard(orgId, month(month));
		List<List<Object>> rows = new ArrayList<>();
		for (Dashboard.Child c : d.children()) {
			rows.add(List.of(c.name(), c.members(), percent(c.complianceRate()) + "%", c.warningMembers()));
		}
		String name = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("指挥中心-" + name + "-" + d.month() + ".xlsx", d.month() + "下级组织",
				List.of("党组织", "党员", "组织生活达标率", "警示党员"), rows);
	}

	/**
	 * The wall: {@code organizationId}'s own figures first ({@code step} 0), then each child in turn, every
	 * {@link #WALL_SECONDS} seconds, round and round (a meta refresh: no script needed to keep it going).
	 */
	@GetMapping("/dashboard/wall")
	String wall(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer step,
			Model model) {
		long rootId = navigation.chosenOrOwn(organizationId);
		YearMonth m = dashboards.defaultMonth();
		Dashboard root = dashboards.dashboard(rootId, m);
		int stops = root.children().size() + 1;
		int at = step == null ? 0 : Math.floorMod(step, stops);
		long shownId = at == 0 ? rootId : Ids.parse(root.children().get(at - 1).organizationId(), "党组织");
		Dashboard shown = at == 0 ? root : dashboards.dashboard(shownId, m);
		fill(model, organizations.ref(shownId).orElseThrow(), shown);
		model.addAttribute("root", organizations.ref(rootId).orElseThrow());
		model.addAttribute("rootDashboard", root);
		model.addAttribute("step", at);
		model.addAttribute("stops", stops);
		model.addAttribute("seconds", WALL_SECONDS);
		model.addAttribute("next", "/dashboard/wall?organizationId=" + rootId + "&step=" + (at + 1) % stops);
		return "dashboard/wall";
	}
}
