package cn.jiceng.assessment;

import cn.jiceng.common.Ids;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Organization assessment": the cadre contact appraisal ("树根") and the members' democratic appraisal. */
@RestController
@RequestMapping("/api")
class MemberAppraisalController {

	private final CadreAppraisalService cadres;
	private final DemocraticAppraisalService democratic;

	MemberAppraisalController(CadreAppraisalService cadres, DemocraticAppraisalService democratic) {
		this.cadres = cadres;
		this.democratic = democratic;
	}

	@PutMapping("/members/{id}/cadre-appraisals/{year}")
	CadreAppraisalService.AppraisalView putCadre(@PathVariable String id, @PathVariable String year,
			@RequestBody(required = false) CadreAppraisalService.CadreInput in) {
		return cadres.put(Ids.parse(id, "党员"), year, in);
	}

	@GetMapping("/members/{id}/cadre-appraisals")
	CadreAppraisalService.History cadreHistory(@PathVariable String id) {
		return cadres.history(Ids.parse(id, "党员"));
	}

	@GetMapping("/organizations/{id}/cadre-appraisals")
	CadreAppraisalService.Results cadreResults(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return cadres.results(Ids.parse(id, "党组织"), year);
	}

	@PutMapping("/members/{id}/democratic-appraisal/{year}")
	DemocraticAppraisalService.GradeView putDemocratic(@PathVariable String id, @PathVariable String year,
			@RequestBody(required = false) DemocraticAppraisalService.GradeInput in) {
		return democratic.put(Ids.parse(id, "党员"), year, in);
	}

	@GetMapping("/organizations/{id}/democratic-appraisals")
	DemocraticAppraisalService.Listing democraticList(@PathVariable String id,
			@RequestParam(required = false) Integer year) {
		return democratic.list(Ids.parse(id, "党组织"), year);
	}
}
