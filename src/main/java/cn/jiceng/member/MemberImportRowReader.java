package cn.jiceng.member;

import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.idev.excel.context.AnalysisContext;
import cn.idev.excel.enums.CellDataTypeEnum;
import cn.idev.excel.metadata.data.DataFormatData;
import cn.idev.excel.metadata.data.ReadCellData;
import cn.idev.excel.read.listener.ReadListener;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.member.MemberExcelTemplate.Column;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import org.apache.poi.ss.usermodel.DateUtil;

/**
 * The streaming listener of a member import: maps the header, then checks each row as it arrives (cells to
 * codes and dates, {@link MemberValidator}, the branch column, duplicates within the file) and keeps only what the
 * save needs: the checked rows and the row errors.
 */
final class MemberImportRowReader implements ReadListener<Map<Integer, ReadCellData<?>>> {

	/** The organizations below a higher target, for the branch column. */
	record Subtree(OrgRef root, Map<Long, Org> byId, Map<String, List<Org>> byName) {
	}

	record Org(long id, String name, OrgKind kind) {
	}

	// "名称[编号]" as the template's drop-down writes it; the id decides, the name is for people.
	private static final Pattern LABEL_ID = Pattern.compile("^(.*)[\\[［]\\s*(\\d{1,18})\\s*[\\]］]$");

	private static final Pattern DATE_TEXT = Pattern
		.compile("^(\\d{4})\\s*[-/.年]\\s*(\\d{1,2})\\s*[-/.月]\\s*(\\d{1,2})\\s*日?(?:[ T]\\d{1,2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?$");

	private static final Pattern DATE_DIGITS = Pattern.compile("^(\\d{4})(\\d{2})(\\d{2})$");

	private final MemberValidator validator;
	private final OrgRef target;
	private final Subtree subtree;
	private final MemberImportProgress progress;
	private final EnumMap<Column, Integer> columns = new EnumMap<>(Column.class);

	final List<MemberImportService.ParsedRow> parsed = new ArrayList<>();
	final List<MemberImportResult.RowError> errors = new ArrayList<>();
	final Map<String, Integer> firstRowOfId = new HashMap<>();
	String headerProblem;
	boolean tooMany;
	int rows;
	RuntimeException bug;
	private int total;

	MemberImportRowReader(MemberValidator validator, OrgRef target, Subtree subtree, MemberImportProgress progress) {
		this.validator = validator;
		this.target = target;
		this.subtree = subtree;
		this.progress = progress;
	}

	@Override
	public void invokeHead(Map<Integer, ReadCellData<?>> head, AnalysisContext context) {
		for (var e : head.entrySet()) {
			Column c = Column.byHeader(cellText(e.getValue()));
			if (c != null) {
				columns.putIfAbsent(c, e.getKey());
			}
		}
		List<String> missing = new ArrayList<>();
		for (Column c : Column.TEMPLATE) {
			boolean needed = c.required || (c == Column.BRANCH && subtree != null);
			if (needed && !columns.containsKey(c)) {
				missing.add(c.header);
			}
		}
		if (!missing.isEmpty()) {
			headerProblem = "第1行表头与导入模板不一致，缺少列：" + String.join("、", missing)
					+ (missing.contains(Column.BRANCH.header) && missing.size() == 1
							? "（导入到党支部以上的党组织时须填写所在党支部）" : "");
		}
		Integer approx = context.readSheetHolder().getApproximateTotalRowNumber();
		total = approx == null ? 0 : Math.max(0, approx - 1);
		progress.checking(0, total);
	}

	@Override
	public boolean hasNext(AnalysisContext context) {
		return headerProblem == null && !tooMany;
	}

	@Override
	public void invoke(Map<Integer, ReadCellData<?>> cells, AnalysisContext context) {
		try {
			row(context.readRowHolder().getRowIndex() + 1, cells);
		}
		catch (RuntimeException e) {
			bug = e;
			throw e;
		}
	}

	@Override
	public void doAfterAllAnalysed(AnalysisContext context) {
	}

	private void row(int rowNumber, Map<Integer, ReadCellData<?>> cells) {
		if (headerProblem != null) {
			return;
		}
		boolean blank = true;
		for (Integer index : columns.values()) {
			if (!isBlank(cells.get(index))) {
				blank = false;
				break;
			}
		}
		if (blank) {
			return;
		}
		rows++;
		if (rows > MemberImportService.MAX_ROWS) {
			tooMany = true;
			return;
		}
		if (rows % 500 == 0) {
			progress.checking(rows, total);
		}
		int errorsBefore = errors.size();
		Map<String, String> own = new HashMap<>();

		String rawGender = text(cells, Column.GENDER);
		String gender = genderCode(rawGender);
		if (gender == null) {
			own.put("gender", rawGender == null ? "请填写性别" : "应为“男”或“女”");
		}
		String rawCategory = text(cells, Column.CATEGORY);
		String category = categoryCode(rawCategory);
		if (category == null) {
			own.put("category", rawCategory == null ? "请填写人员类别" : "应为“正式党员”或“预备党员”");
		}
		ReadCellData<?> idCell = cell(cells, Column.ID_NUMBER);
		String rawId = cellText(idCell);
		boolean idAsNumber = idCell != null && idCell.getType() == CellDataTypeEnum.NUMBER;
		if (idAsNumber && rawId != null && rawId.length() >= 15) {
			own.put("idNumber", "单元格是数字格式，Excel 只保留15位有效数字，请将该列设为文本格式后重新填写");
		}
		LocalDate joinedOn = date(cells, Column.JOINED_ON, own);
		LocalDate fullOn = date(cells, Column.FULL_MEMBER_ON, own);
		LocalDate birthDate = date(cells, Column.BIRTH_DATE, own);
		String ethnicity = text(cells, Column.ETHNICITY);
		String education = text(cells, Column.EDUCATION);

		MemberInput input = new MemberInput(text(cells, Column.NAME), gender, rawId, null, category, joinedOn, fullOn,
				ethnicity, education, text(cells, Column.PHONE));
		List<FieldProblem> problems = new ArrayList<>(2);
		MemberValidator.Checked checked = validator.check(input, problems);
		// One problem per cell: a parse problem found here outranks the validator's follow-up ("请填写…").
		for (FieldProblem p : problems) {
			own.putIfAbsent(p.field(), importWording(p));
		}
		if (checked != null && birthDate != null) {
			for (String p : IdNumber.consistencyProblems(checked.id(), birthDate, null)) {
				own.putIfAbsent("birthDate", p);
			}
		}

		Long branchId = target.id();
		if (subtree != null) {
			branchId = resolveBranch(text(cells, Column.BRANCH), own);
		}

		String normalizedId = null;
		if (checked != null) {
			normalizedId = checked.id().value();
		}
		else if (rawId != null && !idAsNumber && IdNumber.check(rawId) instanceof IdNumber.IdCheck.Valid v) {
			normalizedId = v.value();
		}
		if (normalizedId != null) {
			Integer first = firstRowOfId.putIfAbsent(normalizedId, rowNumber);
			if (first != null) {
				own.putIfAbsent("idNumber", "与第 " + first + " 行的公民身份号码重复");
			}
		}

		for (var e : own.entrySet()) {
			error(rowNumber, Column.byField(e.getKey()), e.getValue());
		}
		if (errors.size() == errorsBefore && checked != null && branchId != null) {
			parsed.add(new MemberImportService.ParsedRow(rowNumber, checked, branchId));
		}
	}

	/** Branch column of a higher target: an id, "名称[编号]" or a name unique in the subtree. */
	private Long resolveBranch(String raw, Map<String, String> own) {
		if (raw == null) {
			own.put("organizationId", "请填写所在党支部（可从下拉列表选择）");
			return null;
		}
		Org org;
		Matcher m = LABEL_ID.matcher(raw);
		String digits = m.matches() ? m.group(2) : raw.matches("\\d{1,18}") ? raw : null;
		if (digits != null) {
			org = subtree.byId().get(Long.parseLong(digits));
			if (org == null) {
				own.put("organizationId", "“" + raw + "”不是" + subtree.root().name() + "下的党组织");
				return null;
			}
		}
		else {
			List<Org> named = subtree.byName().getOrDefault(raw, List.of());
			List<Org> branches = named.stream().filter(o -> o.kind() == OrgKind.BRANCH).toList();
			if (branches.size() > 1) {
				own.put("organizationId", "名为“" + raw + "”的党支部不止一个，请按“名称[编号]”填写");
				return null;
			}
			if (named.isEmpty()) {
				own.put("organizationId", subtree.root().name() + "下没有名为“" + raw + "”的党支部");
				return null;
			}
			org = branches.isEmpty() ? named.get(0) : branches.get(0);
		}
		if (org.kind() != OrgKind.BRANCH) {
			own.put("organizationId", "“" + org.name() + "”是" + org.kind().label() + "，党员只能编入党支部");
			return null;
		}
		return org.id();
	}

	private LocalDate date(Map<Integer, ReadCellData<?>> cells, Column column, Map<String, String> own) {
		ReadCellData<?> cell = cell(cells, column);
		if (isBlank(cell)) {
			return null;
		}
		try {
			if (cell.getType() == CellDataTypeEnum.NUMBER && cell.getNumberValue() != null) {
				BigDecimal n = cell.getNumberValue();
				String plain = n.stripTrailingZeros().toPlainString();
				Matcher digits = DATE_DIGITS.matcher(plain);
				if (digits.matches()) {
					return LocalDate.of(Integer.parseInt(digits.group(1)), Integer.parseInt(digits.group(2)),
							Integer.parseInt(digits.group(3)));
				}
				double serial = n.doubleValue();
				// A date cell, or a date whose format was lost ("General" shows the serial number).
				if (serial >= 1 && serial < 2958466 && (isDateFormat(cell) || serial == Math.floor(serial))) {
					return DateUtil.getLocalDateTime(serial).toLocalDate();
				}
			}
			String s = cellText(cell);
			Matcher m = DATE_TEXT.matcher(s);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			m = DATE_DIGITS.matcher(s);
			if (m.matches()) {
				return LocalDate.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)),
						Integer.parseInt(m.group(3)));
			}
			own.put(column.field, "日期格式应为 YYYY-MM-DD（如 2020-07-01）");
		}
		catch (DateTimeException e) {
			own.put(column.field, "日期不存在：" + cellText(cell));
		}
		return null;
	}

	void error(int row, Column column, String message) {
		errors.add(new MemberImportResult.RowError(row, column.field, column.header, column.header + "：" + message));
	}

	private ReadCellData<?> cell(Map<Integer, ReadCellData<?>> cells, Column column) {
		Integer index = columns.get(column);
		return index == null ? null : cells.get(index);
	}

	private String text(Map<Integer, ReadCellData<?>> cells, Column column) {
		return cellText(cell(cells, column));
	}


	private static String importWording(FieldProblem p) {
		return switch (p.field()) {
			case "ethnicity" -> "应为 GB 3304 民族名称或代码（如 汉族 或 01）";
			case "education" -> "应为 GB/T 4658 学历名称或代码（如 大学本科毕业 或 21）";
			default -> p.message();
		};
	}

	static String genderCode(String raw) {
		if (raw == null) {
			return null;
		}
		return switch (raw.toUpperCase()) {
			case "男", "男性", "MALE", "1" -> "MALE";
			case "女", "女性", "FEMALE", "2" -> "FEMALE";
			default -> null;
		};
	}

	static String categoryCode(String raw) {
		if (raw == null) {
			return null;
		}
		return switch (raw.toUpperCase()) {
			case "正式党员", "正式", "FULL" -> "FULL";
			case "预备党员", "预备", "PROBATIONARY" -> "PROBATIONARY";
			default -> null;
		};
	}

	private static boolean isDateFormat(ReadCellData<?> cell) {
		DataFormatData f = cell.getDataFormatData();
		return f != null && f.getIndex() != null && DateUtil.isADateFormat(f.getIndex(), f.getFormat());
	}

	private static boolean isBlank(ReadCellData<?> cell) {
		return cellText(cell) == null;
	}

	/** A cell as trimmed text; numbers without exponent or trailing zeros; null when empty. */
	static String cellText(ReadCellData<?> cell) {
		if (cell == null || cell.getType() == null) {
			return null;
		}
		String s = switch (cell.getType()) {
			case NUMBER -> cell.getNumberValue() == null ? null : cell.getNumberValue().stripTrailingZeros().toPlainString();
			case BOOLEAN -> cell.getBooleanValue() == null ? null : cell.getBooleanValue().toString();
			case EMPTY -> null;
			default -> cell.getStringValue() != null ? cell.getStringValue()
					: cell.getData() == null ? null : cell.getData().toString();
		};
		if (s == null) {
			return null;
		}
		s = s.strip();
		return s.isEmpty() ? null : s;
	}
}
