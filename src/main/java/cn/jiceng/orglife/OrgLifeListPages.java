package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The township and county lists of organizational life: the monthly compliance table and the yearly
 * accountability list, each paged, filtered by township (and field or result), with the organization tree to drill
 * down and an Excel download of exactly the rows the filters show.
 */
@Controller
class OrgLifeListPages {

	static final int PAGE_SIZE = 50;

	private final ComplianceService compliance;
	private final AccountabilityService accountability;
	private final OrganizationService organizations;
	private final OrganizationTree tree;
	private final OrgNavigation navigation;
	private final Clock clock;

	OrgLifeListPages(ComplianceService compliance, AccountabilityService accountability,
			OrganizationService organizations, OrganizationTree tree, OrgNavigation navigation, Clock clock) {
		this.compliance = compliance;
		this.accountability = accountability;
		this.organizations = organizations;
		this.tree = tree;
		this.navigation = navigation;
		this.clock = clock;
	}

	/** A township to filter by: its key in the query string and its name on the page. */
	record Township(String key, String name) {
	}

	// ---- compliance ----

	/** The compliance rows the filters keep, non-compliant first, then by township. */
	private static List<ComplianceService.BranchResult> complianceRows(ComplianceService.Report report, boolean all,
			String township) {
		return report.items()
			.stream()
			.filter(r -> all || !r.compliant())
			.filter(r -> township == null || township.equals(r.townshipId()))
			.sorted(Comparator.comparing(ComplianceService.BranchResult::compliant)
				.thenComparing(r -> r.townshipName() == null ? "" : r.townshipName())
				.thenComparing(ComplianceService.BranchResult::organizationName))
			.toList();
	}

	@GetMapping("/orglife/compliance")
	String compliance(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String show, @RequestParam(required = false) String township,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		YearMonth m = monthOr(month, YearMonth.now(clock).minusMonths(1));
		ComplianceService.Report report = compliance.monthly(orgId, m);
		boolean all = "all".equals(show);
		String town = blank(township);
		List<ComplianceService.BranchResult> rows = complianceRows(report, all, town);
		model.addAttribute("org", organizations.ref(orgId).orElseThrow());
		model.addAttribute("report", report);
		model.addAttribute("result", Lists.page(rows, page, PAGE_SIZE));
		model.addAttribute("all", all);
		model.addAttribute("township", town);
		model.addAttribute("townships", townships(report.items().stream()
			.map(r -> new Township(r.townshipId(), r.townshipName()))
			.toList()));
		model.addAttribute("month", m.toString());
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("ratePercent", String.format("%.1f", report.rate() * 100));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/orglife/compliance")
			.queryParam("organizationId", orgId)
			.queryParam("month", m)
			.queryParamIfPresent("show", java.util.Optional.ofNullable(all ? "all" : null))
			.queryParamIfPresent("township", java.util.Optional.ofNullable(town))
			.encode()
			.build()
			.toUriString());
		model.addAllAttributes(tree.model(orgId, "compliance"));
		return "orglife/compliance";
	}

	@GetMapping("/orglife/compliance.xlsx")
	ResponseEntity<byte[]> complianceXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String show,
			@RequestParam(required = false) String township) {
		long orgId = navigation.chosenOrOwn(organizationId);
		YearMonth m = monthOr(month, YearMonth.now(clock).minusMonths(1));
		ComplianceService.Report report = compliance.monthly(orgId, m);
		List<List<Object>> data = new ArrayList<>();
		for (ComplianceService.BranchResult r : complianceRows(report, "all".equals(show), blank(township))) {
			data.add(List.of(r.organizationName(), Objects.requireNonNullElse(r.townshipName(), ""), r.members(),
					r.compliant() ? "达标" : "未达标",
					String.join("、", r.missing().stream().map(MeetingType::label).toList())));
		}
		String org = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("组织生活达标-" + org + "-" + m + ".xlsx", m + "组织生活达标",
				List.of("党支部", "乡镇", "党员", "结果", "缺项"), data);
	}

	// ---- accountability and exemptions ----

	private static List<AccountabilityService.Item> accountabilityRows(AccountabilityService.Report report,
			String township, Field field) {
		return report.items()
			.stream()
			.filter(i -> township == null || township.equals(i.townshipName()))
			.filter(i -> field == null || field == i.field())
			.toList();
	}

	@GetMapping("/orglife/accountability")
	String accountability(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String township,
			@RequestParam(required = false) String field, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = yearOr(year);
		fillAccountability(model, orgId, y, blank(township), field(field), page, new LinkedHashMap<>(), Map.of());
		return "orglife/accountability";
	}

	private void fillAccountability(Model model, long orgId, int year, String township, Field field, Integer page,
			Map<String, String> form, Map<String, String> errors) {
		OrgRef org = organizations.ref(orgId).orElseThrow();
		AccountabilityService.Report report = accountability.report(orgId, year);
		model.addAttribute("org", org);
		model.addAttribute("report", report);
		model.addAttribute("year", year);
		model.addAttribute("result", Lists.page(accountabilityRows(report, township, field), page, PAGE_SIZE));
		model.addAttribute("township", township);
		model.addAttribute("field", field == null ? null : field.name());
		model.addAttribute("fields", Field.values());
		model.addAttribute("townships", townships(report.items().stream()
			.map(i -> new Township(i.townshipName(), i.townshipName()))
			.toList()));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/orglife/accountability")
			.queryParam("organizationId", orgId)
			.queryParam("year", year)
			.queryParamIfPresent("township", java.util.Optional.ofNullable(township))
			.queryParamIfPresent("field", java.util.Optional.ofNullable(field).map(Enum::name))
			.encode()
			.build()
			.toUriString());
		model.addAttribute("exemptions", accountability.exemptions(orgId, year));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("canGrant", accountability.callerMayGrant());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAllAttributes(tree.model(orgId, "accountability"));
	}

	@GetMapping("/orglife/accountability.xlsx")
	ResponseEntity<byte[]> accountabilityXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String township,
			@RequestParam(required = false) String field) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = yearOr(year);
		AccountabilityService.Report report = accountability.report(orgId, y);
		List<List<Object>> data = new ArrayList<>();
		for (AccountabilityService.Item i : accountabilityRows(report, blank(township), field(field))) {
			data.add(List.of(i.organizationName(), Objects.requireNonNullElse(i.townshipName(), ""), i.fieldLabel(),
					String.join("、", i.secretaries()), String.join("、", i.missedMonths()), i.missedMonths().size(),
					String.join("、", i.exemptedMonths()), i.deductionYuan(), i.onCountyBulletin() ? "是" : "",
					i.awardsDisqualified() ? "是" : ""));
		}
		return Workbooks.download("书记问责-" + report.organizationName() + "-" + y + ".xlsx", y + "年书记问责",
				List.of("党支部", "乡镇", "领域", "书记", "缺失月份", "缺失月数", "已免责月份", "扣减报酬（元）", "县级通报", "取消评优"),
				data);
	}

	@GetMapping("/orglife/accountability.pdf")
	ResponseEntity<byte[]> bulletin(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year) {
		int y = yearOr(year);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename("accountability-" + y + ".pdf").build().toString())
			.body(accountability.bulletinPdf(navigation.chosenOrOwn(organizationId), y));
	}

	@PostMapping("/orglife/exemptions")
	String grant(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		long orgId = navigation.chosenOrOwn(form.get("organizationId"));
		int y = yearOr(parseYear(form.get("year")));
		try {
			String branch = form.get("branchId");
			if (branch == null || branch.isBlank()) {
				throw InvalidInputException.of("branchId", "请选择党支部");
			}
			YearMonth m = parseMonth(form.get("month"));
			AccountabilityService.ExemptionView e = accountability.grant(Ids.parse(branch, "党组织"),
					new AccountabilityService.ExemptionInput(m, form.get("reason")));
			redirect.addFlashAttribute("flash", "已批准 " + e.organizationName() + " " + e.month() + " 主题党日免责");
			return "redirect:/orglife/accountability?organizationId=" + orgId + "&year=" + e.month().getYear();
		}
		catch (InvalidInputException e) {
			fillAccountability(model, orgId, y, null, null, null, form, OrgLifePages.errors(e));
			return "orglife/accountability";
		}
	}

	// ---- helpers ----

	/** Distinct townships by name, for the filter. */
	private static List<Township> townships(List<Township> all) {
		Map<String, Township> byName = new TreeMap<>();
		for (Township t : all) {
			if (t.key() != null && t.name() != null) {
				byName.putIfAbsent(t.name(), t);
			}
		}
		return List.copyOf(byName.values());
	}

	private int yearOr(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private static Field field(String s) {
		if (s == null || s.isBlank()) {
			return null;
		}
		try {
			return Field.valueOf(s.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static Integer parseYear(String s) {
		try {
			return s == null ? null : Integer.valueOf(s.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static YearMonth monthOr(String s, YearMonth fallback) {
		try {
			return s == null || s.isBlank() ? fallback : YearMonth.parse(s.trim());
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}

	private static YearMonth parseMonth(String s) {
		try {
			if (s != null && !s.isBlank()) {
				return YearMonth.parse(s.trim());
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		throw InvalidInputException.of("month", "请填写月份（YYYY-MM）");
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s.trim();
	}
}
