package cn.jiceng.supervision;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import cn.jiceng.common.Workbooks;

import org.springframework.http.ResponseEntity;

/** The weak-and-lax ledger (一村一策) of a subtree and year as a workbook: one row per listed organization. */
final class WeakLaxExcel {

	private static final List<String> HEAD = List.of("党组织", "年度", "阶段", "认定情形", "挂点县级领导", "联点乡镇党委书记",
			"驻点乡镇干部", "帮扶措施", "转化日期", "巩固日期", "销号日期");

	private WeakLaxExcel() {
	}

	static ResponseEntity<byte[]> download(WeakLaxService.Ledger ledger) {
		List<List<Object>> rows = new ArrayList<>();
		for (WeakLaxService.Item i : ledger.items()) {
			List<Object> row = new ArrayList<>();
			row.add(i.name());
			row.add(i.year());
			row.add(i.statusLabel());
			row.add(i.criteria().stream().map(c -> c.label() + "：" + c.message()).collect(Collectors.joining("\n")));
			row.add(i.countyLeaderName());
			row.add(i.townshipSecretaryName());
			row.add(i.residentCadreName());
			row.add(i.measures().stream().map(m -> m.on() + " " + m.kindLabel() + "：" + m.note())
				.collect(Collectors.joining("\n")));
			row.add(i.transformedOn() == null ? "" : i.transformedOn().toString());
			row.add(i.consolidatedOn() == null ? "" : i.consolidatedOn().toString());
			row.add(i.closedOn() == null ? "" : i.closedOn().toString());
			rows.add(row);
		}
		return Workbooks.download(ledger.year() + "年软弱涣散党组织整顿台账.xlsx", "整顿台账", HEAD, rows);
	}
}
