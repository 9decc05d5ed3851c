package cn.jiceng.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md "Responsibility and supervision": rectification notices and their problems (问题交办). */
@RestController
@RequestMapping("/api")
class ProblemController {

	private final ProblemService problems;
	private final DutyListService duties;
	private final SupervisionFiles files;

	ProblemController(ProblemService problems, DutyListService duties, SupervisionFiles files) {
		this.problems = problems;
		this.duties = duties;
		this.files = files;
	}

	@PostMapping("/rectification-notices")
	@ResponseStatus(HttpStatus.CREATED)
	ProblemService.NoticeView issue(@RequestBody(required = false) ProblemService.NoticeInput in) {
		return problems.issue(in);
	}

	@GetMapping("/organizations/{id}/problems")
	PageResult<ProblemService.ProblemView> list(@PathVariable String id,
			@RequestParam(required = false) String status, @RequestParam(required = false) String overdue,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		return problems.list(Ids.parse(id, "党组织"), status, overdue, PageRequest.of(page, size));
	}

	@GetMapping("/problems/{id}")
	ProblemService.ProblemDetail get(@PathVariable String id) {
		return problems.detail(Ids.parse(id, "交办问题"));
	}

	@PostMapping("/problems/{id}/follow-ups")
	@ResponseStatus(HttpStatus.CREATED)
	ProblemService.FollowUpView followUp(@PathVariable String id,
			@RequestBody(required = false) ProblemService.FollowUpInput in) {
		return problems.followUp(Ids.parse(id, "交办问题"), in);
	}

	@PostMapping("/problems/{id}/files")
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionFiles.FileView upload(@PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		long problemId = Ids.parse(id, "交办问题");
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		try (InputStream in = file.getInputStream()) {
			return problems.upload(problemId, file.getOriginalFilename(), file.getSize(), in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/problems/{id}/files")
	Map<String, List<SupervisionFiles.FileView>> files(@PathVariable String id) {
		return Map.of("items", problems.files(Ids.parse(id, "交办问题")));
	}

	@PostMapping("/problems/{id}/rectified")
	ProblemService.ProblemView rectified(@PathVariable String id,
			@RequestBody(required = false) ProblemService.RectifyInput in) {
		return problems.rectified(Ids.parse(id, "交办问题"), in);
	}

	@PostMapping("/problems/{id}/verify")
	ProblemService.ProblemView verify(@PathVariable String id,
			@RequestBody(required = false) ProblemService.VerifyInput in) {
		return problems.verify(Ids.parse(id, "交办问题"), in);
	}

	/** A problem's or a duty item's evidence, for whoever may see its owner. */
	@GetMapping("/supervision-files/{id}")
	ResponseEntity<Resource> download(@PathVariable String id) {
		SupervisionFiles.Stored f = files.find(Ids.parse(id, "文件"));
		if (f.problemId() != null) {
			problems.requireVisible(f.problemId());
		}
		else {
			duties.requireItemVisible(f.dutyItemId());
		}
		return new EvidenceFiles.Download(f.name(), f.contentType(), f.size(), f.sha256(), files.bytes(f)).inline();
	}

	@ExceptionHandler(EvidenceFiles.UnsupportedFileTypeException.class)
	ResponseEntity<ProblemDetail> unsupported(EvidenceFiles.UnsupportedFileTypeException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件类型不支持", e.getMessage());
	}

	@ExceptionHandler(EvidenceFiles.FileTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(EvidenceFiles.FileTooLargeException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", e.getMessage());
	}

	static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}
}
