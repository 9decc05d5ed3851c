package cn.jiceng.supervision;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.http.HttpStatus;
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

/** API.md "Responsibility and supervision": the three lists (三张清单) with progress and evidence. */
@RestController
@RequestMapping("/api")
class DutyListController {

	private final DutyListService duties;

	DutyListController(DutyListService duties) {
		this.duties = duties;
	}

	@PostMapping("/organizations/{id}/duty-lists")
	@ResponseStatus(HttpStatus.CREATED)
	DutyListService.ListView create(@PathVariable String id,
			@RequestBody(required = false) DutyListService.ListInput in) {
		return duties.create(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/duty-lists")
	DutyListService.Summaries summaries(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return duties.summaries(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/duty-lists/{id}")
	DutyListService.ListDetail get(@PathVariable String id) {
		return duties.detail(Ids.parse(id, "清单"));
	}

	@PostMapping("/duty-items/{id}/progress")
	@ResponseStatus(HttpStatus.CREATED)
	DutyListService.ProgressView progress(@PathVariable String id,
			@RequestBody(required = false) DutyListService.ProgressInput in) {
		return duties.progress(Ids.parse(id, "清单事项"), in);
	}

	@PostMapping("/duty-items/{id}/files")
	@ResponseStatus(HttpStatus.CREATED)
	SupervisionFiles.FileView upload(@PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file) {
		long itemId = Ids.parse(id, "清单事项");
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		try (InputStream in = file.getInputStream()) {
			return duties.upload(itemId, file.getOriginalFilename(), file.getSize(), in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@ExceptionHandler(EvidenceFiles.UnsupportedFileTypeException.class)
	ResponseEntity<ProblemDetail> unsupported(EvidenceFiles.UnsupportedFileTypeException e) {
		return ProblemController.problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件类型不支持", e.getMessage());
	}

	@ExceptionHandler(EvidenceFiles.FileTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(EvidenceFiles.FileTooLargeException e) {
		return ProblemController.problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", e.getMessage());
	}
}
