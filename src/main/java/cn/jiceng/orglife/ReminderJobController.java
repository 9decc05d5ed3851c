package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * County-admin triggers of the scheduled jobs: run the reminder catch-up for a given day (optionally from a given
 * last run, optionally for one subtree), and rebuild the four-color read model of a year.
 */
@RestController
class ReminderJobController {

	private final ReminderJobs jobs;
	private final FourColorRecompute fourColors;
	private final DataScope scope;
	private final Clock clock;

	ReminderJobController(ReminderJobs jobs, FourColorRecompute fourColors, DataScope scope, Clock clock) {
		this.jobs = jobs;
		this.fourColors = fourColors;
		this.scope = scope;
		this.clock = clock;
	}

	@PostMapping("/api/jobs/reminders/run")
	ReminderJobs.RunResult run(@RequestParam @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate today,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate lastRun,
			@RequestParam(required = false) String organizationId) {
		Caller caller = requireCountyAdmin();
		if (today.isAfter(LocalDate.now(clock))) {
			throw InvalidInputException.of("today", "不能提前运行未来日期的提醒");
		}
		if (lastRun != null && !lastRun.isBefore(today)) {
			throw InvalidInputException.of("lastRun", "上次运行日期应早于本次日期");
		}
		Long subtree = null;
		if (organizationId != null && !organizationId.isBlank()) {
			subtree = Ids.parse(organizationId, "党组织");
			scope.requireOrganization(subtree);
		}
		return jobs.run(caller.countyId(), today, lastRun, subtree);
	}

	@PostMapping("/api/jobs/four-color/recompute")
	Map<String, Object> recompute(@RequestParam int year, @RequestParam(required = false) String organizationId) {
		Caller caller = requireCountyAdmin();
		FourColorService.checkYear(year);
		int cells;
		if (organizationId != null && !organizationId.isBlank()) {
			long org = Ids.parse(organizationId, "党组织");
			scope.requireOrganization(org);
			cells = fourColors.recomputeYear(caller.countyId(), year, org);
		}
		else {
			cells = fourColors.recomputeYear(caller.countyId(), year);
		}
		return Map.of("year", year, "cells", cells);
	}

	private Caller requireCountyAdmin() {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		return scope.current().caller();
	}
}
