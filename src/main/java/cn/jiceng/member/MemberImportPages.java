package cn.jiceng.member;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The import page: choose an organization, download the template, upload; the check and save run as a
 * background job whose page polls a progress fragment every second (htmx) until the result is in.
 */
@Controller
class MemberImportPages {

	/** Above this many organizations the picker becomes a text field with the id. */
	static final int MAX_OPTIONS = 500;

	private final MemberImportService importer;
	private final MemberExportService exporter;
	private final MemberImportJobs jobs;
	private final DataScope scope;
	private final JdbcClient jdbc;

	MemberImportPages(MemberImportService importer, MemberExportService exporter, MemberImportJobs jobs,
			DataScope scope, JdbcClient jdbc) {
		this.importer = importer;
		this.exporter = exporter;
		this.jobs = jobs;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	public record OrgOption(String id, String label) {
	}

	@GetMapping("/members/import")
	String form(@RequestParam(required = false) String organizationId, Model model) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		long chosen = organizationId == null || organizationId.isBlank() ? scope.current().caller().organizationId()
				: Ids.parse(organizationId, "党组织");
		scope.requireOrganization(chosen);
		return form(chosen, null, model);
	}

	private record Org(long id, String name, OrgKind kind, int depth) {
	}

	private String form(long chosen, String error, Model model) {
		var cond = scope.organizationCondition("o");
		List<Org> orgs = jdbc.sql("SELECT o.id, o.name, o.kind, o.depth FROM organization o WHERE o.kind <> 'GROUP' AND "
				+ cond.sql() + " ORDER BY o.path LIMIT " + (MAX_OPTIONS + 1))
			.params(cond.params())
			.query((rs, i) -> new Org(rs.getLong(1), rs.getString(2), OrgKind.valueOf(rs.getString(3)), rs.getInt(4)))
			.list();
		int top = orgs.stream().mapToInt(Org::depth).min().orElse(0);
		// Indented by depth with full-width spaces, which a <select> keeps (ordinary spaces collapse).
		List<OrgOption> options = orgs.size() > MAX_OPTIONS ? List.of()
				: orgs.stream()
					.map(o -> new OrgOption(Long.toString(o.id()),
							"\u3000".repeat(o.depth() - top) + o.name() + "（" + o.kind().label() + "）"))
					.toList();
		model.addAttribute("options", options);
		model.addAttribute("chosen", Long.toString(chosen));
		model.addAttribute("chosenLabel", jdbc.sql("SELECT name FROM organization WHERE id = :id")
			.param("id", chosen)
			.query(String.class)
			.optional()
			.orElse("请选择"));
		model.addAttribute("error", error);
		return "member/import";
	}

	@PostMapping("/members/import")
	String upload(@RequestParam(required = false) String organizationId,
			@RequestParam(name = "file", required = false) MultipartFile file, Model model) throws IOException {
		long orgId;
		try {
			orgId = organizationId == null || organizationId.isBlank() ? scope.current().caller().organizationId()
					: Ids.parse(organizationId, "党组织");
		}
		catch (NotFoundException e) {
			// a tampered form: the organization is picked again, with the reason
			return form(scope.current().caller().organizationId(), "请从列表中选择要导入到的党组织", model);
		}
		OrgRef target;
		try {
			target = importer.target(orgId);
			if (file == null || file.isEmpty()) {
				throw InvalidInputException.of("file", "请选择要导入的 .xlsx 文件");
			}
		}
		catch (InvalidInputException e) {
			return form(orgId, e.getMessage(), model);
		}
		Path temp = MemberExcelController.spool(file);
		try {
			MemberImportService.checkFormat(temp);
		}
		catch (InvalidInputException e) {
			Files.deleteIfExists(temp);
			return form(orgId, e.getMessage(), model);
		}
		String name = file.getOriginalFilename() == null ? "" : file.getOriginalFilename();
		var job = jobs.start(target.id(), target.name(), temp, name);
		return "redirect:/members/import/jobs/" + job.getId();
	}

	@GetMapping("/members/import/jobs/{id}")
	String job(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.get(id).snapshot());
		return "member/import-job";
	}

	@GetMapping("/members/import/jobs/{id}/progress")
	String progress(@PathVariable String id, Model model) {
		model.addAttribute("job", jobs.get(id).snapshot());
		return "member/import-job :: progress";
	}

	@GetMapping("/members/import-template")
	ResponseEntity<byte[]> template(@RequestParam(required = false) String organizationId) {
		Long org = organizationId == null || organizationId.isBlank() ? null : Ids.parse(organizationId, "党组织");
		long root = exporter.templateRoot(org);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		exporter.writeTemplate(root, out);
		return ResponseEntity.ok()
			.contentType(MemberExcelController.XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION, MemberExcelController.attachment(MemberExportService.TEMPLATE_FILENAME))
			.body(out.toByteArray());
	}

	@GetMapping("/members/export")
	void export(@RequestParam(required = false) String organizationId, @RequestParam(required = false) String subtree,
			@RequestParam(required = false) String q, @RequestParam(required = false) String status,
			@RequestParam(required = false) String category, HttpServletResponse response) throws IOException {
		Long org = organizationId == null || organizationId.isBlank() ? null : Ids.parse(organizationId, "党组织");
		OrgRef root = exporter.exportRoot(org);
		// the list's filters, as its export link sends them: the file holds what the list shows
		MemberService.MemberFilter filter = new MemberService.MemberFilter(root.id(), !"false".equals(subtree),
				q == null || q.isBlank() ? null : q, FormInput.enumOrNull(MemberStatus.class, blank(status)),
				FormInput.enumOrNull(MemberCategory.class, blank(category)));
		response.setContentType(MemberExcelController.XLSX.toString());
		response.setHeader(HttpHeaders.CONTENT_DISPOSITION,
				MemberExcelController.attachment(MemberExportService.EXPORT_FILENAME));
		exporter.writeExport(root, filter, response.getOutputStream());
		response.flushBuffer();
	}

	private static String blank(String s) {
		return s == null || s.isBlank() ? null : s;
	}
}
