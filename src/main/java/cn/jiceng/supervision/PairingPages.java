package cn.jiceng.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.MemberRoll;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of pairing and micro-wishes (携手联心), phone width first: a subtree's pairings with the year's counts and
 * verdict (a table by sub-organization above a paged list, Excel), a new pairing for an agency branch, and one
 * pairing with its wishes to post, claim and complete, its services and its difficulties solved.
 */
@Controller
class PairingPages {

	private final PairingService pairings;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final MemberRoll roll;
	private final JdbcClient jdbc;
	private final RuleSettingsService settings;
	private final Clock clock;

	PairingPages(PairingService pairings, OrganizationService organizations, OrgNavigation navigation, DataScope scope,
			MemberRoll roll, JdbcClient jdbc, RuleSettingsService settings, Clock clock) {
		this.pairings = pairings;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.roll = roll;
		this.jdbc = jdbc;
		this.settings = settings;
		this.clock = clock;
	}

	/** One line of the table by sub-organization. */
	record ChildRow(String id, String name, int pairings, int compliant, int nonCompliant, int services, int wishes,
			int difficulties) {
	}

	private int yearOr(Integer year) {
		return year == null ? LocalDate.now(clock).getYear() : year;
	}

	private List<Integer> years() {
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current; y >= current - 4; y--) {
			years.add(y);
		}
		return years;
	}

	@GetMapping("/supervision/pairings")
	String list(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		fillList(model, orgId, yearOr(year), page, Map.of(), Map.of());
		return "supervision/pairings";
	}

	private void fillList(Model model, long orgId, int year, Integer page, Map<String, String> form,
			Map<String, String> errors) {
		List<PairingService.Placed> placed = pairings.placed(orgId, year);
		OrgRef org = organizations.ref(orgId).orElseThrow();
		OrganizationView view = organizations.get(orgId);
		List<OrganizationView> children = organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList();
		// the child a pairing lies under is the next segment of its materialized path
		Map<String, List<PairingService.Item>> byChild = new LinkedHashMap<>();
		for (PairingService.Placed p : placed) {
			String rest = p.path().substring(org.path().length());
			if (!rest.isEmpty()) {
				byChild.computeIfAbsent(rest.substring(0, rest.indexOf('/')), k -> new ArrayList<>()).add(p.item());
			}
		}
		List<ChildRow> rows = new ArrayList<>();
		for (OrganizationView c : children) {
			List<PairingService.Item> mine = byChild.getOrDefault(c.id(), List.of());
			if (!mine.isEmpty()) {
				rows.add(row(c.id(), c.name(), mine));
			}
		}
		List<PairingService.Item> items = placed.stream().map(PairingService.Placed::item).toList();
		model.addAttribute("total", row(Long.toString(orgId), org.name(), items));
		model.addAttribute("rows", rows);
		model.addAttribute("result", Lists.page(items, page, 20));
		model.addAttribute("year", year);
		model.addAttribute("years", years());
		model.addAttribute("rule", PairingService.rule(settings.forCountyYear(org.countyId(), year)));
		model.addAttribute("ended", LocalDate.now(clock).isAfter(LocalDate.of(year, 12, 31)));
		model.addAttribute("org", view);
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", children);
		model.addAttribute("canPair", PairingService.WRITERS.contains(scope.current().caller().role())
				&& PairingPolicy.pairingRefusal(org.kind(), org.field()) == null);
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(clock).toString());
	}

	private static ChildRow row(String id, String name, List<PairingService.Item> items) {
		int compliant = 0;
		int non = 0;
		int services = 0;
		int wishes = 0;
		int difficulties = 0;
		for (PairingService.Item i : items) {
			compliant += Boolean.TRUE.equals(i.compliant()) ? 1 : 0;
			non += Boolean.FALSE.equals(i.compliant()) ? 1 : 0;
			services += i.services();
			wishes += i.wishesCompleted().values().stream().mapToInt(Integer::intValue).sum();
			difficulties += i.difficultiesSolved();
		}
		return new ChildRow(id, name, items.size(), compliant, non, services, wishes, difficulties);
	}

	@PostMapping("/supervision/pairings")
	String pair(@RequestParam String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		try {
			PairingService.PairingView v = pairings.pair(orgId,
					new PairingService.PairingInput(form.get("siteName"), form.get("startedOn")));
			redirect.addFlashAttribute("flash", "已与“" + v.siteName() + "”结对");
			return "redirect:/supervision/pairings/" + v.id();
		}
		catch (InvalidInputException e) {
			fillList(model, orgId, LocalDate.now(clock).getYear(), 0, form, errors(e.errors()));
			model.addAttribute("problem", e.getMessage());
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			fillList(model, orgId, LocalDate.now(clock).getYear(), 0, form, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "supervision/pairings";
	}

	@GetMapping("/supervision/pairings.xlsx")
	ResponseEntity<byte[]> excel(@RequestParam(required = false) String org,
			@RequestParam(required = false) Integer year) {
		long orgId = navigation.chosenOrOwn(org);
		int y = yearOr(year);
		List<List<Object>> rows = new ArrayList<>();
		for (PairingService.Placed p : pairings.placed(orgId, y)) {
			PairingService.Item i = p.item();
			List<Object> row = new ArrayList<>(List.of(i.name(), i.siteName(), i.startedOn().toString(), i.services()));
			PairingPolicy.QUARTERS.forEach(q -> row.add(i.wishesCompleted().get(q)));
			row.add(i.difficultiesSolved());
			row.add(verdict(i.compliant()));
			row.add(String.join("；", i.shortfalls()));
			rows.add(row);
		}
		String name = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("携手联心-" + name + "-" + y + ".xlsx", y + "年携手联心", List.of("机关党支部", "服务站点",
				"结对日期", "服务次数", "一季度微心愿", "二季度微心愿", "三季度微心愿", "四季度微心愿", "解决困难", "年度结果", "差距"),
				rows);
	}

	static String verdict(Boolean compliant) {
		return compliant == null ? "年度进行中" : compliant ? "达标" : "未达标";
	}

	// ---- one pairing ----------------------------------------------------------------------------------------

	@GetMapping("/supervision/pairings/{id}")
	String pairing(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
		fillPairing(model, Ids.parse(id, "结对关系"), year, Map.of());
		return "supervision/pairing";
	}

	private void fillPairing(Model model, long id, Integer year, Map<String, String> errors) {
		PairingService.Detail d = pairings.detail(id, year);
		model.addAttribute("d", d);
		model.addAttribute("p", d.year());
		model.addAttribute("year", yearOr(year));
		model.addAttribute("years", years());
		model.addAttribute("verdict", verdict(d.year().compliant()));
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("posted", d.wishes().stream().filter(w -> w.status() == WishStatus.POSTED).toList());
		model.addAttribute("claimed", d.wishes().stream().filter(w -> w.status() == WishStatus.CLAIMED).toList());
		model.addAttribute("completed", d.wishes().stream().filter(w -> w.status() == WishStatus.COMPLETED).toList());
		model.addAttribute("members", d.canWrite() ? members(Long.parseLong(d.pairing().organizationId())) : List.of());
	}

	record MemberOption(String id, String name) {
	}

	/** The branch's members on the roll, those a secretary names as claimants on the page. */
	private List<MemberOption> members(long branchId) {
		return jdbc.sql("SELECT id, name FROM member WHERE organization_id = :o AND " + roll.sqlOnRoll("status")
				+ " ORDER BY name, id")
			.param("o", branchId)
			.query((rs, i) -> new MemberOption(rs.getString(1), rs.getString(2)))
			.list();
	}

	@PostMapping("/supervision/pairings/{id}/services")
	String service(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long pairingId = Ids.parse(id, "结对关系");
		return act(pairingId, model, redirect, "服务已记录", () -> pairings.activity(pairingId,
				PairingActivityKind.SERVICE, new PairingService.ActivityInput(form.get("on"), form.get("content"))));
	}

	@PostMapping("/supervision/pairings/{id}/difficulties")
	String difficulty(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long pairingId = Ids.parse(id, "结对关系");
		return act(pairingId, model, redirect, "解决困难已记录", () -> pairings.activity(pairingId,
				PairingActivityKind.DIFFICULTY, new PairingService.ActivityInput(form.get("on"), form.get("content"))));
	}

	@PostMapping("/supervision/pairings/{id}/wishes")
	String wish(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long pairingId = Ids.parse(id, "结对关系");
		return act(pairingId, model, redirect, "微心愿已发布，等待党员认领", () -> pairings.post(pairingId,
				new PairingService.WishInput(form.get("postedOn"), form.get("content"))));
	}

	@PostMapping("/supervision/wishes/{id}/claim")
	String claim(@PathVariable String id, @RequestParam String pairing, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		long wishId = Ids.parse(id, "微心愿");
		return act(Ids.parse(pairing, "结对关系"), model, redirect, "微心愿已认领", () -> pairings.claim(wishId,
				new PairingService.ClaimInput(form.get("memberId"), form.get("on"))));
	}

	@PostMapping("/supervision/wishes/{id}/complete")
	String complete(@PathVariable String id, @RequestParam String pairing, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		long wishId = Ids.parse(id, "微心愿");
		return act(Ids.parse(pairing, "结对关系"), model, redirect, "微心愿已完成",
				() -> pairings.complete(wishId, new PairingService.CompleteInput(form.get("on"))));
	}

	private String act(long pairingId, Model model, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
			return "redirect:/supervision/pairings/" + pairingId;
		}
		catch (InvalidInputException e) {
			fillPairing(model, pairingId, null, errors(e.errors()));
			model.addAttribute("problem", e.errors().isEmpty() ? e.getMessage()
					: String.join("；", e.errors().stream().map(FieldProblem::message).distinct().toList()));
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			fillPairing(model, pairingId, null, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "supervision/pairing";
	}

	private static Map<String, String> errors(List<FieldProblem> problems) {
		Map<String, String> m = new LinkedHashMap<>();
		problems.forEach(p -> m.merge(p.field(), p.message(), (a, b) -> a + "；" + b));
		return m;
	}

	// ---- a member's own wishes (携手联心 from the member's side) -------------------------------------------------

	/** A wish of the member's branch's pairings: open to claim, or claimed by this member. */
	record MyWish(String id, String site, String content, LocalDate postedOn, WishStatus status, LocalDate claimedOn,
			LocalDate completedOn) {
	}

	@GetMapping("/supervision/my-wishes")
	String myWishes(Model model) {
		Long me = scope.current().caller().memberId();
		if (me == null) {
			throw new ForbiddenException("只有绑定党员的账号才能认领微心愿");
		}
		List<MyWish> wishes = jdbc.sql("""
				SELECT w.id, p.site_name, w.content, w.posted_on, w.status, w.claimed_on, w.completed_on
				FROM micro_wish w JOIN pairing p ON p.id = w.pairing_id
				WHERE p.organization_id = (SELECT organization_id FROM member WHERE id = :me)
				  AND (w.status = 'POSTED' OR w.member_id = :me)
				ORDER BY w.status = 'COMPLETED', w.posted_on DESC, w.id DESC LIMIT 200""")
			.param("me", me)
			.query((rs, i) -> new MyWish(rs.getString(1), rs.getString(2), rs.getString(3),
					rs.getObject(4, LocalDate.class), WishStatus.valueOf(rs.getString(5)),
					rs.getObject(6, LocalDate.class), rs.getObject(7, LocalDate.class)))
			.list();
		model.addAttribute("open", wishes.stream().filter(w -> w.status() == WishStatus.POSTED).toList());
		model.addAttribute("mine", wishes.stream().filter(w -> w.status() == WishStatus.CLAIMED).toList());
		model.addAttribute("done", wishes.stream().filter(w -> w.status() == WishStatus.COMPLETED).limit(20).toList());
		return "supervision/my-wishes";
	}

	@PostMapping("/supervision/my-wishes/{id}/claim")
	String claimMine(@PathVariable String id, RedirectAttributes redirect) {
		long wishId = Ids.parse(id, "微心愿");
		Long me = scope.current().caller().memberId();
		return mine(redirect, "已认领，完成后请点“标记完成”", () -> pairings.claim(wishId,
				new PairingService.ClaimInput(me == null ? null : me.toString(), LocalDate.now(clock).toString())));
	}

	@PostMapping("/supervision/my-wishes/{id}/complete")
	String completeMine(@PathVariable String id, RedirectAttributes redirect) {
		long wishId = Ids.parse(id, "微心愿");
		return mine(redirect, "已标记完成，谢谢您的付出",
				() -> pairings.complete(wishId, new PairingService.CompleteInput(LocalDate.now(clock).toString())));
	}

	private String mine(RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem", e.errors().isEmpty() ? e.getMessage()
					: String.join("；", e.errors().stream().map(FieldProblem::message).distinct().toList()));
		}
		catch (ConflictException | ForbiddenException | RuleViolationException | NotFoundException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/supervision/my-wishes";
	}
}
