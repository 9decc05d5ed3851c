package cn.jiceng.member;

import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import cn.idev.excel.write.handler.SheetWriteHandler;
import cn.idev.excel.write.handler.context.SheetWriteHandlerContext;
import cn.idev.excel.write.metadata.WriteSheet;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataValidation;
import org.apache.poi.ss.usermodel.DataValidationConstraint;
import org.apache.poi.ss.usermodel.DataValidationHelper;
import org.apache.poi.ss.usermodel.Name;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddressList;

/**
 * The layout shared by the import template, the import and the export, so an exported roster can be imported
 * again. Code lists live on a hidden sheet behind named ranges because Excel limits an inline list to 255
 * characters, which the 58 民族 names and a county's branches far exceed.
 */
final class MemberExcelTemplate {

	static final String DATA_SHEET = "党员信息";
	static final String HELP_SHEET = "填写说明";
	static final String CODE_SHEET = "代码";

	/** Columns in template order; {@code field} is the API field name used in import errors. */
	enum Column {
		NAME("姓名", "name", 10, true),
		GENDER("性别", "gender", 6, true),
		ID_NUMBER("公民身份号码", "idNumber", 22, true),
		BRANCH("所在党支部", "organizationId", 30, false),
		CATEGORY("人员类别", "category", 10, true),
		JOINED_ON("加入党组织日期", "joinedOn", 15, true),
		FULL_MEMBER_ON("转为正式党员日期", "fullMemberOn", 17, false),
		ETHNICITY("民族", "ethnicity", 10, false),
		EDUCATION("学历", "education", 16, false),
		PHONE("手机号码", "phone", 15, false),
		/** Not in the template (the ID number holds it) but checked against it when a file carries it. */
		BIRTH_DATE("出生日期", "birthDate", 12, false);

		final String header;
		final String field;
		final int width;
		final boolean required;

		Column(String header, String field, int width, boolean required) {
			this.header = header;
			this.field = field;
			this.width = width;
			this.required = required;
		}

		static final List<Column> TEMPLATE = List.of(NAME, GENDER, ID_NUMBER, BRANCH, CATEGORY, JOINED_ON,
				FULL_MEMBER_ON, ETHNICITY, EDUCATION, PHONE);

		private static final Map<String, Column> BY_HEADER = java.util.Arrays.stream(values())
			.collect(Collectors.toMap(c -> c.header, Function.identity()));

		private static final Map<String, Column> BY_FIELD = java.util.Arrays.stream(values())
			.collect(Collectors.toMap(c -> c.field, Function.identity()));

		/** Matches a header cell, tolerating spaces and the "*" people add to mark required columns. */
		static Column byHeader(String header) {
			if (header == null) {
				return null;
			}
			String h = header.replaceAll("[\\s*＊]", "");
			if (h.equals("手机号") || h.equals("联系电话")) {
				return PHONE;
			}
			if (h.equals("身份证号码") || h.equals("身份证号")) {
				return ID_NUMBER;
			}
			return BY_HEADER.get(h);
		}

		static Column byField(String field) {
			return BY_FIELD.get(field);
		}
	}

	static List<List<String>> head() {
		return Column.TEMPLATE.stream().map(c -> List.of(c.header)).toList();
	}

	static String branchLabel(String name, long id) {
		return name + "[" + id + "]";
	}

	/**
	 * Opens a writer with the header, drop-downs and help sheet in place; the caller writes rows to the
	 * returned sheet and finishes the writer. The stream is left open for the servlet container.
	 */
	static Opened open(OutputStream out, List<String> branchLabels) {
		ExcelWriter writer = FastExcel.write(out)
			.autoCloseStream(false)
			.head(head())
			.registerWriteHandler(new LayoutHandler(branchLabels))
			.build();
		WriteSheet sheet = FastExcel.writerSheet(0, DATA_SHEET).build();
		return new Opened(writer, sheet);
	}

	record Opened(ExcelWriter writer, WriteSheet sheet) {

		void write(List<List<Object>> rows) {
			writer.write(rows, sheet);
		}

		void finish() {
			writer.finish();
		}
	}

	/** Widths, text-formatted columns, hidden code lists, named ranges and list validations. */
	private static final class LayoutHandler implements SheetWriteHandler {

		private final List<String> branchLabels;

		LayoutHandler(List<String> branchLabels) {
			this.branchLabels = branchLabels;
		}

		@Override
		public void afterSheetCreate(SheetWriteHandlerContext context) {
			Workbook workbook = context.getWriteWorkbookHolder().getWorkbook();
			Sheet sheet = context.getWriteSheetHolder().getSheet();
			if (!DATA_SHEET.equals(sheet.getSheetName()) || workbook.getSheet(CODE_SHEET) != null) {
				return;
			}
			// "@" keeps 18-digit ID numbers and phone numbers as typed instead of 1.10105E+17.
			CellStyle text = workbook.createCellStyle();
			text.setDataFormat(workbook.createDataFormat().getFormat("@"));
			for (int i = 0; i < Column.TEMPLATE.size(); i++) {
				Column c = Column.TEMPLATE.get(i);
				sheet.setColumnWidth(i, c.width * 256 + 512);
				sheet.setDefaultColumnStyle(i, text);
			}
			sheet.createFreezePane(0, 1);
			writeHelp(workbook.createSheet(HELP_SHEET));

			Sheet codes = workbook.createSheet(CODE_SHEET);
			List<List<String>> lists = new ArrayList<>();
			lists.add(List.of(Gender.MALE.label(), Gender.FEMALE.label()));
			lists.add(List.of(MemberCategory.FULL.label(), MemberCategory.PROBATIONARY.label()));
			lists.add(Ethnicity.all().stream().map(Ethnicity::label).toList());
			lists.add(Education.all().stream().map(Education::label).toList());
			lists.add(branchLabels);
			int longest = lists.stream().mapToInt(List::size).max().orElse(0);
			for (int r = 0; r < longest; r++) {
				Row row = codes.createRow(r);
				for (int c = 0; c < lists.size(); c++) {
					if (r < lists.get(c).size()) {
						row.createCell(c).setCellValue(lists.get(c).get(r));
					}
				}
			}
			workbook.setSheetHidden(workbook.getSheetIndex(codes), true);

			DataValidationHelper helper = sheet.getDataValidationHelper();
			String[] names = { "list_gender", "list_category", "list_ethnicity", "list_education", "list_branch" };
			Column[] columns = { Column.GENDER, Column.CATEGORY, Column.ETHNICITY, Column.EDUCATION, Column.BRANCH };
			for (int c = 0; c < lists.size(); c++) {
				int size = lists.get(c).size();
				if (size == 0) {
					continue;
				}
				Name name = workbook.createName();
				name.setNameName(names[c]);
				char col = (char) ('A' + c);
				name.setRefersToFormula("'" + CODE_SHEET + "'!$" + col + "$1:$" + col + "$" + size);
				int index = Column.TEMPLATE.indexOf(columns[c]);
				DataValidationConstraint constraint = helper.createFormulaListConstraint(names[c]);
				CellRangeAddressList range = new CellRangeAddressList(1,
						SpreadsheetVersion.EXCEL2007.getLastRowIndex(), index, index);
				DataValidation validation = helper.createValidation(constraint, range);
				boolean strict = columns[c] == Column.GENDER || columns[c] == Column.CATEGORY;
				// 民族, 学历 and 支部 also accept codes, short names and ids, so a typed value only warns.
				validation.setErrorStyle(strict ? DataValidation.ErrorStyle.STOP : DataValidation.ErrorStyle.WARNING);
				validation.setShowErrorBox(true);
				validation.createErrorBox("输入提示", "请从下拉列表中选择" + columns[c].header);
				validation.setSuppressDropDownArrow(true);
				sheet.addValidationData(validation);
			}
		}

		private static void writeHelp(Sheet help) {
			String[] lines = {
					"填写说明（第一张工作表“党员信息”的第1行是表头，请勿修改；从第2行起每行一名党员）",
					"姓名、性别、公民身份号码、人员类别、加入党组织日期为必填项。",
					"性别：男 或 女，须与公民身份号码第17位一致（奇数为男）。",
					"公民身份号码：18位，最后一位可为X；请保持单元格为文本格式。",
					"所在党支部：从下拉列表选择“名称[编号]”，也可填写编号或在所选党组织下唯一的支部名称；导入到党支部时可不填。",
					"人员类别：正式党员 或 预备党员；预备党员不填转为正式党员日期。",
					"日期：YYYY-MM-DD（也可写 YYYY/MM/DD、YYYYMMDD 或使用Excel日期）。",
					"民族：GB 3304 名称或代码（如 汉族 或 01）；学历：GB/T 4658 名称或代码（如 大学本科毕业 或 21）。",
					"手机号码：11位手机号，或带区号的固定电话（如0578-1234567）。",
					"任何一行有错误时整份文件都不会保存，请按错误清单修改后重新导入。" };
			help.setColumnWidth(0, 110 * 256);
			for (int i = 0; i < lines.length; i++) {
				help.createRow(i).createCell(0).setCellValue(lines[i]);
			}
		}
	}

	private MemberExcelTemplate() {
	}
}
