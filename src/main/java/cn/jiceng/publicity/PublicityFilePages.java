package cn.jiceng.publicity;

import java.nio.charset.StandardCharsets;

import cn.jiceng.orglife.EvidenceFiles;
import cn.jiceng.common.Ids;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.OrgNavigation;

import org.springframework.core.io.FileSystemResource;
import org.springframework.core.io.Resource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The module's files for the pages: the {@code /api} chain takes bearer tokens only, so a logged-in page cannot
 * link there; these routes serve the same bytes with the same scope checks under the page session.
 */
@Controller
class PublicityFilePages {

	private final StudyMaterialService materials;
	private final LargePrintPdf largePrint;
	private final StoryService stories;
	private final StoryBookletPdf booklet;
	private final CareFundService funds;
	private final OrgNavigation navigation;

	PublicityFilePages(StudyMaterialService materials, LargePrintPdf largePrint, StoryService stories,
			StoryBookletPdf booklet, CareFundService funds, OrgNavigation navigation) {
		this.materials = materials;
		this.largePrint = largePrint;
		this.stories = stories;
		this.booklet = booklet;
		this.funds = funds;
		this.navigation = navigation;
	}

	private static ResponseEntity<byte[]> pdf(byte[] body, String name) {
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.inline().filename(name, StandardCharsets.UTF_8).build().toString())
			.body(body);
	}

	@GetMapping("/publicity/materials/items/{id}/large-print.pdf")
	ResponseEntity<byte[]> largePrint(@PathVariable String id) {
		long materialId = Ids.parse(id, "学习资料");
		return pdf(largePrint.render(materialId), materials.get(materialId).title() + "（大字版）.pdf");
	}

	@GetMapping("/publicity/material-audio/{id}")
	ResponseEntity<Resource> audio(@PathVariable String id) {
		EvidenceFiles.Download a = materials.open(Ids.parse(id, "音频"));
		return ResponseEntity.ok()
			.contentType(MediaType.parseMediaType(a.contentType()))
			.eTag("\"" + a.sha256() + "\"")
			.header("X-Content-Type-Options", "nosniff")
			.body(new FileSystemResource(a.path()));
	}

	@GetMapping("/publicity/stories/{id}/photo")
	ResponseEntity<byte[]> storyPhoto(@PathVariable String id) {
		StoryService.Photo p = stories.photo(Ids.parse(id, "故事"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).body(p.bytes());
	}

	@GetMapping("/publicity/stories/booklet.pdf")
	ResponseEntity<byte[]> booklet(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year) {
		return pdf(booklet.render(navigation.chosenOrOwn(organizationId), year), "党建故事汇编.pdf");
	}

	@GetMapping("/publicity/care-fund/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@RequestParam(required = false) String organizationId,
			@RequestParam(required = false) Integer year) {
		CareFundService.FundView view = funds.fund(navigation.chosenOrOwn(organizationId), year);
		return Workbooks.download(view.organizationName() + view.year() + "年关爱基金台账.xlsx", "关爱基金台账",
				CareFundService.LEDGER_HEAD, funds.ledgerRows(view));
	}
}
