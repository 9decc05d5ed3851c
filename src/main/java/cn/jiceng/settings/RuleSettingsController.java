package cn.jiceng.settings;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/rule-settings")
class RuleSettingsController {

	private final RuleSettingsService service;

	RuleSettingsController(RuleSettingsService service) {
		this.service = service;
	}

	@GetMapping
	Map<String, Object> get(@RequestParam(required = false) Integer year) {
		int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
		return withYear(y, service.forYear(y));
	}

	@PatchMapping
	Map<String, Object> patch(@RequestParam(required = false) Integer year, @RequestBody Map<String, Object> changes) {
		int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
		return withYear(y, service.patch(y, changes));
	}

	/** What a change would change in computed results, checked like a PATCH and not saved. */
	@org.springframework.web.bind.annotation.PostMapping("/preview")
	Map<String, Object> preview(@RequestParam(required = false) Integer year, @RequestBody Map<String, Object> changes) {
		int y = year == null ? LocalDate.now(ZoneId.of("Asia/Shanghai")).getYear() : year;
		RuleSettingsService.Preview p = service.preview(y, changes);
		var map = new java.util.LinkedHashMap<String, Object>();
		map.put("year", y);
		map.put("changes", p.proposed().changesFrom(p.current()));
		map.put("consequences", p.consequences());
		return map;
	}

	private Map<String, Object> withYear(int year, RuleSettings settings) {
		var map = new java.util.LinkedHashMap<String, Object>();
		map.put("year", year);
		map.putAll(service.asMap(settings));
		return map;
	}
}
