package cn.jiceng.orglife;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
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

	static final String FONT_FAMILY = "cjk";

	private final ITemplateEngine templates;
	private volatile byte[] font;

	OrgLifePdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables) {
		Context context = new Context(Locale.SIMPLIFIED_CHINESE, variables);
		String html = templates.process("orglife/pdf/" + template, context);
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(font()), FONT_FAMILY);
			builder.withHtmlContent(html, null);
			builder.toStream(out);
			builder.run();
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		return out.toByteArray();
	}

	private byte[] font() {
		byte[] f = font;
		if (f == null) {
			try (InputStream in = OrgLifePdf.class.getResourceAsStream("/fonts/DroidSansFallbackFull.ttf")) {
				if (in == null) {
					throw new IllegalStateException("classpath font /fonts/DroidSansFallbackFull.ttf is missing");
				}
				f = in.readAllBytes();
				font = f;
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
		}
		return f;
	}
}
