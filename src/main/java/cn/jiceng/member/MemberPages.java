package cn.jiceng.member;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.jiceng.common.FormInput.blankToNull;
import static cn.jiceng.common.FormInput.parseDate;

/**
 * The roster pages: list with filters, a member's card and the member form. The card's transfer and mobility forms
 * are handled by {@link MemberTransferPages} and {@link MemberMobilityPages}.
 */
@Controller
class MemberPages {

	private static final Set<String> FORM_FIELDS = Set.of("name", "gender", "idNumber", "organizationId", "category",
			"joinedOn", "fullMemberOn", "ethnicity", "education", "phone", "status");

	private final MemberService members;
	private final OrganizationService organizations;
	private final OrganizationTree tree;
	private final DataScope scope;
	private final MemberCard card;

	MemberPages(MemberService members, OrganizationService organizations, OrganizationTree tree, DataScope scope,
			MemberCard card) {
		this.members = members;
		this.organizations = organizations;
		this.tree = tree;
		this.scope = scope;
		this.card = card;
	}

	// ---- list ----

	@GetMapping("/members")
	String list(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String subtree,
			@RequestParam(required = false) String filtered, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Integer page, Model model) {
		Caller caller = scope.current().caller();
		long orgId = organizationId == null || organizationId.isBlank() ? caller.organizationId()
				: Ids.parse(organizationId, "党组织");
		// an unchecked checkbox sends nothing, so "not sent" means "include" only when the filter form was not used
		boolean withSubtree = filtered == null ? subtree == null || "true".equals(subtree) : "true".equals(subtree);
		MemberStatus st = FormInput.enumOrNull(MemberStatus.class, blankToNull(status));
		MemberCategory cat = FormInput.enumOrNull(MemberCategory.class, blankToNull(category));
		PageResult<MemberView> result = members.list(
				new MemberService.MemberFilter(orgId, withSubtree, blankToNull(q), st, cat), PageRequest.of(page, 20));
		String orgName = organizations.ref(orgId).map(OrgRef::name).orElse("");
		model.addAttribute("result", result);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("orgName", orgName);
		model.addAttribute("subtree", withSubtree);
		model.addAttribute("q", q == null ? "" : q);
		model.addAttribute("status", st == null ? "" : st.name());
		model.addAttribute("category", cat == null ? "" : cat.name());
		model.addAttribute("statuses", MemberStatus.values());
		model.addAttribute("categories", MemberCategory.values());
		model.addAttribute("base", UriComponentsBuilder.fromPath("/members")
			.queryParam("organizationId", orgId)
			.queryParam("subtree", withSubtree)
			.queryParamIfPresent("q", java.util.Optional.ofNullable(blankToNull(q)))
			.queryParamIfPresent("status", java.util.Optional.ofNullable(st).map(Enum::name))
			.queryParamIfPresent("category", java.util.Optional.ofNullable(cat).map(Enum::name))
			.encode()
			.build()
			.toUriString());
		if (!caller.isMemberOnly()) {
			model.addAllAttributes(tree.model(orgId, "members"));
		}
		return "member/list";
	}

	// ---- detail ----

	@GetMapping("/members/{id}")
	String show(@PathVariable String id, Model model) {
		return card.render(Ids.parse(id, "党员"), model);
	}

	// ---- form ----

	@GetMapping("/members/new")
	String newMember(@RequestParam(required = false) String organizationId, Model model) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		MemberForm form = new MemberForm();
		form.setCategory(MemberCategory.FULL.name());
		form.setEthnicity("01");
		List<OrgRef> branches = branches();
		if (organizationId != null && branches.stream().anyMatch(b -> Long.toString(b.id()).equals(organizationId))) {
			form.setOrganizationId(organizationId);
		}
		else if (branches.size() == 1) {
			form.setOrganizationId(Long.toString(branches.get(0).id()));
		}
		model.addAttribute("form", form);
		return form(model, null, branches);
	}

	@PostMapping("/members/new")
	String create(@ModelAttribute("form") MemberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		LocalDate joined = parseDate(form.getJoinedOn(), "joinedOn", errors);
		LocalDate full = parseDate(form.getFullMemberOn(), "fullMemberOn", errors);
		if (!errors.hasErrors()) {
			try {
				MemberView saved = members.create(new MemberInput(form.getName(), form.getGender(),
						form.getIdNumber(), form.getOrganizationId(), form.getCategory(), joined, full,
						form.getEthnicity(), form.getEducation(), form.getPhone()));
				redirect.addFlashAttribute("flash", "已保存");
				return "redirect:/members/" + saved.id();
			}
			catch (InvalidInputException e) {
				rejectMember(errors, e, form);
			}
			catch (ConflictException e) {
				model.addAttribute("conflict", e.getMessage());
				res.setStatus(409);
				return form(model, null, branches());
			}
		}
		res.setStatus(400);
		return form(model, null, branches());
	}

	@GetMapping("/members/{id}/edit")
	String edit(@PathVariable String id, Model model) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		MemberView m = members.get(Ids.parse(id, "党员"));
		MemberForm form = new MemberForm();
		form.setName(m.name());
		form.setGender(m.gender().name());
		form.setIdNumber(m.idNumber());
		form.setOrganizationId(m.organizationId());
		form.setCategory(m.category().name());
		form.setJoinedOn(str(m.joinedOn()));
		form.setFullMemberOn(str(m.fullMemberOn()));
		form.setEthnicity(m.ethnicity());
		form.setEducation(m.education());
		form.setPhone(m.phone());
		form.setStatus(m.status().name());
		form.setVersion(Integer.toString(m.version()));
		model.addAttribute("form", form);
		return form(model, m, List.of());
	}

	@PostMapping("/members/{id}/edit")
	String update(@PathVariable String id, @ModelAttribute("form") MemberForm form, BindingResult errors, Model model,
			RedirectAttributes redirect, HttpServletResponse res) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		long memberId = Ids.parse(id, "党员");
		MemberView current = members.get(memberId);
		LocalDate joined = parseDate(form.getJoinedOn(), "joinedOn", errors);
		LocalDate full = parseDate(form.getFullMemberOn(), "fullMemberOn", errors);
		Integer version = null;
		try {
			version = form.getVersion() == null || form.getVersion().isBlank() ? null
					: Integer.valueOf(form.getVersion().trim());
		}
		catch (NumberFormatException e) {
			errors.reject("version", "页面已过期，请重新打开编辑页面");
		}
		if (!errors.hasErrors()) {
			Map<String, Object> present = new LinkedHashMap<>();
			for (String f : List.of("name", "gender", "idNumber", "category", "joinedOn", "fullMemberOn", "ethnicity",
					"education", "phone", "status")) {
				present.put(f, Boolean.TRUE);
			}
			try {
				members.patch(memberId, present,
						new MemberService.MemberPatch(form.getName(), form.getGender(), form.getIdNumber(), null,
								form.getCategory(), joined, full, blankToNull(form.getEthnicity()),
								blankToNull(form.getEducation()), blankToNull(form.getPhone()), form.getStatus(), version));
				redirect.addFlashAttribute("flash", "已保存");
				return "redirect:/members/" + memberId;
			}
			catch (InvalidInputException e) {
				rejectMember(errors, e, form);
			}
			catch (ConflictException e) {
				model.addAttribute("conflict", e.getMessage());
				res.setStatus(409);
				return form(model, current, List.of());
			}
		}
		res.setStatus(400);
		return form(model, current, List.of());
	}

	private String form(Model model, MemberView editing, List<OrgRef> branches) {
		model.addAttribute("editing", editing);
		model.addAttribute("branches", branches);
		model.addAttribute("genders", Gender.values());
		model.addAttribute("categories", MemberCategory.values());
		model.addAttribute("statuses", MemberStatus.values());
		model.addAttribute("ethnicities", Ethnicity.all());
		model.addAttribute("educations", Education.all());
		return "member/form";
	}

	private List<OrgRef> branches() {
		return organizations.branchesInSubtree(scope.current().caller().organizationId());
	}

	/** The validator speaks in API codes for selects; a person who picked nothing needs "please choose". */
	private static void rejectMember(BindingResult errors, InvalidInputException e, MemberForm form) {
		for (FieldProblem p : e.errors()) {
			String message = p.message();
			if (p.field().equals("gender") && blankToNull(form.getGender()) == null) {
				message = "请选择性别";
			}
			else if (p.field().equals("category") && blankToNull(form.getCategory()) == null) {
				message = "请选择人员类别";
			}
			else if (p.field().equals("version")) {
				errors.reject("version", "页面已过期，请重新打开编辑页面");
				continue;
			}
			if (FORM_FIELDS.contains(p.field())) {
				errors.rejectValue(p.field(), "invalid", message);
			}
			else {
				errors.reject("invalid", message);
			}
		}
		if (e.errors().isEmpty()) {
			errors.reject("invalid", e.getMessage());
		}
	}

	private static String str(Object o) {
		return o == null ? "" : o.toString();
	}
}
