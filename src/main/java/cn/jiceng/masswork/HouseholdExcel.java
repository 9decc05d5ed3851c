package cn.jiceng.masswork;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.idev.excel.FastExcel;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.Workbooks;
import cn.jiceng.member.PhoneNumber;
import cn.jiceng.organization.OrgRef;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The ledger as Excel (API.md "Mass work", "import/export as members"): a template, an import that checks every row
 * and saves all or none, answering the problems by row and column, and the export of the subtree.
 */
@Component
class HouseholdExcel {

	static final List<String> HEAD = List.of("户主姓名", "住址", "村民小组", "联系电话", "标签");

	static final int MAX_ERRORS = 200;

	/** Exports carry full phones only for administrators, like the roster's (a file is copied around). */
	static final java.util.Set<Role> EXPORTS_PERSONAL_DATA = java.util.Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	record RowError(int row, String field, String column, String message) {
	}

	record ImportResult(int saved, int rows, int errorCount, List<RowError> errors) {
	}

	private final HouseholdService households;
	private final DataScope scope;

	HouseholdExcel(HouseholdService households, DataScope scope) {
		this.households = households;
		this.scope = scope;
	}

	ResponseEntity<byte[]> template(long organizationId) {
		households.requireWriterOf(organizationId);
		String tags = Arrays.stream(HouseholdTag.values()).map(HouseholdTag::label).collect(Collectors.joining("、"));
		return Workbooks.download("农户导入模板.xlsx", "农户", HEAD,
				List.of(List.of("王大山", "一组12号", "一组", "13812345678", "独居老人、残疾（可选：" + tags + "）")));
	}

	@Transactional
	ImportResult importFile(long organizationId, InputStream in) throws IOException {
		OrgRef org = households.requireWriterOf(organizationId);
		List<Map<Integer, String>> rows;
		try {
			rows = FastExcel.read(in).sheet(0).headRowNumber(1).doReadSync();
		}
		catch (RuntimeException e) {
			throw InvalidInputException.of("file", "无法读取上传的文件，请使用农户导入模板（.xlsx）");
		}
		List<RowError> errors = new ArrayList<>();
		int errorCount = 0;
		List<HouseholdService.Valid> valid = new ArrayList<>();
		int dataRows = 0;
		for (int i = 0; i < rows.size(); i++) {
			Map<Integer, String> r = rows.get(i);
			if (r.values().stream().allMatch(v -> v == null || v.isBlank())) {
				continue;
			}
			dataRows++;
			List<FieldProblem> problems = new ArrayList<>();
			HouseholdService.Valid v = HouseholdService.validate(new HouseholdService.HouseholdInput(r.get(0), r.get(1),
					r.get(2), r.get(3), tagCodes(r.get(4), problems)), problems);
			for (FieldProblem p : problems) {
				errorCount++;
				if (errors.size() < MAX_ERRORS) {
					String column = column(p.field());
					errors.add(new RowError(i + 2, p.field(), column, column + "：" + p.message()));
				}
			}
			if (problems.isEmpty()) {
				valid.add(v);
			}
		}
		if (errorCount > 0) {
			return new ImportResult(0, dataRows, errorCount, errors);
		}
		valid.forEach(v -> households.insert(org, v));
		return new ImportResult(valid.size(), dataRows, 0, List.of());
	}

	ResponseEntity<byte[]> export(long organizationId) {
		boolean full = EXPORTS_PERSONAL_DATA.contains(scope.current().caller().role());
		List<List<Object>> rows = new ArrayList<>();
		for (HouseholdService.Household h : households.all(organizationId)) {
			String phone = h.phone() == null ? "" : full ? h.phone() : PhoneNumber.mask(h.phone());
			rows.add(List.of(h.head(), h.address(), h.group() == null ? "" : h.group(), phone,
					h.tags().stream().map(HouseholdTag::label).collect(Collectors.joining("、")), h.organizationName(),
					h.visitsThisYear()));
		}
		List<String> head = new ArrayList<>(HEAD);
		head.add("所属组织");
		head.add("今年走访次数");
		return Workbooks.download("民情信息库.xlsx", "农户", head, rows);
	}

	/** Tags by label or code, separated by 、 , ， or spaces; an unknown one is a problem on the tags column. */
	private static List<String> tagCodes(String cell, List<FieldProblem> problems) {
		List<String> codes = new ArrayList<>();
		if (cell == null || cell.isBlank()) {
			return codes;
		}
		for (String part : cell.trim().split("[、,，\\s]+")) {
			HouseholdTag found = Arrays.stream(HouseholdTag.values())
				.filter(t -> t.label().equals(part) || t.name().equalsIgnoreCase(part))
				.findFirst()
				.orElse(null);
			if (found == null) {
				problems.add(new FieldProblem("tags", "不认识的标签「" + part + "」"));
			}
			else {
				codes.add(found.name());
			}
		}
		return codes;
	}

	private static String column(String field) {
		return switch (field) {
			case "head" -> HEAD.get(0);
			case "address" -> HEAD.get(1);
			case "group" -> HEAD.get(2);
			case "phone" -> HEAD.get(3);
			default -> HEAD.get(4);
		};
	}
}
