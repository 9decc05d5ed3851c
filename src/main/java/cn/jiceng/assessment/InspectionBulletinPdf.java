package cn.jiceng.assessment;

import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The bulletin (通报栏) of an inspection round, ready to post: the ranking with shared ranks, the bottom-ranked
 * marked and, once published, the interviews arranged; from {@code templates/assessment/pdf/bulletin.html}.
 */
@Component
class InspectionBulletinPdf {

	private final AssessmentPdf pdf;
	private final InspectionService inspections;
	private final Clock clock;

	InspectionBulletinPdf(AssessmentPdf pdf, InspectionService inspections, Clock clock) {
		this.pdf = pdf;
		this.inspections = inspections;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	byte[] render(long roundId) {
		InspectionService.Ranking ranking = inspections.ranking(roundId);
		LocalDate today = LocalDate.now(clock);
		LocalDate held = ranking.heldOn();
		Map<String, Object> model = new HashMap<>();
		model.put("ranking", ranking);
		model.put("issuer", ranking.organizerName());
		model.put("title", ranking.name() + "排名通报");
		model.put("held", held.getYear() + "年" + held.getMonthValue() + "月" + held.getDayOfMonth() + "日");
		model.put("bottomCount", ranking.items().stream().filter(InspectionService.RankingItem::bottom).count());
		model.put("date", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		return pdf.render("assessment/pdf/bulletin", model);
	}
}
