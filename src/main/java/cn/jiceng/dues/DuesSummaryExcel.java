package cn.jiceng.dues;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.metadata.WriteSheet;

/** The collection summary as a workbook: one sheet per child organization (townships), one per branch. */
final class DuesSummaryExcel {

	private static final List<String> HEAD = List.of("党组织", "类别", "党员数", "应交人数", "已交清人数", "未交清人数",
			"应交金额（元）", "实交金额（元）", "交纳率");

	private DuesSummaryExcel() {
	}

	static byte[] write(DuesReports.Summary summary) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<List<String>> head = HEAD.stream().map(List::of).toList();
		try (ExcelWriter writer = FastExcel.write(out).head(head).build()) {
			int sheet = 0;
			if (!summary.children().isEmpty()) {
				List<List<Object>> rows = rows(summary.children());
				rows.add(row(summary.totals(), true));
				writer.write(rows, FastExcel.writerSheet(sheet++, "按下级组织").build());
			}
			List<List<Object>> rows = rows(summary.branches());
			rows.add(row(summary.totals(), true));
			WriteSheet branches = FastExcel.writerSheet(sheet, "按党支部").build();
			writer.write(rows, branches);
		}
		return out.toByteArray();
	}

	private static List<List<Object>> rows(List<DuesReports.SummaryRow> rows) {
		List<List<Object>> out = new ArrayList<>();
		for (DuesReports.SummaryRow r : rows) {
			out.add(row(r, false));
		}
		return out;
	}

	private static List<Object> row(DuesReports.SummaryRow r, boolean total) {
		List<Object> row = new ArrayList<>();
		row.add(total ? "合计（" + r.name() + "）" : r.name());
		row.add(total ? "" : r.kindLabel());
		row.add(r.members());
		row.add(r.dueMembers());
		row.add(r.paidMembers());
		row.add(r.unpaidMembers());
		row.add(r.dueAmount());
		row.add(r.paidAmount());
		row.add(String.format("%.1f%%", r.rate() * 100));
		return row;
	}
}
