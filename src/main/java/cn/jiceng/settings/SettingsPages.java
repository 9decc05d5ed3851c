package cn.jiceng.settings;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditLabels;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
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

	record Def(String key, String section, String label, String unit) {
	}

	/** Order and wording of the settings page; a key missing here still shows, under 其他, by its code. */
	static final List<Def> DEFS = List.of(
			new Def("joinBranchBelowFullMembers", "组织设置", "正式党员少于此数，建议组建联合党支部", "名"),
			new Def("upgradeToGeneralBranchAbove", "组织设置", "支部党员超过此数，建议拆分或升格为党总支", "名"),
			new Def("upgradeToCommitteeAt", "组织设置", "党员达到此数，可申请设立基层党委", "名"),
			new Def("inactiveAfterMonths", "组织设置", "连续几个完整自然月无组织生活，提示疑似空壳支部", "个月"),
			new Def("termYearsCommittee", "组织设置", "基层党委任期", "年"),
			new Def("termYearsBranch", "组织设置", "党总支、党支部任期", "年"),
			new Def("termYearsRuralCommunity", "组织设置", "村、社区党组织任期", "年"),
			new Def("termExpiringWithinMonths", "组织设置", "任期届满前多久提醒换届", "个月"),
			new Def("committeeMeetingMinFullMembers", "组织生活", "正式党员达到此数的支部须每月召开支委会", "名"),
			new Def("partyLecturePeriod", "组织生活", "党课周期", ""),
			new Def("ruralMissedThemedDayDeductionYuan", "组织生活", "农村支部每缺一次主题党日，扣减书记基本报酬", "元"),
			new Def("agencyMissedThemedDaysForDisqualification", "组织生活", "机关支部一年缺主题党日达此次数，书记取消当年评优资格", "次"),
			new Def("backfillDays", "组织生活", "会议召开多少天后录入须乡镇以上账号补录", "天"),
			new Def("themedDayReminderFromDay", "组织生活", "每月从几号起每日提醒未开主题党日的支部", "日"),
			new Def("warningBelow", "先锋指数", "先锋指数低于此分为警示党员", "分"),
			new Def("bonusCapPerYear", "先锋指数", "每年加分合计上限", "分"),
			new Def("gradeExcellentAt", "先锋指数", "“优秀”等次最低分", "分"),
			new Def("gradeQualifiedAt", "先锋指数", "“合格”等次最低分", "分"),
			new Def("gradeBasicAt", "先锋指数", "“基本合格”等次最低分", "分"),
			new Def("themedDayDeductions", "先锋指数", "主题党日出勤扣分", "分"),
			new Def("meetingDeductions", "先锋指数", "其他规定会议出勤扣分", "分"),
			new Def("secretaryMinLecturesPerYear", "先锋指数", "支部书记每年至少讲党课", "次"),
			new Def("duesArrearsMonths", "党费", "连续几个月未交党费，提示支部党员大会处理", "个月"),
			new Def("duesMaxMonthsAheadOrBehind", "党费", "最多可预交或补交的月数", "个月"));

	static final Map<String, String> STATUS_LABELS = linked("LEAVE", "请假", "LATE_OR_EARLY", "迟到早退", "ABSENT", "缺席");

	static final Map<String, String> PERIOD_LABELS = linked(RuleSettings.PERIOD_QUARTER, "每季度",
			RuleSettings.PERIOD_YEAR, "每年");

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
			String error, String changedFrom) {
	}

	public record Section(String title, List<Item> items) {
	}

	@GetMapping("/settings")
	String show(@RequestParam(required = false) Integer year, Model model) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		Map<String, Object> current = settings.asMap(settings.forYear(y));
		return page(y, current, Map.of(), Map.of(), model);
	}

	@PostMapping("/settings")
	String save(@RequestParam(required = false) Integer year, @RequestParam MultiValueMap<String, String> form,
			Model model, RedirectAttributes redirect, HttpServletResponse res) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		Map<String, Object> current = settings.asMap(settings.forYear(y));
		Map<String, String> typed = new LinkedHashMap<>();
		form.forEach((k, v) -> typed.put(k, v.isEmpty() ? "" : v.get(0)));
		Map<String, String> errors = new LinkedHashMap<>();
		Map<String, Object> changes = new LinkedHashMap<>();
		for (var e : current.entrySet()) {
			String key = e.getKey();
			Object now = e.getValue();
			if (now instanceof Map<?, ?> map) {
				Map<String, Object> next = new LinkedHashMap<>();
				for (var part : map.entrySet()) {
					String raw = typed.get(key + "." + part.getKey());
					if (raw == null) {
						next.put(String.valueOf(part.getKey()), part.getValue());
						continue;
					}
					Integer n = parseInt(raw);
					if (n == null) {
						errors.put(key, "扣分应为整数，如 -5");
					}
					next.put(String.valueOf(part.getKey()), n);
				}
				if (!errors.containsKey(key) && !Objects.equals(next, map)) {
					changes.put(key, next);
				}
			}
			else if (now instanceof Number) {
				String raw = typed.get(key);
				if (raw == null) {
					continue;
				}
				Integer n = parseInt(raw);
				if (n == null) {
					errors.put(key, "请填写整数");
				}
				else if (n.longValue() != ((Number) now).longValue()) {
					changes.put(key, n);
				}
			}
			else {
				String raw = typed.get(key);
				if (raw != null && !raw.equals(String.valueOf(now))) {
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

	private String page(int year, Map<String, Object> current, Map<String, String> typed, Map<String, String> errors,
			Model model) {
		Map<String, Object> defaults = settings.asMap(RuleSettings.defaults());
		Map<String, List<Item>> sections = new LinkedHashMap<>();
		Set<String> seen = new LinkedHashSet<>();
		for (Def d : DEFS) {
			if (current.containsKey(d.key())) {
				sections.computeIfAbsent(d.section(), s -> new ArrayList<>())
					.add(item(d, current.get(d.key()), defaults.get(d.key()), typed, errors.get(d.key())));
				seen.add(d.key());
			}
		}
		for (var e : current.entrySet()) {
			if (!seen.contains(e.getKey())) {
				sections.computeIfAbsent("其他", s -> new ArrayList<>())
					.add(item(new Def(e.getKey(), "其他", e.getKey(), ""), e.getValue(), defaults.get(e.getKey()), typed,
							errors.get(e.getKey())));
			}
		}
		model.addAttribute("sections", sections.entrySet().stream().map(e -> new Section(e.getKey(), e.getValue())).toList());
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
		model.addAttribute("periods", PERIOD_LABELS);
		model.addAttribute("yearError", errors.get("year"));
		model.addAttribute("hasErrors", !errors.isEmpty());
		return "settings/edit";
	}

	private static Item item(Def d, Object value, Object def, Map<String, String> typed, String error) {
		String changedFrom = def == null || Objects.equals(def, value) ? null : describe(d.key(), def);
		if (value instanceof Map<?, ?> map) {
			List<Sub> parts = new ArrayList<>();
			List<String> order = new ArrayList<>(STATUS_LABELS.keySet());
			map.keySet().stream().map(String::valueOf).filter(k -> !order.contains(k)).forEach(order::add);
			for (String status : order) {
				if (!map.containsKey(status)) {
					continue;
				}
				String name = d.key() + "." + status;
				parts.add(new Sub(name, STATUS_LABELS.getOrDefault(status, status),
						typed.getOrDefault(name, String.valueOf(map.get(status)))));
			}
			return new Item(d.key(), d.label(), d.unit(), "map", null, parts, error, changedFrom);
		}
		String kind = value instanceof Number ? "number" : d.key().equals("partyLecturePeriod") ? "period" : "text";
		return new Item(d.key(), d.label(), d.unit(), kind, typed.getOrDefault(d.key(), String.valueOf(value)),
				List.of(), error, changedFrom);
	}

	private static String describe(String key, Object value) {
		if (value instanceof Map<?, ?> map) {
			List<String> parts = new ArrayList<>();
			map.forEach((k, v) -> parts.add(STATUS_LABELS.getOrDefault(String.valueOf(k), String.valueOf(k)) + " " + v));
			return String.join("，", parts);
		}
		return key.equals("partyLecturePeriod") ? PERIOD_LABELS.getOrDefault(String.valueOf(value), String.valueOf(value))
				: String.valueOf(value);
	}

	private static Integer parseInt(String raw) {
		try {
			return Integer.valueOf(raw.trim());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	private static Map<String, String> linked(String... pairs) {
		Map<String, String> m = new LinkedHashMap<>();
		for (int i = 0; i < pairs.length; i += 2) {
			m.put(pairs[i], pairs[i + 1]);
		}
		return java.util.Collections.unmodifiableMap(m);
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
			for (Def d : DEFS) {
				m.put(d.key(), d.label());
			}
			return m;
		}

		@Override
		public String value(String field, String value) {
			if (field.equals("partyLecturePeriod")) {
				return PERIOD_LABELS.getOrDefault(value, value);
			}
			String v = value;
			for (var s : STATUS_LABELS.entrySet()) {
				v = v.replace(s.getKey() + "=", s.getValue() + " ");
			}
			return v;
		}

		/** Entity ids of settings are "county/year". */
		@Override
		public String link(String entityId) {
			int slash = entityId.indexOf('/');
			return slash < 0 ? null : "/settings?year=" + entityId.substring(slash + 1);
		}
	}
}
