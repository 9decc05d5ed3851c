package cn.jiceng.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The printable star list (星级党组织名单) for publication (挂星/亮星): the confirmed and published assessments of a
 * subtree grouped by stars, with the distribution and the share of three stars and above, rendered from
 * {@code templates/assessment/pdf/stars.html} with the embedded CJK font ({@link AssessmentPdf}).
 */
@Component
class StarListPdf {

	private final AssessmentPdf pdf;
	private final StarService stars;
	private final Clock clock;

	StarListPdf(AssessmentPdf pdf, StarService stars, Clock clock) {
		this.pdf = pdf;
		this.stars = stars;
		this.clock = clock;
	}

	public record Group(int stars, String label, List<StarService.StarItem> items) {
	}

	@Transactional(readOnly = true)
	byte[] render(long organizationId, Integer year) {
		StarService.StarsReport report = stars.stars(organizationId, year);
		List<Group> groups = new ArrayList<>();
		String[] labels = { "", "一星", "二星", "三星", "四星", "五星" };
		for (int s = 5; s >= 1; s--) {
			int n = s;
			groups.add(new Group(s, labels[s] + "级党组织",
					report.items().stream().filter(i -> i.stars() == n).toList()));
		}
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> model = new HashMap<>();
		model.put("issuer", report.organizationName() + (report.organizationId().equals(stars.rootIdString()) ? "组织部" : ""));
		model.put("title", report.organizationName() + report.year() + "年度星级党组织名单");
		model.put("report", report);
		model.put("groups", groups);
		model.put("share", report.threeStarShare() == null ? "—"
				: String.format("%.1f%%", report.threeStarShare() * 100));
		model.put("pending", report.items().stream().filter(i -> i.status() == StarStatus.CONFIRMED).count());
		model.put("date", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		return pdf("assessment/pdf/stars", model);
	}

	private byte[] pdf(String template, Map<String, Object> variables) {
		return pdf.render(template, variables);
	}
}
