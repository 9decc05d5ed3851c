package cn.jiceng.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of membership development: the pipeline of a subtree by stage (funnel, filtered list, the year's plan),
 * a new record book, a record page that walks the secretary through the next step showing only that step's fields
 * (and the other actions the record allows now), and the warnings list.
 */
@Controller
class DevelopmentPages {

	private final DevelopmentService development;
	private final DevelopmentRecords records;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;

	DevelopmentPages(DevelopmentService development, DevelopmentRecords records, OrganizationService organizations,
			OrgNavigation navigation, DataScope scope, Clock clock) {
		this.development = development;
		this.records = records;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	private boolean writer() {
		return DevelopmentService.WRITERS.contains(scope.current().caller().role());
	}

	private void picker(Model model, long orgId) {
		OrganizationView org = organizations.get(orgId);
		model.addAttribute("org", org);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
	}

	// ---- pipeline ----

	@GetMapping("/development")
	String pipeline(@RequestParam(required = false) String org, @RequestParam(required = false) String stage,
			@RequestParam(required = false) String q, @RequestParam(required = false) Boolean warned,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		DevelopmentService.Pipeline pipeline = development.pipeline(orgId);
		DevelopmentStage chosen = FormInput.enumOrNull(DevelopmentStage.class, stage);
		PageResult<DevelopmentService.RecordSummary> list = development.list(orgId, chosen == null ? null : chosen.name(),
				warned, q, PageRequest.of(page, 20));
		long max = pipeline.stages().stream().mapToLong(DevelopmentService.StageCount::count).max().orElse(0);
		model.addAttribute("pipeline", pipeline);
		model.addAttribute("max", Math.max(max, 1));
		model.addAttribute("list", list);
		model.addAttribute("stage", chosen == null ? "" : chosen.name());
		model.addAttribute("stages", DevelopmentStage.values());
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("warned", Boolean.TRUE.equals(warned));
		StringBuilder base = new StringBuilder("/development?org=" + orgId);
		if (chosen != null) {
			base.append("&stage=").append(chosen.name());
		}
		if (q != null && !q.isBlank()) {
			base.append("&q=").append(java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8));
		}
		if (Boolean.TRUE.equals(warned)) {
			base.append("&warned=true");
		}
		model.addAttribute("base", base.toString());
		int year = LocalDate.now(clock).getYear();
		model.addAttribute("year", year);
		model.addAttribute("plans", development.plans(orgId, year));
		model.addAttribute("writer", writer());
		picker(model, orgId);
		return "development/pipeline";
	}

	@PostMapping("/development/plan")
	String plan(@RequestParam String org, @RequestParam String target, @RequestParam Integer year,
			@RequestParam(required = false) String quota, RedirectAttributes redirect) {
		try {
			Integer q = quota == null || quota.isBlank() ? null : Integer.valueOf(quota.trim());
			development.putPlan(Ids.parse(target, "党组织"), year, new DevelopmentService.PlanInput(q));
			redirect.addFlashAttribute("flash", "已保存" + year + "年度发展计划");
		}
		catch (NumberFormatException e) {
			redirect.addFlashAttribute("problem", "计划发展人数应为整数");
		}
		catch (InvalidInputException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e instanceof InvalidInputException ie && !ie.errors().isEmpty()
					? ie.errors().get(0).message() : e.getMessage());
		}
		return "redirect:/development?org=" + Ids.parse(org, "党组织");
	}

	// ---- warnings ----

	@GetMapping("/development/warnings")
	String warnings(@RequestParam(required = false) String org, @RequestParam(required = false) Integer page,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		model.addAttribute("list", development.list(orgId, null, true, null, PageRequest.of(page, 50)));
		model.addAttribute("base", "/development/warnings?org=" + orgId);
		picker(model, orgId);
		return "development/warnings";
	}

	// ---- a new record ----

	@GetMapping("/development/new")
	String newRecord(@RequestParam(required = false) String org, Model model) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("organizationId", org == null ? "" : org);
		form.put("gender", "MALE");
		fillNew(model, form, Map.of(), null);
		return "development/new";
	}

	private void fillNew(Model model, Map<String, String> form, Map<String, String> errors, String problem) {
		scope.requireWriter(DevelopmentService.WRITERS);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("branches", navigation.optionsInScope(Set.of(OrgKind.BRANCH), null));
		model.addAttribute("today", LocalDate.now(clock).toString());
	}

	@PostMapping("/development/new")
	String create(@RequestParam Map<String, String> form, Model model) {
		try {
			LocalDate applied = form.get("appliedOn") == null || form.get("appliedOn").isBlank() ? null
					: LocalDate.parse(form.get("appliedOn").trim());
			DevelopmentService.RecordView v = development.create(new DevelopmentService.CreateInput(form.get("name"),
					form.get("gender"), form.get("idNumber"), form.get("organizationId"), applied));
			return "redirect:/development/records/" + v.id();
		}
		catch (java.time.format.DateTimeParseException e) {
			fillNew(model, form, Map.of("appliedOn", "日期格式应为 YYYY-MM-DD"), "申请人信息不正确");
		}
		catch (InvalidInputException e) {
			fillNew(model, form, errors(e), e.getMessage());
		}
		catch (RuleViolationException | ConflictException e) {
			fillNew(model, form, Map.of(), e.getMessage());
		}
		return "development/new";
	}

	// ---- a record ----

	/** An action the record page offers now: the next step, or another step the record allows. */
	public record Action(String code, String label, boolean primary) {
	}

	@GetMapping("/development/records/{id}")
	String record(@PathVariable String id, @RequestParam(required = false) String action, Model model) {
		DevelopmentService.RecordView r = development.get(Ids.parse(id, "发展党员记实簿"));
		fillRecord(model, r, action, new LinkedHashMap<>(), Map.of(), null);
		return "development/record";
	}

	@PostMapping("/development/records/{id}/steps")
	String recordStep(@PathVariable String id, @RequestParam MultiValueMap<String, String> params, Model model,
			RedirectAttributes redirect) {
		long recordId = Ids.parse(id, "发展党员记实簿");
		Map<String, String> form = new LinkedHashMap<>(params.toSingleValueMap());
		List<String> memberIds = params.getOrDefault("memberIds", List.of()).stream().filter(s -> !s.isBlank()).toList();
		String step = form.get("step");
		try {
			LocalDate on = blank(form.get("on")) ? null : LocalDate.parse(form.get("on").trim());
			DevelopmentService.StepInput in = new DevelopmentService.StepInput(step, on,
					memberIds.isEmpty() ? null : memberIds, form.get("conclusion"), integer(form, "hours"),
					integer(form, "entitled"), integer(form, "entitledFull"), integer(form, "present"),
					integer(form, "yes"), integer(form, "months"), form.get("reason"), form.get("note"),
					integer(form, "version"), form.get("place"),
					blank(form.get("endsOn")) ? null : LocalDate.parse(form.get("endsOn").trim()),
					blank(form.get("approved")) ? null : Boolean.valueOf(form.get("approved")));
			development.recordStep(recordId, in);
			DevelopmentStep s = FormInput.enumOrNull(DevelopmentStep.class, step);
			redirect.addFlashAttribute("flash", "已记录「" + (s == null ? step : s.label()) + "」");
			return "redirect:/development/records/" + recordId;
		}
		catch (java.time.format.DateTimeParseException e) {
			refill(model, recordId, step, form, Map.of("on", "日期格式应为 YYYY-MM-DD"), "日期格式不正确");
		}
		catch (NumberFormatException e) {
			refill(model, recordId, step, form, Map.of(), "人数、学时、月数应为整数");
		}
		catch (InvalidInputException e) {
			refill(model, recordId, step, form, errors(e), e.getMessage());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			refill(model, recordId, step, form, Map.of(), e.getMessage());
		}
		model.addAttribute("chosenMembers", memberIds);
		return "development/record";
	}

	private void refill(Model model, long recordId, String step, Map<String, String> form, Map<String, String> errors,
			String problem) {
		fillRecord(model, development.get(recordId), step, form, errors, problem);
	}

	private static boolean blank(String s) {
		return s == null || s.isBlank();
	}

	private static Integer integer(Map<String, String> form, String key) {
		String v = form.get(key);
		return blank(v) ? null : Integer.valueOf(v.trim());
	}

	private void fillRecord(Model model, DevelopmentService.RecordView r, String action, Map<String, String> form,
			Map<String, String> errors, String problem) {
		boolean writer = writer();
		boolean higher = DevelopmentService.HIGHER.contains(scope.current().caller().role());
		List<Action> actions = new ArrayList<>();
		if (writer && r.stage() != DevelopmentStage.CANCELLED) {
			if (r.nextStep() != null) {
				actions.add(new Action(r.nextStep().name(), (r.nextStep().numbered() ? r.nextStep().number() + ". " : "")
						+ r.nextStep().label(), true));
			}
			boolean contacts = r.steps().stream().anyMatch(s -> s.step() == DevelopmentStep.CONTACTS_ASSIGNED);
			boolean voted = r.steps().stream().anyMatch(s -> s.step() == DevelopmentStep.ACCEPTANCE_VOTE);
			boolean accepted = r.memberId() != null;
			boolean failed = r.steps().stream().anyMatch(s -> s.conclusion() == ReviewConclusion.FAILED);
			if (contacts && !voted && !failed && r.nextStep() != DevelopmentStep.ACTIVIST_ASSESSMENT) {
				actions.add(new Action(DevelopmentStep.ACTIVIST_ASSESSMENT.name(), "再次培养教育考察", false));
			}
			// each publicity may be posted early, from the opening of its stage until the step it guards
			for (DevelopmentStep p : List.of(DevelopmentStep.ACTIVIST_PUBLICITY, DevelopmentStep.CANDIDATE_PUBLICITY,
					DevelopmentStep.PUBLICITY, DevelopmentStep.CONVERSION_PUBLICITY)) {
				boolean opened = r.steps().stream().anyMatch(s -> s.step() == p.opensAfter());
				boolean over = r.steps().stream().anyMatch(s -> s.step() == p.guarded() || s.step() == p);
				if (opened && !over && !failed && r.nextStep() != p && r.pendingApproval() == null) {
					actions.add(new Action(p.name(), p.label(), false));
				}
			}
			if (accepted && r.stage() == DevelopmentStage.PROBATIONARY && r.pendingApproval() != null) {
				actions.add(new Action(r.pendingApproval().name(), r.pendingApproval().label(), false));
			}
			else if (accepted && r.stage() == DevelopmentStage.PROBATIONARY) {
				if (!r.extended()) {
					actions.add(new Action(DevelopmentStep.PROBATION_EXTENDED.name(), "延长预备期（报上级审批）", false));
				}
				actions.add(new Action(DevelopmentStep.PROBATION_CANCELLED.name(), "取消预备党员资格（报上级审批）", false));
			}
			if (!accepted && r.stage().open()) {
				actions.add(new Action(DevelopmentStep.WITHDRAWN.name(), "终止发展", false));
			}
		}
		Action chosen = actions.stream().filter(a -> a.code().equals(action)).findFirst()
			.orElse(actions.isEmpty() ? null : actions.get(0));
		DevelopmentStep step = chosen == null ? null : DevelopmentStep.valueOf(chosen.code());
		model.addAttribute("r", r);
		model.addAttribute("actions", actions);
		model.addAttribute("action", chosen);
		model.addAttribute("step", step);
		model.addAttribute("needs", step == null ? "" : step.needs().name());
		model.addAttribute("higherOnly", step != null && step.higherCommittee() && !higher);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("publicityDays", step != null && step.publicity() ? development.publicityDays() : 0);
		model.addAttribute("members", step != null && step.needs() == DevelopmentStep.Needs.MEMBERS
				? records.fullMembersOf(Long.parseLong(r.organizationId())) : List.of());
		if (!model.containsAttribute("chosenMembers")) {
			model.addAttribute("chosenMembers", List.of());
		}
		List<Phase> phases = new ArrayList<>();
		for (int p = 1; p <= 5; p++) {
			int n = p;
			List<DevelopmentStep> steps = DevelopmentStep.numberedSteps().stream().filter(s -> s.phase() == n).toList();
			long done = steps.stream()
				.filter(s -> r.steps().stream().anyMatch(v -> v.step() == s))
				.count();
			phases.add(new Phase(DevelopmentStep.PHASES.get(p - 1), (int) done, steps.size()));
		}
		model.addAttribute("phases", phases);
		model.addAttribute("details", r.steps().stream().map(DevelopmentBookPdf::detail).toList());
	}

	public record Phase(String label, int done, int of) {

		public boolean complete() {
			return done == of;
		}
	}

	private static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			errors.putIfAbsent(p.field(), p.message());
		}
		return errors;
	}

	static boolean higher(Role role) {
		return DevelopmentService.HIGHER.contains(role);
	}
}
