package cn.jiceng.orglife;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.orglife.MeetingViews.FileView;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Evidence files of meetings: upload (allow-list, size limit, checksum) and byte-identical download. */
@RestController
class EvidenceFileController {

	private final EvidenceFiles files;

	EvidenceFileController(EvidenceFiles files) {
		this.files = files;
	}

	@PostMapping("/api/meetings/{id}/files")
	@ResponseStatus(HttpStatus.CREATED)
	FileView upload(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		try (InputStream in = file.getInputStream()) {
			return files.upload(Ids.parse(id, "会议记录"), file.getOriginalFilename(), file.getSize(), in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/api/meetings/{id}/files")
	Map<String, List<FileView>> list(@PathVariable String id) {
		return Map.of("items", files.list(Ids.parse(id, "会议记录")));
	}

	@GetMapping("/api/files/{id}")
	ResponseEntity<Resource> download(@PathVariable String id) {
		return files.open(Ids.parse(id, "文件")).inline();
	}

	@DeleteMapping("/api/files/{id}")
	ResponseEntity<Void> delete(@PathVariable String id) {
		files.delete(Ids.parse(id, "文件"));
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(EvidenceFiles.UnsupportedFileTypeException.class)
	ResponseEntity<ProblemDetail> unsupported(EvidenceFiles.UnsupportedFileTypeException e) {
		return problem(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "文件类型不支持", e.getMessage());
	}

	@ExceptionHandler(EvidenceFiles.FileTooLargeException.class)
	ResponseEntity<ProblemDetail> tooLarge(EvidenceFiles.FileTooLargeException e) {
		return problem(HttpStatus.CONTENT_TOO_LARGE, "文件过大", e.getMessage());
	}

	private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail) {
		ProblemDetail pd = ProblemDetail.forStatusAndDetail(status, detail);
		pd.setTitle(title);
		return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(pd);
	}
}
