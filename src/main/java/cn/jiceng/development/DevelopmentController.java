package cn.jiceng.development;

import java.util.List;

import cn.jiceng.common.Ids;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

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

/** API.md "Membership development": the record book, its steps, lists, warnings, the yearly plan and the PDF. */
@RestController
@RequestMapping("/api")
class DevelopmentController {

	private final DevelopmentService development;
	private final DevelopmentBookPdf pdf;

	DevelopmentController(DevelopmentService development, DevelopmentBookPdf pdf) {
		this.development = development;
		this.pdf = pdf;
	}

	@PostMapping("/development-records")
	@ResponseStatus(HttpStatus.CREATED)
	DevelopmentService.RecordView create(@RequestBody(required = false) DevelopmentService.CreateInput in) {
		return development.create(in);
	}

	@GetMapping("/development-records/{id}")
	DevelopmentService.RecordView get(@PathVariable String id) {
		return development.get(Ids.parse(id, "发展党员记实簿"));
	}

	@PostMapping("/development-records/{id}/steps")
	@ResponseStatus(HttpStatus.CREATED)
	DevelopmentService.RecordView step(@PathVariable String id,
			@RequestBody(required = false) DevelopmentService.StepInput in) {
		return development.recordStep(Ids.parse(id, "发展党员记实簿"), in);
	}

	@GetMapping("/organizations/{id}/development-records")
	PageResult<DevelopmentService.RecordSummary> list(@PathVariable String id,
			@RequestParam(required = false) String stage, @RequestParam(required = false) Boolean warned,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return development.list(Ids.parse(id, "党组织"), stage, warned, q, PageRequest.of(page, size));
	}

	@GetMapping("/organizations/{id}/development-warnings")
	PageResult<DevelopmentService.RecordSummary> warnings(@PathVariable String id,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return development.list(Ids.parse(id, "党组织"), null, true, null, PageRequest.of(page, size));
	}

	@GetMapping("/organizations/{id}/development-pipeline")
	DevelopmentService.Pipeline pipeline(@PathVariable String id) {
		return development.pipeline(Ids.parse(id, "党组织"));
	}

	@PutMapping("/organizations/{id}/development-plan")
	DevelopmentService.PlanView putPlan(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestBody(required = false) DevelopmentService.PlanInput in) {
		return development.putPlan(Ids.parse(id, "党组织"), year, in);
	}

	@GetMapping("/organizations/{id}/development-plan")
	DevelopmentService.PlanView plan(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return development.plan(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/development-plans")
	List<DevelopmentService.PlanView> plans(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return development.plans(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/development-records/{id}/book.pdf")
	ResponseEntity<byte[]> book(@PathVariable String id) {
		DevelopmentService.RecordView record = development.get(Ids.parse(id, "发展党员记实簿"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"development-" + record.id() + ".pdf\"")
			.body(pdf.render(record));
	}
}
