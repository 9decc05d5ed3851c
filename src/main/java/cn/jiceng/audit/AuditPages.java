package cn.jiceng.audit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.jiceng.access.DataScope;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.jiceng.common.FormInput.blankToNull;

/**
 * The trail (痕迹化管理) as a clerk reads it: who, when, what, on which record by name, each field's old and new value
 * in Chinese, filtered by dates, operator, organization and name, paged, and exported to Excel as filtered.
 */
@Controller
class AuditPages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(AuditQueries.COUNTY_ZONE);

	/** The trail's own verbs; a module names its special ones in its {@link AuditLabels}. */
	private static final Map<String, String> ACTIONS = Map.ofEntries(Map.entry("CREATE", "新建"),
			Map.entry("UPDATE", "修改"), Map.entry("DELETE", "删除"), Map.entry("MOVE", "移动"),
			Map.entry("IMPORT", "导入"), Map.entry("BACKFILL", "补录"), Map.entry("APPROVE", "审核通过"),
			Map.entry("REJECT", "驳回"), Map.entry("REVIEW", "评星"), Map.entry("CONFIRM", "定星"),
			Map.entry("PUBLISH", "挂星"), Map.entry("REVOKE", "摘星"), Map.entry("CLOSE", "关账"),
			Map.entry("REOPEN", "重新开放"), Map.entry("RECOMPUTE", "重新计算"));

	private final AuditQueries queries;
	private final ObjectProvider<AuditLabels> labels;
	private final DataScope scope;
	private final JdbcClient jdbc;

	AuditPages(AuditQueries queries, ObjectProvider<AuditLabels> labels, DataScope scope, JdbcClient jdbc) {
		this.queries = queries;
		this.labels = labels;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	public record Change(String field, String from, String to) {

		public boolean created() {
			return from == null;
		}
	}

	public record Row(String at, String actor, String action, String entityLabel, String name, String link,
			String organizationName, List<Change> changes) {
	}

	public record Option(String id, String label) {
	}

	/** The filters as typed; a date that is not a date is reported beside its field, not as an error page. */
	private record Filters(AuditQueries.AuditFilter filter, Map<String, String> typed, Map<String, String> errors) {
	}

	@GetMapping("/audit")
	String history(@RequestParam Map<String, String> params, @RequestParam(required = false) Integer page, Model model) {
		Filters f = filters(params);
		Map<String, AuditLabels> byType = labelsByType();
		PageResult<AuditEntry> result = queries.find(f.filter(), PageRequest.of(page, 20));
		model.addAttribute("result", result.map(e -> row(e, byType.get(e.entityType()))));
		model.addAttribute("f", f.typed());
		model.addAttribute("errors", f.errors());
		model.addAttribute("types", byType.values()
			.stream()
			.sorted(Comparator.comparing(AuditLabels::entityLabel))
			.map(l -> new Option(l.entityType(), l.entityLabel()))
			.toList());
		model.addAttribute("organizations", organizationsInScope());
		String type = f.filter().entityType();
		String id = f.filter().entityId();
		AuditLabels subject = type == null ? null : byType.get(type);
		model.addAttribute("subjectLabel", subject == null ? null : subject.entityLabel());
		model.addAttribute("subjectName", subject == null || id == null ? null : subject.name(id));
		model.addAttribute("subjectLink", subject == null || id == null ? null : subject.link(id));
		model.addAttribute("base", url("/audit", f.typed()));
		model.addAttribute("excel", url("/audit.xlsx", f.typed()));
		return "audit/history";
	}

	/** What the filters show, as a workbook: the same columns and Chinese labels as the page. */
	@GetMapping("/audit.xlsx")
	void excel(@RequestParam Map<String, String> params, HttpServletResponse res) throws IOException {
		Filters f = filters(params);
		Map<String, AuditLabels> byType = labelsByType();
		List<List<Object>> rows = new ArrayList<>();
		for (AuditEntry e : queries.export(f.filter())) {
			Row r = row(e, byType.get(e.entityType()));
			StringBuilder changes = new StringBuilder();
			for (Change c : r.changes()) {
				changes.append(changes.isEmpty() ? "" : "\n").append(c.field()).append("：");
				if (!c.created()) {
					changes.append(c.from()).append(" → ");
				}
				changes.append(c.to() == null ? "（空）" : c.to());
			}
			rows.add(List.of(r.at(), r.actor(), r.action(), r.entityLabel(), r.name() == null ? "" : r.name(),
					r.organizationName() == null ? "" : r.organizationName(), changes.toString()));
		}
		List<List<String>> head = List.of("时间", "操作人", "操作", "对象类型", "对象", "所属党组织", "变更内容")
			.stream()
			.map(List::of)
			.toList();
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelWriter writer = FastExcel.write(out).head(head).build()) {
			writer.write(rows, FastExcel.writerSheet(0, "操作记录").build());
		}
		byte[] bytes = out.toByteArray();
		res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		res.setHeader("Content-Disposition", "attachment; filename*=UTF-8''"
				+ URLEncoder.encode("操作记录.xlsx", StandardCharsets.UTF_8).replace("+", "%20"));
		res.setContentLength(bytes.length);
		res.getOutputStream().write(bytes);
	}

	private Filters filters(Map<String, String> params) {
		Map<String, String> typed = new HashMap<>();
		for (String k : List.of("entityId", "entityType", "from", "to", "actor", "organizationId", "q")) {
			String v = blankToNull(params.get(k));
			typed.put(k, v == null ? "" : v.trim());
		}
		Map<String, String> errors = new HashMap<>();
		LocalDate from = date(typed.get("from"), "from", errors);
		LocalDate to = date(typed.get("to"), "to", errors);
		if (from != null && to != null && to.isBefore(from)) {
			errors.put("to", "结束日期不能早于开始日期");
			to = null;
		}
		Long org = null;
		if (!typed.get("organizationId").isEmpty()) {
			try {
				org = Long.parseLong(typed.get("organizationId"));
			}
			catch (NumberFormatException e) {
				errors.put("organizationId", "请从列表中选择党组织");
			}
		}
		var filter = new AuditQueries.AuditFilter(blankToNull(typed.get("entityId")), blankToNull(typed.get("entityType")),
				from, to, blankToNull(typed.get("actor")), org, blankToNull(typed.get("q")));
		return new Filters(filter, typed, errors);
	}

	private static LocalDate date(String text, String field, Map<String, String> errors) {
		if (text.isEmpty()) {
			return null;
		}
		try {
			return LocalDate.parse(text);
		}
		catch (DateTimeParseException e) {
			errors.put(field, "日期格式应为 2025-01-31");
			return null;
		}
	}

	private static String url(String path, Map<String, String> typed) {
		UriComponentsBuilder b = UriComponentsBuilder.fromPath(path);
		for (String k : List.of("entityType", "entityId", "from", "to", "actor", "organizationId", "q")) {
			b.queryParamIfPresent(k, Optional.ofNullable(blankToNull(typed.get(k))));
		}
		return b.encode().build().toUriString();
	}

	private Map<String, AuditLabels> labelsByType() {
		Map<String, AuditLabels> byType = new HashMap<>();
		labels.orderedStream().forEach(l -> byType.put(l.entityType(), l));
		return byType;
	}

	/** Organizations in the caller's scope in tree order, indented by depth, for the organization filter. */
	private List<Option> organizationsInScope() {
		var cond = scope.organizationCondition("o");
		long rootDepth = jdbc.sql("SELECT depth FROM organization WHERE id = :id")
			.param("id", scope.current().caller().organizationId())
			.query(Long.class)
			.optional()
			.orElse(0L);
		return jdbc.sql("SELECT o.id, o.name, o.depth FROM organization o WHERE " + cond.sql() + " ORDER BY o.path")
			.params(cond.params())
			.query((rs, i) -> new Option(rs.getString("id"),
					"　".repeat((int) Math.max(0, rs.getLong("depth") - rootDepth)) + rs.getString("name")))
			.list();
	}

	private static Row row(AuditEntry e, AuditLabels l) {
		String action = l != null && l.actionLabels().containsKey(e.action()) ? l.actionLabels().get(e.action())
				: ACTIONS.getOrDefault(e.action(), e.action());
		List<Change> changes = new ArrayList<>();
		if (e.changes() instanceof Map<?, ?> map) {
			for (var c : map.entrySet()) {
				String field = String.valueOf(c.getKey());
				if (l != null && l.hiddenFields().contains(field)) {
					continue;
				}
				String label = l == null ? field : l.fieldLabels().getOrDefault(field, field);
				if (c.getValue() instanceof Map<?, ?> fromTo && (fromTo.containsKey("from") || fromTo.containsKey("to"))) {
					changes.add(new Change(label, value(l, field, fromTo.get("from")), value(l, field, fromTo.get("to"))));
				}
				else {
					changes.add(new Change(label, null, value(l, field, c.getValue())));
				}
			}
		}
		String name = l == null ? null : l.name(e.entityId());
		return new Row(TIME.format(e.at()), e.actor(), action, l == null ? e.entityType() : l.entityLabel(), name,
				l == null ? null : l.link(e.entityId()), e.organizationName(), changes);
	}

	/** The trail writes a missing value as JSON null or, for some older entries, the text "null". */
	private static String value(AuditLabels l, String field, Object v) {
		if (v == null || "null".equals(v)) {
			return null;
		}
		String s = v instanceof List<?> list ? String.join("、", list.stream().map(String::valueOf).toList())
				: String.valueOf(v);
		String shown = l == null ? s : l.value(field, s);
		if (shown != null && shown.equals(s)) {
			// yes/no flags read the same in every entity
			if (s.equals("true")) {
				return "是";
			}
			if (s.equals("false")) {
				return "否";
			}
		}
		return shown;
	}
}
