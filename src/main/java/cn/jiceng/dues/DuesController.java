package cn.jiceng.dues;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

import cn.jiceng.common.Ids;
import cn.jiceng.common.PageRequest;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Party dues (API.md "Party dues") and the subtree reports beside it. */
@RestController
@RequestMapping("/api")
class DuesController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final DuesService dues;
	private final DuesReports reports;
	private final Clock clock;

	DuesController(DuesService dues, DuesReports reports, Clock clock) {
		this.dues = dues;
		this.reports = reports;
		this.clock = clock;
	}

	@PutMapping("/members/{id}/dues-base")
	DuesService.BaseView setBase(@PathVariable String id, @RequestBody DuesService.BaseRequest req) {
		return dues.setBase(Ids.parse(id, "党员"), req);
	}

	@GetMapping("/members/{id}/dues-base")
	List<DuesService.BaseView> bases(@PathVariable String id) {
		return dues.baseHistory(Ids.parse(id, "党员"));
	}

	@PostMapping("/members/{id}/dues-payments")
	@ResponseStatus(HttpStatus.CREATED)
	DuesService.PaymentView pay(@PathVariable String id, @RequestBody DuesService.PaymentRequest req) {
		return dues.recordPayment(Ids.parse(id, "党员"), req);
	}

	@GetMapping("/members/{id}/dues-payments")
	List<DuesService.PaymentView> payments(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return dues.payments(Ids.parse(id, "党员"), year == null ? null : Inputs.year(year, year));
	}

	@GetMapping("/members/{id}/dues")
	DuesService.YearView year(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return dues.year(Ids.parse(id, "党员"), Inputs.year(year, LocalDate.now(clock).getYear()));
	}

	/** The collection table's bulk entry: each listed member pays what is still due for the month. */
	@PostMapping("/organizations/{id}/dues-payments")
	DuesService.BulkResult bulk(@PathVariable String id, @RequestBody DuesService.BulkRequest req) {
		return dues.recordBulk(Ids.parse(id, "党组织"), req);
	}

	@GetMapping("/organizations/{id}/dues-collection")
	DuesReports.Collection collection(@PathVariable String id, @RequestParam(required = false) String month) {
		return reports.collection(Ids.parse(id, "党组织"), monthOr(month, YearMonth.now(clock)));
	}

	@GetMapping("/organizations/{id}/dues-arrears")
	DuesReports.ArrearsReport arrears(@PathVariable String id, @RequestParam(required = false) String asOf) {
		return reports.arrears(Ids.parse(id, "党组织"), asOf == null || asOf.isBlank()
				? YearMonth.now(clock).minusMonths(1) : Inputs.month(asOf, "asOf", "截止月份"));
	}

	@GetMapping("/organizations/{id}/dues-base-review")
	DuesReports.BaseReview review(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return reports.baseReview(Ids.parse(id, "党组织"), Inputs.year(year, LocalDate.now(clock).getYear()),
				PageRequest.of(page, size));
	}

	@GetMapping("/organizations/{id}/dues-summary")
	DuesReports.Summary summary(@PathVariable String id, @RequestParam(required = false) String month) {
		return reports.summary(Ids.parse(id, "党组织"), monthOr(month, YearMonth.now(clock)));
	}

	@GetMapping("/organizations/{id}/dues-summary.xlsx")
	ResponseEntity<byte[]> summaryXlsx(@PathVariable String id, @RequestParam(required = false) String month) {
		DuesReports.Summary s = reports.summary(Ids.parse(id, "党组织"), monthOr(month, YearMonth.now(clock)));
		return xlsx(s);
	}

	static ResponseEntity<byte[]> xlsx(DuesReports.Summary s) {
		String name = "党费收缴汇总-" + s.organizationName() + "-" + s.month() + ".xlsx";
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(DuesSummaryExcel.write(s));
	}

	static YearMonth monthOr(String month, YearMonth fallback) {
		return month == null || month.isBlank() ? fallback : Inputs.month(month, "month", "月份");
	}
}
