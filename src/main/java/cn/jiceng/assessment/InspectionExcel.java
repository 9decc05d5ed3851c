package cn.jiceng.assessment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;

/** The inspection ranking and the secretary appraisals as workbooks (for print and the county's files). */
final class InspectionExcel {

	private InspectionExcel() {
	}

	static byte[] ranking(InspectionService.Ranking ranking) {
		List<List<Object>> data = new ArrayList<>();
		for (InspectionService.RankingItem r : ranking.items()) {
			data.add(List.of(r.rank(), r.name(), r.score(), r.bottom() ? "排名靠后，约谈" : ""));
		}
		return write(List.of("名次", "党组织", "得分", "备注"), data, sheet(ranking.name()));
	}

	static byte[] appraisals(SecretaryAppraisalService.Listing listing) {
		List<List<Object>> data = new ArrayList<>();
		for (SecretaryAppraisalService.ListItem r : listing.items()) {
			data.add(List.of(r.name(), r.secretaryName(), r.score(), r.gradeLabel(),
					r.awardLabel() == null ? "" : r.awardLabel(), r.interview() ? "是" : "否", r.finalized() ? "已定稿" : "未定稿"));
		}
		return write(List.of("党组织", "书记", "得分", "等次", "红旗/黄牌", "约谈", "状态"), data,
				listing.year() + "年度书记述职评议");
	}

	/** Sheet names: at most 31 characters, none of []:*?/\ . */
	private static String sheet(String name) {
		String s = name.replaceAll("[\\[\\]:*?/\\\\]", "");
		return s.isEmpty() ? "排名" : s.substring(0, Math.min(31, s.length()));
	}

	private static byte[] write(List<String> head, List<List<Object>> rows, String sheet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelWriter writer = FastExcel.write(out).head(head.stream().map(List::of).toList()).build()) {
			writer.write(rows, FastExcel.writerSheet(0, sheet).build());
		}
		return out.toByteArray();
	}
}
