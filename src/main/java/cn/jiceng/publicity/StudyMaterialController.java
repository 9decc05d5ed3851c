package cn.jiceng.publicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.core.io.Resource;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
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

/**
 * Study materials per format (an extension of API.md "Learning, publicity and care", documented in
 * docs/architecture.md): the material, its large-print PDF and its dialect audio recordings.
 */
@RestController
@RequestMapping("/api")
class StudyMaterialController {

	private final StudyMaterialService materials;
	private final LargePrintPdf largePrint;

	StudyMaterialController(StudyMaterialService materials, LargePrintPdf largePrint) {
		this.materials = materials;
		this.largePrint = largePrint;
	}

	@PostMapping("/organizations/{id}/study-materials")
	@ResponseStatus(HttpStatus.CREATED)
	StudyMaterialService.MaterialView create(@PathVariable String id,
			@RequestBody(required = false) StudyMaterialService.MaterialInput in) {
		return materials.create(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/study-materials")
	StudyMaterialService.MaterialList list(@PathVariable String id) {
		return materials.list(Ids.parse(id, "党组织"));
	}

	@GetMapping("/study-materials/{id}")
	StudyMaterialService.MaterialView get(@PathVariable String id) {
		return materials.get(Ids.parse(id, "学习资料"));
	}

	@GetMapping("/study-materials/{id}/large-print.pdf")
	ResponseEntity<byte[]> pdf(@PathVariable String id) {
		byte[] body = largePrint.render(Ids.parse(id, "学习资料"));
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"large-print.pdf\"")
			.body(body);
	}

	@PostMapping("/study-materials/{id}/audio")
	@ResponseStatus(HttpStatus.CREATED)
	StudyMaterialService.AudioView upload(@PathVariable String id,
			@RequestParam(name = "file", required = false) MultipartFile file,
			@RequestParam(name = "dialect", required = false) String dialect) {
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要上传的方言音频");
		}
		try (InputStream in = file.getInputStream()) {
			return materials.upload(Ids.parse(id, "学习资料"), file.getOriginalFilename(), dialect, file.getSize(), in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The recording for an {@code <audio>} element; Spring answers range requests on a resource body (seeking). */
	@GetMapping("/study-material-audio/{id}")
	ResponseEntity<Resource> audio(@PathVariable String id) {
		return materials.open(Ids.parse(id, "音频")).inline();
	}

	@DeleteMapping("/study-material-audio/{id}")
	ResponseEntity<Void> deleteAudio(@PathVariable String id) {
		materials.deleteAudio(Ids.parse(id, "音频"));
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
