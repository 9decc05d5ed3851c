package cn.jiceng.masswork;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * 四议两公开 pages, phone width first: a subtree's decisions with the form for a new one, and a decision's page that
 * shows the steps done and asks only for the next step's fields.
 */
@Controller
class DecisionPages {

	private final DecisionService decisions;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final OrganizationTree tree;
	private final DataScope scope;
	private final Clock clock;

	DecisionPages(DecisionService decisions, OrganizationService organizations, OrgNavigation navigation,
			OrganizationTree tree, DataScope scope, Clock clock) {
		this.decisions = decisions;
		this.organizations = organizations;
		this.navigation = navigation;
		this.tree = tree;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/masswork/decisions")
	String list(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		Map<String, String> form = new LinkedHashMap<>();
		form.put("villageId", organizationId == null ? "" : organizationId);
		form.put("title", "");
		form.put("category", "");
		return listPage(orgId, status, page, form, false, List.of(), model);
	}

	@PostMapping("/masswork/decisions")
	String create(@RequestParam(required = false) String villageId, @RequestParam(required = false) String title,
			@RequestParam(required = false) String category, @RequestParam(required = false) String combinedProposal,
			Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("villageId", villageId == null ? "" : villageId);
		form.put("title", title == null ? "" : title);
		form.put("category", category == null ? "" : category);
		boolean combined = combinedProposal != null;
		long listed = navigation.chosenOrOwn(null);
		if (villageId == null || villageId.isBlank()) {
			return listPage(listed, null, null, form, combined, List.of(new FieldProblem("organizationId", "请选择村（社区）")),
					model);
		}
		try {
			DecisionService.Decision d = decisions.create(Ids.parse(villageId, "党组织"),
					new DecisionService.DecisionInput(title, category, combined));
			redirect.addFlashAttribute("flash", "已登记决策事项，请按“四议两公开”程序逐步进行");
			return "redirect:/masswork/decisions/" + d.id();
		}
		catch (InvalidInputException e) {
			return listPage(listed, null, null, form, combined, e.errors(), model);
		}
	}

	private String listPage(long orgId, String status, Integer page, Map<String, String> form, boolean combined,
			List<FieldProblem> errors, Model model) {
		String s = DecisionService.IN_PROGRESS.equals(status) || DecisionService.COMPLETED.equals(status) ? status : null;
		model.addAttribute("result", decisions.list(orgId, null, s, PageRequest.of(page, 20)));
		OrgRef org = organizations.ref(orgId).orElseThrow();
		model.addAttribute("org", org);
		model.addAttribute("status", s == null ? "" : s);
		model.addAttribute("base", UriComponentsBuilder.fromPath("/masswork/decisions")
			.queryParam("organizationId", orgId)
			.queryParamIfPresent("status", java.util.Optional.ofNullable(s))
			.encode()
			.build()
			.toUriString());
		model.addAttribute("canWrite", DecisionService.WRITERS.contains(scope.current().caller().role()));
		List<DecisionService.VillageOption> villages = decisions.villageOptions();
		model.addAttribute("villages", villages);
		if (form.get("villageId").isBlank() && Villages.isVillage(org)) {
			form.put("villageId", Long.toString(orgId));
		}
		model.addAttribute("form", form);
		model.addAttribute("combined", combined);
		model.addAttribute("errors", fieldErrors(errors));
		model.addAttribute("categories", DecisionCategory.values());
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAllAttributes(tree.model(orgId, "decisions"));
		return "masswork/decisions";
	}

	@GetMapping("/masswork/decisions/{id}")
	String decision(@PathVariable String id, Model model) {
		return decisionPage(Ids.parse(id, "决策事项"), Map.of(), List.of(), model);
	}

	@PostMapping("/masswork/decisions/{id}/steps")
	String step(@PathVariable String id, @RequestParam Map<String, String> params, Model model,
			RedirectAttributes redirect) {
		long decisionId = Ids.parse(id, "决策事项");
		try {
			DecisionService.Decision d = decisions.recordStep(decisionId,
					new DecisionService.StepInput(params.get("step"), params.get("on"), number(params.get("entitled")),
							number(params.get("present")), number(params.get("yes")), params.get("body"),
							params.get("place"), number(params.get("days")), params.get("notes")));
			redirect.addFlashAttribute("flash", d.completed() ? "“四议两公开”六个步骤已全部完成"
					: "已登记，下一步：" + d.nextStepLabel());
			return "redirect:/masswork/decisions/" + decisionId;
		}
		catch (InvalidInputException e) {
			return decisionPage(decisionId, params, e.errors(), model);
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			model.addAttribute("problem", e.getMessage());
			return decisionPage(decisionId, params, List.of(), model);
		}
	}

	private String decisionPage(long decisionId, Map<String, String> entered, List<FieldProblem> errors, Model model) {
		DecisionService.Decision d = decisions.find(decisionId);
		OrgRef village = organizations.ref(Long.parseLong(d.organizationId())).orElseThrow();
		Map<String, String> form = new LinkedHashMap<>(entered);
		LocalDate today = LocalDate.now(clock);
		form.putIfAbsent("on", today.toString());
		form.putIfAbsent("body", ResolutionBody.REPRESENTATIVES.name());
		form.putIfAbsent("place", "村务公开栏");
		form.putIfAbsent("days", "7");
		for (String k : List.of("entitled", "present", "yes", "notes")) {
			form.putIfAbsent(k, "");
		}
		model.addAttribute("d", d);
		model.addAttribute("village", village);
		model.addAttribute("sequence", DecisionPolicy.sequence(d.combinedProposal()));
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors(errors));
		model.addAttribute("bodies", ResolutionBody.values());
		model.addAttribute("roll", d.nextStep() == DecisionStep.MEMBERS_REVIEW ? decisions.roll(village, today) : 0L);
		model.addAttribute("today", today.toString());
		model.addAttribute("canWrite", DecisionService.WRITERS.contains(scope.current().caller().role()));
		return "masswork/decision";
	}

	private static Integer number(String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	private static Map<String, String> fieldErrors(List<FieldProblem> errors) {
		Map<String, String> m = new LinkedHashMap<>();
		errors.forEach(p -> m.putIfAbsent(p.field(), p.message()));
		return m;
	}
}
