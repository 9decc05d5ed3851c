package cn.jiceng.organization;

import java.util.List;
import java.util.Map;

import cn.jiceng.common.Ids;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/organizations")
class OrganizationController {

	private final OrganizationService service;
	private final JsonMapper json;

	OrganizationController(OrganizationService service, JsonMapper json) {
		this.service = service;
		this.json = json;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	OrganizationView create(@RequestBody OrganizationService.NewOrganization req) {
		return service.create(req);
	}

	@GetMapping("/{id}")
	OrganizationView get(@PathVariable String id) {
		return service.get(Ids.parse(id, "党组织"));
	}

	@GetMapping("/{id}/children")
	List<OrganizationView> children(@PathVariable String id) {
		return service.children(Ids.parse(id, "党组织"));
	}

	/** PATCH applies only the keys present, so "termYears": null clears while an absent key keeps. */
	@PatchMapping("/{id}")
	OrganizationView patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var req = json.convertValue(body, OrganizationService.OrganizationPatch.class);
		return service.patch(Ids.parse(id, "党组织"), req, body);
	}

	record MoveRequest(String parentId) {
	}

	@PostMapping("/{id}/move")
	OrganizationView move(@PathVariable String id, @RequestBody MoveRequest req) {
		Long parent = Ids.parseOptional(req.parentId(), "parentId", "上级党组织");
		if (parent == null) {
			throw cn.jiceng.common.InvalidInputException.of("parentId", "请选择新的上级党组织");
		}
		return service.move(Ids.parse(id, "党组织"), parent);
	}
}
