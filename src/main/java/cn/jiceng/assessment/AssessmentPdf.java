package cn.jiceng.assessment;

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

/** Renders the module's printable documents from Thymeleaf templates with the embedded CJK font. */
@Component
class AssessmentPdf {

	private final ITemplateEngine templates;
	private volatile byte[] font;

	AssessmentPdf(ITemplateEngine templates) {
		this.templates = templates;
	}

	byte[] render(String template, Map<String, Object> variables) {
		String html = templates.process(template, new Context(Locale.SIMPLIFIED_CHINESE, variables));
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try {
			PdfRendererBuilder builder = new PdfRendererBuilder();
			builder.useFastMode();
			builder.useFont((FSSupplier<InputStream>) () -> new ByteArrayInputStream(font()), "cjk");
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
			try (InputStream in = AssessmentPdf.class.getResourceAsStream("/fonts/DroidSansFallbackFull.ttf")) {
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
