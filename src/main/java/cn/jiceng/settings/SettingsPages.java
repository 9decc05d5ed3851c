package cn.jiceng.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.settings.Setting.ChoiceSetting;
import cn.jiceng.settings.Setting.IntSetting;
import cn.jiceng.settings.Setting.PointsByStatus;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The rule settings of a year: every number with its Chinese name; the county admin edits, others read. */
@Controller
class SettingsPages {

	private final RuleSettingsService settings;
	private final CurrentCaller currentCaller;
	private final Clock clock;

	SettingsPages(RuleSettingsService settings, CurrentCaller currentCaller, Clock clock) {
		this.settings = settings;
		this.currentCaller = currentCaller;
		this.clock = clock;
	}

	public record Sub(String name, String label, String value) {
	}

	/** changedFrom is the default, shown when the county's value differs from it. */
	public record Item(String key, String label, String unit, String kind, String value, List<Sub> parts,
			Map<String, String> choices, Integer min, Integer max, String error, String changedFrom) {
	}

	public record Section(String title, List<Item> items) {
	}

	@GetMapping("/settings")
	String show(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		return page(y, settings.forYear(y), Map.of(), Map.of(), model);
	}

	@PostMapping("/settings")
	String save(@RequestParam(required = false) Integer year, @RequestParam(required = false) String confirm,
			@RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		RuleSettings current = settings.forYear(y);
		Map<String, String> typed = new LinkedHashMap<>();
		form.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> changes = new LinkedHashMap<>();
		for (Setting<?> setting : RuleCatalog.ALL) {
			String key = setting.name();
			Object now = current.get(setting);
			if (setting instanceof PointsByStatus points) {
					Map<String, Object> changed = new LinkedHashMap<>();
					for (String status : points.statuses().keySet()) {
						String raw = typed.get(key + "." + status);
						if (raw == null) {
							continue;
						}
						Integer n = parseInt(raw);
						if (n == null) {
							errors.put(key, points.notAWholeNumber());
						}
						else if (!n.equals(points.pointsOf(current.get(points), status))) {
							changed.put(status, n);
						}
					}
					if (!errors.containsKey(key) && !changed.isEmpty()) {
						changes.put(key, changed);
					}
				}
				else if (setting instanceof IntSetting) {
					String raw = typed.get(key);
					if (raw == null) {
						continue;
					}
					Integer n = parseInt(raw);
					if (n == null) {
						errors.put(key, "请填写整数");
					}
					else if (!n.equals(now)) {
						changes.put(key, n);
					}
				}
				else {
					String raw = typed.get(key);
					if (raw != null && !raw.equals(now)) {
						changes.put(key, raw);
					}
				}
		}
		if (errors.isEmpty()) {
			if (changes.isEmpty()) {
				redirect.addFlashAttribute("flash", "没有修改");
				return "redirect:/settings?year=" + y;
			}
			try {
				if (confirm == null) {
					// First what the change would do to results already computed; saved only when confirmed.
					RuleSettingsService.Preview preview = settings.preview(y, changes);
					model.addAttribute("previewChanges", describe(preview.current(), preview.proposed()));
					model.addAttribute("previewConsequences", preview.consequences());
					return page(y, current, typed, errors, model);
				}
				settings.patch(y, changes);
				redirect.addFlashAttribute("flash", "已保存，共修改 " + changes.size() + " 项");
				return "redirect:/settings?year=" + y;
			}
			catch (InvalidInputException e) {
				for (FieldProblem p : e.errors()) {
					errors.merge(p.field(), p.message(), (a, b) -> a + "；" + b);
				}
				if (e.errors().isEmpty()) {
					errors.put("year", e.getMessage());
				}
			}
		}
		res.setStatus(400);
		return page(y, current, typed, errors, model);
	}

	/** "label：old → new" for each setting the proposal changes, in catalogue order. */
	private static List<String> describe(RuleSettings current, RuleSettings proposed) {
		List<String> lines = new ArrayList<>();
		for (Setting<?> setting : RuleCatalog.ALL) {
			Object from = current.get(setting);
			Object to = proposed.get(setting);
			if (!Objects.equals(from, to)) {
				lines.add(setting.label() + "：" + show(setting, from) + " → " + show(setting, to));
			}
		}
		return lines;
	}

	private static String show(Setting<?> setting, Object value) {
		if (setting instanceof PointsByStatus points) {
			List<String> parts = new ArrayList<>();
			points.statuses().forEach((status, label) -> parts.add(label + " " + points.pointsOf(castMap(value), status)));
			return String.join("、", parts);
		}
		if (setting instanceof ChoiceSetting choice) {
			return choice.choices().getOrDefault(String.valueOf(value), String.valueOf(value));
		}
		return value + (setting instanceof IntSetting number ? number.unit() : "");
	}

	@SuppressWarnings("unchecked")
	private static Map<String, Integer> castMap(Object value) {
		return (Map<String, Integer>) value;
	}

	private String page(int year, RuleSettings current, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		Map<cn.jiceng.settings.Section, List<Item>> sections = new LinkedHashMap<>();
		for (cn.jiceng.settings.Section s : cn.jiceng.settings.Section.values()) {
			sections.put(s, new ArrayList<>());
		}
		for (Setting<?> setting : RuleCatalog.ALL) {
			sections.get(setting.section()).add(item(setting, current, typed, errors.get(setting.name())));
		}
		model.addAttribute("sections", sections.entrySet()
			.stream()
			.filter(e -> !e.getValue().isEmpty())
			.map(e -> new Section(e.getKey().title(), e.getValue()))
			.toList());
		model.addAttribute("year", year);
		int thisYear = LocalDate.now(clock).getYear();
		List<Integer> years = new ArrayList<>();
		for (int y = thisYear + 1; y >= thisYear - 3; y--) {
			years.add(y);
		}
		if (!years.contains(year)) {
			years.add(year);
		}
		model.addAttribute("years", years);
		model.addAttribute("editable", currentCaller.find().map(c -> c.role() == Role.COUNTY_ADMIN).orElse(false));
		model.addAttribute("yearError", errors.get("year"));
		model.addAttribute("hasErrors", !errors.isEmpty());
		return "settings/edit";
	}

	private static Item item(Setting<?> setting, RuleSettings current, Map<String, String> typed, String error) {
		Object value = current.get(setting);
		Object def = setting.defaultValue();
		String changedFrom = Objects.equals(def, value) ? null : setting.describe(def);
		String key = setting.name();
		if (setting instanceof PointsByStatus points) {
			List<Sub> parts = new ArrayList<>();
			points.statuses().forEach((status, label) -> {
				String name = key + "." + status;
				parts.add(new Sub(name, label,
						typed.getOrDefault(name, String.valueOf(points.pointsOf(current.get(points), status)))));
			});
			return new Item(key, points.label(), points.unit(), "map", null, parts, Map.of(), points.min(),
					points.max(), error, changedFrom);
		}
		if (setting instanceof IntSetting number) {
			return new Item(key, number.label(), number.unit(), "number",
					typed.getOrDefault(key, String.valueOf(value)), List.of(), Map.of(), number.min(), number.max(),
					error, changedFrom);
		}
		ChoiceSetting choice = (ChoiceSetting) setting;
		return new Item(key, choice.label(), "", "choice", typed.getOrDefault(key, String.valueOf(value)), List.of(),
				choice.choices(), null, null, error, changedFrom);
	}

	private static Integer parseInt(String raw) {
		try {
			return Integer.valueOf(raw.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	/** How rule-setting changes read in the history. */
	@Component
	static class Labels implements AuditLabels {

		@Override
		public String entityType() {
			return "RuleSettings";
		}

		@Override
		public String entityLabel() {
			return "规则设置";
		}

		@Override
		public Map<String, String> fieldLabels() {
			Map<String, String> m = new LinkedHashMap<>();
			RuleCatalog.ALL.forEach(s -> m.put(s.name(), s.label()));
			return m;
		}

		@Override
		public String value(String field, String value) {
			Setting<?> setting = RuleCatalog.find(field).orElse(null);
			if (setting instanceof ChoiceSetting choice) {
				return choice.describe(value);
			}
			if (setting instanceof PointsByStatus points) {
				String v = value;
				for (var s : points.statuses().entrySet()) {
					v = v.replace(s.getKey() + "=", s.getValue() + " ");
				}
				return v;
			}
			return value;
		}

		/** Entity ids of settings are "county/year". */
		@Override
		public String link(String entityId) {
			int slash = entityId.indexOf('/');
			return slash < 0 ? null : "/settings?year=" + entityId.substring(slash + 1);
		}
	}
}
