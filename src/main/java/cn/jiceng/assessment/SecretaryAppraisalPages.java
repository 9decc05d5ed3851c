package cn.jiceng.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
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
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page of the secretary year-end appraisal (述职评议): the organizations directly below the caller's own with a
 * score field each, the results of a subtree with red flags and yellow cards, finalization, the Excel export and
 * the interviews of the year to record.
 */
@Controller
class SecretaryAppraisalPages {

	private final SecretaryAppraisalService appraisals;
	private final InterviewService interviews;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final RuleSettingsService settings;
	private final Clock clock;

	SecretaryAppraisalPages(SecretaryAppraisalService appraisals, InterviewService interviews,
			OrganizationService organizations, OrgNavigation navigation, DataScope scope, RuleSettingsService settings,
			Clock clock) {
		this.appraisals = appraisals;
		this.interviews = interviews;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.settings = settings;
		this.clock = clock;
	}

	@GetMapping("/assessment/secretary-appraisals")
	String page(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = appraisals.year(year);
		boolean appraiser = SecretaryAppraisalService.APPRAISERS.contains(scope.current().caller().role());
		SecretaryAppraisalService.Listing listing = appraisals.list(orgId, y);
		model.addAttribute("listing", listing);
		model.addAttribute("candidates", appraiser ? appraisals.candidates(y) : List.of());
		model.addAttribute("appraiser", appraiser);
		model.addAttribute("open", listing.items().stream().filter(i -> !i.finalized()).count());
		model.addAttribute("interviews", interviews.ofSubtree(orgId, y).stream()
			.filter(v -> v.source() == InterviewSource.SECRETARY_APPRAISAL)
			.toList());
		model.addAttribute("year", y);
		RuleSettings rules = settings.forCountyYear(scope.current().caller().countyId(), y);
		model.addAttribute("goodAt", rules.get(RuleCatalog.SECRETARY_APPRAISAL_GOOD_AT));
		model.addAttribute("fairlyGoodAt", rules.get(RuleCatalog.SECRETARY_APPRAISAL_FAIRLY_GOOD_AT));
		model.addAttribute("averageAt", rules.get(RuleCatalog.SECRETARY_APPRAISAL_AVERAGE_AT));
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int k = current; k >= current - 4; k--) {
			years.add(k);
		}
		model.addAttribute("years", years);
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
		return "assessment/secretary-appraisals";
	}

	@PostMapping("/assessment/secretary-appraisals/score")
	String score(@RequestParam Map<String, String> form, RedirectAttributes redirect) {
		int year = appraisals.year(parse(form.get("year")));
		String org = form.get("organizationId");
		try {
			SecretaryAppraisalService.AppraisalView v = appraisals.put(Ids.parse(org, "党组织"), year,
					new SecretaryAppraisalService.ScoreInput(form.get("score"), InspectionPages.version(form)));
			redirect.addFlashAttribute("flash", "已保存：" + v.secretaryName() + " " + v.score() + " 分，" + v.gradeLabel());
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem",
					e.errors().stream().map(FieldProblem::message).collect(Collectors.joining("；")));
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/secretary-appraisals?year=" + year;
	}

	@PostMapping("/assessment/secretary-appraisals/finalize")
	String finalizeYear(@RequestParam String org, @RequestParam Integer year, RedirectAttributes redirect) {
		try {
			SecretaryAppraisalService.Listing l = appraisals.finalize(Ids.parse(org, "党组织"), year);
			long cards = l.items().stream().filter(i -> i.award() == AppraisalAward.YELLOW_CARD).count();
			long flags = l.items().stream().filter(i -> i.award() == AppraisalAward.RED_FLAG).count();
			redirect.addFlashAttribute("flash",
					"已定稿 " + l.finalized() + " 个：流动红旗 " + flags + " 面，黄牌 " + cards + " 张（已安排约谈）");
		}
		catch (ConflictException | ForbiddenException | RuleViolationException | InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/secretary-appraisals?org=" + org + "&year=" + year;
	}

	private static Integer parse(String s) {
		try {
			return s == null ? null : Integer.valueOf(s.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
