package cn.jiceng.masswork;

import java.util.ArrayList;
import java.util.List;

/** The township table of villages × the three bodies and the five systems, as the page and Excel show it. */
final class GovernanceTable {

	static final List<String> HEAD;

	static {
		List<String> head = new ArrayList<>(List.of("村（社区）", "所属乡镇"));
		for (VillageBodyKind k : VillageBodyKind.values()) {
			head.add(k.label());
		}
		GovernanceService.SYSTEMS.forEach(s -> head.add(GovernanceService.SYSTEM_LABELS.get(s)));
		head.add("运行制度数");
		HEAD = List.copyOf(head);
	}

	private GovernanceTable() {
	}

	static List<List<Object>> rows(List<GovernanceService.VillageRow> rows) {
		List<List<Object>> out = new ArrayList<>();
		for (GovernanceService.VillageRow r : rows) {
			List<Object> row = new ArrayList<>();
			row.add(r.name());
			row.add(r.townshipName() == null ? "" : r.townshipName());
			r.bodies().values().forEach(b -> row.add(b ? "已建立" : "未建立"));
			r.systems().values().forEach(b -> row.add(b ? "已运行" : "未运行"));
			row.add(r.systemsRun());
			out.add(row);
		}
		return out;
	}
}
