package cn.jiceng.masswork;

import java.io.IOException;
import java.io.InputStream;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md "Mass work": households, visits and coverage, service errands and their rates. */
@RestController
@RequestMapping("/api")
class MassworkController {

	private final HouseholdService households;
	private final ErrandService errands;
	private final HouseholdExcel excel;
	private final Clock clock;

	MassworkController(HouseholdService households, ErrandService errands, HouseholdExcel excel, Clock clock) {
		this.households = households;
		this.excel = excel;
		this.errands = errands;
		this.clock = clock;
	}

	@PostMapping("/organizations/{id}/households")
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdService.Household createHousehold(@PathVariable String id, @RequestBody HouseholdService.HouseholdInput in) {
		return households.create(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/households")
	PageResult<HouseholdService.Household> households(@PathVariable String id, @RequestParam(required = false) String q,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return households.list(Ids.parse(id, "党组织"), q, PageRequest.of(page, size));
	}

	@GetMapping("/organizations/{id}/households/import-template")
	ResponseEntity<byte[]> householdTemplate(@PathVariable String id) {
		return excel.template(Ids.parse(id, "党组织"));
	}

	/** Checks every row; saves all of them or none. 200 either way, with the problems by row and column. */
	@PostMapping(path = "/organizations/{id}/households/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	HouseholdExcel.ImportResult importHouseholds(@PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		long org = Ids.parse(id, "党组织");
		if (file == null) {
			households.requireWriterOf(org);
			throw InvalidInputException.of("file", "请上传填写好的农户导入模板（multipart 字段 file）");
		}
		try (InputStream in = file.getInputStream()) {
			return excel.importFile(org, in);
		}
	}

	@GetMapping("/organizations/{id}/households/export")
	ResponseEntity<byte[]> exportHouseholds(@PathVariable String id) {
		return excel.export(Ids.parse(id, "党组织"));
	}

	@PostMapping("/households/{id}/visits")
	@ResponseStatus(HttpStatus.CREATED)
	HouseholdService.Visit visit(@PathVariable String id, @RequestBody HouseholdService.VisitInput in) {
		return households.recordVisit(Ids.parse(id, "农户"), in);
	}

	@GetMapping("/households/{id}/visits")
	List<HouseholdService.Visit> visits(@PathVariable String id) {
		return households.visitsOf(Ids.parse(id, "农户"));
	}

	@GetMapping("/organizations/{id}/visit-coverage")
	HouseholdService.Coverage coverage(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return households.coverage(Ids.parse(id, "党组织"), year == null ? LocalDate.now(clock).getYear() : year);
	}

	@PostMapping("/organizations/{id}/errands")
	@ResponseStatus(HttpStatus.CREATED)
	ErrandService.Errand receive(@PathVariable String id, @RequestBody ErrandService.ErrandInput in) {
		return errands.receive(Ids.parse(id, "党组织"), in);
	}

	@PostMapping("/errands/{id}/complete")
	ErrandService.Errand complete(@PathVariable String id, @RequestBody ErrandService.CompleteInput in) {
		return errands.complete(Ids.parse(id, "代办事项"), in);
	}

	@PostMapping("/errands/{id}/defer")
	ErrandService.Errand defer(@PathVariable String id, @RequestBody ErrandService.DeferInput in) {
		return errands.defer(Ids.parse(id, "代办事项"), in);
	}

	@PostMapping("/errands/{id}/feedback")
	ErrandService.Errand feedback(@PathVariable String id, @RequestBody ErrandService.FeedbackInput in) {
		return errands.feedback(Ids.parse(id, "代办事项"), in);
	}

	@GetMapping("/errands/{id}")
	ErrandService.Errand errand(@PathVariable String id) {
		return errands.find(Ids.parse(id, "代办事项"));
	}

	/** {@code from}/{@code to}: county days of receipt, by default from 1 January of this year to today. */
	@GetMapping("/organizations/{id}/errands")
	ErrandService.ErrandList errands(@PathVariable String id, @RequestParam(required = false) String from,
			@RequestParam(required = false) String to, @RequestParam(required = false) String status) {
		LocalDate today = LocalDate.now(clock);
		ErrandStatus s = FormInput.enumOrNull(ErrandStatus.class, status);
		if (s == null && status != null && !status.isBlank()) {
			throw InvalidInputException.of("status", "状态应为 RECEIVED、DEFERRED 或 DONE");
		}
		return errands.list(Ids.parse(id, "党组织"), day(from, "from", today.withDayOfYear(1)), day(to, "to", today), s);
	}

	/**
	 * The township table (beyond API.md): the organization and each child (villages under a township) with the year's
	 * visit coverage and the errand rates of the year.
	 */
	@GetMapping("/organizations/{id}/mass-work")
	Map<String, Object> table(@PathVariable String id, @RequestParam(required = false) Integer year) {
		long org = Ids.parse(id, "党组织");
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 2000 || y > 2100) {
			throw InvalidInputException.of("year", "年份应在2000至2100之间");
		}
		return Map.of("year", y, "rows", MassworkTable.rows(households.coverageByChild(org, y),
				errands.rates(org, LocalDate.of(y, 1, 1), LocalDate.of(y, 12, 31))));
	}

	private static LocalDate day(String value, String field, LocalDate fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			return LocalDate.parse(value.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of(field, "日期格式应为YYYY-MM-DD");
		}
	}
}
