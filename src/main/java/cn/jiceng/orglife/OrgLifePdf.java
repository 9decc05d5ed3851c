package cn.jiceng.orglife;

import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;
import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * Printable documents of organizational life (the four-color wall chart, the accountability bulletin): a
 * Thymeleaf template under {@code templates/orglife/pdf/} rendered to PDF with the embedded CJK font, so the
 * Chinese text prints on any machine.
 */
@Component
class OrgLifePdf {

	static final String FONT_FAMILY = HtmlPdf.FONT_FAMILY;

	private final ITemplateEngine templates;

	OrgLifePdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.SIMPLIFIED_CHINESE, variables);
		String html = templates.process("orglife/pdf/" + template, context);
		return HtmlPdf.render(html);
	}
}
