package cn.jiceng.assessment;

import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/** Renders the module's printable documents from Thymeleaf templates with the embedded CJK font. */
@Component
class AssessmentPdf {

	private final ITemplateEngine templates;

	AssessmentPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables) {
		String html = templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
		return HtmlPdf.render(html);
	}
}
