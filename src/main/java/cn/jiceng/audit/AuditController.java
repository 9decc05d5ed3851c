package cn.jiceng.audit;

import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;

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

	@GetMapping
	PageResult<AuditEntry> find(@RequestParam(required = false) String entityId,
			@RequestParam(required = false) String entityType, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return queries.find(entityId, entityType, PageRequest.of(page, size));
	}
}
