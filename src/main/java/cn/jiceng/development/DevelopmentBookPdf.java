package cn.jiceng.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import cn.jiceng.member.IdNumber;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The record book (发展党员记实簿, 一人一簿) as a PDF: the person, then the five phases with every one of the 25
 * steps — date, who recorded it and its figures (contacts, introducers, review conclusion, training hours, vote
 * figures) — blank where not yet done, then any extension, cancellation or withdrawal. Rendered from
 * {@code templates/development/pdf/book.html} with the embedded CJK font.
 */
@Component
class DevelopmentBookPdf {

	private final ITemplateEngine templates;
	private final Clock clock;

	DevelopmentBookPdf(ITemplateEngine templates, Clock clock) {
		this.templates = templates;
		this.clock = clock;
	}

	public record Row(String number, String label, String on, String by, String detail, boolean done) {
	}

	public record Phase(String title, List<Row> rows) {
	}

	byte[] render(DevelopmentService.RecordView record) {
		List<Phase> phases = new ArrayList<>();
		for (int p = 1; p <= 5; p++) {
			List<Row> rows = new ArrayList<>();
			for (DevelopmentStep s : DevelopmentStep.numberedSteps()) {
				if (s.phase() != p) {
					continue;
				}
				DevelopmentStep publicity = DevelopmentStep.publicityBefore(s);
				if (publicity != null) {
					// each publicity belongs just before the step it allows
					record.steps()
						.stream()
						.filter(v -> v.step() == publicity)
						.forEach(v -> rows.add(row("", v)));
				}
				List<DevelopmentService.StepView> done = record.steps().stream().filter(v -> v.step() == s).toList();
				if (done.isEmpty()) {
					rows.add(new Row(Integer.toString(s.number()), s.label(), "", "", "", false));
				}
				for (DevelopmentService.StepView v : done) {
					rows.add(row(Integer.toString(s.number()), v));
				}
			}
			phases.add(new Phase(numeral(p) + "、" + DevelopmentStep.PHASES.get(p - 1), rows));
		}
		List<Row> events = record.steps()
			.stream()
			.filter(v -> !v.step().numbered() && !v.step().publicity())
			.map(v -> row("", v))
			.toList();
		LocalDate today = LocalDate.now(clock);
		Map<String, Object> model = new HashMap<>();
		model.put("record", record);
		model.put("idNumber", IdNumber.mask(record.idNumber()));
		model.put("gender", record.gender() == cn.jiceng.member.Gender.MALE ? "男" : "女");
		model.put("phases", phases);
		model.put("events", events);
		model.put("date", today.getYear() + "年" + today.getMonthValue() + "月" + today.getDayOfMonth() + "日");
		return pdf("development/pdf/book", model);
	}

	private static String numeral(int p) {
		return new String[] { "", "一", "二", "三", "四", "五" }[p];
	}

	private static Row row(String number, DevelopmentService.StepView v) {
		return new Row(number, v.label(), v.on().toString(), v.recordedBy(), detail(v), true);
	}

	static String detail(DevelopmentService.StepView v) {
		List<String> parts = new ArrayList<>();
		if (v.memberNames() != null) {
			parts.add((v.step() == DevelopmentStep.INTRODUCERS ? "入党介绍人：" : "培养联系人：")
					+ String.join("、", v.memberNames()));
		}
		if (v.conclusion() != null && v.step().needs() == DevelopmentStep.Needs.DECISION) {
			parts.add("审批结果：" + (v.conclusion() == ReviewConclusion.PASSED ? "批准" : "不批准"));
		}
		else if (v.conclusion() != null) {
			parts.add("政审结论：" + v.conclusion().label());
		}
		if (v.place() != null) {
			parts.add("公示地点：" + v.place());
		}
		if (v.endsOn() != null) {
			parts.add("公示期：" + v.on() + "至" + v.endsOn() + "（" + DevelopmentPolicy.workingDays(v.on(), v.endsOn())
					+ "个工作日）");
		}
		if (v.hours() != null) {
			parts.add("培训" + v.hours() + "学时");
		}
		if (v.entitled() != null) {
			parts.add("应到会有表决权党员" + v.entitled() + "名（其中正式党员" + v.entitledFull() + "名），实到" + v.present()
					+ "名，赞成" + v.yes() + "票");
		}
		if (v.months() != null) {
			parts.add("延长" + v.months() + "个月");
		}
		if (v.reason() != null) {
			parts.add((v.step().needs() == DevelopmentStep.Needs.DECISION ? "审批意见：" : "原因：") + v.reason());
		}
		if (v.note() != null) {
			parts.add(v.note());
		}
		return String.join("；", parts);
	}

	private byte[] pdf(String template, Map<String, Object> variables) {
		String html = templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
		return HtmlPdf.render(html);
	}
}
