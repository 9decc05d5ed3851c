package cn.jiceng.member;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/members")
class MemberController {

	private final MemberService service;
	private final JsonMapper json;

	MemberController(MemberService service, JsonMapper json) {
		this.service = service;
		this.json = json;
	}

	@PostMapping
	@ResponseStatus(HttpStatus.CREATED)
	MemberView create(@RequestBody MemberInput in) {
		return service.create(in);
	}

	@GetMapping("/{id}")
	MemberView get(@PathVariable String id) {
		return service.get(Ids.parse(id, "党员"));
	}

	@GetMapping
	PageResult<MemberView> list(@RequestParam(required = false) String organizationId,
			@RequestParam(defaultValue = "true") boolean subtree, @RequestParam(required = false) String q,
			@RequestParam(required = false) String status, @RequestParam(required = false) String category,
			@RequestParam(required = false) Integer page, @RequestParam(required = false) Integer size) {
		MemberStatus st = null;
		if (status != null && !status.isBlank()) {
			st = FormInput.enumOrNull(MemberStatus.class, status);
			if (st == null) {
				throw InvalidInputException.of("status", "党籍状态不正确");
			}
		}
		MemberCategory cat = null;
		if (category != null && !category.isBlank()) {
			cat = FormInput.enumOrNull(MemberCategory.class, category);
			if (cat == null) {
				throw InvalidInputException.of("category", "人员类别不正确");
			}
		}
		Long org = organizationId == null || organizationId.isBlank() ? null : Ids.parse(organizationId, "党组织");
		return service.list(new MemberService.MemberFilter(org, subtree, q, st, cat), PageRequest.of(page, size));
	}

	@PatchMapping("/{id}")
	MemberView patch(@PathVariable String id, @RequestBody Map<String, Object> body) {
		var req = json.convertValue(body, MemberService.MemberPatch.class);
		return service.patch(Ids.parse(id, "党员"), body, req);
	}

	record TransferRequest(String toOrganizationId, LocalDate transferredOn) {
	}

	@PostMapping("/{id}/transfers")
	@ResponseStatus(HttpStatus.CREATED)
	MemberService.TransferView transfer(@PathVariable String id, @RequestBody TransferRequest req) {
		return service.transfer(Ids.parse(id, "党员"),
				Ids.parseOptional(req.toOrganizationId(), "toOrganizationId", "党支部"), req.transferredOn());
	}

	@GetMapping("/{id}/transfers")
	List<MemberService.TransferView> transfers(@PathVariable String id) {
		return service.transfers(Ids.parse(id, "党员"));
	}

	record MobilityRequest(String destination, LocalDate startedOn, LocalDate endedOn) {
	}

	@PostMapping("/{id}/mobility")
	@ResponseStatus(HttpStatus.CREATED)
	MemberService.MobilityView mobility(@PathVariable String id, @RequestBody MobilityRequest req) {
		return service.addMobility(Ids.parse(id, "党员"), req.destination(), req.startedOn(), req.endedOn());
	}

	@GetMapping("/{id}/mobility")
	List<MemberService.MobilityView> mobility(@PathVariable String id) {
		return service.mobility(Ids.parse(id, "党员"));
	}

	record EndMobilityRequest(LocalDate endedOn) {
	}

	@PostMapping("/{id}/mobility/{mobilityId}/end")
	MemberService.MobilityView endMobility(@PathVariable String id, @PathVariable String mobilityId,
			@RequestBody EndMobilityRequest req) {
		return service.endMobility(Ids.parse(id, "党员"), Ids.parse(mobilityId, "流动记录"), req.endedOn());
	}
}
