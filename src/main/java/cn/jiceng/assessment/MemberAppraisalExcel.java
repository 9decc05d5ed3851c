package cn.jiceng.assessment;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;

/** The appraisal results as workbooks: the cadre appraisals of a year, and the democratic grades with the branches. */
final class MemberAppraisalExcel {

	private MemberAppraisalExcel() {
	}

	static byte[] cadres(CadreAppraisalService.Results results) {
		List<List<Object>> rows = new ArrayList<>();
		for (CadreAppraisalService.ResultRow r : results.items()) {
			List<Object> row = new ArrayList<>();
			row.add(r.name());
			row.add(r.currentOrganizationName());
			row.add(r.organizationName());
			row.add(r.leader());
			row.add(r.masses());
			row.add(r.departments());
			row.add(r.yearEnd());
			row.add(r.total());
			row.add(r.gradeLabel());
			row.add(r.capReason() == null ? "" : r.capReason());
			row.add(r.promotionPriority() ? "是" : "");
			rows.add(row);
		}
		return write(List.of("姓名", "现所在党组织", "考核时所在单位", "领导评价", "群众评价", "部门评价", "年终考核", "总分", "等次",
				"限定说明", "优先提拔使用"), rows, results.year() + "年度树根考核");
	}

	static byte[] democratic(DemocraticAppraisalService.Listing listing) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		List<List<String>> head = List.of("党支部", "姓名", "类别", "评议等次").stream().map(List::of).toList();
		List<List<String>> branchHead = List.of("党支部", "正式党员（名）", "优秀限额（名）", "已评优秀（名）", "已评定（名）",
				"预备党员（名）").stream().map(List::of).toList();
		try (ExcelWriter writer = FastExcel.write(out).build()) {
			List<List<Object>> rows = new ArrayList<>();
			for (DemocraticAppraisalService.Item i : listing.items()) {
				rows.add(List.of(i.organizationName(), i.name(), i.categoryLabel(),
						i.gradable() ? (i.gradeLabel() == null ? "未评定" : i.gradeLabel()) : "不评定等次"));
			}
			writer.write(rows, FastExcel.writerSheet(0, listing.year() + "年度民主评议").head(head).build());
			List<List<Object>> branches = new ArrayList<>();
			for (DemocraticAppraisalService.BranchSummary b : listing.branches()) {
				branches.add(List.of(b.name(), b.fullMembers(), b.excellentCap(), b.excellent(), b.graded(),
						b.probationary()));
			}
			writer.write(branches, FastExcel.writerSheet(1, "各支部汇总").head(branchHead).build());
		}
		return out.toByteArray();
	}

	private static byte[] write(List<String> head, List<List<Object>> rows, String sheet) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelWriter writer = FastExcel.write(out).head(head.stream().map(List::of).toList()).build()) {
			writer.write(rows, FastExcel.writerSheet(0, sheet).build());
		}
		return out.toByteArray();
	}
}
