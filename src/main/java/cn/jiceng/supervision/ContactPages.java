package cn.jiceng.supervision;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Lists;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.organization.OrganizationView;

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
 * The pages of contact assignments (挂联包帮) over {@link ContactService}'s report: a subtree's assignments by kind with
 * each duty's count and the year-end effectiveness, the coverage table (targets nobody is assigned to, by
 * sub-organization), one assignment's activity log with the form to log an activity; both lists export to Excel.
 */
@Controller
class ContactPages {

	private final ContactService contacts;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;
	private final DataScope scope;
	private final JdbcClient jdbc;
	private final Clock clock;

	ContactPages(ContactService contacts, OrganizationService organizations, OrgNavigation navigation, DataScope scope,
			JdbcClient jdbc, Clock clock) {
		this.contacts = contacts;
		this.organizations = organizations;
		this.navigation = navigation;
		this.scope = scope;
		this.jdbc = jdbc;
		this.clock = clock;
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

	private static ContactKind kindOr(String kind) {
		if (kind == null || kind.isBlank()) {
			return null;
		}
		try {
			return ContactKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("kind", "挂联类型不正确");
		}
	}

	/** Per kind: assignments, effective, ineffective, and targets left uncovered. */
	record KindRow(ContactKind kind, String label, int assignments, int effective, int ineffective, int uncovered) {
	}

	/** A duty for the page: the activity's label, required and done, met or not. */
	record DutyView(String label, int required, int done, boolean met) {
	}

	record Row(ContactService.Item item, List<DutyView> duties) {
	}

	private static List<DutyView> duties(ContactService.Item i) {
		List<DutyView> out = new ArrayList<>();
		i.duties().forEach((k, d) -> out.add(new DutyView(k.label(), d.required(), d.done(), d.done() >= d.required())));
		return out;
	}

	private void picker(Model model, long orgId, int year) {
		model.addAttribute("org", organizations.get(orgId));
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("crumbs", navigation.crumbs(orgId));
		model.addAttribute("children", organizations.children(orgId).stream()
			.filter(c -> c.kind() != OrgKind.GROUP)
			.toList());
		model.addAttribute("year", year);
		model.addAttribute("years", years());
		model.addAttribute("kinds", ContactKind.values());
		model.addAttribute("ended", LocalDate.now(clock).isAfter(LocalDate.of(year, 12, 31)));
	}

	@GetMapping("/supervision/contacts")
	String list(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = yearOr(year);
		ContactKind k = kindOr(kind);
		ContactService.Report report = contacts.report(orgId, y);
		List<KindRow> kinds = new ArrayList<>();
		for (ContactKind each : ContactKind.values()) {
			List<ContactService.Item> of = report.items().stream().filter(i -> i.kind() == each).toList();
			kinds.add(new KindRow(each, each.label(), of.size(),
					(int) of.stream().filter(i -> Boolean.TRUE.equals(i.effective())).count(),
					(int) of.stream().filter(i -> Boolean.FALSE.equals(i.effective())).count(),
					(int) report.uncovered().stream().filter(u -> u.kind() == each).count()));
		}
		List<Row> rows = report.items().stream()
			.filter(i -> k == null || i.kind() == k)
			.map(i -> new Row(i, duties(i)))
			.toList();
		model.addAttribute("kindRows", kinds);
		model.addAttribute("result", Lists.page(rows, page, 20));
		model.addAttribute("canAssign", ContactService.ASSIGNERS.contains(scope.current().caller().role()));
		model.addAttribute("kind", k == null ? "" : k.name());
		picker(model, orgId, y);
		return "supervision/contacts";
	}

	@GetMapping("/supervision/contacts.xlsx")
	ResponseEntity<byte[]> listXlsx(@RequestParam(required = false) String org,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind) {
		long orgId = navigation.chosenOrOwn(org);
		int y = yearOr(year);
		ContactKind k = kindOr(kind);
		List<List<Object>> rows = new ArrayList<>();
		for (ContactService.Item i : contacts.report(orgId, y).items()) {
			if (k != null && i.kind() != k) {
				continue;
			}
			List<String> duties = duties(i).stream().map(d -> d.label() + " " + d.done() + "/" + d.required()).toList();
			rows.add(List.of(i.kindLabel(), i.memberName(), i.name(), i.startedOn().toString(), String.join("，", duties),
					i.effective() == null ? "年度进行中" : i.effective() ? "有效" : "不力"));
		}
		String name = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("挂联包帮-" + name + "-" + y + ".xlsx", y + "年挂联包帮",
				List.of("类型", "挂联干部", "挂联组织", "开始日期", "职责完成（实/应）", "年终成效"), rows);
	}

	/** One line of the coverage table: a sub-organization and its uncovered targets per kind. */
	record CoverageRow(String id, String name, Map<ContactKind, Integer> uncovered, int total) {
	}

	@GetMapping("/supervision/contacts/coverage")
	String coverage(@RequestParam(required = false) String org, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String kind, @RequestParam(required = false) Integer page, Model model) {
		long orgId = navigation.chosenOrOwn(org);
		int y = yearOr(year);
		ContactKind k = kindOr(kind);
		List<ContactService.Uncovered> uncovered = contacts.report(orgId, y).uncovered();
		OrgRef self = organizations.ref(orgId).orElseThrow();
		Map<Long, String> paths = paths(uncovered);
		List<CoverageRow> rows = new ArrayList<>();
		for (OrganizationView c : organizations.children(orgId)) {
			if (c.kind() == OrgKind.GROUP) {
				continue;
			}
			String prefix = self.path() + c.id() + "/";
			Map<ContactKind, Integer> counts = new LinkedHashMap<>();
			int total = 0;
			for (ContactKind each : ContactKind.values()) {
				int n = (int) uncovered.stream()
					.filter(u -> u.kind() == each && paths.getOrDefault(Long.parseLong(u.organizationId()), "")
						.startsWith(prefix))
					.count();
				counts.put(each, n);
				total += n;
			}
			rows.add(new CoverageRow(c.id(), c.name(), counts, total));
		}
		model.addAttribute("rows", rows);
		// short column heads so the table by sub-organization fits a phone
		model.addAttribute("shortLabels", Map.of(ContactKind.LEADER_TO_TOWNSHIP, "县领导", ContactKind.DEPARTMENT_TO_VILLAGE,
				"部门包村", ContactKind.TOWNSHIP_MEMBER_TO_BRANCH, "班子联支部", ContactKind.FIRST_SECRETARY_TO_VILLAGE, "第一书记"));
		model.addAttribute("result", Lists.page(uncovered.stream().filter(u -> k == null || u.kind() == k).toList(),
				page, 30));
		model.addAttribute("kind", k == null ? "" : k.name());
		picker(model, orgId, y);
		return "supervision/contact-coverage";
	}

	/** The materialized paths of the uncovered organizations, one query for the table by sub-organization. */
	private Map<Long, String> paths(List<ContactService.Uncovered> uncovered) {
		Map<Long, String> paths = new LinkedHashMap<>();
		if (uncovered.isEmpty()) {
			return paths;
		}
		jdbc.sql("SELECT id, path FROM organization WHERE id IN (:ids)")
			.param("ids", uncovered.stream().map(u -> Long.parseLong(u.organizationId())).distinct().toList())
			.query(rs -> {
				paths.put(rs.getLong(1), rs.getString(2));
			});
		return paths;
	}

	@GetMapping("/supervision/contacts/coverage.xlsx")
	ResponseEntity<byte[]> coverageXlsx(@RequestParam(required = false) String org,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) String kind) {
		long orgId = navigation.chosenOrOwn(org);
		int y = yearOr(year);
		ContactKind k = kindOr(kind);
		List<List<Object>> rows = new ArrayList<>();
		for (ContactService.Uncovered u : contacts.report(orgId, y).uncovered()) {
			if (k == null || u.kind() == k) {
				rows.add(List.of(u.name(), u.kindLabel()));
			}
		}
		String name = organizations.ref(orgId).map(OrgRef::name).orElse("");
		return Workbooks.download("挂联覆盖缺口-" + name + "-" + y + ".xlsx", y + "年未落实挂联",
				List.of("党组织", "缺少的挂联"), rows);
	}

	// ---- one assignment -------------------------------------------------------------------------------------

	record ActivityRow(LocalDate on, String kindLabel, String note, String recordedBy) {
	}

	@GetMapping("/supervision/contacts/{id}")
	String assignment(@PathVariable String id, @RequestParam(required = false) Integer year, Model model) {
		fill(model, Ids.parse(id, "挂联关系"), yearOr(year), Map.of(), Map.of());
		return "supervision/contact";
	}

	private void fill(Model model, long id, int year, Map<String, String> form, Map<String, String> errors) {
		Long orgId = jdbc.sql("SELECT organization_id FROM contact_assignment WHERE id = :id")
			.param("id", id)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("挂联关系不存在"));
		ContactService.Item item = contacts.report(orgId, year).items().stream()
			.filter(i -> i.id().equals(Long.toString(id)))
			.findFirst()
			.orElseThrow(() -> new NotFoundException(year + "年没有这个挂联关系"));
		List<ActivityRow> log = jdbc.sql("""
				SELECT held_on, kind, note, recorded_by FROM contact_activity
				WHERE assignment_id = :a AND held_on BETWEEN :first AND :last ORDER BY held_on DESC, id DESC""")
			.param("a", id)
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.query((rs, i) -> new ActivityRow(rs.getObject(1, LocalDate.class),
					ContactActivityKind.valueOf(rs.getString(2)).label(), rs.getString(3), rs.getString(4)))
			.list();
		model.addAttribute("a", item);
		model.addAttribute("duties", duties(item));
		model.addAttribute("log", log);
		model.addAttribute("year", year);
		model.addAttribute("years", years());
		model.addAttribute("activityKinds", item.duties().isEmpty() ? List.of(ContactActivityKind.values())
				: new ArrayList<>(item.duties().keySet()));
		Long own = scope.current().caller().memberId();
		model.addAttribute("canLog", ContactService.WRITERS.contains(scope.current().caller().role())
				|| (own != null && own.toString().equals(item.memberId())));
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(clock).toString());
	}

	@PostMapping("/supervision/contacts/{id}/activities")
	String log(@PathVariable String id, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		long assignmentId = Ids.parse(id, "挂联关系");
		try {
			ContactService.ActivityView v = contacts.activity(assignmentId,
					new ContactService.ActivityInput(form.get("on"), form.get("kind"), form.get("note")));
			redirect.addFlashAttribute("flash", v.kindLabel() + "已记录（" + v.on() + "）");
			return "redirect:/supervision/contacts/" + assignmentId + "?year=" + v.on().getYear();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			e.errors().forEach(p -> errors.merge(p.field(), p.message(), (x, y) -> x + "；" + y));
			fill(model, assignmentId, LocalDate.now(clock).getYear(), form, errors);
			model.addAttribute("problem", String.join("；", e.errors().stream().map(FieldProblem::message).toList()));
		}
		catch (ForbiddenException e) {
			fill(model, assignmentId, LocalDate.now(clock).getYear(), form, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "supervision/contact";
	}

	// ---- a new assignment (county and township clerks) ------------------------------------------------------

	/** A choice of the form's searches: the id posted and what the clerk reads. */
	record Choice(String id, String label) {
	}

	private static String like(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}

	@GetMapping("/supervision/contacts/new")
	String newForm(@RequestParam(required = false) String org, Model model) {
		scope.requireWriter(ContactService.ASSIGNERS);
		fillNew(model, navigation.chosenOrOwn(org), Map.of("startedOn", LocalDate.now(clock).toString()), Map.of());
		return "supervision/contact-new";
	}

	/**
	 * The cadres by name: any member of the county, as the API allows (a county leader or a department's cadre is
	 * rarely inside the township's own subtree).
	 */
	@GetMapping("/supervision/contacts/new/members")
	String memberOptions(@RequestParam(required = false) String memberQuery, Model model) {
		scope.requireWriter(ContactService.ASSIGNERS);
		String text = memberQuery == null ? "" : memberQuery.trim();
		model.addAttribute("memberChoices", text.isEmpty() ? List.of() : jdbc.sql("""
				SELECT m.id, m.name, o.name FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.county_id = :c AND m.name LIKE :q ORDER BY m.name, o.path LIMIT 20""")
			.param("c", scope.current().caller().countyId())
			.param("q", like(text))
			.query((rs, i) -> new Choice(rs.getString(1), rs.getString(2) + "（" + rs.getString(3) + "）"))
			.list());
		model.addAttribute("memberQuery", text);
		return "supervision/contact-new :: member-options";
	}

	/** The targets by name inside the clerk's scope, only those the chosen kind may be assigned to. */
	@GetMapping("/supervision/contacts/new/targets")
	String targetOptions(@RequestParam(required = false) String kind, @RequestParam(required = false) String targetQuery,
			Model model) {
		scope.requireWriter(ContactService.ASSIGNERS);
		model.addAttribute("targetChoices", targets(kind, targetQuery));
		model.addAttribute("targetQuery", targetQuery == null ? "" : targetQuery.trim());
		return "supervision/contact-new :: target-options";
	}

	private List<Choice> targets(String kind, String query) {
		ContactKind k;
		try {
			k = kind == null || kind.isBlank() ? null : ContactKind.valueOf(kind);
		}
		catch (IllegalArgumentException e) {
			k = null;
		}
		String text = query == null ? "" : query.trim();
		if (k == null && text.isEmpty()) {
			return List.of();
		}
		Long root = organizations.rootId().orElse(null);
		var cond = scope.organizationCondition("o");
		ContactKind chosen = k;
		return jdbc.sql("SELECT o.id, o.name, o.kind, o.field, o.parent_id, p.name FROM organization o"
				+ " LEFT JOIN organization p ON p.id = o.parent_id WHERE " + cond.sql()
				+ " AND o.kind <> 'GROUP' AND o.name LIKE :q ORDER BY o.path LIMIT 200")
			.params(cond.params())
			.param("q", like(text))
			.query((rs, i) -> {
				long parent = rs.getLong(5);
				boolean township = !rs.wasNull() && root != null && root == parent;
				ContactDutyPolicy.Target t = new ContactDutyPolicy.Target(OrgKind.valueOf(rs.getString(3)),
						cn.jiceng.organization.Field.valueOf(rs.getString(4)), township);
				boolean allowed = chosen == null || ContactDutyPolicy.targetRefusal(chosen, t) == null;
				String parentName = rs.getString(6);
				return allowed ? new Choice(rs.getString(1),
						rs.getString(2) + (parentName == null || township ? "" : "（" + parentName + "）")) : null;
			})
			.list()
			.stream()
			.filter(java.util.Objects::nonNull)
			.limit(20)
			.toList();
	}

	private void fillNew(Model model, long orgId, Map<String, String> form, Map<String, String> errors) {
		model.addAttribute("orgId", Long.toString(orgId));
		model.addAttribute("kinds", ContactKind.values());
		model.addAttribute("form", form);
		model.addAttribute("errors", errors);
		model.addAttribute("today", LocalDate.now(clock).toString());
		// what was chosen comes back as the only option, so a refused form keeps it
		model.addAttribute("memberQuery", form.getOrDefault("memberQuery", ""));
		model.addAttribute("targetQuery", form.getOrDefault("targetQuery", ""));
		model.addAttribute("memberChoices", chosen("SELECT m.id, m.name || '（' || o.name || '）' FROM member m"
				+ " JOIN organization o ON o.id = m.organization_id WHERE m.id = :id AND m.county_id = :c",
				form.get("memberId")));
		model.addAttribute("targetChoices", chosen("SELECT o.id, o.name FROM organization o WHERE o.id = :id"
				+ " AND o.county_id = :c", form.get("organizationId")));
	}

	private List<Choice> chosen(String sql, String id) {
		long value;
		try {
			value = id == null ? -1 : Long.parseLong(id.trim());
		}
		catch (NumberFormatException e) {
			return List.of();
		}
		return jdbc.sql(sql)
			.param("id", value)
			.param("c", scope.current().caller().countyId())
			.query((rs, i) -> new Choice(rs.getString(1), rs.getString(2)))
			.list();
	}

	@PostMapping("/supervision/contacts/new")
	String create(@RequestParam(required = false) String org, @RequestParam Map<String, String> form, Model model,
			RedirectAttributes redirect) {
		try {
			ContactService.AssignmentView v = contacts.assign(new ContactService.AssignmentInput(form.get("kind"),
					form.get("memberId"), form.get("organizationId"), form.get("startedOn")));
			redirect.addFlashAttribute("flash", "已建立挂联：" + v.memberName() + " " + v.kindLabel() + " " + v.name());
			return "redirect:/supervision/contacts/" + v.id();
		}
		catch (InvalidInputException e) {
			Map<String, String> errors = new LinkedHashMap<>();
			// the API's wording lists the codes; on the page a missing kind just asks for one
			boolean noKind = form.get("kind") == null || form.get("kind").isBlank();
			e.errors().forEach(p -> errors.merge(p.field(), noKind && p.field().equals("kind") ? "请选择挂联类型"
					: p.message(), (x, y) -> x + "；" + y));
			fillNew(model, navigation.chosenOrOwn(org), form, errors);
			model.addAttribute("problem", String.join("；", errors.values()));
		}
		catch (ForbiddenException | NotFoundException e) {
			fillNew(model, navigation.chosenOrOwn(org), form, Map.of());
			model.addAttribute("problem", e.getMessage());
		}
		return "supervision/contact-new";
	}
}
