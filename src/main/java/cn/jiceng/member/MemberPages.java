package cn.jiceng.member;

import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationTree;
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
import org.springframework.web.util.UriComponentsBuilder;

import static cn.jiceng.common.FormInput.blankToNull;
import static cn.jiceng.common.FormInput.parseDate;

/** The roster pages: list with filters, a member's card with transfers and mobility, and the member form. */
@Controller
class MemberPages {

	private static final Set<String> FORM_FIELDS = Set.of("name", "gender", "idNumber", "organizationId", "category",
			"joinedOn", "fullMemberOn", "ethnicity", "education", "phone", "status");

	private final MemberService members;
	private final OrganizationService organizations;
	private final OrganizationTree tree;
	private final DataScope scope;
	private final Clock clock;

	MemberPages(MemberService members, OrganizationService organizations, OrganizationTree tree, DataScope scope,
			Clock clock) {
		this.members = members;
		this.organizations = organizations;
		this.tree = tree;
		this.scope = scope;
		this.clock = clock;
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
		long memberId = Ids.parse(id, "党员");
		model.addAttribute("transferForm", new TransferForm(LocalDate.now(clock).toString()));
		model.addAttribute("mobilityForm", new MobilityForm());
		return detail(memberId, model);
	}

	private String detail(long memberId, Model model) {
		MemberView m = members.get(memberId);
		model.addAttribute("m", m);
		model.addAttribute("transfers", members.transfers(memberId));
		model.addAttribute("mobility", members.mobility(memberId));
		model.addAttribute("today", LocalDate.now(clock).toString());
		boolean editor = MemberService.ROSTER_EDITORS.contains(scope.current().caller().role());
		model.addAttribute("canEdit", editor);
		if (editor && m.status().onRoll()) {
			model.addAttribute("branches", organizations.branchesInSubtree(scope.current().caller().organizationId())
				.stream()
				.filter(b -> !Long.toString(b.id()).equals(m.organizationId()))
				.toList());
		}
		return "member/detail";
	}

	public static class TransferForm {

		private String toOrganizationId;
		private String transferredOn;

		public TransferForm() {
		}

		TransferForm(String transferredOn) {
			this.transferredOn = transferredOn;
		}

		public String getToOrganizationId() {
			return toOrganizationId;
		}

		public void setToOrganizationId(String toOrganizationId) {
			this.toOrganizationId = toOrganizationId;
		}

		public String getTransferredOn() {
			return transferredOn;
		}

		public void setTransferredOn(String transferredOn) {
			this.transferredOn = transferredOn;
		}
	}

	@PostMapping("/members/{id}/transfers")
	String transfer(@PathVariable String id, @ModelAttribute("transferForm") TransferForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		long memberId = Ids.parse(id, "党员");
		LocalDate on = parseDate(form.getTransferredOn(), "transferredOn", errors);
		Long to = null;
		try {
			to = Ids.parseOptional(form.getToOrganizationId(), "toOrganizationId", "党支部");
		}
		catch (InvalidInputException e) {
			reject(errors, e, Set.of("toOrganizationId"));
		}
		if (!errors.hasErrors()) {
			try {
				members.transfer(memberId, to, on);
				redirect.addFlashAttribute("flash", "已办理组织关系转接");
				return "redirect:/members/" + memberId;
			}
			catch (InvalidInputException e) {
				reject(errors, e, Set.of("toOrganizationId", "transferredOn"));
			}
			catch (RuleViolationException | ConflictException e) {
				model.addAttribute("alert", e.getMessage());
				res.setStatus(e instanceof ConflictException ? 409 : 422);
				model.addAttribute("mobilityForm", new MobilityForm());
				return detail(memberId, model);
			}
		}
		res.setStatus(400);
		model.addAttribute("mobilityForm", new MobilityForm());
		model.addAttribute("openForm", "transfer");
		return detail(memberId, model);
	}

	public static class MobilityForm {

		private String destination;
		private String startedOn;
		private String endedOn;

		public String getDestination() {
			return destination;
		}

		public void setDestination(String destination) {
			this.destination = destination;
		}

		public String getStartedOn() {
			return startedOn;
		}

		public void setStartedOn(String startedOn) {
			this.startedOn = startedOn;
		}

		public String getEndedOn() {
			return endedOn;
		}

		public void setEndedOn(String endedOn) {
			this.endedOn = endedOn;
		}
	}

	@PostMapping("/members/{id}/mobility")
	String addMobility(@PathVariable String id, @ModelAttribute("mobilityForm") MobilityForm form, BindingResult errors,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		long memberId = Ids.parse(id, "党员");
		LocalDate start = parseDate(form.getStartedOn(), "startedOn", errors);
		LocalDate end = parseDate(form.getEndedOn(), "endedOn", errors);
		if (!errors.hasErrors()) {
			try {
				members.addMobility(memberId, form.getDestination(), start, end);
				redirect.addFlashAttribute("flash", "已登记流动信息");
				return "redirect:/members/" + memberId;
			}
			catch (InvalidInputException e) {
				reject(errors, e, Set.of("destination", "startedOn", "endedOn"));
			}
			catch (RuleViolationException e) {
				model.addAttribute("alert", e.getMessage());
				res.setStatus(422);
				model.addAttribute("transferForm", new TransferForm(LocalDate.now(clock).toString()));
				model.addAttribute("openForm", "mobility");
				return detail(memberId, model);
			}
		}
		res.setStatus(400);
		model.addAttribute("transferForm", new TransferForm(LocalDate.now(clock).toString()));
		model.addAttribute("openForm", "mobility");
		return detail(memberId, model);
	}

	@PostMapping("/members/{id}/mobility/{mobilityId}/end")
	String endMobility(@PathVariable String id, @PathVariable String mobilityId,
			@RequestParam(required = false) String endedOn, RedirectAttributes redirect) {
		long memberId = Ids.parse(id, "党员");
		LocalDate end = null;
		try {
			end = endedOn == null || endedOn.isBlank() ? null : LocalDate.parse(endedOn.trim());
		}
		catch (DateTimeParseException e) {
			// reported as a missing date below
		}
		try {
			members.endMobility(memberId, Ids.parse(mobilityId, "流动记录"), end);
			redirect.addFlashAttribute("flash", "已结束流动");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("alert",
					e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		return "redirect:/members/" + memberId;
	}

	// ---- form ----

	public static class MemberForm {

		private String name;
		private String gender;
		private String idNumber;
		private String organizationId;
		private String category;
		private String joinedOn;
		private String fullMemberOn;
		private String ethnicity;
		private String education;
		private String phone;
		private String status;
		private String version;

		public String getName() {
			return name;
		}

		public void setName(String name) {
			this.name = name;
		}

		public String getGender() {
			return gender;
		}

		public void setGender(String gender) {
			this.gender = gender;
		}

		public String getIdNumber() {
			return idNumber;
		}

		public void setIdNumber(String idNumber) {
			this.idNumber = idNumber;
		}

		public String getOrganizationId() {
			return organizationId;
		}

		public void setOrganizationId(String organizationId) {
			this.organizationId = organizationId;
		}

		public String getCategory() {
			return category;
		}

		public void setCategory(String category) {
			this.category = category;
		}

		public String getJoinedOn() {
			return joinedOn;
		}

		public void setJoinedOn(String joinedOn) {
			this.joinedOn = joinedOn;
		}

		public String getFullMemberOn() {
			return fullMemberOn;
		}

		public void setFullMemberOn(String fullMemberOn) {
			this.fullMemberOn = fullMemberOn;
		}

		public String getEthnicity() {
			return ethnicity;
		}

		public void setEthnicity(String ethnicity) {
			this.ethnicity = ethnicity;
		}

		public String getEducation() {
			return education;
		}

		public void setEducation(String education) {
			this.education = education;
		}

		public String getPhone() {
			return phone;
		}

		public void setPhone(String phone) {
			this.phone = phone;
		}

		public String getStatus() {
			return status;
		}

		public void setStatus(String status) {
			this.status = status;
		}

		public String getVersion() {
			return version;
		}

		public void setVersion(String version) {
			this.version = version;
		}
	}

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

	private static void reject(BindingResult errors, InvalidInputException e, Set<String> fields) {
		if (e.errors().isEmpty()) {
			errors.reject("invalid", e.getMessage());
		}
		for (FieldProblem p : e.errors()) {
			if (fields.contains(p.field())) {
				errors.rejectValue(p.field(), "invalid", p.message());
			}
			else {
				errors.reject("invalid", p.message());
			}
		}
	}

	private static String str(Object o) {
		return o == null ? "" : o.toString();
	}

	/** How member changes read in the history. */
	@Component
	static class Labels implements AuditLabels {

		private final OrganizationService organizations;
		private final Members members;

		Labels(OrganizationService organizations, Members members) {
			this.organizations = organizations;
			this.members = members;
		}

		@Override
		public String name(String entityId) {
			try {
				return members.nameOf(Long.parseLong(entityId)).orElse(null);
			}
			catch (NumberFormatException e) {
				return null;
			}
		}

		private static final Map<String, String> FIELDS = Map.ofEntries(Map.entry("name", "姓名"),
				Map.entry("gender", "性别"), Map.entry("idNumber", "公民身份号码"), Map.entry("organizationId", "所在支部"),
				Map.entry("category", "人员类别"), Map.entry("joinedOn", "加入党组织日期"),
				Map.entry("fullMemberOn", "转为正式党员日期"), Map.entry("ethnicity", "民族"), Map.entry("education", "学历"),
				Map.entry("phone", "联系电话"), Map.entry("status", "党籍状态"), Map.entry("transferredOn", "转接日期"),
				Map.entry("destination", "外出流向"), Map.entry("startedOn", "外出开始日期"), Map.entry("endedOn", "外出结束日期"));

		@Override
		public String entityType() {
			return "Member";
		}

		@Override
		public String entityLabel() {
			return "党员";
		}

		@Override
		public Map<String, String> fieldLabels() {
			return FIELDS;
		}

		@Override
		public String value(String field, String value) {
			return switch (field) {
				case "gender" -> label(Gender.class, value, Gender::label);
				case "category" -> label(MemberCategory.class, value, MemberCategory::label);
				case "status" -> label(MemberStatus.class, value, MemberStatus::label);
				case "ethnicity" -> Ethnicity.byCode(value).map(Ethnicity::label).orElse(value);
				case "education" -> Education.byCode(value).map(Education::label).orElse(value);
				case "organizationId" -> organizationName(organizations, value);
				default -> value;
			};
		}

		@Override
		public Map<String, String> actionLabels() {
			return Map.of("TRANSFER", "组织关系转入", "TRANSFER_OUT", "组织关系转出", "MOBILITY", "登记外出流动",
					"MOBILITY_END", "结束外出流动", "IMPORT", "Excel导入");
		}

		@Override
		public String link(String entityId) {
			return "/members/" + entityId;
		}

		/** An organization id in the trail, shown by its current name. */
		static String organizationName(OrganizationService organizations, String id) {
			try {
				return organizations.ref(Long.parseLong(id)).map(o -> o.name()).orElse("（已删除的组织）");
			}
			catch (NumberFormatException e) {
				return id;
			}
		}

		private static <E extends Enum<E>> String label(Class<E> type, String value,
				java.util.function.Function<E, String> label) {
			E e = FormInput.enumOrNull(type, value);
			return e == null ? value : label.apply(e);
		}
	}
}
