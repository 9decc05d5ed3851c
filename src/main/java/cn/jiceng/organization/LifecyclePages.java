package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.Workbooks;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.JsonNodeFactory;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** Pages for the advice list a township works through, the term overview and the election form. */
@Controller
class LifecyclePages {

	private final OrganizationAdviceService advice;
	private final TermService terms;
	private final ElectionService elections;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;
	private final OrganizationTree tree;

	LifecyclePages(OrganizationAdviceService advice, TermService terms, ElectionService elections,
			OrganizationService organizations, DataScope scope, Clock clock, OrgNavigation navigation,
			OrganizationTree tree) {
		this.tree = tree;
		this.advice = advice;
		this.terms = terms;
		this.elections = elections;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	// ---- advice ----

	@GetMapping("/advice")
	String advice(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String code,
			@RequestParam(required = false) String show, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrganizationAdviceService.AdviceReport report = advice.report(orgId);
		Map<AdviceCode, long[]> counts = new LinkedHashMap<>();
		for (AdviceCode c : AdviceCode.values()) {
			counts.put(c, new long[2]);
		}
		for (var item : report.items()) {
			long[] n = counts.get(item.code());
			n[0]++;
			if (!item.handled()) {
				n[1]++;
			}
		}
		AdviceCode selected = adviceCode(code);
		boolean all = "all".equals(show);
		model.addAttribute("report", report);
		model.addAttribute("counts", counts);
		model.addAttribute("result", Lists.page(adviceItems(report, selected, all), page, 30));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/advice")
			.queryParam("organizationId", orgId)
			.queryParamIfPresent("code", Optional.ofNullable(selected).map(Enum::name))
			.queryParamIfPresent("show", Optional.ofNullable(all ? "all" : null))
			.encode()
			.build()
			.toUriString());
		model.addAllAttributes(tree.model(orgId, "advice"));
		model.addAttribute("selected", selected == null ? null : selected.name());
		model.addAttribute("showAll", all);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("canHandle", OrganizationAdviceService.HANDLERS.contains(scope.current().caller().role()));
		return "organization/advice";
	}

	private static AdviceCode adviceCode(String code) {
		try {
			return code == null || code.isBlank() ? null : AdviceCode.valueOf(code);
		}
		catch (IllegalArgumentException e) {
			return null; // unknown filter: show everything
		}
	}

	private static List<OrganizationAdviceService.AdviceItem> adviceItems(OrganizationAdviceService.AdviceReport report,
			AdviceCode code, boolean all) {
		return report.items()
			.stream()
			.filter(i -> code == null || i.code() == code)
			.filter(i -> all || !i.handled())
			.toList();
	}

	@GetMapping("/advice.xlsx")
	ResponseEntity<byte[]> adviceXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String code, @RequestParam(required = false) String show) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrganizationAdviceService.AdviceReport report = advice.report(orgId);
		List<List<Object>> rows = new ArrayList<>();
		for (OrganizationAdviceService.AdviceItem i : adviceItems(report, adviceCode(code), "all".equals(show))) {
			rows.add(List.of(i.organizationName(), i.kindLabel(), Objects.requireNonNullElse(i.parentName(), ""),
					i.memberCount(), i.fullMemberCount(), i.codeLabel(), i.message(), i.handled() ? "已处理" : "待处理",
					Objects.requireNonNullElse(i.handledNote(), "")));
		}
		String org = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("组织设置建议-" + org + ".xlsx", "组织设置建议",
				List.of("党组织", "类别", "上级党组织", "党员", "正式党员", "建议", "说明", "处理", "处理说明"), rows);
	}

	/** htmx: marks one advice and answers the updated card. */
	@PostMapping("/advice/handle")
	String handle(@RequestParam String organizationId, @RequestParam String code, @RequestParam(required = false) String note,
			Model model) {
		long orgId = Ids.parse(organizationId, "党组织");
		model.addAttribute("canHandle", true);
		try {
			model.addAttribute("a", advice.handle(orgId, code, note));
		}
		catch (InvalidInputException | RuleViolationException e) {
			OrganizationAdviceService.AdviceItem current = advice.advice(orgId).stream()
				.filter(i -> i.organizationId().equals(Long.toString(orgId)) && i.code().name().equals(code))
				.findFirst()
				.orElseThrow(() -> e);
			model.addAttribute("a", current);
			model.addAttribute("error", e.getMessage());
			model.addAttribute("note", note);
		}
		return "organization/advice-item :: item";
	}

	// ---- terms ----

	@GetMapping("/terms")
	String terms(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String show, @RequestParam(required = false) String field,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = termYear(year);
		TermService.TermReport report = terms.report(orgId, y);
		String filter = show == null ? "attention" : show;
		Field f = field(field);
		model.addAttribute("report", report);
		model.addAttribute("result", Lists.page(termItems(report, filter, f), page, 50));
		model.addAttribute("field", f == null ? null : f.name());
		model.addAttribute("fields", Field.values());
		model.addAttribute("base", UriComponentsBuilder.fromPath("/terms")
			.queryParam("organizationId", orgId)
			.queryParam("year", y)
			.queryParam("show", filter)
			.queryParamIfPresent("field", Optional.ofNullable(f).map(Enum::name))
			.encode()
			.build()
			.toUriString());
		model.addAllAttributes(tree.model(orgId, "terms"));
		model.addAttribute("show", filter);
		model.addAttribute("year", y);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("canElect", ElectionService.RECORDERS.contains(scope.current().caller().role()));
		return "organization/terms";
	}

	private int termYear(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private static Field field(String s) {
		try {
			return s == null || s.isBlank() ? null : Field.valueOf(s.trim());
		}
		catch (IllegalArgumentException e) {
			return null;
		}
	}

	private static List<TermService.TermItem> termItems(TermService.TermReport report, String show, Field field) {
		return report.items().stream().filter(t -> switch (show) {
			case "due" -> t.dueOn() != null;
			case "all" -> true;
			default -> t.status() == TermPolicy.TermStatus.EXPIRING || t.status() == TermPolicy.TermStatus.OVERDUE
					|| t.status() == TermPolicy.TermStatus.NONE;
		}).filter(t -> field == null || t.field() == field).toList();
	}

	@GetMapping("/terms.xlsx")
	ResponseEntity<byte[]> termsXlsx(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String show,
			@RequestParam(required = false) String field) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = termYear(year);
		TermService.TermReport report = terms.report(orgId, y);
		List<List<Object>> rows = new ArrayList<>();
		for (TermService.TermItem t : termItems(report, show == null ? "attention" : show, field(field))) {
			rows.add(List.of(t.name(), t.kindLabel(), t.fieldLabel(), Objects.requireNonNullElse(t.parentName(), ""),
					Objects.requireNonNullElse(t.secretaryName(), ""), text(t.termStartedOn()), t.termYears(),
					text(t.termEndsOn()), t.statusLabel(), t.renewed() ? "已换届 " + text(t.renewedOn()) : t.due() ? "未换届" : ""));
		}
		String org = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("换届-" + org + "-" + y + ".xlsx", y + "年换届",
				List.of("党组织", "类别", "领域", "上级党组织", "书记", "本届开始", "任期（年）", "届满日期", "状态", y + "年换届"), rows);
	}

	private static String text(LocalDate d) {
		return d == null ? "" : d.toString();
	}

	@GetMapping("/terms/{id}/election")
	String electionForm(@PathVariable String id, Model model) {
		long orgId = Ids.parse(id, "党组织");
		fillElection(model, orgId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("heldOn", LocalDate.now(clock).toString());
		model.addAttribute("form", form);
		model.addAttribute("errors", Map.of());
		return "organization/term-election";
	}

	private void fillElection(Model model, long orgId) {
		OrganizationView org = organizations.get(orgId);
		model.addAttribute("org", org);
		model.addAttribute("history", elections.history(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
	}

	@PostMapping("/terms/{id}/election")
	String elect(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		List<JsonNode> committee = new ArrayList<>();
		String lines = form.getOrDefault("committee", "");
		for (String line : lines.split("[\\n,，、;；]")) {
			if (!line.isBlank()) {
				committee.add(JsonNodeFactory.instance.stringNode(line.trim()));
			}
		}
		Integer years = null;
		String yearsText = form.get("termYears");
		try {
			years = yearsText == null || yearsText.isBlank() ? null : Integer.valueOf(yearsText.trim());
		}
		catch (NumberFormatException e) {
			years = -1;
		}
		try {
			ElectionService.ElectionView e = elections.record(orgId, new ElectionService.ElectionRequest(form.get("heldOn"),
					form.get("secretaryName"), null, committee, years));
			OrganizationView org = organizations.get(orgId);
			redirect.addFlashAttribute("flash", "已登记“" + org.name() + "”" + e.heldOn() + "换届选举，新一届任期至" + e.termEndsOn()
					+ "。" + e.note());
			return "redirect:/terms?organizationId=" + (org.parentId() != null && scope.coversOrganization(Long.parseLong(org.parentId()))
					? org.parentId() : org.id()) + "&show=all";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				errors.merge(p.field().startsWith("committeeMembers") ? "committee" : p.field(), p.message(), (a, b) -> a + "；" + b);
			}
			model.addAttribute("errors", errors);
		}
		catch (RuleViolationException e) {
			model.addAttribute("errors", Map.of("_", e.getMessage()));
		}
		model.addAttribute("form", form);
		fillElection(model, orgId);
		return "organization/term-election";
	}

}
