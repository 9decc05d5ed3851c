package cn.jiceng.orglife;

import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/** Four-color record (四色纪实法) of a member for a month; NONE when the branch held no themed day. */
public enum FourColor {
	// Severity follows the seed's order 红粉绿黑 and the default themed-day deductions (leave −2,
	// late/early −3, absent −10). NONE ranks lowest: it is the branch's failure, not the member's.
	RED("红", 1),
	PINK("粉", 2),
	GREEN("绿", 3),
	BLACK("黑", 4),
	NONE("无", 0);

	private final String label;
	private final int severity;

	FourColor(String label, int severity) {
		this.label = label;
		this.severity = severity;
	}

	public String label() {
		return label;
	}

	public int severity() {
		return severity;
	}

	public boolean isWorseThan(FourColor other) {
		return severity > other.severity;
	}

	/** The color an effective attendance status earns at a themed day. */
	public static FourColor of(AttendanceStatus status) {
		Objects.requireNonNull(status, "status");
		return switch (status) {
			case PRESENT, REMOTE -> RED;
			case LEAVE -> PINK;
			case LATE_OR_EARLY -> GREEN;
			case ABSENT -> BLACK;
		};
	}

	public static FourColor worst(Collection<FourColor> colors) {
		return colors.stream().max(Comparator.comparingInt(FourColor::severity))
				.orElseThrow(() -> new IllegalArgumentException("no colors to compare"));
	}

	/**
	 * {@link #of} then {@link #severity}, plus {@code shift}, as SQL over an attendance status column. A null status
	 * (no attendance row: not listed) counts as {@code ABSENT}, as SPEC.md §4.2 counts an unlisted member.
	 */
	public static String sqlSeverity(String statusColumn, int shift) {
		StringBuilder sql = new StringBuilder("CASE ").append(statusColumn);
		for (AttendanceStatus status : AttendanceStatus.values()) {
			if (status != AttendanceStatus.ABSENT) {
				sql.append(" WHEN '").append(status.name()).append("' THEN ").append(of(status).severity + shift);
			}
		}
		return sql.append(" ELSE ").append(of(AttendanceStatus.ABSENT).severity + shift).append(" END").toString();
	}

	/** The colors an attendance can earn (all but NONE), least severe first. */
	public static List<FourColor> attendanceColors() {
		return Arrays.stream(AttendanceStatus.values()).map(FourColor::of).distinct()
			.sorted(Comparator.comparingInt(FourColor::severity)).toList();
	}
}
