package cn.jiceng.scoring;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Vanguard index and point claims", with the review queue, recompute, exports and input records beside it. */
@RestController
@RequestMapping("/api")
class ScoringController {

	private final VanguardService vanguard;
	private final PointCatalogue catalogue;
	private final PointClaimService claims;
	private final ScoreInputsService inputs;

	ScoringController(VanguardService vanguard, PointCatalogue catalogue, PointClaimService claims,
			ScoreInputsService inputs) {
		this.vanguard = vanguard;
		this.catalogue = catalogue;
		this.claims = claims;
		this.inputs = inputs;
	}

	public record Items<T>(List<T> items) {
	}

	public record ReviewInput(String reason) {
	}

	// ---- vanguard index ----

	@GetMapping("/members/{id}/vanguard-index")
	VanguardService.MemberIndexView memberIndex(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return vanguard.ofMember(Ids.parse(id, "党员"), vanguard.year(year));
	}

	@GetMapping("/organizations/{id}/warning-members")
	Items<VanguardService.WarningRow> warnings(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return new Items<>(vanguard.warnings(Ids.parse(id, "党组织"), vanguard.year(year)));
	}

	@GetMapping("/organizations/{id}/warning-members.xlsx")
	void warningsExcel(@PathVariable String id, @RequestParam(required = false) Integer year,
			HttpServletResponse res) throws IOException {
		long org = Ids.parse(id, "党组织");
		int y = vanguard.year(year);
		byte[] bytes = ScoringExcel.warnings(vanguard.warnings(org, y), y);
		send(res, bytes, y + "年警示党员.xlsx");
	}

	@GetMapping("/organizations/{id}/vanguard-ranking")
	Items<VanguardService.RankRow> ranking(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter) {
		return new Items<>(vanguard.ranking(Ids.parse(id, "党组织"), vanguard.year(year), quarter));
	}

	@GetMapping("/organizations/{id}/vanguard-ranking.xlsx")
	void rankingExcel(@PathVariable String id, @RequestParam(required = false) Integer year,
			@RequestParam(required = false) Integer quarter, HttpServletResponse res) throws IOException {
		long org = Ids.parse(id, "党组织");
		int y = vanguard.year(year);
		byte[] bytes = ScoringExcel.ranking(vanguard.ranking(org, y, quarter), y, quarter);
		send(res, bytes, y + "年" + (quarter == null ? "" : "第" + quarter + "季度") + "先锋指数排名.xlsx");
	}

	@PostMapping("/organizations/{id}/vanguard-recompute")
	VanguardService.RecomputeView recompute(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return vanguard.recompute(Ids.parse(id, "党组织"), vanguard.year(year));
	}

	// ---- catalogue ----

	@GetMapping("/point-items")
	Items<PointCatalogue.ItemView> items() {
		return new Items<>(catalogue.list());
	}

	@PostMapping("/point-items")
	@ResponseStatus(HttpStatus.CREATED)
	PointCatalogue.ItemView createItem(@RequestBody PointCatalogue.NewItem in) {
		return catalogue.create(in);
	}

	@PatchMapping("/point-items/{id}")
	PointCatalogue.ItemView patchItem(@PathVariable String id, @RequestBody PointCatalogue.ItemPatch in) {
		return catalogue.patch(id, in);
	}

	// ---- claims ----

	@PostMapping("/members/{id}/point-claims")
	@ResponseStatus(HttpStatus.CREATED)
	PointClaimService.ClaimView file(@PathVariable String id, @RequestBody PointClaimService.ClaimInput in) {
		return claims.file(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/members/{id}/point-claims")
	Items<PointClaimService.ClaimView> memberClaims(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return new Items<>(claims.ofMember(Ids.parse(id, "党员"), vanguard.year(year)));
	}

	@GetMapping("/point-claims/{id}")
	PointClaimService.ClaimView claim(@PathVariable String id) {
		return claims.get(PointClaimService.parseId(id));
	}

	@PostMapping("/point-claims/{id}/approve")
	PointClaimService.ClaimView approve(@PathVariable String id, @RequestBody(required = false) ReviewInput in) {
		return claims.approve(PointClaimService.parseId(id), in == null ? null : in.reason());
	}

	@PostMapping("/point-claims/{id}/reject")
	PointClaimService.ClaimView reject(@PathVariable String id, @RequestBody(required = false) ReviewInput in) {
		return claims.reject(PointClaimService.parseId(id), in == null ? null : in.reason());
	}

	@GetMapping("/organizations/{id}/point-claims")
	PageResult<PointClaimService.ClaimView> queue(@PathVariable String id, @RequestParam(required = false) String status,
			@RequestParam(required = false) Integer year, @RequestParam(required = false) Integer page,
			@RequestParam(required = false) Integer size) {
		return claims.ofOrganization(Ids.parse(id, "党组织"), status(status), year == null ? null : vanguard.year(year),
				PageRequest.of(page, size));
	}

	// ---- inputs of other work ----

	@PostMapping("/members/{id}/cadre-duties")
	@ResponseStatus(HttpStatus.CREATED)
	ScoreInputsService.DutyView addDuty(@PathVariable String id, @RequestBody ScoreInputsService.DutyInput in) {
		return inputs.addDuty(Ids.parse(id, "党员"), in);
	}

	@GetMapping("/members/{id}/cadre-duties")
	Items<ScoreInputsService.DutyView> duties(@PathVariable String id) {
		return new Items<>(inputs.duties(Ids.parse(id, "党员")));
	}

	@PostMapping("/cadre-logs")
	@ResponseStatus(HttpStatus.CREATED)
	ScoreInputsService.LogView addLog(@RequestBody ScoreInputsService.LogInput in) {
		return inputs.addLog(in);
	}

	@GetMapping("/members/{id}/cadre-logs")
	Items<ScoreInputsService.LogView> logs(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return new Items<>(inputs.logs(Ids.parse(id, "党员"), vanguard.year(year)));
	}

	@PutMapping("/organizations/{id}/village-secretary")
	Items<ScoreInputsService.SecretaryView> designate(@PathVariable String id,
			@RequestBody ScoreInputsService.SecretaryInput in) {
		return new Items<>(inputs.designateSecretary(Ids.parse(id, "党组织"), in));
	}

	@GetMapping("/organizations/{id}/village-secretary")
	Items<ScoreInputsService.SecretaryView> secretaries(@PathVariable String id) {
		return new Items<>(inputs.secretaries(Ids.parse(id, "党组织")));
	}

	static ClaimStatus status(String status) {
		if (status == null || status.isBlank()) {
			return null;
		}
		try {
			return ClaimStatus.valueOf(status.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("status", "状态应为 PENDING、APPROVED 或 REJECTED");
		}
	}

	static void send(HttpServletResponse res, byte[] bytes, String filename) throws IOException {
		res.setContentType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
		res.setHeader("Content-Disposition",
				"attachment; filename*=UTF-8''" + URLEncoder.encode(filename, StandardCharsets.UTF_8).replace("+", "%20"));
		res.setContentLength(bytes.length);
		res.getOutputStream().write(bytes);
	}
}
