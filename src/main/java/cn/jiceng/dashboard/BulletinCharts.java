package cn.jiceng.dashboard;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontFormatException;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.font.TextAttribute;
import java.awt.font.TextLayout;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.AttributedString;
import java.util.Base64;
import java.util.List;

import javax.imageio.ImageIO;

/**
 * The bulletin's charts drawn with Java2D as PNG data URIs: the PDF renderer has no SVG support without Batik, and
 * the page's ECharts need a browser. Labels draw from fonts on the classpath, so they print on a machine with no
 * fonts: Chinese in the PDF's embedded CJK font, which has no Latin letters or digits, those in the Liberation Sans
 * that PDFBox ships. Drawn at three times the printed size so they stay sharp on paper.
 */
final class BulletinCharts {

	/** Printed size in CSS px (the PDF's 96 dpi); the bitmap is {@link #SCALE} times larger. */
	static final int WIDTH = 330;
	static final int HEIGHT = 190;
	private static final int SCALE = 3;

	static final Color PARTY_RED = new Color(0xC8, 0x10, 0x2E);
	static final Color GREY = new Color(0x9A, 0xA0, 0xA6);
	private static final Color AXIS = new Color(0x88, 0x88, 0x88);
	private static final Color GRID = new Color(0xE6, 0xE6, 0xE6);
	private static final Color TEXT = new Color(0x33, 0x33, 0x33);

	/** The four colors' print colors in {@code FourColor} order (RED, PINK, GREEN, BLACK, NONE). */
	static final List<Color> FOUR_COLORS = List.of(new Color(0xD7, 0x19, 0x1C), new Color(0xF2, 0x9C, 0xB4),
			new Color(0x2E, 0x9E, 0x4F), new Color(0x22, 0x22, 0x22), new Color(0xB0, 0xB0, 0xB0));

	private static final String CJK_FONT = "/fonts/DroidSansFallbackFull.ttf";
	private static final String LATIN_FONT = "/org/apache/pdfbox/resources/ttf/LiberationSans-Regular.ttf";

	private static volatile Font font;
	private static volatile Font latin;
	private static volatile boolean latinMissing;

	private BulletinCharts() {
	}

	/** A line of percentages (0–100) over labelled points, each point labelled with its value. */
	static String line(List<String> labels, List<Double> percents) {
		Canvas c = new Canvas();
		int n = labels.size();
		c.valueAxis(100, "%");
		Path2D path = new Path2D.Double();
		for (int i = 0; i < n; i++) {
			double x = c.slotCenter(i, n);
			double y = c.y(percents.get(i), 100);
			if (i == 0) {
				path.moveTo(x, y);
			}
			else {
				path.lineTo(x, y);
			}
		}
		c.g.setColor(PARTY_RED);
		c.g.setStroke(new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
		c.g.draw(path);
		c.size(8f);
		for (int i = 0; i < n; i++) {
			double x = c.slotCenter(i, n);
			double y = c.y(percents.get(i), 100);
			c.g.setColor(PARTY_RED);
			c.g.fillOval((int) Math.round(x - 2.5), (int) Math.round(y - 2.5), 5, 5);
			c.g.setColor(TEXT);
			c.centered(String.format("%.0f", percents.get(i)), x, y - 5);
			c.centered(labels.get(i), x, c.bottom + 12);
		}
		return c.png();
	}

	/** Bars of counts, each labelled with its value; {@code colors} one per bar, or one for all. */
	static String bars(List<String> labels, List<? extends Number> values, List<Color> colors) {
		Canvas c = new Canvas();
		int n = labels.size();
		double max = values.stream().mapToDouble(Number::doubleValue).max().orElse(0);
		double top = niceTop(max);
		c.valueAxis(top, "");
		double slot = (c.right - c.left) / (double) n;
		double bar = Math.min(36, slot * 0.6);
		c.size(9f);
		for (int i = 0; i < n; i++) {
			double v = values.get(i).doubleValue();
			double x = c.slotCenter(i, n);
			double y = c.y(v, top);
			c.g.setColor(colors.get(colors.size() == 1 ? 0 : i));
			c.g.fillRect((int) Math.round(x - bar / 2), (int) Math.round(y), (int) Math.round(bar),
					(int) Math.round(c.bottom - y));
			c.g.setColor(TEXT);
			c.centered(format(v), x, y - 3);
			c.centered(labels.get(i), x, c.bottom + 13);
		}
		return c.png();
	}

	private static String format(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : String.format("%.1f", v);
	}

	/** A top for the value axis whose four grid steps are whole round numbers (1, 2, 2.5 or 5 times 10ⁿ, 2.5 from 25 up). */
	static double niceTop(double max) {
		double need = Math.max(1, max / 4);
		for (double p = 1;; p *= 10) {
			for (double m : new double[] { 1, 2, 2.5, 5 }) {
				double step = m * p;
				if (step >= need && step == Math.rint(step)) {
					return step * 4;
				}
			}
		}
	}

	private static Font baseFont() {
		Font f = font;
		if (f == null) {
			f = load(CJK_FONT);
			font = f;
		}
		return f;
	}

	/** Liberation Sans for Latin letters and digits, or null when PDFBox's copy is not on the classpath. */
	private static Font latinFont() {
		Font f = latin;
		if (f == null && !latinMissing) {
			if (BulletinCharts.class.getResource(LATIN_FONT) == null) {
				latinMissing = true;
				return null;
			}
			f = load(LATIN_FONT);
			latin = f;
		}
		return f;
	}

	private static Font load(String resource) {
		try (InputStream in = BulletinCharts.class.getResourceAsStream(resource)) {
			if (in == null) {
				throw new IllegalStateException("classpath font " + resource + " is missing");
			}
			return Font.createFont(Font.TRUETYPE_FONT, in);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (FontFormatException e) {
			throw new IllegalStateException(e);
		}
	}

	/** A white canvas with a plot area, in printed px coordinates. */
	private static final class Canvas {

		final BufferedImage image = new BufferedImage(WIDTH * SCALE, HEIGHT * SCALE, BufferedImage.TYPE_INT_RGB);
		final Graphics2D g = image.createGraphics();
		final int left = 34;
		final int right = WIDTH - 8;
		final int top = 14;
		final int bottom = HEIGHT - 22;

		Canvas() {
			g.scale(SCALE, SCALE);
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
			g.setRenderingHint(RenderingHints.KEY_FRACTIONALMETRICS, RenderingHints.VALUE_FRACTIONALMETRICS_ON);
			g.setColor(Color.WHITE);
			g.fillRect(0, 0, WIDTH, HEIGHT);
		}

		float size = 9f;

		void size(float points) {
			size = points;
		}

		/** The text laid out run by run: CJK characters in the CJK font, the rest in the Latin one. */
		TextLayout layout(String text) {
			AttributedString a = new AttributedString(text);
			Font cjk = baseFont().deriveFont(size);
			Font lat = latinFont() == null ? cjk : latinFont().deriveFont(size);
			a.addAttribute(TextAttribute.FONT, cjk);
			for (int i = 0; i < text.length(); i++) {
				if (text.charAt(i) < 0x2E80) {
					a.addAttribute(TextAttribute.FONT, lat, i, i + 1);
				}
			}
			return new TextLayout(a.getIterator(), g.getFontRenderContext());
		}

		double slotCenter(int i, int n) {
			double slot = (right - left) / (double) n;
			return left + slot * (i + 0.5);
		}

		double y(double value, double max) {
			return bottom - (bottom - top) * Math.max(0, Math.min(value, max)) / max;
		}

		/** Four grid lines with their values, and the axes. */
		void valueAxis(double max, String unit) {
			size(8f);
			for (int k = 0; k <= 4; k++) {
				double v = max * k / 4;
				int y = (int) Math.round(y(v, max));
				g.setColor(k == 0 ? AXIS : GRID);
				g.setStroke(new BasicStroke(k == 0 ? 1f : 0.6f));
				g.drawLine(left, y, right, y);
				String text = format(v) + unit;
				g.setColor(AXIS);
				rightAligned(text, left - 4, y);
			}
		}

		void centered(String text, double x, double baseline) {
			TextLayout t = layout(text);
			t.draw(g, (float) (x - t.getAdvance() / 2.0), (float) baseline);
		}

		void rightAligned(String text, double x, double middle) {
			TextLayout t = layout(text);
			t.draw(g, (float) (x - t.getAdvance()), (float) (middle + t.getAscent() / 2.0 - 1));
		}

		String png() {
			g.dispose();
			ByteArrayOutputStream out = new ByteArrayOutputStream();
			try {
				ImageIO.write(image, "png", out);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			return "data:image/png;base64," + Base64.getEncoder().encodeToString(out.toByteArray());
		}
	}
}
