package cn.jiceng.publicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** API.md "Learning, publicity and care": stories, their compilation and selection, the gaps and the booklet. */
@RestController
@RequestMapping("/api")
class StoryController {

	private final StoryService stories;
	private final StoryBookletPdf booklet;

	StoryController(StoryService stories, StoryBookletPdf booklet) {
		this.stories = stories;
		this.booklet = booklet;
	}

	@PostMapping("/organizations/{id}/stories")
	@ResponseStatus(HttpStatus.CREATED)
	StoryService.StoryView submit(@PathVariable String id, @RequestBody(required = false) StoryService.StoryInput in) {
		return stories.submit(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/stories")
	StoryService.StoryList list(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) String status) {
		return stories.list(Ids.parse(id, "党组织"), year, status);
	}

	@GetMapping("/organizations/{id}/story-gaps")
	StoryService.Gaps gaps(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return stories.gaps(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/stories/booklet.pdf")
	ResponseEntity<byte[]> booklet(@PathVariable String id, @RequestParam(required = false) Integer year) {
		byte[] body = booklet.render(Ids.parse(id, "党组织"), year);
		return ResponseEntity.ok()
			.contentType(MediaType.APPLICATION_PDF)
			.header(HttpHeaders.CONTENT_DISPOSITION, "inline; filename=\"stories.pdf\"")
			.body(body);
	}

	@GetMapping("/stories/{id}")
	StoryService.StoryView get(@PathVariable String id) {
		return stories.get(Ids.parse(id, "故事"));
	}

	@PostMapping("/stories/{id}/files")
	@ResponseStatus(HttpStatus.CREATED)
	StoryService.StoryView photo(@PathVariable String id, @RequestParam(name = "file", required = false) MultipartFile file) {
		if (file == null) {
			throw InvalidInputException.of("file", "请选择要上传的照片");
		}
		try (InputStream in = file.getInputStream()) {
			return stories.photo(Ids.parse(id, "故事"), file.getContentType(), file.getSize(), in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	@GetMapping("/stories/{id}/photo")
	ResponseEntity<byte[]> photo(@PathVariable String id) {
		StoryService.Photo p = stories.photo(Ids.parse(id, "故事"));
		return ResponseEntity.ok().contentType(MediaType.parseMediaType(p.contentType())).body(p.bytes());
	}

	@PostMapping("/stories/{id}/compile")
	StoryService.StoryView compile(@PathVariable String id) {
		return stories.compile(Ids.parse(id, "故事"));
	}

	@PostMapping("/stories/{id}/select")
	StoryService.StoryView select(@PathVariable String id) {
		return stories.select(Ids.parse(id, "故事"));
	}
}
