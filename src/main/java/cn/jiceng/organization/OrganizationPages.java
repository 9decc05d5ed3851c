package cn.jiceng.organization;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

import static cn.jiceng.common.FormInput.parseDate;

/** Pages of the organization tree: the lazily loaded tree, an organization's card, and its forms. */
@Controller
class OrganizationPages {

	/** The same roles the service lets change the tree; checked before a form is shown, not only on submit. */
	private static final Set<Role> TREE_EDITORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private static final Set<Role> MOVERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final OfficeService offices;
	private final java.time.Clock clock;
	private final DataScope scope;
	private final OrganizationTree tree;

	OrganizationPages(OrganizationService organizations, DataScope scope, OrganizationTree tree,
			OrgNavigation navigation, OfficeService offices, java.time.Clock clock) {
		this.organizations = organizations;
		this.offices = offices;
		this.clock = clock;
		this.navigation = navigation;
		this.scope = scope;
		this.tree = tree;
	}

	public record Option(String id, String label) {
	}

	@GetMapping("/organizations")
	String index() {
		return "redirect:/organizations/" + scope.current().caller().organizationId();
	}

	@GetMapping("/organizations/{id}")
	String show(@PathVariable String id, Model model) {
		long orgId = Ids.parse(id, "党组织");
		OrganizationView org = organizations.get(orgId);
		model.addAttribute("org", org);
		model.addAttribute("children", organizations.children(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("secretary", offices.secretaryOn(orgId, LocalDate.now(clock)).orElse(null));
		Role role = scope.current().caller().role();
		model.addAttribute("canMove", MOVERS.contains(role));
		model.addAttribute("canAddChild", org.kind() != OrgKind.GROUP && !allowedChildKinds(org.kind(), role).isEmpty());
		addTree(model, orgId, "organizations");
		return "organization/show";
	}

	/** htmx: the children of one tree node, as list items. */
	@GetMapping("/organizations/tree")
	String treeChildren(@RequestParam String parentId, @RequestParam(required = false) String mode,
			@RequestParam(required = false) String selected, Model model) {
		long parent = Ids.parse(parentId, "党组织");
		long sel = selected == null || selected.isBlank() ? -1 : Ids.parse(selected, "党组织");
		model.addAttribute("nodes", tree.children(parent, sel));
		model.addAttribute("treeMode", OrganizationTree.mode(mode));
		model.addAttribute("treePage", OrganizationTree.page(mode));
		model.addAttribute("treeSelected", sel < 0 ? null : Long.toString(sel));
		return "organization/tree-items";
	}

	// ---- new child organization ----

	public static class OrgForm {

		private String name;
		private String kind;
		private String field;
		private String termStartedOn;
		private String termYears;
		private String version;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getKind() {
			return kind;
		}

		public void setKind(String kind) {
			this.kind = kind;
		}

		public String getField() {
			return field;
		}

		public void setField(String field) {
			this.field = field;
		}

		public String getTermStartedOn() {
			return termStartedOn;
		}

		public void setTermStartedOn(String termStartedOn) {
			this.termStartedOn = termStartedOn;
		}

		public String getTermYears() {
			return termYears;
		}

		public void setTermYears(String termYears) {
			this.termYears = termYears;
		}

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}
	}

	@GetMapping("/organizations/{id}/new")
	String newChild(@PathVariable String id, Model model) {
		scope.requireWriter(TREE_EDITORS);
		OrganizationView parent = organizations.get(Ids.parse(id, "党组织"));
		OrgForm form = new OrgForm();
		form.setField(parent.field().name());
		List<OrgKind> kinds = allowedChildKinds(parent.kind(), scope.current().caller().role());
		if (kinds.size() == 1) {
			form.setKind(kinds.get(0).name());
		}
		model.addAttribute("form", form);
		return childForm(parent, model);
	}

	@PostMapping("/organizations/{id}/new")
	String createChild(@PathVariable String id, @ModelAttribute("form") OrgForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		OrganizationView parent = organizations.get(Ids.parse(id, "党组织"));
		LocalDate start = parseDate(form.getTermStartedOn(), "termStartedOn", errors);
		Integer years = parseInt(form.getTermYears(), "termYears", "任期年限应为整数", errors);
		if (!errors.hasErrors()) {
			try {
				OrganizationView created = organizations.create(new OrganizationService.NewOrganization(form.getName(),
						form.getKind(), form.getField(), parent.id(), start, years));
				redirect.addFlashAttribute("flash", "已保存");
				return "redirect:/organizations/" + created.id();
			}
			catch (InvalidInputException e) {
				// the service speaks of a wrong code; a person who picked nothing needs "please choose"
				reject(errors, e, Set.of("name", "kind", "field", "termStartedOn", "termYears"), p -> {
					if (p.field().equals("kind") && isBlank(form.getKind())) {
						return "请选择组织类别";
					}
					if (p.field().equals("field") && isBlank(form.getField())) {
						return "请选择所属领域";
					}
					return p.message();
				});
			}
		}
		res.setStatus(400);
		return childForm(parent, model);
	}

	private String childForm(OrganizationView parent, Model model) {
		model.addAttribute("parent", parent);
		model.addAttribute("kinds", allowedChildKinds(parent.kind(), scope.current().caller().role()));
		model.addAttribute("fields", Field.values());
		model.addAttribute("creating", true);
		return "organization/form";
	}

	// ---- edit ----

	@GetMapping("/organizations/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		scope.requireWriter(TREE_EDITORS);
		OrganizationView org = organizations.get(Ids.parse(id, "党组织"));
		OrgForm form = new OrgForm();
		form.setName(org.name());
		form.setField(org.field().name());
		form.setTermStartedOn(org.termStartedOn() == null ? "" : org.termStartedOn().toString());
		form.setTermYears(org.termYears() == null ? "" : org.termYears().toString());
		form.setVersion(Integer.toString(org.version()));
		model.addAttribute("form", form);
		return editForm(org, model);
	}

	@PostMapping("/organizations/{id}/edit")
	String update(@PathVariable String id, @ModelAttribute("form") OrgForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		long orgId = Ids.parse(id, "党组织");
		OrganizationView org = organizations.get(orgId);
		LocalDate start = parseDate(form.getTermStartedOn(), "termStartedOn", errors);
		Integer years = parseInt(form.getTermYears(), "termYears", "任期年限应为整数", errors);
		Integer version = parseInt(form.getVersion(), "version", "版本号不正确", errors);
		if (!errors.hasErrors()) {
			Map<String, Object> present = new LinkedHashMap<>();
			present.put("name", form.getName());
			present.put("field", form.getField());
			present.put("termStartedOn", start);
			present.put("termYears", years);
			try {
				organizations.patch(orgId,
						new OrganizationService.OrganizationPatch(form.getName(), form.getField(), start, years, version),
						present);
				redirect.addFlashAttribute("flash", "已保存");
				return "redirect:/organizations/" + orgId;
			}
			catch (InvalidInputException e) {
				reject(errors, e, Set.of("name", "field", "termStartedOn", "termYears"),
						p -> p.field().equals("field") && isBlank(form.getField()) ? "请选择所属领域" : p.message());
			}
			catch (ConflictException e) {
				model.addAttribute("conflict", e.getMessage());
				res.setStatus(409);
				return editForm(org, model);
			}
		}
		res.setStatus(400);
		return editForm(org, model);
	}

	private String editForm(OrganizationView org, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("fields", Field.values());
		model.addAttribute("creating", false);
		return "organization/form";
	}

	// ---- move ----

	@GetMapping("/organizations/{id}/move")
	String moveForm(@PathVariable String id, Model model) {
		scope.requireWriter(MOVERS);
		OrganizationView org = organizations.get(Ids.parse(id, "党组织"));
		return movePage(org, null, model);
	}

	@PostMapping("/organizations/{id}/move")
	String move(@PathVariable String id, @RequestParam(required = false) String parentId, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		long orgId = Ids.parse(id, "党组织");
		OrganizationView org = organizations.get(orgId);
		try {
			Long parent = Ids.parseOptional(parentId, "parentId", "上级党组织");
			if (parent == null) {
				throw InvalidInputException.of("parentId", "请选择新的上级党组织");
			}
			organizations.move(orgId, parent);
			redirect.addFlashAttribute("flash", "已移动");
			return "redirect:/organizations/" + orgId;
		}
		catch (InvalidInputException e) {
			model.addAttribute("moveError", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
			res.setStatus(400);
		}
		catch (RuleViolationException e) {
			model.addAttribute("refusal", e.getMessage());
			res.setStatus(422);
		}
		return movePage(org, parentId, model);
	}

	private String movePage(OrganizationView org, String chosen, Model model) {
		model.addAttribute("org", org);
		model.addAttribute("crumbs", navigation.crumbs(Long.parseLong(org.id())));
		model.addAttribute("candidates", parentCandidates(org));
		model.addAttribute("chosen", chosen);
		return "organization/move";
	}

	/** Organizations in scope that may hold the moving one, outside its own subtree, in tree order. */
	private List<Option> parentCandidates(OrganizationView org) {
		OrgRef moving = organizations.ref(Long.parseLong(org.id())).orElseThrow();
		return navigation.optionsInScope(moving.kind().parentKinds(), moving.path())
			.stream()
			.map(o -> new Option(o.id(), o.label() + "（" + o.kind().label() + "）"
					+ (moving.parentId() != null && moving.parentId() == Long.parseLong(o.id()) ? " · 当前上级" : "")))
			.toList();
	}

	// ---- shared ----

	private String rootPath() {
		return organizations.ref(scope.current().caller().organizationId()).map(OrgRef::path).orElse("/");
	}

	/** The tree from the caller's organization, opened down to the selected one. */
	void addTree(Model model, long selectedId, String mode) {
		model.addAllAttributes(tree.model(selectedId, mode));
	}

	/** What the caller may set up under a parent of this kind (the placement rules of API.md). */
	static List<OrgKind> allowedChildKinds(OrgKind parent, Role role) {
		List<OrgKind> kinds = parent.childKinds();
		if (role == Role.BRANCH_SECRETARY) {
			return kinds.contains(OrgKind.GROUP) ? List.of(OrgKind.GROUP) : List.of();
		}
		if (role != Role.COUNTY_ADMIN && role != Role.TOWNSHIP_ADMIN) {
			return List.of();
		}
		return kinds;
	}

	static Integer parseInt(String value, String field, String message, BindingResult errors) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.valueOf(value.trim());
		}
		catch (NumberFormatException e) {
			errors.rejectValue(field, "number", message);
			return null;
		}
	}

	/** Field errors go under their inputs; the rest become a message above the form. */
	static void reject(BindingResult errors, InvalidInputException e, Set<String> fields) {
		reject(errors, e, fields, FieldProblem::message);
	}

	static void reject(BindingResult errors, InvalidInputException e, Set<String> fields,
			Function<FieldProblem, String> wording) {
		if (e.errors().isEmpty()) {
			errors.reject("invalid", e.getMessage());
		}
		for (FieldProblem p : e.errors()) {
			if (fields.contains(p.field())) {
				errors.rejectValue(p.field(), "invalid", wording.apply(p));
			}
			else {
				errors.reject("invalid", wording.apply(p));
			}
		}
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	/** How organization changes read in the history. */
	@Component
	static class Labels implements AuditLabels {

		private final OrganizationService organizations;

		Labels(OrganizationService organizations) {
			this.organizations = organizations;
		}

		@Override
		public String entityType() {
			return "Organization";
		}

		@Override
		public String entityLabel() {
			return "党组织";
		}

		@Override
		public Map<String, String> fieldLabels() {
			return Map.of("name", "名称", "kind", "组织类别", "field", "所属领域", "parentId", "上级党组织",
					"termStartedOn", "任期开始日期", "termYears", "任期年限", "imported", "导入党员人数");
		}

		@Override
		public String value(String field, String value) {
			try {
				return switch (field) {
					case "kind" -> OrgKind.valueOf(value).label();
					case "field" -> Field.valueOf(value).label();
					case "parentId" -> organizations.ref(Long.parseLong(value)).map(o -> o.name()).orElse("（已删除的组织）");
					default -> value;
				};
			}
			catch (IllegalArgumentException e) {
				return value;
			}
		}

		@Override
		public Map<String, String> actionLabels() {
			return Map.of("IMPORT_MEMBERS", "Excel导入党员");
		}

		@Override
		public String link(String entityId) {
			return "/organizations/" + entityId;
		}

		@Override
		public String name(String entityId) {
			try {
				return organizations.ref(Long.parseLong(entityId)).map(OrgRef::name).orElse(null);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
	}
}
