package cn.jiceng.common;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import cn.idev.excel.ExcelWriter;
import cn.idev.excel.FastExcel;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A list as a one-sheet workbook: a header row and the rows the page's filters show. */
public final class Workbooks {

	public static final MediaType XLSX = MediaType
		.parseMediaType("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");

	private Workbooks() {
	}

	public static byte[] write(String sheet, List<String> head, List<List<Object>> rows) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		try (ExcelWriter writer = FastExcel.write(out).head(head.stream().map(List::of).toList()).build()) {
			writer.write(rows, FastExcel.writerSheet(0, sheet.length() > 31 ? sheet.substring(0, 31) : sheet).build());
		}
		return out.toByteArray();
	}

	/** The workbook as a download named {@code filename} (Chinese names are sent RFC 5987-encoded). */
	public static ResponseEntity<byte[]> download(String filename, String sheet, List<String> head,
			List<List<Object>> rows) {
		return ResponseEntity.ok()
			.contentType(XLSX)
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename(filename, StandardCharsets.UTF_8).build().toString())
			.body(write(sheet, head, rows));
	}
}
