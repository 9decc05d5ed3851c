package cn.jiceng.dues;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Dues pages: a member's own dues, the secretary's monthly collection table, and the township/county reports. */
@Controller
class DuesPages {

	private final DuesService dues;
	private final DuesReports reports;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;
	private final OrganizationTree tree;

	DuesPages(DuesService dues, DuesReports reports, OrganizationService organizations, DataScope scope, Clock clock,
			OrgNavigation navigation, OrganizationTree tree) {
		this.tree = tree;
		this.dues = dues;
		this.reports = reports;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	/** Where "党费" leads: members to their own dues, secretaries to this month's table, admins to the summary. */
	@GetMapping("/dues")
	String index() {
		Caller c = scope.current().caller();
		if (c.role() == Role.MEMBER || c.role() == Role.CADRE) {
			if (c.memberId() == null) {
				throw new NotFoundException("当前账号未关联党员");
			}
			return "redirect:/dues/members/" + c.memberId();
		}
		OrgRef org = organizations.ref(c.organizationId()).orElseThrow();
		return org.kind() == OrgKind.BRANCH ? "redirect:/dues/collect?organizationId=" + org.id()
				: "redirect:/dues/summary?organizationId=" + org.id();
	}

	// ---- one member ----

	@GetMapping("/dues/members/{id}")
	String member(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
		long memberId = Ids.parse(id, "党员");
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		fillMember(model, memberId, y);
		return "dues/member";
	}

	private void fillMember(Model model, long memberId, int year) {
		DuesService.YearView view = dues.year(memberId, year);
		model.addAttribute("view", view);
		model.addAttribute("year", year);
		model.addAttribute("payments", dues.payments(memberId, year));
		model.addAttribute("bases", dues.baseHistory(memberId));
		model.addAttribute("categories", DuesCategory.values());
		model.addAttribute("channels", PaymentChannel.values());
		model.addAttribute("canWrite", DuesService.COLLECTORS.contains(scope.current().caller().role()));
		model.addAttribute("thisMonth", YearMonth.now(clock).toString());
		model.addAttribute("today", LocalDate.now(clock).toString());
		if (!model.containsAttribute("baseForm")) {
			Map<String, String> baseForm = new LinkedHashMap<>();
			baseForm.put("effectiveMonth", YearMonth.now(clock).toString());
			if (view.currentBase() != null) {
				baseForm.put("category", view.currentBase().category().name());
				baseForm.put("base", plain(view.currentBase().base()));
				baseForm.put("fixedAmount", plain(view.currentBase().fixedAmount()));
			}
			model.addAttribute("baseForm", baseForm);
		}
		if (!model.containsAttribute("payForm")) {
			Map<String, String> payForm = new LinkedHashMap<>();
			payForm.put("month", YearMonth.now(clock).toString());
			payForm.put("paidOn", LocalDate.now(clock).toString());
			payForm.put("channel", "CASH");
			payForm.put("amount", view.currentBase() == null ? "" : view.currentBase().monthlyDue().toPlainString());
			model.addAttribute("payForm", payForm);
		}
		model.addAttribute("errors", model.containsAttribute("errors") ? model.getAttribute("errors") : Map.of());
	}

	private static String plain(BigDecimal v) {
		return v == null ? "" : v.toPlainString();
	}

	@PostMapping("/dues/members/{id}/base")
	String setBase(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		try {
			DuesService.BaseView saved = dues.setBase(memberId, new DuesService.BaseRequest(form.get("effectiveMonth"),
					form.get("category"), decimal(form.get("base"), "base"), decimal(form.get("fixedAmount"), "fixedAmount")));
			redirect.addFlashAttribute("flash", (saved.replaced() ? "已更正" : "已核定") + saved.effectiveMonth() + "起的党费基数："
					+ saved.reason());
			return "redirect:/dues/members/" + memberId + "?year=" + saved.effectiveMonth().getYear();
		}
		catch (InvalidInputException e) {
			model.addAttribute("baseForm", form);
			model.addAttribute("errors", errors(e));
			model.addAttribute("openForm", "base");
			fillMember(model, memberId, LocalDate.now(clock).getYear());
			return "dues/member";
		}
	}

	@PostMapping("/dues/members/{id}/payments")
	String pay(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		try {
			DuesService.PaymentView p = dues.recordPayment(memberId, new DuesService.PaymentRequest(form.get("month"),
					decimal(form.get("amount"), "amount"), form.get("paidOn"), form.get("channel"),
					"true".equals(form.get("voluntary"))));
			redirect.addFlashAttribute("flash", "已登记" + p.month() + "党费" + p.amount() + "元（" + p.channelLabel() + "），该月"
					+ p.monthStatus().label() + (p.toCentre() ? "；自愿多交部分达1000元，全额上缴中央" : ""));
			return "redirect:/dues/members/" + memberId + "?year=" + p.month().getYear();
		}
		catch (InvalidInputException e) {
			model.addAttribute("payForm", form);
			model.addAttribute("errors", errors(e));
			model.addAttribute("openForm", "pay");
			fillMember(model, memberId, LocalDate.now(clock).getYear());
			return "dues/member";
		}
		catch (RuleViolationException | ConflictException e) {
			model.addAttribute("payForm", form);
			model.addAttribute("errors", Map.of("_", e.getMessage()));
			model.addAttribute("openForm", "pay");
			fillMember(model, memberId, LocalDate.now(clock).getYear());
			return "dues/member";
		}
	}

	private static BigDecimal decimal(String value, String field) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return new BigDecimal(value.trim());
		}
		catch (NumberFormatException e) {
			throw InvalidInputException.of(field, "请填写数字金额");
		}
	}

	private static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> out = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			out.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
		}
		return out;
	}

	// ---- the secretary's collection table ----

	@GetMapping("/dues/collect")
	String collect(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String month,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrgRef org = organizations.ref(orgId).orElse(null);
		if (org != null && org.kind() != OrgKind.BRANCH) {
			return "redirect:/dues/summary?organizationId=" + orgId;
		}
		YearMonth m = month(month, YearMonth.now(clock));
		model.addAttribute("collection", reports.collection(orgId, m));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("month", m.toString());
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("channels", PaymentChannel.values());
		model.addAttribute("canWrite", DuesService.COLLECTORS.contains(scope.current().caller().role()));
		return "dues/collect";
	}

	@PostMapping("/dues/collect")
	String collectPost(@RequestParam String organizationId, @RequestParam String month,
			@RequestParam(required = false) String paidOn, @RequestParam(required = false) String channel,
			@RequestParam(name = "memberIds", required = false) List<String> memberIds, RedirectAttributes redirect) {
		long orgId = Ids.parse(organizationId, "党组织");
		try {
			DuesService.BulkResult r = dues.recordBulk(orgId,
					new DuesService.BulkRequest(month, paidOn, channel, memberIds == null ? List.of() : memberIds));
			redirect.addFlashAttribute("flash", "已登记" + r.saved() + "人" + (r.refused() > 0 ? "，" + r.refused() + "人未登记" : ""));
			redirect.addFlashAttribute("bulkRows", r.items().stream().filter(row -> !row.saved()).toList());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("flashError", String.join("；", errors(e).values()));
		}
		return "redirect:/dues/collect?organizationId=" + orgId + "&month=" + month(month, YearMonth.now(clock));
	}

	// ---- township and county reports ----

	@GetMapping("/dues/summary")
	String summary(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String status, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		YearMonth m = month(month, YearMonth.now(clock));
		boolean unpaid = "unpaid".equals(status);
		DuesReports.Summary summary = reports.summary(orgId, m);
		model.addAttribute("summary", summary);
		model.addAttribute("unpaid", unpaid);
		model.addAttribute("branches", Lists.page(filtered(summary, unpaid).branches(), page, 50));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/dues/summary")
			.queryParam("organizationId", orgId)
			.queryParam("month", m)
			.queryParamIfPresent("status", java.util.Optional.ofNullable(unpaid ? "unpaid" : null))
			.encode()
			.build()
			.toUriString());
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("month", m.toString());
		model.addAttribute("prevMonth", m.minusMonths(1).toString());
		model.addAttribute("nextMonth", m.plusMonths(1).toString());
		model.addAllAttributes(tree.model(orgId, "dues"));
		return "dues/summary";
	}

	/** The summary with only the branches that still have members to pay, when asked. */
	private static DuesReports.Summary filtered(DuesReports.Summary s, boolean unpaid) {
		return unpaid ? new DuesReports.Summary(s.organizationId(), s.organizationName(), s.month(), s.totals(),
				s.children(), s.branches().stream().filter(r -> r.unpaidMembers() > 0).toList()) : s;
	}

	@GetMapping("/dues/summary.xlsx")
	ResponseEntity<byte[]> summaryXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String month, @RequestParam(required = false) String status) {
		DuesReports.Summary s = reports.summary(navigation.chosenOrOwn(organizationId), month(month, YearMonth.now(clock)));
		return DuesController.xlsx(filtered(s, "unpaid".equals(status)));
	}

	@GetMapping("/dues/arrears")
	String arrears(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String asOf,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		YearMonth m = month(asOf, YearMonth.now(clock).minusMonths(1));
		model.addAttribute("report", reports.arrears(orgId, m));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("asOf", m.toString());
		return "dues/arrears";
	}

	@GetMapping("/dues/base-review")
	String review(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		DuesReports.BaseReview review = reports.baseReview(orgId, y, PageRequest.of(page, 50));
		model.addAttribute("review", review);
		model.addAttribute("result", new PageResult<>(review.items(), review.total(), review.page(), review.size()));
		model.addAttribute("base", "/dues/base-review?organizationId=" + orgId + "&year=" + y);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("year", y);
		return "dues/base-review";
	}

	private static YearMonth month(String value, YearMonth fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return YearMonth.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			return fallback;
		}
	}
}
