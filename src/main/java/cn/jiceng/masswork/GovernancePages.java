package cn.jiceng.masswork;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
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

/**
 * Village "135" pages: the yearly view of a village (its bodies, the five systems, commitments, duty roster and
 * weekly meetings, with their forms), the township table of villages × the five systems, and a branch's members'
 * public commitments and model posts.
 */
@Controller
class GovernancePages {

	private final GovernanceService governance;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final OrganizationTree tree;
	private final DataScope scope;
	private final Clock clock;

	GovernancePages(GovernanceService governance, OrganizationService organizations, OrgNavigation navigation,
			OrganizationTree tree, DataScope scope, Clock clock) {
		this.governance = governance;
		this.organizations = organizations;
		this.navigation = navigation;
		this.tree = tree;
		this.scope = scope;
		this.clock = clock;
	}

	@GetMapping("/masswork/governance")
	String governance(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("org", org);
		model.addAttribute("year", y);
		List<Integer> years = new ArrayList<>();
		for (int i = 0; i < 5; i++) {
			years.add(LocalDate.now(clock).getYear() - i);
		}
		model.addAttribute("years", years);
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAllAttributes(tree.model(orgId, "governance"));
		model.addAttribute("systemLabels", GovernanceService.SYSTEM_LABELS);
		model.addAttribute("bodyKinds", VillageBodyKind.values());
		if (!Villages.isVillage(org)) {
			model.addAttribute("rows", governance.villages(orgId, y));
			model.addAttribute("systems", GovernanceService.SYSTEMS);
			// short column heads so the table fits a phone; the full names are in each head's title
			model.addAttribute("systemShort", java.util.Map.of("COMMITMENTS", "承诺", "DUTY_AND_WEEKLY_MEETINGS", "值班例会",
					"SERVICE_AGENCY", "代办", "MEMBER_POINTS", "积分", "FOUR_DELIBERATIONS", "四议"));
			return "masswork/governance-table";
		}
		model.addAttribute("g", governance.governance(orgId, y));
		java.util.Map<String, GovernanceService.Body> byKind = new java.util.HashMap<>();
		governance.bodies(orgId).forEach(b -> byKind.put(b.kind().name(), b));
		model.addAttribute("bodyByKind", byKind);
		model.addAttribute("commitments", governance.commitmentsIn(orgId, y));
		model.addAttribute("rosters", governance.rosters(orgId, y));
		model.addAttribute("meetings", governance.weeklyMeetings(orgId, y));
		model.addAttribute("members", governance.members(orgId));
		model.addAttribute("monday", LocalDate.now(clock).with(DayOfWeek.MONDAY).toString());
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("canWrite", DecisionService.WRITERS.contains(scope.current().caller().role()));
		return "masswork/governance";
	}

	@PostMapping("/masswork/governance/{id}/bodies")
	String body(@PathVariable String id, @RequestParam(required = false) String kind,
			@RequestParam(required = false) String memberNames, RedirectAttributes redirect) {
		long org = Ids.parse(id, "党组织");
		List<String> names = memberNames == null ? List.of() : Arrays.asList(memberNames.split("[、，,\\s]+"));
		return act(org, redirect, "已登记", () -> governance.registerBody(org, new GovernanceService.BodyInput(kind, names)));
	}

	@PostMapping("/masswork/governance/bodies/{id}")
	String changeBody(@PathVariable String id, @RequestParam(required = false) String memberNames,
			@RequestParam(required = false) Integer version, RedirectAttributes redirect) {
		long bodyId = Ids.parse(id, "村级组织");
		List<String> names = memberNames == null ? List.of() : Arrays.asList(memberNames.split("[、，,\\s]+"));
		long org = governance.bodyOrganization(bodyId);
		return act(org, redirect, "已修改成员",
				() -> governance.changeBody(bodyId, new GovernanceService.BodyChange(names, version)));
	}

	@PostMapping("/masswork/governance/{id}/duty-roster")
	String roster(@PathVariable String id, @RequestParam(required = false) String weekOf,
			@RequestParam(required = false) List<String> memberIds, RedirectAttributes redirect) {
		long org = Ids.parse(id, "党组织");
		return act(org, redirect, "已安排值班",
				() -> governance.roster(org, new GovernanceService.RosterInput(weekOf, memberIds)));
	}

	@PostMapping("/masswork/governance/{id}/weekly-meetings")
	String meeting(@PathVariable String id, @RequestParam(required = false) String heldOn,
			@RequestParam(required = false) String topic, @RequestParam(required = false) List<String> attendeeMemberIds,
			RedirectAttributes redirect) {
		long org = Ids.parse(id, "党组织");
		return act(org, redirect, "已记录周例会",
				() -> governance.weeklyMeeting(org, new GovernanceService.MeetingInput(heldOn, topic, attendeeMemberIds)));
	}

	// ---- a branch's commitments ----

	@GetMapping("/masswork/commitments")
	String commitments(@RequestParam(required = false) String organizationId, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(organizationId);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		int y = year == null || year < 2000 || year > 2100 ? LocalDate.now(clock).getYear() : year;
		model.addAttribute("org", org);
		model.addAttribute("year", y);
		model.addAttribute("commitments", governance.commitmentsIn(orgId, y));
		model.addAttribute("members", governance.members(orgId));
		model.addAttribute("posts", CommitmentPost.values());
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("canWrite", DecisionService.WRITERS.contains(scope.current().caller().role()));
		return "masswork/commitments";
	}

	@PostMapping("/masswork/commitments")
	String commit(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String memberId,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String text,
			@RequestParam(required = false) String post, RedirectAttributes redirect) {
		try {
			if (memberId == null || memberId.isBlank()) {
				throw InvalidInputException.of("memberId", "请选择党员");
			}
			governance.commit(Ids.parse(memberId, "党员"), new GovernanceService.CommitmentInput(year, text,
					post == null || post.isBlank() ? null : post));
			redirect.addFlashAttribute("flash", "已登记承诺");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/masswork/commitments?organizationId=" + Ids.parse(organizationId, "党组织") + "&year="
				+ (year == null ? LocalDate.now(clock).getYear() : year);
	}

	private String act(long org, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.errors().isEmpty() ? e.getMessage() : e.errors().get(0).message());
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/masswork/governance?organizationId=" + org;
	}
}
