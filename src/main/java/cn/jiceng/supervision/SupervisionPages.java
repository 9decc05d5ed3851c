package cn.jiceng.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of responsibility and supervision: the problem list of a subtree (overdue first, filters), issuing a
 * rectification notice, one problem walked through issue → rectify (with evidence) → verify with its follow-ups,
 * and the three lists of a subtree with each list's items and progress.
 */
@Controller
class SupervisionPages {

	private static final int NOTICE_ROWS = 5;
	private static final int LIST_ROWS = 6;

	private final ProblemService problems;
	private final DutyListService duties;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;

	SupervisionPages(ProblemService problems, DutyListService duties, OrganizationService organizations,
			OrgNavigation navigation, DataScope scope, Clock clock) {
		this.problems = problems;
		this.duties = duties;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
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

	private static Map<String, String> errors(InvalidInputException e) {
		Map<String, String> errors = new LinkedHashMap<>();
		for (FieldProblem p : e.errors()) {
			errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
		}
		return errors;
	}

	private static String message(RuntimeException e) {
		if (e instanceof InvalidInputException invalid && !invalid.errors().isEmpty()) {
			return invalid.errors().stream().map(FieldProblem::message).distinct().reduce((a, b) -> a + "；" + b)
				.orElse(e.getMessage());
		}
		return e.getMessage();
	}

	// ---- problems -------------------------------------------------------------------------------------------

	@GetMapping("/supervision/problems")
	String problemList(@RequestParam(required = false) String org, @RequestParam(required = false) String status,
			@RequestParam(required = false) String overdue, @RequestParam(required = false) Integer page,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		String s = status == null || status.isBlank() ? null : status;
		String o = "true".equals(overdue) ? "true" : null;
		PageResult<ProblemService.ProblemView> result = problems.list(orgId, s, o, PageRequest.of(page, 20));
		model.addAttribute("result", result);
		model.addAttribute("status", s == null ? "" : s);
		model.addAttribute("overdue", o != null);
		model.addAttribute("statuses", ProblemStatus.values());
		model.addAttribute("canIssue", ProblemService.ISSUERS.contains(scope.current().caller().role()));
		picker(model, orgId);
		return "supervision/problems";
	}

	@GetMapping("/supervision/notices/new")
	String newNotice(Model model) {
		scope.requireWriter(ProblemService.ISSUERS);
		fillNotice(model, Map.of(), Map.of(), null);
		return "supervision/notice-new";
	}

	@PostMapping("/supervision/notices/new")
	String issue(@RequestParam Map<String, String> form, Model model, RedirectAttributes redirect) {
		List<ProblemService.ProblemInput> rows = new ArrayList<>();
		for (int k = 0; k < NOTICE_ROWS; k++) {
			String orgId = form.get("org" + k);
			String description = form.get("description" + k);
			String dueOn = form.get("dueOn" + k);
			if (isBlank(orgId) && isBlank(description) && isBlank(dueOn)) {
				continue;
			}
			rows.add(new ProblemService.ProblemInput(orgId, description, dueOn));
		}
		try {
			ProblemService.NoticeView notice = problems.issue(new ProblemService.NoticeInput(form.get("title"),
					form.get("issuedOn"), rows));
			redirect.addFlashAttribute("flash", "整改通知已下发，交办问题 " + notice.problems().size() + " 个");
			return "redirect:/supervision/problems";
		}
		catch (InvalidInputException e) {
			fillNotice(model, form, errors(e), message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			fillNotice(model, form, Map.of(), e.getMessage());
		}
		return "supervision/notice-new";
	}

	private static boolean isBlank(String s) {
		return s == null || s.isBlank();
	}

	private void fillNotice(Model model, Map<String, String> form, Map<String, String> errors, String problem) {
		String own = Long.toString(scope.current().caller().organizationId());
		model.addAttribute("targets", navigation.optionsInScope(List.of(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH,
				OrgKind.BRANCH), null).stream().filter(o -> !o.id().equals(own)).toList());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, NOTICE_ROWS).boxed().toList());
		model.addAttribute("today", LocalDate.now(clock).toString());
	}

	@GetMapping("/supervision/problems/{id}")
	String problem(@PathVariable String id, Model model) {
		fillProblem(model, Ids.parse(id, "交办问题"), Map.of());
		return "supervision/problem";
	}

	private void fillProblem(Model model, long id, Map<String, String> errors) {
		ProblemService.ProblemDetail d = problems.detail(id);
		model.addAttribute("d", d);
		model.addAttribute("p", d.problem());
		model.addAttribute("errors", errors);
		model.addAttribute("kinds", FollowUpKind.values());
		model.addAttribute("today", LocalDate.now(clock).toString());
		model.addAttribute("canUpload", (d.canRectify() || d.canFollowUp())
				&& d.problem().status() != ProblemStatus.CLOSED);
	}

	@PostMapping("/supervision/problems/{id}/files")
	String uploadProblemFile(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file,
			RedirectAttributes redirect) {
		long problemId = Ids.parse(id, "交办问题");
		uploadInto(redirect, file, (name, size, in) -> problems.upload(problemId, name, size, in));
		return "redirect:/supervision/problems/" + problemId;
	}

	@PostMapping("/supervision/problems/{id}/rectified")
	String rectified(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long problemId = Ids.parse(id, "交办问题");
		return act(problemId, model, redirect, "已报告整改，等待交办方验收", () -> problems.rectified(problemId,
				new ProblemService.RectifyInput(form.get("on"), form.get("note"), version(form))));
	}

	@PostMapping("/supervision/problems/{id}/verify")
	String verify(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long problemId = Ids.parse(id, "交办问题");
		String verdict = form.get("accepted");
		Boolean accepted = "true".equals(verdict) ? Boolean.TRUE : "false".equals(verdict) ? Boolean.FALSE : null;
		return act(problemId, model, redirect, Boolean.TRUE.equals(accepted) ? "验收通过，问题已销号" : "验收未通过，已退回重新整改",
				() -> problems.verify(problemId, new ProblemService.VerifyInput(accepted, form.get("note"),
						version(form))));
	}

	@PostMapping("/supervision/problems/{id}/follow-ups")
	String followUp(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long problemId = Ids.parse(id, "交办问题");
		return act(problemId, model, redirect, "跟踪记录已保存", () -> problems.followUp(problemId,
				new ProblemService.FollowUpInput(form.get("on"), form.get("kind"), form.get("note"))));
	}

	private static Integer version(Map<String, String> form) {
		try {
			return form.get("version") == null ? null : Integer.valueOf(form.get("version"));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private String act(long problemId, Model model, RedirectAttributes redirect, String done, Runnable action) {
		try {
			action.run();
			redirect.addFlashAttribute("flash", done);
			return "redirect:/supervision/problems/" + problemId;
		}
		catch (InvalidInputException e) {
			fillProblem(model, problemId, errors(e));
			model.addAttribute("problem", message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			fillProblem(model, problemId, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "supervision/problem";
	}

	interface Upload {

		Object store(String name, long size, InputStream in);
	}

	private static void uploadInto(RedirectAttributes redirect, MultipartFile file, Upload upload) {
		if (file == null || file.isEmpty()) {
			redirect.addFlashAttribute("problem", "请选择要上传的文件");
			return;
		}
		try (InputStream in = file.getInputStream()) {
			upload.store(file.getOriginalFilename(), file.getSize(), in);
			redirect.addFlashAttribute("flash", "已上传：" + file.getOriginalFilename());
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (EvidenceFiles.UnsupportedFileTypeException | EvidenceFiles.FileTooLargeException
				| InvalidInputException | ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", message(e));
		}
	}

	// ---- three lists ----------------------------------------------------------------------------------------

	private List<Integer> years() {
		int current = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = current + 1; y >= current - 3; y--) {
			years.add(y);
		}
		return years;
	}

	@GetMapping("/supervision/duty-lists")
	String dutyLists(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		DutyListService.Summaries summaries = duties.summaries(orgId, y);
		model.addAttribute("lists", summaries.items());
		int total = summaries.items().stream().mapToInt(DutyListService.Summary::total).sum();
		int done = summaries.items().stream().mapToInt(DutyListService.Summary::done).sum();
		int overdue = summaries.items().stream().mapToInt(DutyListService.Summary::overdue).sum();
		model.addAttribute("total", total);
		model.addAttribute("done", done);
		model.addAttribute("overdueCount", overdue);
		model.addAttribute("rate", total == 0 ? "—" : String.format("%.1f%%", done * 100.0 / total));
		model.addAttribute("year", y);
		model.addAttribute("years", years());
		model.addAttribute("canCreate", DutyListService.WRITERS.contains(scope.current().caller().role())
				&& organizations.ref(orgId).map(DutyListService::keepsLists).orElse(false));
		picker(model, orgId);
		return "supervision/duty-lists";
	}

	@GetMapping("/supervision/duty-lists/new")
	String newDutyList(@RequestParam String org, @RequestParam(required = false) Integer year, Model model) {
		long orgId = Ids.parse(org, "党组织");
		scope.requireOrganization(orgId);
		fillNewList(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, Map.of(), Map.of(), null);
		return "supervision/duty-list-new";
	}

	@PostMapping("/supervision/duty-lists/new")
	String createDutyList(@RequestParam String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long orgId = Ids.parse(org, "党组织");
		Integer year = null;
		try {
			year = Integer.valueOf(form.getOrDefault("year", ""));
		}
		catch (NumberFormatException e) {
			// the service names the field
		}
		List<DutyListService.ItemInput> items = new ArrayList<>();
		for (int k = 0; k < LIST_ROWS; k++) {
			String title = form.get("title" + k);
			String dueOn = form.get("dueOn" + k);
			if (isBlank(title) && isBlank(dueOn)) {
				continue;
			}
			items.add(new DutyListService.ItemInput(title, dueOn, null));
		}
		try {
			DutyListService.ListView v = duties.create(orgId, new DutyListService.ListInput(year, form.get("kind"),
					items));
			redirect.addFlashAttribute("flash", v.kindLabel() + "已建立，事项 " + v.items().size() + " 项");
			return "redirect:/supervision/duty-lists/" + v.id();
		}
		catch (InvalidInputException e) {
			fillNewList(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, form, errors(e),
					message(e));
		}
		catch (RuleViolationException | ConflictException | ForbiddenException e) {
			fillNewList(model, orgId, year == null ? LocalDate.now(clock).getYear() : year, form, Map.of(),
					e.getMessage());
		}
		return "supervision/duty-list-new";
	}

	private void fillNewList(Model model, long orgId, int year, Map<String, String> form, Map<String, String> errors,
			String problem) {
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("year", year);
		model.addAttribute("kinds", DutyListKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
		model.addAttribute("rows", java.util.stream.IntStream.range(0, LIST_ROWS).boxed().toList());
	}

	@GetMapping("/supervision/duty-lists/{id}")
	String dutyList(@PathVariable String id, Model model) {
		fillList(model, Ids.parse(id, "清单"));
		return "supervision/duty-list";
	}

	private void fillList(Model model, long listId) {
		DutyListService.ListDetail d = duties.detail(listId);
		model.addAttribute("d", d);
		model.addAttribute("l", d.list());
		model.addAttribute("today", LocalDate.now(clock).toString());
		long done = d.list().items().stream().filter(DutyListService.ItemView::done).count();
		int total = d.list().items().size();
		model.addAttribute("doneCount", done);
		model.addAttribute("rate", total == 0 ? "—" : String.format("%.1f%%", done * 100.0 / total));
	}

	@PostMapping("/supervision/duty-items/{id}/progress")
	String progress(@PathVariable String id, @RequestParam String list, @RequestParam Map<String, String> form,
			Model model, RedirectAttributes redirect) {
		long itemId = Ids.parse(id, "清单事项");
		long listId = Ids.parse(list, "清单");
		try {
			duties.progress(itemId, new DutyListService.ProgressInput(form.get("on"), form.get("note"),
					"true".equals(form.get("done"))));
			redirect.addFlashAttribute("flash", "进展已记录");
			return "redirect:/supervision/duty-lists/" + listId;
		}
		catch (InvalidInputException | RuleViolationException | ConflictException | ForbiddenException e) {
			fillList(model, listId);
			model.addAttribute("problem", message(e));
		}
		return "supervision/duty-list";
	}

	@PostMapping("/supervision/duty-items/{id}/files")
	String uploadItemFile(@PathVariable String id, @RequestParam String list,
			@RequestParam(name = "file", required = false) MultipartFile file, RedirectAttributes redirect) {
		long itemId = Ids.parse(id, "清单事项");
		long listId = Ids.parse(list, "清单");
		uploadInto(redirect, file, (name, size, in) -> duties.upload(itemId, name, size, in));
		return "redirect:/supervision/duty-lists/" + listId;
	}
}
