package cn.jiceng.publicity;

import cn.jiceng.common.Ids;
import cn.jiceng.common.Workbooks;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** API.md "Learning, publicity and care": the care fund (关心关爱法) and its yearly ledger as a workbook. */
@RestController
@RequestMapping("/api/organizations/{id}/care-fund")
class CareFundController {

	private final CareFundService funds;

	CareFundController(CareFundService funds) {
		this.funds = funds;
	}

	@PostMapping("/contributions")
	@ResponseStatus(HttpStatus.CREATED)
	CareFundService.MovementView contribute(@PathVariable String id,
			@RequestBody(required = false) CareFundService.ContributionInput in) {
		return funds.contribute(Ids.parse(id, "党组织"), in);
	}

	@PostMapping("/disbursements")
	@ResponseStatus(HttpStatus.CREATED)
	CareFundService.MovementView disburse(@PathVariable String id,
			@RequestBody(required = false) CareFundService.DisbursementInput in) {
		return funds.disburse(Ids.parse(id, "党组织"), in);
	}

	@GetMapping
	CareFundService.FundView fund(@PathVariable String id, @RequestParam(required = false) Integer year) {
		return funds.fund(Ids.parse(id, "党组织"), year);
	}

	@GetMapping("/ledger.xlsx")
	ResponseEntity<byte[]> ledger(@PathVariable String id, @RequestParam(required = false) Integer year) {
		CareFundService.FundView view = funds.fund(Ids.parse(id, "党组织"), year);
		return Workbooks.download(view.organizationName() + view.year() + "年关爱基金台账.xlsx", "关爱基金台账",
				CareFundService.LEDGER_HEAD, funds.ledgerRows(view));
	}
}
