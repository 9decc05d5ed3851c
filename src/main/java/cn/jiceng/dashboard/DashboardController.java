package cn.jiceng.dashboard;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Command center": the dashboard of a subtree and month. */
@RestController
class DashboardController {

	private final DashboardService dashboards;

	DashboardController(DashboardService dashboards) {
		this.dashboards = dashboards;
	}

	@GetMapping("/api/organizations/{id}/dashboard")
	Dashboard dashboard(@PathVariable String id, @RequestParam(required = false) String month) {
		return dashboards.dashboard(Ids.parse(id, "党组织"), month(month, dashboards.defaultMonth()));
	}

	/** "YYYY-MM" of the years the platform keeps (2000–2100), the fallback when absent; else 422 in Chinese. */
	static YearMonth month(String value, YearMonth fallback) {
		if (value == null || value.isBlank()) {
			return fallback;
		}
		try {
			YearMonth m = YearMonth.parse(value.trim());
			if (m.getYear() >= 2000 && m.getYear() <= 2100) {
				return m;
			}
		}
		catch (DateTimeParseException e) {
			// reported below
		}
		throw InvalidInputException.of("month", "月份格式应为 YYYY-MM（2000 至 2100 年），例如 2025-06");
	}
}
