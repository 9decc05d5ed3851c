package cn.jiceng.member;

import java.util.List;

/**
 * Outcome of an import: how many members were saved (0 whenever any row failed), how many data rows the file
 * held, the total number of problems and the first {@link MemberImportService#MAX_ERRORS} of them.
 */
record MemberImportResult(int saved, int rows, int errorCount, List<RowError> errors) {

	/**
	 * One problem: the Excel row number (the header is row 1), the API field name, the template's column
	 * header and a message that starts with that header ("公民身份号码：…").
	 */
	public record RowError(int row, String field, String column, String message) {

		/** The message without its column prefix, for tables that show the column separately. */
		public String problem() {
			String prefix = column + "：";
			return column != null && message.startsWith(prefix) ? message.substring(prefix.length()) : message;
		}
	}

	public boolean truncated() {
		return errorCount > errors.size();
	}
}
