package cn.jiceng.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.organization.OrgRef;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** Excel template, import and export of the roster (API.md "Members"). */
@RestController
@RequestMapping("/api/members")
class MemberExcelController {

	static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private final MemberImportService importer;
	private final MemberExportService exporter;

	MemberExcelController(MemberImportService importer, MemberExportService exporter) {
		this.importer = importer;
		this.exporter = exporter;
	}

	/** The template with drop-downs; its branch list covers {@code organizationId} (default: the caller's own). */
	@GetMapping("/import-template")
	ResponseEntity<byte[]> template(@RequestParam(required = false) String organizationId) {
		long root = exporter.templateRoot(optionalId(organizationId));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exporter.writeTemplate(root, out);
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, attachment(MemberExportService.TEMPLATE_FILENAME))
			.body(out.toByteArray());
	}

	/** Checks every row; saves all of them or none. 200 either way, with the errors by row and column. */
	@PostMapping(path = "/import", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
	MemberImportResult importFile(@RequestParam(required = false) String organizationId,
			@RequestParam(name = "file", required = false) MultipartFile file) throws IOException {
		Long orgId = optionalId(organizationId);
		long target = importer.target(orgId != null ? orgId : exporter.templateRoot(null)).id();
		if (file == null) {
			throw InvalidInputException.of("file", "请上传填写好的导入模板（multipart 字段 file）");
		}
		Path temp = spool(file);
		try {
			return importer.importFile(target, temp, MemberImportProgress.NONE);
		}
		finally {
			Files.deleteIfExists(temp);
		}
	}

	/** The roster of the subtree in the template's layout; ID numbers and phones masked for non-admin roles. */
	@GetMapping("/export")
	void export(@RequestParam(required = false) String organizationId, HttpServletResponse response)
			throws IOException {
		OrgRef root = exporter.exportRoot(optionalId(organizationId));
		stream(exporter, root, response);
	}

	static void stream(MemberExportService exporter, OrgRef root, HttpServletResponse response) throws IOException {
		response.setContentType(XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION, attachment(MemberExportService.EXPORT_FILENAME));
		exporter.writeExport(root, response.getOutputStream());
		response.flushBuffer();
	}

	/** The upload is copied to a temporary file: FastExcel reads a file lazily and the request's copy is short-lived. */
	static Path spool(MultipartFile file) throws IOException {
		Path temp = Files.createTempFile("jiceng-import-", ".xlsx");
		try {
			file.transferTo(temp);
		}
		catch (IOException | RuntimeException e) {
			Files.deleteIfExists(temp);
			throw e;
		}
		return temp;
	}

	static String attachment(String filename) {
		return ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString();
	}

	private static Long optionalId(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		return Ids.parse(id, "党组织");
	}
}
