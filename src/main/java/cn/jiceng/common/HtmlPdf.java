package cn.jiceng.common;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

import com.openhtmltopdf.extend.FSSupplier;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;

/**
 * XHTML rendered to PDF with the embedded CJK font (font-family {@value #FONT_FAMILY}), so Chinese prints on a
 * machine with no fonts installed. Every printable document of the platform goes through here.
 */
public final class HtmlPdf {

	public static final String FONT_FAMILY = "cjk";

	private static final String FONT = "/fonts/DroidSansFallbackFull.ttf";

	private static volatile byte[] font;

	private HtmlPdf() {
	}

	public static byte[] render(String html) {
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

	// read once: 4 MB, and every page of a booklet asks for it
	private static byte[] font() {
		byte[] f = font;
		if (f == null) {
			try (InputStream in = HtmlPdf.class.getResourceAsStream(FONT)) {
				if (in == null) {
					throw new IllegalStateException("classpath font " + FONT + " is missing");
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
