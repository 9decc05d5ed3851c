package cn.jiceng.assessment;

import java.math.BigDecimal;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The pages of inspection rankings (通报排名): the rounds of a year, a new round, the score table (targets × items)
 * with publication, and the ranking with the bulletin, the Excel export and the interviews to record.
 */
@Controller
class InspectionPages {

	/** Rows of the item editor on the new-round form. */
	static final int ITEM_ROWS = 6;

	private final InspectionService inspections;
	private final InterviewService interviews;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final Clock clock;

	InspectionPages(InspectionService inspections, InterviewService interviews, OrgNavigation navigation,
			DataScope scope, Clock clock) {
		this.inspections = inspections;
		this.interviews = interviews;
		this.navigation = navigation;
		this.scope = scope;
		this.clock = clock;
	}

	private boolean organizer() {
		return InspectionService.ORGANIZERS.contains(scope.current().caller().role());
	}

	@GetMapping("/assessment/inspections")
	String list(@RequestParam(required = false) Integer year, Model model) {
		int current = LocalDate.now(clock).getYear();
		int y = year == null ? current : year;
		model.addAttribute("rounds", inspections.list(y));
		model.addAttribute("year", y);
		List<Integer> years = new ArrayList<>();
		for (int k = current; k >= current - 4; k--) {
			years.add(k);
		}
		model.addAttribute("years", years);
		model.addAttribute("canCreate", organizer());
		return "assessment/inspections";
	}

	// ---- a new round ----

	public record ItemRow(String name, String points) {
	}

	@GetMapping("/assessment/inspections/new")
	String newRound(@RequestParam(required = false) String kind, Model model) {
		InspectionKind k = kind == null ? InspectionKind.FREQUENT : FormInput.enumOrNull(InspectionKind.class, kind);
		fillNew(model, k == null ? InspectionKind.FREQUENT : k, Map.of("heldOn", LocalDate.now(clock).toString()),
				List.of(new ItemRow("基础工作", "40"), new ItemRow("重点任务", "40"), new ItemRow("特色亮点", "20")), List.of(),
				Map.of(), null);
		return "assessment/inspection-new";
	}

	@PostMapping("/assessment/inspections/new")
	String create(@RequestParam Map<String, String> form,
			@RequestParam(name = "organizationIds", required = false) List<String> targets,
			@RequestParam(name = "itemName", required = false) List<String> names,
			@RequestParam(name = "itemPoints", required = false) List<String> points, Model model,
			RedirectAttributes redirect) {
		List<ItemRow> rows = new ArrayList<>();
		List<InspectionService.ItemInput> items = new ArrayList<>();
		int n = names == null ? 0 : names.size();
		for (int k = 0; k < n; k++) {
			String name = names.get(k);
			String p = points == null || k >= points.size() ? null : points.get(k);
			if ((name == null || name.isBlank()) && (p == null || p.isBlank())) {
				continue;
			}
			rows.add(new ItemRow(name, p));
			items.add(new InspectionService.ItemInput("I" + (rows.size()), name, p));
		}
		InspectionKind kind = FormInput.enumOrNull(InspectionKind.class, form.get("kind"));
		try {
			InspectionService.RoundView v = inspections.create(new InspectionService.RoundInput(form.get("name"),
					form.get("kind"), form.get("heldOn"), targets == null ? List.of() : targets, items));
			redirect.addFlashAttribute("flash", "赛事已创建，请逐项录入得分");
			return "redirect:/assessment/inspections/" + v.id();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				String key = p.field().startsWith("organizationIds") ? "organizationIds"
						: p.field().startsWith("items") ? "items" : p.field();
				errors.merge(key, p.message(), (a, b) -> a + "；" + b);
			}
			fillNew(model, kind == null ? InspectionKind.FREQUENT : kind, form, rows, targets, errors, e.getMessage());
		}
		catch (ForbiddenException | NotFoundException e) {
			fillNew(model, kind == null ? InspectionKind.FREQUENT : kind, form, rows, targets, Map.of(), e.getMessage());
		}
		return "assessment/inspection-new";
	}

	private void fillNew(Model model, InspectionKind kind, Map<String, String> form, List<ItemRow> rows,
			List<String> chosen, Map<String, String> errors, String problem) {
		if (!organizer()) {
			throw new ForbiddenException("只有县委组织部和乡镇党委可以组织通报排名赛事");
		}
		List<OrgKind> kinds = Arrays.stream(OrgKind.values()).filter(kind::accepts).toList();
		String own = Long.toString(scope.current().caller().organizationId());
		List<OrgNavigation.OrgOption> options = navigation.optionsInScope(kinds, null).stream()
			.filter(o -> !o.id().equals(own))
			.toList();
		List<ItemRow> shown = new ArrayList<>(rows);
		while (shown.size() < ITEM_ROWS) {
			shown.add(new ItemRow("", ""));
		}
		model.addAttribute("kind", kind);
		model.addAttribute("kinds", InspectionKind.values());
		model.addAttribute("options", options);
		model.addAttribute("chosen", chosen == null ? List.of() : chosen);
		model.addAttribute("form", form);
		model.addAttribute("rows", shown);
		model.addAttribute("errors", errors);
		model.addAttribute("problem", problem);
	}

	// ---- the score table ----

	@GetMapping("/assessment/inspections/{id}")
	String show(@PathVariable String id, Model model) {
		fillTable(model, inspections.get(Ids.parse(id, "赛事")), Map.of(), Map.of());
		return "assessment/inspection";
	}

	@PostMapping("/assessment/inspections/{id}/scores")
	String scores(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long roundId = Ids.parse(id, "赛事");
		InspectionService.RoundView round = inspections.get(roundId);
		List<InspectionService.ScoreInput> cells = new ArrayList<>();
		for (InspectionService.TargetView t : round.targets()) {
			for (InspectionService.ItemView i : round.items()) {
				String v = form.get("cell." + t.organizationId() + "." + i.code());
				if (v != null && !v.isBlank()) {
					cells.add(new InspectionService.ScoreInput(t.organizationId(), i.code(), v.trim()));
				}
			}
		}
		try {
			inspections.putScores(roundId, new InspectionService.ScoresInput(cells, version(form)));
			redirect.addFlashAttribute("flash", "得分已保存（" + cells.size() + " 项）");
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			for (FieldProblem p : e.errors()) {
				int k = index(p.field());
				String key = k >= 0 && k < cells.size() ? cells.get(k).organizationId() + "." + cells.get(k).itemCode()
						: p.field();
				errors.merge(key, p.message(), (a, b) -> a + "；" + b);
			}
			fillTable(model, round, form, errors);
			model.addAttribute("problem", String.join("；", errors.values()));
			return "assessment/inspection";
		}
		catch (ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/inspections/" + roundId;
	}

	private static int index(String field) {
		int open = field.indexOf('[');
		int close = field.indexOf(']');
		if (open < 0 || close < open) {
			return -1;
		}
		try {
			return Integer.parseInt(field.substring(open + 1, close));
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

	@PostMapping("/assessment/inspections/{id}/publish")
	String publish(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long roundId = Ids.parse(id, "赛事");
		try {
			InspectionService.Ranking r = inspections.publish(roundId, version(form));
			redirect.addFlashAttribute("flash", "排名已发布，安排约谈 " + r.interviews().size() + " 人");
			return "redirect:/assessment/inspections/" + roundId + "/ranking";
		}
		catch (ConflictException | ForbiddenException | RuleViolationException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:/assessment/inspections/" + roundId;
	}

	private void fillTable(Model model, InspectionService.RoundView round, Map<String, String> form,
			Map<String, String> errors) {
		Map<String, String> values = new LinkedHashMap<>();
		for (InspectionService.CellView c : round.scores()) {
			values.put(c.organizationId() + "." + c.itemCode(), c.points().stripTrailingZeros().toPlainString());
		}
		form.forEach((k, v) -> {
			if (k.startsWith("cell.")) {
				values.put(k.substring("cell.".length()), v);
			}
		});
		Map<String, String> totals = new LinkedHashMap<>();
		for (InspectionService.TargetView t : round.targets()) {
			BigDecimal sum = BigDecimal.ZERO;
			for (InspectionService.CellView c : round.scores()) {
				if (c.organizationId().equals(t.organizationId())) {
					sum = sum.add(c.points());
				}
			}
			totals.put(t.organizationId(), sum.stripTrailingZeros().toPlainString());
		}
		long filled = round.scores().size();
		model.addAttribute("round", round);
		model.addAttribute("values", values);
		model.addAttribute("totals", totals);
		model.addAttribute("errors", errors);
		model.addAttribute("missing", (long) round.targets().size() * round.items().size() - filled);
		model.addAttribute("maxTotal", round.items().stream().mapToInt(InspectionService.ItemView::points).sum());
	}

	// ---- the ranking ----

	@GetMapping("/assessment/inspections/{id}/ranking")
	String ranking(@PathVariable String id, Model model) {
		InspectionService.Ranking r = inspections.ranking(Ids.parse(id, "赛事"));
		model.addAttribute("r", r);
		model.addAttribute("canRecord", InterviewService.RECORDERS.contains(scope.current().caller().role()));
		model.addAttribute("today", LocalDate.now(clock).toString());
		return "assessment/inspection-ranking";
	}

	@PostMapping("/assessment/interviews/{id}/held")
	String held(@PathVariable String id, @RequestParam Map<String, String> form, RedirectAttributes redirect) {
		long interviewId = Ids.parse(id, "约谈");
		String back = form.getOrDefault("back", "/assessment/inspections");
		if (!back.startsWith("/assessment/")) {
			back = "/assessment/inspections";
		}
		try {
			InterviewService.InterviewView v = interviews.held(interviewId,
					new InterviewService.HeldInput(form.get("heldOn"), form.get("notes"), version(form)));
			redirect.addFlashAttribute("flash", "已记录对" + v.name() + "的约谈");
		}
		catch (InvalidInputException e) {
			redirect.addFlashAttribute("problem",
					e.errors().stream().map(FieldProblem::message).collect(Collectors.joining("；")));
		}
		catch (ConflictException | ForbiddenException e) {
			redirect.addFlashAttribute("problem", e.getMessage());
		}
		return "redirect:" + back;
	}

	static Integer version(Map<String, String> form) {
		try {
			return form.get("version") == null || form.get("version").isBlank() ? null
					: Integer.valueOf(form.get("version"));
		}
		catch (NumberFormatException e) {
			return null;
		}
	}
}
