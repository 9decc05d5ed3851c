package cn.jiceng.organization;

import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Leadership offices". */
@RestController
@RequestMapping("/api")
class OfficeController {

	private final OfficeService offices;

	OfficeController(OfficeService offices) {
		this.offices = offices;
	}

	@PostMapping("/organizations/{id}/offices")
	@ResponseStatus(HttpStatus.CREATED)
	OfficeService.Holder appoint(@PathVariable String id, @RequestBody OfficeService.NewHolding in) {
		return offices.appoint(Ids.parse(id, "党组织"), in);
	}

	@GetMapping("/organizations/{id}/offices")
	List<OfficeService.Holder> holders(@PathVariable String id, @RequestParam(required = false) String on) {
		LocalDate day;
		try {
			day = on == null || on.isBlank() ? LocalDate.now(ZoneId.of("Asia/Shanghai")) : LocalDate.parse(on.trim());
		}
		catch (DateTimeParseException e) {
			throw InvalidInputException.of("on", "日期格式应为YYYY-MM-DD");
		}
		return offices.holdersOn(Ids.parse(id, "党组织"), day);
	}

	@GetMapping("/organizations/{id}/office-history")
	OfficeService.History history(@PathVariable String id) {
		return offices.history(Ids.parse(id, "党组织"));
	}

	/** {"endedOn": "2025-06-30"} ends a holding (the last day in office); {"endedOn": null} reopens it. */
	@PatchMapping("/offices/{id}")
	OfficeService.Holder end(@PathVariable String id, @RequestBody Map<String, Object> body) {
		if (!body.containsKey("endedOn")) {
			throw InvalidInputException.of("endedOn", "请填写离任日期");
		}
		Object ended = body.get("endedOn");
		Object version = body.get("version");
		if (version != null && !(version instanceof Integer)) {
			throw InvalidInputException.of("version", "版本号应为整数");
		}
		return offices.end(Ids.parse(id, "任职记录"), ended == null ? null : String.valueOf(ended), (Integer) version);
	}

	@DeleteMapping("/offices/{id}")
	@ResponseStatus(HttpStatus.NO_CONTENT)
	void delete(@PathVariable String id) {
		offices.delete(Ids.parse(id, "任职记录"));
	}
}
