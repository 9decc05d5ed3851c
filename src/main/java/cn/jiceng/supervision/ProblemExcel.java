package cn.jiceng.supervision;

import java.util.ArrayList;
import java.util.List;

import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.Workbooks;
import cn.jiceng.organization.OrgNavigation;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The problem list (问题交办) as a workbook: the same subtree, filters and order as the page, every page of it. */
@Controller
class ProblemExcel {

	private final ProblemService problems;
	private final OrganizationService organizations;
	private final OrgNavigation navigation;

	ProblemExcel(ProblemService problems, OrganizationService organizations, OrgNavigation navigation) {
		this.problems = problems;
		this.organizations = organizations;
		this.navigation = navigation;
	}

	@GetMapping("/supervision/problems.xlsx")
	ResponseEntity<byte[]> problems(@RequestParam(required = false) String org,
			@RequestParam(required = false) String status, @RequestParam(required = false) String overdue) {
		long orgId = navigation.chosenOrOwn(org);
		String s = status == null || status.isBlank() ? null : status;
		String o = "true".equals(overdue) ? "true" : null;
		List<List<Object>> rows = new ArrayList<>();
		for (int page = 0;; page++) {
			PageResult<ProblemService.ProblemView> result = problems.list(orgId, s, o,
					new PageRequest(page, PageRequest.MAX_SIZE));
			for (ProblemService.ProblemView p : result.items()) {
				rows.add(List.of(p.description(), p.noticeTitle(), p.issuingOrganizationName(), p.name(),
						p.issuedOn().toString(), p.dueOn().toString(), p.statusLabel(), p.overdue() ? "逾期" : "",
						String.join("、", p.followUpsDue().stream().map(FollowUpKind::label).toList()),
						p.rectifiedOn() == null ? "" : p.rectifiedOn().toString(),
						p.closedOn() == null ? "" : p.closedOn().toString()));
			}
			if ((long) (page + 1) * PageRequest.MAX_SIZE >= result.total()) {
				break;
			}
		}
		String name = organizations.ref(orgId).map(OrgRef::name).orElse("");
		String filter = (s == null ? "" : "-" + ProblemStatus.valueOf(s).label()) + (o == null ? "" : "-逾期");
		return Workbooks.download("问题交办-" + name + filter + ".xlsx", "问题交办", List.of("问题", "整改通知", "交办组织",
				"被交办组织", "发文日期", "整改期限", "状态", "逾期", "待跟踪", "整改完成日期", "销号日期"), rows);
	}
}
