package cn.jiceng.publicity;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The pages of learning, publicity and care: the care fund ledger, the night study list and the stories. */
@Controller
class PublicityPages {

	private final CareFundService funds;
	private final StudyService study;
	private final StoryService stories;
	private final OrgNavigation navigation;
	private final OrganizationService organizations;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final Clock clock;

	PublicityPages(CareFundService funds, StudyService study, StoryService stories, OrgNavigation navigation,
			OrganizationService organizations, DataScope scope, JdbcClient jdbc, Clock clock) {
		this.funds = funds;
		this.study = study;
		this.stories = stories;
		this.navigation = navigation;
		this.organizations = organizations;
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	private int year(Integer year) {
		return year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
	}

	private OrgRef page(Model model, long orgId, int year) {
		scope.requireOrganization(orgId);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		model.addAttribute("org", org);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("year", year);
		model.addAttribute("options", navigation.optionsInScope(List.of(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH,
				OrgKind.BRANCH), null));
		model.addAttribute("today", LocalDate.now(clock).toString());
		return org;
	}

	private static String problem(RuntimeException e) {
		if (e instanceof InvalidInputException i) {
			return i.errors().stream().map(FieldProblem::message).collect(Collectors.joining("；"));
		}
		return e.getMessage();
	}

	// ---- care fund -------------------------------------------------------------------------------------------

	@GetMapping("/publicity/care-fund")
	String careFund(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = year(year);
		page(model, orgId, y);
		model.addAttribute("fund", funds.fund(orgId, y));
		model.addAttribute("sources", CareSource.values());
		model.addAttribute("reasons", CareReason.values());
		return "publicity/care-fund";
	}

	@PostMapping("/publicity/care-fund/{id}/contributions")
	String contribute(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			CareFundService.MovementView m = funds.contribute(orgId, new CareFundService.ContributionInput(form.get("on"),
					form.get("source"), form.get("amount"), form.get("donor")));
			redirect.addFlashAttribute("flash", "已登记收入 " + m.amount() + " 元（" + m.what() + "）");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/care-fund?organizationId=" + orgId;
	}

	@PostMapping("/publicity/care-fund/{id}/disbursements")
	String disburse(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			String member = memberByName(orgId, form.get("memberName"));
			CareFundService.MovementView m = funds.disburse(orgId, new CareFundService.DisbursementInput(form.get("on"),
					member, form.get("reason"), form.get("amount"), form.get("note")));
			redirect.addFlashAttribute("flash", "已登记支出 " + m.amount() + " 元（" + m.what() + "，" + m.memberName() + "）");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/care-fund?organizationId=" + orgId;
	}

	/** The one member of the fund's subtree with this name; several or none is a problem to fix in the form. */
	private String memberByName(long orgId, String name) {
		String n = name == null ? "" : name.strip();
		if (n.isEmpty()) {
			throw InvalidInputException.of("memberId", "请填写慰问对象姓名");
		}
		List<Long> ids = jdbc.sql("""
				SELECT m.id FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.name = :n AND o.path LIKE (SELECT path FROM organization WHERE id = :org) || '%' LIMIT 2""")
			.param("n", n)
			.param("org", orgId)
			.query(Long.class)
			.list();
		if (ids.isEmpty()) {
			throw InvalidInputException.of("memberId", "本组织（含下级）没有名为“" + n + "”的党员");
		}
		if (ids.size() > 1) {
			throw InvalidInputException.of("memberId", "本组织有多名党员叫“" + n + "”，请到其所在支部的关爱基金登记");
		}
		return ids.get(0).toString();
	}

	// ---- night study -----------------------------------------------------------------------------------------

	@GetMapping("/publicity/study")
	String studyList(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = year(year);
		OrgRef org = page(model, orgId, y);
		model.addAttribute("sessions", study.list(orgId, y));
		model.addAttribute("lectures", study.lectures(orgId, y));
		model.addAttribute("forms", StudyForm.values());
		model.addAttribute("canHold", StudyPolicy.mayHoldNightStudy(org.kind(), org.field()).allowed());
		return "publicity/study";
	}

	@PostMapping("/publicity/study/{id}/sessions")
	String recordSession(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			StudyService.SessionView s = study.record(orgId, new StudyService.SessionInput(form.get("heldOn"),
					form.get("form"), form.get("topic"), form.get("lecturer"), List.of()));
			redirect.addFlashAttribute("flash", "已登记 " + s.heldOn() + " 的夜学：" + s.topic());
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/study?organizationId=" + orgId;
	}

	// ---- stories ---------------------------------------------------------------------------------------------

	@GetMapping("/publicity/stories")
	String storyList(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status, Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		int y = year(year);
		page(model, orgId, y);
		String st = status == null || status.isBlank() ? null : status;
		model.addAttribute("status", st);
		model.addAttribute("statuses", StoryStatus.values());
		model.addAttribute("stories", stories.list(orgId, y, st).items());
		model.addAttribute("gaps", stories.gaps(orgId, y).items());
		return "publicity/stories";
	}

	@PostMapping("/publicity/stories/{id}/submit")
	String submitStory(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long orgId = Ids.parse(id, "党组织");
		try {
			Integer y = null;
			try {
				y = Integer.valueOf(form.getOrDefault("year", ""));
			}
			catch (NumberFormatException e) {
				// reported as a missing year below
			}
			StoryService.StoryView s = stories.submit(orgId, new StoryService.StoryInput(y, form.get("title"),
					form.get("text"), form.get("secretaryComment")));
			redirect.addFlashAttribute("flash", "已提交故事《" + s.title() + "》");
		}
		catch (InvalidInputException | RuleViolationException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		return "redirect:/publicity/stories?organizationId=" + orgId;
	}

	@PostMapping("/publicity/stories/{id}/advance")
	String advance(@PathVariable String id, @RequestParam String to, @RequestParam(required = false) String back,
			RedirectAttributes redirect) {
		long storyId = Ids.parse(id, "故事");
		try {
			StoryService.StoryView s = "SELECTED".equals(to) ? stories.select(storyId) : stories.compile(storyId);
			redirect.addFlashAttribute("flash", "《" + s.title() + "》" + s.statusLabel());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", problem(e));
		}
		String target = back != null && back.matches("\\d{1,19}") ? back : stories.get(storyId).organizationId();
		return "redirect:/publicity/stories?organizationId=" + target;
	}
}
