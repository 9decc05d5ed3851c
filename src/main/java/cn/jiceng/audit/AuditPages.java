package cn.jiceng.audit;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import static cn.jiceng.common.FormInput.blankToNull;

/** The history of a record (痕迹化管理) as a table people can read: who, when, what, and each field's old and new value. */
@Controller
class AuditPages {

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.of("Asia/Shanghai"));

	private static final Map<String, String> ACTIONS = Map.of("CREATE", "新建", "UPDATE", "修改", "DELETE", "删除",
			"MOVE", "移动", "IMPORT", "导入");

	private final AuditQueries queries;
	private final ObjectProvider<AuditLabels> labels;

	AuditPages(AuditQueries queries, ObjectProvider<AuditLabels> labels) {
		this.queries = queries;
		this.labels = labels;
	}

	public record Change(String field, String from, String to) {

		public boolean created() {
			return from == null;
		}
	}

	public record Row(String at, String actor, String action, String entityLabel, String entityId, String link,
			List<Change> changes) {
	}

	@GetMapping("/audit")
	String history(@RequestParam(required = false) String entityId, @RequestParam(required = false) String entityType,
			@RequestParam(required = false) Integer page, Model model) {
		String id = blankToNull(entityId);
		String type = blankToNull(entityType);
		PageResult<AuditEntry> result = queries.find(id, type, PageRequest.of(page, 20));
		Map<String, AuditLabels> byType = new HashMap<>();
		labels.orderedStream().forEach(l -> byType.put(l.entityType(), l));
		model.addAttribute("result", result.map(e -> row(e, byType.get(e.entityType()))));
		model.addAttribute("entityId", id == null ? "" : id);
		model.addAttribute("entityType", type == null ? "" : type);
		model.addAttribute("types", byType.values()
			.stream()
			.sorted(java.util.Comparator.comparing(AuditLabels::entityType))
			.map(l -> new String[] { l.entityType(), l.entityLabel() })
			.toList());
		AuditLabels subject = type == null ? null : byType.get(type);
		model.addAttribute("subjectLabel", subject == null ? null : subject.entityLabel());
		model.addAttribute("subjectLink", subject == null || id == null ? null : subject.link(id));
		model.addAttribute("base", UriComponentsBuilder.fromPath("/audit")
			.queryParamIfPresent("entityType", java.util.Optional.ofNullable(type))
			.queryParamIfPresent("entityId", java.util.Optional.ofNullable(id))
			.encode()
			.build()
			.toUriString());
		return "audit/history";
	}

	private static Row row(AuditEntry e, AuditLabels l) {
		String action = l != null && l.actionLabels().containsKey(e.action()) ? l.actionLabels().get(e.action())
				: ACTIONS.getOrDefault(e.action(), e.action());
		List<Change> changes = new ArrayList<>();
		if (e.changes() instanceof Map<?, ?> map) {
			for (var c : map.entrySet()) {
				String field = String.valueOf(c.getKey());
				String label = l == null ? field : l.fieldLabels().getOrDefault(field, field);
				if (c.getValue() instanceof Map<?, ?> fromTo && (fromTo.containsKey("from") || fromTo.containsKey("to"))) {
					changes.add(new Change(label, value(l, field, fromTo.get("from")), value(l, field, fromTo.get("to"))));
				}
				else {
					changes.add(new Change(label, null, value(l, field, c.getValue())));
				}
			}
		}
		return new Row(TIME.format(e.at()), e.actor(), action, l == null ? e.entityType() : l.entityLabel(),
				e.entityId(), l == null ? null : l.link(e.entityId()), changes);
	}

	/** The trail writes a missing value as JSON null or, for some older entries, the text "null". */
	private static String value(AuditLabels l, String field, Object v) {
		if (v == null || "null".equals(v)) {
			return null;
		}
		String s = String.valueOf(v);
		return l == null ? s : l.value(field, s);
	}
}
