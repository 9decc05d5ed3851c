package cn.jiceng.publicity;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import cn.jiceng.common.HtmlPdf;

import org.thymeleaf.ITemplateEngine;
import org.thymeleaf.context.Context;

import org.springframework.stereotype.Component;

/**
 * The large-print edition of a study material (大字版学习读本) for members with poor eyesight: the text in 26 pt with
 * double line spacing and the title in 34 pt, in the embedded CJK font ({@code templates/publicity/pdf/large-print.html}).
 */
@Component
class LargePrintPdf {

	private final ITemplateEngine templates;
	private final StudyMaterialService materials;

	LargePrintPdf(ITemplateEngine templates, StudyMaterialService materials) {
		this.templates = templates;
		this.materials = materials;
	}

	byte[] render(long materialId) {
		StudyMaterialService.MaterialView m = materials.get(materialId);
		List<String> paragraphs = m.text().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
		Map<String, Object> model = new HashMap<>();
		model.put("title", m.title());
		model.put("issuer", m.organizationName());
		model.put("paragraphs", paragraphs);
		String html = templates.process("publicity/pdf/large-print", new Context(Locale.SIMPLIFIED_CHINESE, model));
		return HtmlPdf.render(html);
	}
}
