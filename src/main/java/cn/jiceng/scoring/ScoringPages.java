package cn.jiceng.scoring;

import java.io.IOException;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.member.MemberStatus;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Pages of member scores: my vanguard index with its entries, filing a claim, the review queue, warning members,
 * the ranking (晒积分) with its Excel export, and the catalogue.
 */
@Controller
class ScoringPages {

	private final VanguardService vanguard;
	private final PointClaimService claims;
	private final PointCatalogue catalogue;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final JdbcClient jdbc;

	ScoringPages(VanguardService vanguard, PointClaimService claims, PointCatalogue catalogue,
			OrganizationService organizations, DataScope scope, JdbcClient jdbc, OrgNavigation navigation) {
		this.vanguard = vanguard;
		this.claims = claims;
		this.catalogue = catalogue;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	public record EntryRow(String date, String sourceLabel, int points, String pointsLabel, String reason, boolean veto) {
	}

	public record QuarterCell(int quarter, Integer index) {
	}

	public record Option(String value, String label) {
	}

	// ---- one member's index ----

	@GetMapping("/scoring/me")
	String mine(@RequestParam(required = false) Integer year, Model model) {
		Caller caller = scope.current().caller();
		if (caller.memberId() == null) {
			return "redirect:/scoring/ranking";
		}
		return member(caller.memberId(), year, model);
	}

	@GetMapping("/scoring/members/{id}")
	String memberPage(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
		return member(Ids.parse(id, "党员"), year, model);
	}

	private String member(long memberId, Integer year, Model model) {
		int y = vanguard.year(year);
		Caller caller = scope.current().caller();
		VanguardService.MemberIndexPage page = vanguard.page(memberId, y, true);
		VanguardIndex index = page.index();
		List<EntryRow> entries = index.entries().stream()
			.map(e -> new EntryRow(e.date().toString(), EntrySource.label(e.source()), e.points(),
					e.veto() ? "一票否决" : Points.signed(e.points()), e.reason(), e.veto()))
			.toList();
		List<QuarterCell> quarters = new ArrayList<>();
		for (int q = 1; q <= 4; q++) {
			int quarter = q;
			quarters.add(new QuarterCell(q, page.view().quarters().stream().filter(v -> v.quarter() == quarter)
				.map(VanguardService.QuarterView::index).findFirst().orElse(null)));
		}
		boolean self = caller.memberId() != null && caller.memberId() == memberId;
		model.addAttribute("self", self);
		model.addAttribute("v", page.view());
		model.addAttribute("gradeLabel", index.grade().label());
		model.addAttribute("entries", entries);
		model.addAttribute("quarters", quarters);
		model.addAttribute("rank", page.rank());
		model.addAttribute("claims", claims.ofMember(memberId, y));
		model.addAttribute("year", y);
		model.addAttribute("years", years());
		model.addAttribute("canFile", (self && caller.role() != Role.INSPECTOR)
				|| caller.role().rank() >= Role.BRANCH_SECRETARY.rank());
		return "scoring/member";
	}

	// ---- filing ----

	@GetMapping("/scoring/claims/new")
	String claimForm(@RequestParam(required = false) String memberId, Model model) {
		Caller caller = scope.current().caller();
		// boxed on both sides: a ternary of Long and long would unbox a null memberId (accounts without a member)
		Long member = memberId == null || memberId.isBlank() ? caller.memberId() : Long.valueOf(Ids.parse(memberId, "党员"));
		Map<String, String> form = new LinkedHashMap<>();
		form.put("memberId", member == null ? "" : member.toString());
		form.put("month", YearMonth.now(java.time.ZoneId.of("Asia/Shanghai")).toString());
		form.put("itemCode", "");
		form.put("note", "");
		String notice = null;
		if (caller.memberId() == null && caller.role().rank() < Role.BRANCH_SECRETARY.rank()) {
			notice = "当前账号未关联党员，不能申报积分。积分由党员本人申报，或由支部书记、上级管理员代为申报。";
		}
		return claimForm(form, List.of(), notice, model);
	}

	@PostMapping("/scoring/claims")
	String file(@RequestParam(required = false) String memberId, @RequestParam(required = false) String month,
			@RequestParam(required = false) String itemCode, @RequestParam(required = false) String note, Model model,
			RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("memberId", memberId == null ? "" : memberId);
		form.put("month", month == null ? "" : month);
		form.put("itemCode", itemCode == null ? "" : itemCode);
		form.put("note", note == null ? "" : note);
		if (memberId == null || memberId.isBlank()) {
			return claimForm(form, List.of(new FieldProblem("memberId", "请选择申报的党员")), null, model);
		}
		try {
			long member = Ids.parse(memberId, "党员");
			PointClaimService.ClaimView filed = claims.file(member, new PointClaimService.ClaimInput(month, itemCode, note));
			redirect.addFlashAttribute("flash", "已提交 " + filed.month() + "「" + filed.itemName() + "」积分申报，等待支部审核");
			Long own = scope.current().caller().memberId();
			return own != null && own == member ? "redirect:/scoring/me?year=" + filed.month().substring(0, 4)
					: "redirect:/scoring/members/" + member + "?year=" + filed.month().substring(0, 4);
		}
		catch (InvalidInputException e) {
			return claimForm(form, e.errors(), null, model);
		}
		catch (RuleViolationException | ForbiddenException e) {
			return claimForm(form, List.of(), e.getMessage(), model);
		}
	}

	private String claimForm(Map<String, String> form, List<FieldProblem> errors, String refusal, Model model) {
		Caller caller = scope.current().caller();
		Map<String, String> fieldErrors = new LinkedHashMap<>();
		errors.forEach(p -> fieldErrors.putIfAbsent(p.field(), p.message()));
		List<Option> items = catalogue.list().stream()
			.filter(i -> i.active() && !i.systemInput())
			.map(i -> new Option(i.code(), i.name() + "（" + (i.veto() ? "一票否决" : Points.signed(i.points()))
					+ (i.yearlyCap() == null ? "" : "，每年最多 " + i.yearlyCap() + " 分") + "）"))
			.toList();
		List<Option> members = new ArrayList<>();
		boolean forOthers = caller.role().rank() >= Role.BRANCH_SECRETARY.rank();
		if (forOthers) {
			var cond = scope.memberCondition("m", "o");
			// A secretary picks from the branch; an admin higher up comes with memberId from a member's page.
			OrgRef org = organizations.ref(caller.organizationId()).orElseThrow();
			String mine = form.get("memberId");
			jdbc.sql("SELECT m.id, m.name FROM member m JOIN organization o ON o.id = m.organization_id WHERE "
					+ cond.sql() + " AND " + MemberStatus.sqlOnRoll("m.status") + " AND (m.organization_id = :org"
					+ " OR CAST(m.id AS varchar) = :selected) ORDER BY m.name, m.id LIMIT 500")
				.params(cond.params())
				.param("org", org.id())
				.param("selected", mine == null ? "" : mine)
				.query((rs, i) -> new Option(Long.toString(rs.getLong(1)), rs.getString(2)))
				.list()
				.forEach(members::add);
		}
		else if (caller.memberId() != null) {
			String name = jdbc.sql("SELECT name FROM member WHERE id = :id").param("id", caller.memberId())
				.query(String.class).single();
			members.add(new Option(caller.memberId().toString(), name + "（本人）"));
			form.put("memberId", caller.memberId().toString());
		}
		model.addAttribute("form", form);
		model.addAttribute("errors", fieldErrors);
		model.addAttribute("refusal", refusal);
		model.addAttribute("items", items);
		model.addAttribute("members", members);
		model.addAttribute("townshipOrHigher", caller.role().isTownshipOrHigher());
		return "scoring/claim-form";
	}

	// ---- review queue ----

	@GetMapping("/scoring/review")
	String review(@RequestParam(required = false) String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		ClaimStatus s = status == null ? ClaimStatus.PENDING : "ALL".equals(status) ? null : ScoringController.status(status);
		model.addAttribute("result", claims.ofOrganization(orgId, s, null, PageRequest.of(page, 20)));
		model.addAttribute("status", s == null ? "ALL" : s.name());
		addOrgPicker(model, orgId, "/scoring/review");
		model.addAttribute("base", "/scoring/review?org=" + orgId + "&status=" + (s == null ? "ALL" : s.name()));
		return "scoring/review";
	}

	@PostMapping("/scoring/claims/{id}/approve")
	String approve(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(id, reason, back, true, redirect);
	}

	@PostMapping("/scoring/claims/{id}/reject")
	String reject(@PathVariable String id, @RequestParam(required = false) String reason,
			@RequestParam(required = false) String back, RedirectAttributes redirect) {
		return decide(id, reason, back, false, redirect);
	}

	private String decide(String id, String reason, String back, boolean approve, RedirectAttributes redirect) {
		long claimId = PointClaimService.parseId(id);
		try {
			PointClaimService.ClaimView v = approve ? claims.approve(claimId, reason) : claims.reject(claimId, reason);
			redirect.addFlashAttribute("flash", (approve ? "已通过 " : "已驳回 ") + v.memberName() + " 的「" + v.itemName() + "」申报");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException | ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		// Only a path of this site: never an open redirect.
		String target = back != null && back.startsWith("/scoring/") && !back.startsWith("//") ? back : "/scoring/review";
		return "redirect:" + target;
	}

	// ---- lists ----

	@GetMapping("/scoring/warnings")
	String warnings(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = vanguard.year(year);
		model.addAttribute("items", vanguard.warnings(orgId, y));
		model.addAttribute("year", y);
		model.addAttribute("years", years());
		addOrgPicker(model, orgId, "/scoring/warnings");
		return "scoring/warnings";
	}

	@GetMapping("/scoring/ranking")
	String ranking(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = vanguard.year(year);
		Integer q = quarter == null || quarter == 0 ? null : quarter;
		List<Option> quarters = new ArrayList<>();
		quarters.add(new Option("", "全年"));
		for (int i = 1; i <= 4; i++) {
			if (vanguard.quarterEnded(y, i)) {
				quarters.add(new Option(Integer.toString(i), "第" + i + "季度末"));
			}
		}
		if (q != null && !vanguard.quarterEnded(y, q)) {
			q = null;
		}
		model.addAttribute("result", vanguard.rankingPage(orgId, y, q, PageRequest.of(page, 50)));
		model.addAttribute("year", y);
		model.addAttribute("quarter", q);
		model.addAttribute("quarters", quarters);
		model.addAttribute("years", years());
		addOrgPicker(model, orgId, "/scoring/ranking");
		model.addAttribute("base", "/scoring/ranking?org=" + orgId + "&year=" + y + (q == null ? "" : "&quarter=" + q));
		return "scoring/ranking";
	}

	@GetMapping("/scoring/ranking.xlsx")
	void rankingExcel(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, HttpServletResponse res) throws IOException {
		long orgId = navigation.chosenOrOwn(org);
		int y = vanguard.year(year);
		Integer q = quarter == null || quarter == 0 ? null : quarter;
		ScoringController.send(res, ScoringExcel.ranking(vanguard.ranking(orgId, y, q), y, q),
				y + "年" + (q == null ? "" : "第" + q + "季度") + "先锋指数排名.xlsx");
	}

	@GetMapping("/scoring/warnings.xlsx")
	void warningsExcel(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			HttpServletResponse res) throws IOException {
		long orgId = navigation.chosenOrOwn(org);
		int y = vanguard.year(year);
		ScoringController.send(res, ScoringExcel.warnings(vanguard.warnings(orgId, y), y), y + "年警示党员.xlsx");
	}

	// ---- catalogue ----

	@GetMapping("/scoring/items")
	String items(Model model) {
		model.addAttribute("items", catalogue.list());
		if (!model.containsAttribute("form")) {
			model.addAttribute("form", new LinkedHashMap<String, String>());
			model.addAttribute("errors", Map.of());
		}
		return "scoring/items";
	}

	@PostMapping("/scoring/items")
	String createItem(@RequestParam(required = false) String code, @RequestParam(required = false) String name,
			@RequestParam(required = false) String points, @RequestParam(required = false) String yearlyCap,
			@RequestParam(required = false) String veto, Model model, RedirectAttributes redirect) {
		Map<String, String> form = new LinkedHashMap<>();
		form.put("code", code);
		form.put("name", name);
		form.put("points", points);
		form.put("yearlyCap", yearlyCap);
		form.put("veto", veto);
		List<FieldProblem> problems = new ArrayList<>();
		Integer p = integer(points, "points", problems);
		Integer cap = integer(yearlyCap, "yearlyCap", problems);
		try {
			if (!problems.isEmpty()) {
				throw new InvalidInputException("积分项目填写有误", problems);
			}
			PointCatalogue.ItemView created = catalogue.create(new PointCatalogue.NewItem(code == null ? null : code.trim().toUpperCase(),
					name, p, cap, "on".equals(veto) || "true".equals(veto)));
			redirect.addFlashAttribute("flash", "已新增积分项目「" + created.name() + "」");
			return "redirect:/scoring/items";
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(f -> errors.putIfAbsent(f.field(), f.message()));
			model.addAttribute("form", form);
			model.addAttribute("errors", errors);
			return items(model);
		}
		catch (ConflictException e) {
			model.addAttribute("form", form);
			model.addAttribute("errors", Map.of("code", e.getMessage()));
			return items(model);
		}
	}

	@PostMapping("/scoring/items/{id}/active")
	String toggleItem(@PathVariable String id, @RequestParam boolean active, @RequestParam int version,
			RedirectAttributes redirect) {
		try {
			PointCatalogue.ItemView v = catalogue.patch(id, new PointCatalogue.ItemPatch(null, null, active, version));
			redirect.addFlashAttribute("flash", (active ? "已启用" : "已停用") + "「" + v.name() + "」");
		}
		catch (ConflictException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/scoring/items";
	}

	// ---- helpers ----

	/** Lists filtered to what the caller may see (a member: their own row), so a member may open their branch. */
	private long orgOrOwn(String org) {
		long id = navigation.chosenOrOwn(org);
		scope.requireListing(id);
		return id;
	}

	/** Breadcrumbs from the caller's own organization down to the chosen one, and its sub-organizations to go into. */
	private void addOrgPicker(Model model, long orgId, String page) {
		long own = scope.current().caller().organizationId();
		List<OrgRef> lineage = organizations.lineage(orgId);
		int from = 0;
		for (int i = 0; i < lineage.size(); i++) {
			if (lineage.get(i).id() == own) {
				from = i;
			}
		}
		model.addAttribute("crumbs", lineage.subList(from, lineage.size()));
		List<OrganizationView> children = scope.current().memberOnly() ? List.of()
				: organizations.children(orgId).stream().filter(c -> c.kind() != OrgKind.GROUP).toList();
		model.addAttribute("children", children);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("orgName", lineage.isEmpty() ? "" : lineage.get(lineage.size() - 1).name());
		model.addAttribute("pickerPage", page);
	}

	private List<Integer> years() {
		int current = vanguard.year(null);
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - 4; y--) {
			years.add(y);
		}
		return years;
	}

	private static Integer integer(String value, String field, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "请填写整数"));
			return null;
		}
	}
}
