package cn.jiceng.scoring;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;

/** Rankings and warning lists as workbooks (晒积分 for print and for the bulletin board). */
final class ScoringExcel {

	private ScoringExcel() {
	}

	static byte[] ranking(List<VanguardService.RankRow> rows, int year, Integer quarter) {
		List<List<Object>> data = new ArrayList<>(rows.size());
		for (VanguardService.RankRow r : rows) {
			data.add(List.of(r.rank(), r.name(), r.organizationName(), r.index(), r.grade().label()));
		}
		String sheet = year + "年" + (quarter == null ? "" : "第" + quarter + "季度") + "先锋指数";
		return write(List.of("名次", "姓名", "所在党组织", "先锋指数", "等级"), data, sheet);
	}

	static byte[] warnings(List<VanguardService.WarningRow> rows, int year) {
		List<List<Object>> data = new ArrayList<>(rows.size());
		for (VanguardService.WarningRow r : rows) {
			data.add(List.of(r.name(), r.organizationName(), r.index(), r.grade().label()));
		}
		return write(List.of("姓名", "所在党组织", "先锋指数", "等级"), data, year + "年警示党员");
	}

	private static byte[] write(List<String> head, List<List<Object>> rows, String sheet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelWriter writer = FastExcel.write(out).head(head.stream().map(List::of).toList()).build()) {
			writer.write(rows, FastExcel.writerSheet(0, sheet).build());
		}
		return out.toByteArray();
	}
}
