package cn.jiceng.assessment;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import jakarta.servlet.http.HttpServletResponse;

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

/**
 * API.md "Organization assessment": inspection rounds (通报排名法) with their ranking, bulletin and interviews, and
 * the secretary year-end appraisal (述职评议) with its finalization.
 */
@RestController
@RequestMapping("/api")
class AssessmentInspectionController {

	private final InspectionService inspections;
	private final InterviewService interviews;
	private final SecretaryAppraisalService appraisals;
	private final InspectionBulletinPdf bulletin;

	AssessmentInspectionController(InspectionService inspections, InterviewService interviews,
			SecretaryAppraisalService appraisals, InspectionBulletinPdf bulletin) {
		this.inspections = inspections;
		this.interviews = interviews;
		this.appraisals = appraisals;
		this.bulletin = bulletin;
	}

	@GetMapping("/inspections")
	InspectionService.Items<InspectionService.RoundSummary> list(@RequestParam(required = false) Integer year) {
		return new InspectionService.Items<>(inspections.list(year));
	}

	@PostMapping("/inspections")
	@ResponseStatus(HttpStatus.CREATED)
	InspectionService.RoundView create(@RequestBody(required = false) InspectionService.RoundInput in) {
		return inspections.create(in);
	}

	@GetMapping("/inspections/{id}")
	InspectionService.RoundView get(@PathVariable String id) {
		return inspections.get(Ids.parse(id, "赛事"));
	}

	@PutMapping("/inspections/{id}/scores")
	InspectionService.RoundView scores(@PathVariable String id,
			@RequestBody(required = false) InspectionService.ScoresInput in) {
		return inspections.putScores(Ids.parse(id, "赛事"), in);
	}

	@PostMapping("/inspections/{id}/publish")
	InspectionService.Ranking publish(@PathVariable String id, @RequestBody(required = false) Map<String, Object> in) {
		return inspections.publish(Ids.parse(id, "赛事"), version(in));
	}

	@GetMapping("/inspections/{id}/ranking")
	InspectionService.Ranking ranking(@PathVariable String id) {
		return inspections.ranking(Ids.parse(id, "赛事"));
	}

	@GetMapping("/inspections/{id}/bulletin.pdf")
	ResponseEntity<byte[]> bulletin(@PathVariable String id) {
		byte[] body = bulletin.render(Ids.parse(id, "赛事"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"bulletin.pdf\"")
			.body(body);
	}

	@GetMapping("/inspections/{id}/ranking.xlsx")
	void rankingExcel(@PathVariable String id, HttpServletResponse res) throws IOException {
		InspectionService.Ranking ranking = inspections.ranking(Ids.parse(id, "赛事"));
		send(res, InspectionExcel.ranking(ranking), ranking.name() + "排名.xlsx");
	}

	@PostMapping("/interviews/{id}/held")
	InterviewService.InterviewView held(@PathVariable String id,
			@RequestBody(required = false) InterviewService.HeldInput in) {
		return interviews.held(Ids.parse(id, "约谈"), in);
	}

	@GetMapping("/organizations/{id}/interviews")
	InspectionService.Items<InterviewService.InterviewView> interviews(@PathVariable String id,
			@RequestParam(required = false) Integer year) {
		return new InspectionService.Items<>(interviews.ofSubtree(Ids.parse(id, "党组织"), appraisals.year(year)));
	}

	@PutMapping("/organizations/{id}/secretary-appraisal")
	SecretaryAppraisalService.AppraisalView appraise(@PathVariable String id,
			@RequestParam(required = false) Integer year,
			@RequestBody(required = false) SecretaryAppraisalService.ScoreInput in) {
		return appraisals.put(Ids.parse(id, "党组织"), year, in);
	}

	@PostMapping("/organizations/{id}/secretary-appraisals/finalize")
	SecretaryAppraisalService.Listing finalizeAppraisals(@PathVariable String id,
			@RequestParam(required = false) Integer year) {
		return appraisals.finalize(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/secretary-appraisals")
	SecretaryAppraisalService.Listing appraisals(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return appraisals.list(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/secretary-appraisals.xlsx")
	void appraisalsExcel(@PathVariable String id, @RequestParam(required = false) Integer year,
			HttpServletResponse res) throws IOException {
		SecretaryAppraisalService.Listing listing = appraisals.list(Ids.parse(id, "党组织"), year);
		send(res, InspectionExcel.appraisals(listing), listing.year() + "年度书记述职评议.xlsx");
	}

	private static Integer version(Map<String, Object> in) {
		Object version = in == null ? null : in.get("version");
		if (version != null && !(version instanceof Integer)) {
			throw InvalidInputException.of("version", "版本号应为整数");
		}
		return (Integer) version;
	}

	static void send(HttpServletResponse res, byte[] bytes, String filename) throws IOException {
		res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		res.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		res.setContentLength(bytes.length);
		res.getOutputStream().write(bytes);
	}

}
