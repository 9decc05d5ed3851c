package cn.jiceng.publicity;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Learning, publicity and care": weekly night study, its gaps, and cross lectures. */
@RestController
@RequestMapping("/api")
class StudyController {

	private final StudyService study;

	StudyController(StudyService study) {
		this.study = study;
	}

	@PostMapping("/organizations/{id}/study-sessions")
	@ResponseStatus(HttpStatus.CREATED)
	StudyService.SessionView record(@PathVariable String id, @RequestBody(required = false) StudyService.SessionInput in) {
		return study.record(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/study-sessions")
	StudyService.Sessions sessions(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return study.list(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/organizations/{id}/study-gaps")
	StudyService.Gaps gaps(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return study.gaps(Ids.parse(id, "党组织"), year);
	}

	@PostMapping("/cross-lectures")
	@ResponseStatus(HttpStatus.CREATED)
	StudyService.LectureView lecture(@RequestBody(required = false) StudyService.LectureInput in) {
		return study.lecture(in);
	}

	@GetMapping("/organizations/{id}/cross-lectures")
	Map<String, List<StudyService.LectureView>> lectures(@PathVariable String id,
			@RequestParam(required = false) Integer year) {
		return Map.of("items", study.lectures(Ids.parse(id, "党组织"), year));
	}
}
