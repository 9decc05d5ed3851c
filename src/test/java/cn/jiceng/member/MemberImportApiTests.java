package cn.jiceng.member;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import cn.jiceng.support.Api;
import cn.jiceng.support.ApiTest;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

import org.springframework.boot.test.web.server.LocalServerPort;

import static org.assertj.core.api.Assertions.assertThat;

@ApiTest
class MemberImportApiTests {

	static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

	static final List<String> HEADERS = List.of("姓名", "性别", "公民身份号码", "所在党支部", "人员类别", "加入党组织日期",
			"转为正式党员日期", "民族", "学历", "手机号码");

	@LocalServerPort
	int port;

	Api admin;
	Fixture.Township town;

	@BeforeEach
	void setUp() {
		admin = Api.login(port, "admin", ApiTest.ADMIN_PASSWORD);
		town = Fixture.township(admin);
	}

	@Test
	void templateDownloadsAsXlsxWithChineseHeadersAndDropDowns() throws IOException {
		Api.Response r = admin.get("/api/members/import-template?organizationId=" + town.id());

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.contentType()).startsWith(XLSX);
		try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(r.bytes()))) {
			Sheet data = wb.getSheetAt(0);
			assertThat(data.getSheetName()).isEqualTo("党员信息");
			assertThat(Fixture.rows(r.bytes()).get(0)).containsExactlyElementsOf(HEADERS);
			Sheet codes = wb.getSheet("代码");
			assertThat(wb.isSheetHidden(wb.getSheetIndex(codes))).isTrue();
			List<String> branchList = new ArrayList<>();
			for (Row row : codes) {
				Cell c = row.getCell(4);
				if (c != null) {
					branchList.add(c.getStringCellValue());
				}
			}
			assertThat(branchList).containsExactly(town.branchA().label(), town.branchB().label());
			assertThat(wb.getName("list_branch").getRefersToFormula()).contains("代码").endsWith("!$E$1:$E$2");
			assertThat(wb.getName("list_ethnicity").getRefersToFormula()).endsWith("!$C$1:$C$58");
			assertThat(data.getDataValidations()).hasSize(5);
		}
	}

	@Test
	void validFileImportsEveryRowAndTheMembersAreOnTheRoll() {
		String a = Fixture.name();
		String b = Fixture.name();
		String c = Fixture.name();
		String idA = Fixture.idNumber(Gender.MALE);
		String idB = Fixture.idNumber(Gender.FEMALE);
		String idC = Fixture.idNumber(Gender.MALE);
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(a, "男", idA, "", "正式党员", "2010-07-01", "2011-07-01", "汉族", "大学本科毕业", "13812345678"),
				Fixture.row(b, "FEMALE", idB, "", "PROBATIONARY", "2024/03/15", "", "03", "21", ""),
				Fixture.row(c, "男", idC, "", "FULL", LocalDate.of(2015, 6, 30), "20160630", "", "", "0578-1234567")));

		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + town.branchA().id(), "党员.xlsx",
				XLSX, file);

		assertThat(r.status()).as(r.body()).isEqualTo(200);
		assertThat(r.json().get("saved").asInt()).isEqualTo(3);
		assertThat(r.json().get("errors")).isEmpty();
		JsonNode found = admin.get("/api/members?q=" + b).json();
		assertThat(found.get("total").asInt()).isEqualTo(1);
		JsonNode member = admin.get("/api/members/" + found.get("items").get(0).get("id").asText()).json();
		assertThat(member.get("idNumber").asText()).isEqualTo(idB);
		assertThat(member.get("organizationId").asText()).isEqualTo(town.branchA().id());
		assertThat(member.get("category").asText()).isEqualTo("PROBATIONARY");
		assertThat(member.get("joinedOn").asText()).isEqualTo("2024-03-15");
		assertThat(member.get("ethnicity").asText()).isEqualTo("03");
		assertThat(member.get("education").asText()).isEqualTo("21");
		JsonNode third = admin.get("/api/members?q=" + c).json().get("items").get(0);
		assertThat(third.get("joinedOn").asText()).isEqualTo("2015-06-30");
		assertThat(third.get("fullMemberOn").asText()).isEqualTo("2016-06-30");
		JsonNode audit = admin.get("/api/audit?entityId=" + member.get("id").asText()).json();
		assertThat(audit.get("items").get(0).get("action").asText()).isEqualTo("IMPORT");
		assertThat(audit.get("items").get(0).get("actor").asText()).isEqualTo("admin");
	}

	@Test
	void aControlCharacterInANameCellIsNeverStored() {
		String good = Fixture.name();
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(good, "男", Fixture.idNumber(Gender.MALE), "", "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row("张\u0001三\u0000", "男", Fixture.idNumber(Gender.MALE), "", "正式党员", "2010-07-01", "", "", "", "")));

		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + town.branchA().id(), "党员.xlsx",
				XLSX, file);

		// Excel writes the characters as _x0001_ escapes; whether the reader turns them back or keeps the escape
		// text, the import either refuses the row or stores a name without control characters.
		assertThat(r.status()).as(r.body()).isEqualTo(200);
		JsonNode stored = admin.get("/api/members?organizationId=" + town.branchA().id()).json().get("items");
		stored.forEach(m -> assertThat(cn.jiceng.common.TextRule.problem(m.get("name").asText())).as(m.toString()).isEmpty());
		if (r.json().get("saved").asInt() == 0) {
			assertThat(r.json().get("errors").get(0).get("field").asText()).as(r.body()).isEqualTo("name");
		}
	}

	@Test
	void importIntoAHigherOrganizationPlacesEachRowByItsBranchColumn() {
		String a = Fixture.name();
		String b = Fixture.name();
		String c = Fixture.name();
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(a, "男", Fixture.idNumber(Gender.MALE), town.branchA().label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(b, "女", Fixture.idNumber(Gender.FEMALE), town.branchB().id(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(c, "女", Fixture.idNumber(Gender.FEMALE), town.branchB().name(), "预备党员", "2025-01-02", "", "", "", "")));

		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + town.id(), "x.xlsx", XLSX, file);

		assertThat(r.json().get("saved").asInt()).as(r.body()).isEqualTo(3);
		assertThat(organizationOf(a)).isEqualTo(town.branchA().id());
		assertThat(organizationOf(b)).isEqualTo(town.branchB().id());
		assertThat(organizationOf(c)).isEqualTo(town.branchB().id());
	}

	@Test
	void fileWithBadRowsAnswersEveryErrorByRowAndColumnAndSavesNothing() {
		String good = Fixture.name();
		String goodId = Fixture.idNumber(Gender.MALE);
		String badCheck = Fixture.idNumber(Gender.MALE);
		badCheck = badCheck.substring(0, 17) + (badCheck.charAt(17) == '1' ? "2" : "1");
		int before = memberCount(town.id());
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(good, "男", goodId, town.branchA().label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "男", badCheck, town.branchA().label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "女", Fixture.idNumber(Gender.FEMALE), town.label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(),
				Fixture.row(Fixture.name(), "男", goodId, town.branchB().label(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "未知", Fixture.idNumber(Gender.FEMALE), town.branchB().label(), "党员", "2010-13-01", "", "火星族", "", "12345")));

		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + town.id(), "x.xlsx", XLSX, file);

		assertThat(r.status()).isEqualTo(200);
		assertThat(r.json().get("saved").asInt()).isZero();
		List<String> errors = new ArrayList<>();
		for (JsonNode e : r.json().get("errors")) {
			errors.add(e.get("row").asInt() + " " + e.get("field").asText() + " " + e.get("message").asText());
		}
		assertThat(errors).containsExactly(
				"3 idNumber 公民身份号码：身份证号码校验位不正确",
				"4 organizationId 所在党支部：“" + town.name() + "”是基层党委，党员只能编入党支部",
				"6 idNumber 公民身份号码：与第 2 行的公民身份号码重复",
				"7 gender 性别：应为“男”或“女”",
				"7 category 人员类别：应为“正式党员”或“预备党员”",
				"7 joinedOn 加入党组织日期：日期不存在：2010-13-01",
				"7 ethnicity 民族：应为 GB 3304 民族名称或代码（如 汉族 或 01）",
				"7 phone 手机号码：手机号码应为11位数字，以13至19开头");
		assertThat(r.json().get("errorCount").asInt()).isEqualTo(8);
		assertThat(admin.get("/api/members?q=" + good).json().get("total").asInt()).isZero();
		assertThat(memberCount(town.id())).isEqualTo(before);
	}

	@Test
	void exportedRosterReimportedElsewhereReportsEveryRowAsAlreadyOnTheRoll() throws IOException {
		String idA = Fixture.idNumber(Gender.MALE);
		String idB = Fixture.idNumber(Gender.FEMALE);
		String nameA = Fixture.name();
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(nameA, "男", idA, "", "正式党员", "2010-07-01", "2011-07-01", "汉族", "大学本科毕业", "13812345678"),
				Fixture.row(Fixture.name(), "女", idB, "", "预备党员", "2025-01-02", "", "", "", "")));
		assertThat(admin.postMultipart("/api/members/import?organizationId=" + town.branchA().id(), "x.xlsx", XLSX, file)
			.json()
			.get("saved")
			.asInt()).isEqualTo(2);

		Api.Response export = admin.get("/api/members/export?organizationId=" + town.id());

		assertThat(export.status()).isEqualTo(200);
		assertThat(export.contentType()).startsWith(XLSX);
		List<List<String>> rows = Fixture.rows(export.bytes());
		assertThat(rows.get(0)).containsExactlyElementsOf(HEADERS);
		assertThat(rows).hasSize(3);
		List<String> a = rows.stream().filter(row -> row.get(0).equals(nameA)).findFirst().orElseThrow();
		assertThat(a).containsExactly(nameA, "男", idA, town.branchA().label(), "正式党员", "2010-07-01", "2011-07-01",
				"汉族", "大学本科毕业", "13812345678");

		Api.Response again = admin.postMultipart("/api/members/import?organizationId=" + town.branchB().id(),
				"党员名册.xlsx", XLSX, export.bytes());

		assertThat(again.json().get("saved").asInt()).isZero();
		assertThat(again.json().get("errors")).hasSize(2);
		for (JsonNode e : again.json().get("errors")) {
			assertThat(e.get("field").asText()).isEqualTo("idNumber");
			assertThat(e.get("message").asText()).isEqualTo("公民身份号码：该公民身份号码已在党员名册中");
		}
		assertThat(memberCount(town.branchB().id())).isZero();
	}

	@Test
	void inspectorExportsMaskedIdNumbersAndMayNotImport() {
		String id = Fixture.idNumber(Gender.FEMALE);
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(Fixture.name(), "女", id, "", "正式党员", "2010-07-01", "", "", "", "13812345678")));
		assertThat(admin.postMultipart("/api/members/import?organizationId=" + town.branchA().id(), "x.xlsx", XLSX, file)
			.json()
			.get("saved")
			.asInt()).isEqualTo(1);
		Api inspector = Fixture.account(admin, port, "INSPECTOR", town.id());

		Api.Response export = inspector.get("/api/members/export?organizationId=" + town.id());

		assertThat(export.status()).isEqualTo(200);
		List<List<String>> rows = Fixture.rows(export.bytes());
		assertThat(rows.get(0)).containsExactlyElementsOf(HEADERS);
		assertThat(rows.get(1).get(2)).isEqualTo(IdNumber.mask(id)).contains("********");
		assertThat(rows.get(1).get(9)).isEqualTo("138****5678");
		Api.Response refused = inspector.postMultipart("/api/members/import?organizationId=" + town.branchA().id(),
				"x.xlsx", XLSX, file);
		assertThat(refused.status()).isEqualTo(403);
	}

	@Test
	void importOutsideTheCallersScopeIsNotFound() {
		Api secretary = Fixture.account(admin, port, "BRANCH_SECRETARY", town.branchA().id());
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(Fixture.name(), "女", Fixture.idNumber(Gender.FEMALE), "", "正式党员", "2010-07-01", "", "", "", "")));

		Api.Response r = secretary.postMultipart("/api/members/import?organizationId=" + town.branchB().id(), "x.xlsx",
				XLSX, file);

		assertThat(r.status()).isEqualTo(404);
		assertThat(memberCount(town.branchB().id())).isZero();
		Api.Response own = secretary.postMultipart("/api/members/import?organizationId=" + town.branchA().id(), "x.xlsx",
				XLSX, file);
		assertThat(own.json().get("saved").asInt()).isEqualTo(1);
	}

	@Test
	void idNumbersTypedAsNumbersAndUnknownBranchesAreExplained() {
		String id = Fixture.idNumber(Gender.MALE);
		byte[] file = Fixture.xlsx(HEADERS, List.of(
				Fixture.row(Fixture.name(), "男", Double.valueOf(id.substring(0, 17)), town.branchA().id(), "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "男", id, "不存在的支部", "正式党员", "2010-07-01", "", "", "", ""),
				Fixture.row(Fixture.name(), "男", Fixture.idNumber(Gender.MALE), "", "正式党员", "2010-07-01", "", "", "", "")));

		Api.Response r = admin.postMultipart("/api/members/import?organizationId=" + town.id(), "x.xlsx", XLSX, file);

		List<String> errors = new ArrayList<>();
		for (JsonNode e : r.json().get("errors")) {
			errors.add(e.get("row").asInt() + " " + e.get("message").asText());
		}
		assertThat(errors).containsExactly(
				"2 公民身份号码：单元格是数字格式，Excel 只保留15位有效数字，请将该列设为文本格式后重新填写",
				"3 所在党支部：" + town.name() + "下没有名为“不存在的支部”的党支部",
				"4 所在党支部：请填写所在党支部（可从下拉列表选择）");
		assertThat(r.json().get("saved").asInt()).isZero();
	}

	@Test
	void filesThatAreNotFilledTemplatesAreRefusedWith400() {
		String url = "/api/members/import?organizationId=" + town.branchA().id();

		Api.Response text = admin.postMultipart(url, "名单.xlsx", XLSX, "姓名,性别".getBytes());
		Api.Response empty = admin.postMultipart(url, "empty.xlsx", XLSX, new byte[0]);
		Api.Response headerOnly = admin.postMultipart(url, "h.xlsx", XLSX, Fixture.xlsx(HEADERS, List.of()));
		Api.Response wrongHeader = admin.postMultipart(url, "w.xlsx", XLSX,
				Fixture.xlsx(List.of("姓名", "电话"), List.of(Fixture.row("张三", "13812345678"))));
		Api.Response zipNotXlsx = admin.postMultipart(url, "z.xlsx", XLSX, Fixture.zip());

		assertThat(text.status()).isEqualTo(400);
		assertThat(text.text("detail")).contains(".xlsx");
		assertThat(empty.status()).isEqualTo(400);
		assertThat(empty.text("detail")).contains("文件是空的");
		assertThat(headerOnly.status()).isEqualTo(400);
		assertThat(headerOnly.text("detail")).contains("没有党员数据");
		assertThat(wrongHeader.status()).isEqualTo(400);
		assertThat(wrongHeader.text("detail")).contains("缺少列：性别、公民身份号码、人员类别、加入党组织日期");
		assertThat(zipNotXlsx.status()).isEqualTo(400);
		assertThat(zipNotXlsx.text("detail")).contains("无法读取");
	}

	private String organizationOf(String name) {
		return admin.get("/api/members?q=" + name).json().get("items").get(0).get("organizationId").asText();
	}

	private int memberCount(String orgId) {
		return admin.get("/api/organizations/" + orgId).json().get("memberCount").asInt();
	}

	/** Test data: organizations with unique names, unique ID numbers and small workbooks. */
	static final class Fixture {

		record Org(String id, String name) {

			String label() {
				return name + "[" + id + "]";
			}
		}

		record Township(String id, String name, Org branchA, Org branchB) {

			String label() {
				return name + "[" + id + "]";
			}
		}

		private static final Set<String> ISSUED = new HashSet<>();

		static Township township(Api admin) {
			String root = admin.get("/api/me").text("organizationId");
			String suffix = UUID.randomUUID().toString().substring(0, 8);
			String townName = "导入测试镇党委" + suffix;
			String townId = create(admin, townName, "COMMITTEE", root);
			Org a = new Org(create(admin, "一村党支部" + suffix, "BRANCH", townId), "一村党支部" + suffix);
			Org b = new Org(create(admin, "二村党支部" + suffix, "BRANCH", townId), "二村党支部" + suffix);
			return new Township(townId, townName, a, b);
		}

		private static String create(Api admin, String name, String kind, String parentId) {
			Api.Response r = admin.post("/api/organizations",
					Map.of("name", name, "kind", kind, "field", "RURAL", "parentId", parentId));
			if (r.status() != 201) {
				throw new IllegalStateException(r.body());
			}
			return r.text("id");
		}

		static Api account(Api admin, int port, String role, String organizationId) {
			String username = "imp-" + role.toLowerCase().replace('_', '-') + "-" + UUID.randomUUID().toString().substring(0, 8);
			Map<String, Object> body = new LinkedHashMap<>();
			body.put("username", username);
			body.put("password", "Import-Test-1");
			body.put("role", role);
			body.put("organizationId", organizationId);
			Api.Response r = admin.post("/api/accounts", body);
			if (r.status() != 201) {
				throw new IllegalStateException(r.body());
			}
			return Api.login(port, username, "Import-Test-1");
		}

		static String name() {
			return "导" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
		}

		/** Random birth date and sequence so numbers never collide with other tests sharing the database. */
		static synchronized String idNumber(Gender gender) {
			ThreadLocalRandom random = ThreadLocalRandom.current();
			while (true) {
				LocalDate birth = LocalDate.of(1950, 1, 1).plusDays(random.nextInt(365 * 40));
				String id = IdNumber.generate("3307" + (10 + random.nextInt(80)), birth, random.nextInt(1000), gender);
				if (ISSUED.add(id)) {
					return id;
				}
			}
		}

		static List<Object> row(Object... values) {
			return List.of(values);
		}

		/** A workbook like people fill in: strings as text, LocalDate as a real date cell. */
		static byte[] xlsx(List<String> headers, List<List<Object>> rows) {
			try (XSSFWorkbook wb = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
				Sheet sheet = wb.createSheet("党员信息");
				CellStyle dateStyle = wb.createCellStyle();
				dateStyle.setDataFormat(wb.createDataFormat().getFormat("yyyy-mm-dd"));
				Row head = sheet.createRow(0);
				for (int i = 0; i < headers.size(); i++) {
					head.createCell(i).setCellValue(headers.get(i));
				}
				for (int r = 0; r < rows.size(); r++) {
					Row row = sheet.createRow(r + 1);
					List<Object> values = rows.get(r);
					for (int i = 0; i < values.size(); i++) {
						Object v = values.get(i);
						if (v instanceof LocalDate d) {
							Cell cell = row.createCell(i);
							cell.setCellValue(d);
							cell.setCellStyle(dateStyle);
						}
						else if (v instanceof Number n) {
							row.createCell(i).setCellValue(n.doubleValue());
						}
						else if (v != null && !v.toString().isEmpty()) {
							row.createCell(i).setCellValue(v.toString());
						}
					}
				}
				wb.write(out);
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** A zip archive that is not a workbook (a .docx renamed, say). */
		static byte[] zip() {
			try (ByteArrayOutputStream out = new ByteArrayOutputStream();
					java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(out)) {
				zip.putNextEntry(new java.util.zip.ZipEntry("readme.txt"));
				zip.write("not a workbook".getBytes());
				zip.closeEntry();
				zip.finish();
				return out.toByteArray();
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}

		/** The first sheet as displayed text, row by row (trailing empty cells dropped). */
		static List<List<String>> rows(byte[] xlsx) {
			DataFormatter formatter = new DataFormatter();
			List<List<String>> rows = new ArrayList<>();
			try (Workbook wb = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
				for (Row row : wb.getSheetAt(0)) {
					List<String> cells = new ArrayList<>();
					for (int i = 0; i < row.getLastCellNum(); i++) {
						Cell c = row.getCell(i);
						cells.add(c == null ? "" : formatter.formatCellValue(c));
					}
					rows.add(cells);
				}
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return rows;
		}
	}
}
