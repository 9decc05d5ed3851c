package cn.jiceng.audit;

import java.time.LocalDate;

import cn.jiceng.common.Ids;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/audit")
class AuditController {

	private final AuditQueries queries;

	AuditController(AuditQueries queries) {
		this.queries = queries;
	}

	/**
	 * API.md's entityId filter, and the page's filters (all optional): from/to (county days, inclusive), actor (part
	 * of a user name), organizationId (its subtree), q (the record's or its organization's name).
	 */
	@GetMapping
	PageResult<AuditEntry> find(@RequestParam(required = false) String entityId,
			@RequestParam(required = false) String entityType,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
			@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
			@RequestParam(required = false) String actor, @RequestParam(required = false) String organizationId,
			@RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		Long org = organizationId == null || organizationId.isBlank() ? null : Ids.parse(organizationId, "党组织");
		return queries.find(new AuditQueries.AuditFilter(entityId, entityType, from, to, actor, org, q),
				PageRequest.of(page, size));
	}
}
