package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.ReadCache;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The yearly four-color grid of a branch (四色纪实, 上墙公开): one row per member who belonged to the branch on
 * any day of the year, twelve cells each. Computed live from one query over the branch's themed days and their
 * stored attendance, with {@link FourColorPolicy} and {@link MembershipPeriods}; {@link FourColorRecompute}
 * states the same in set-based SQL for whole counties.
 */
@Service
public class FourColorService {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final MeetingReads meetings;
	private final Memberships memberships;
	private final Clock clock;
	private final OrgLifePdf pdf;
	private final FourColorPolicy policy = new FourColorPolicy();
	/** Wall charts as of a day, kept while the database is unchanged. */
	private final ReadCache.Region<GridKey, Grid> grids;

	private record GridKey(long branchId, int year, LocalDate today) {
	}

	FourColorService(JdbcClient jdbc, DataScope scope, MeetingReads meetings, Memberships memberships,
			OrgLifePdf pdf, Clock clock, ReadCache readCache) {
		this.grids = readCache.region(300);
		this.jdbc = jdbc;
		this.scope = scope;
		this.meetings = meetings;
		this.memberships = memberships;
		this.pdf = pdf;
		this.clock = clock;
	}

	/** Paper of the printed wall chart, landscape. */
	public enum Paper {
		A4, A3
	}

	/** {@code months}: "YYYY-MM" → color, null for a month that is not the member's or has not ended. */
	public record MemberColors(String memberId, String name, Map<String, FourColor> months, Map<String, String> reasons) {

		public FourColor at(int month) {
			return months.values().stream().skip(month - 1L).findFirst().orElse(null);
		}
	}

	public record Grid(String organizationId, String organizationName, int year, List<MemberColors> members,
			Map<FourColor, Integer> totals, List<String> themedDays) {
	}

	@Transactional(readOnly = true)
	public Grid branchYear(long branchId, int year) {
		// the wall chart is published to the branch's members on purpose
		scope.requirePublication(branchId);
		OrgRef branch = meetings.requireBranch(branchId);
		LocalDate today = LocalDate.now(clock);
		return grids.get(new GridKey(branchId, checkYear(year), today), () -> compute(branch, year, today));
	}

	/**
	 * The colors of one month over every branch of a subtree (the command center): for each color, the cells of that
	 * month in the branches' {@link #branchYear} grids, so the counts equal those of the wall charts; months not
	 * owned or not ended count nowhere. Every color present (0 when none). Scope checked. The same rule as
	 * {@link #compute} cell by cell, but read for the whole subtree at once (the month's themed days and their
	 * attendance in one query, everyone ever in a branch of the subtree in another) instead of one grid per branch.
	 */
	@Transactional(readOnly = true)
	public Map<FourColor, Integer> monthCounts(long organizationId, YearMonth month) {
		scope.requireOrganization(organizationId);
		int year = checkYear(month.getYear());
		LocalDate today = LocalDate.now(clock);
		Map<FourColor, Integer> counts = new EnumMap<>(FourColor.class);
		for (FourColor c : FourColor.values()) {
			counts.put(c, 0);
		}
		Set<Long> branches = new HashSet<>(jdbc.sql("""
				SELECT o.id FROM organization o
				WHERE o.kind = 'BRANCH' AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'""")
			.param("root", organizationId)
			.query(Long.class)
			.list());
		if (branches.isEmpty()) {
			return counts;
		}
		// branch → the month's themed days (a date once per meeting, as compute lists them); branch → member →
		// date → the worse status of that date
		Map<Long, List<LocalDate>> days = new HashMap<>();
		Map<Long, Map<Long, Map<LocalDate, AttendanceStatus>>> statuses = new HashMap<>();
		Set<Long> seenMeetings = new HashSet<>();
		jdbc.sql("""
				SELECT mt.organization_id, mt.id, mt.held_on, a.member_id, a.status
				FROM meeting mt JOIN organization o ON o.id = mt.organization_id
				LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id
				WHERE o.kind = 'BRANCH' AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				  AND mt.type = 'THEMED_DAY' AND mt.held_on BETWEEN :from AND :to
				ORDER BY mt.held_on, mt.id""")
			.param("root", organizationId)
			.param("from", month.atDay(1))
			.param("to", month.atEndOfMonth())
			.query(rs -> {
				long branchId = rs.getLong(1);
				LocalDate heldOn = rs.getObject(3, LocalDate.class);
				if (seenMeetings.add(rs.getLong(2))) {
					days.computeIfAbsent(branchId, k -> new ArrayList<>()).add(heldOn);
				}
				Long memberId = (Long) rs.getObject(4);
				if (memberId != null) {
					statuses.computeIfAbsent(branchId, k -> new HashMap<>())
						.computeIfAbsent(memberId, k -> new HashMap<>())
						.merge(heldOn, AttendanceStatus.valueOf(rs.getString(5)), FourColorService::worse);
				}
			});
		for (Memberships.Membership m : memberships.everInBranchesUnder(organizationId)) {
			if (m.periods().isEmpty()) {
				continue;
			}
			MembershipPeriods periods = m.periods().get();
			Set<Long> own = new LinkedHashSet<>();
			periods.stays().forEach(s -> own.add(s.branchId()));
			for (long branchId : own) {
				if (!branches.contains(branchId) || !m.touchesYear(branchId, year)) {
					continue;
				}
				Map<LocalDate, AttendanceStatus> seen = statuses.getOrDefault(branchId, Map.of())
					.getOrDefault(m.memberId(), Map.of());
				policy.colorOf(branchId, month, today, periods, days.getOrDefault(branchId, List.of()),
						day -> seen.getOrDefault(day, AttendanceStatus.ABSENT))
					.colorIfApplicable()
					.ifPresent(c -> counts.merge(c, 1, Integer::sum));
			}
		}
		return counts;
	}

	Grid compute(OrgRef branch, int year, LocalDate today) {
		long branchId = branch.id();
		record Line(long meetingId, LocalDate heldOn, Long memberId, AttendanceStatus status) {
		}
		List<Line> lines = jdbc.sql("""
				SELECT mt.id, mt.held_on, a.member_id, a.status
				FROM meeting mt LEFT JOIN meeting_attendance a ON a.meeting_id = mt.id
				WHERE mt.organization_id = :b AND mt.type = 'THEMED_DAY' AND mt.held_on BETWEEN :from AND :to
				ORDER BY mt.held_on, mt.id""")
			.param("b", branchId)
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year, 12, 31))
			.query((rs, i) -> new Line(rs.getLong(1), rs.getObject(2, LocalDate.class), (Long) rs.getObject(3),
					rs.getString(4) == null ? null : AttendanceStatus.valueOf(rs.getString(4))))
			.list();
		Map<YearMonth, List<LocalDate>> daysByMonth = new TreeMap<>();
		Map<Long, Map<LocalDate, AttendanceStatus>> statusByMember = new HashMap<>();
		Map<Long, LocalDate> seenMeetings = new LinkedHashMap<>();
		for (Line l : lines) {
			if (seenMeetings.put(l.meetingId(), l.heldOn()) == null) {
				daysByMonth.computeIfAbsent(YearMonth.from(l.heldOn()), k -> new ArrayList<>()).add(l.heldOn());
			}
			if (l.memberId() != null) {
				// Several themed days on one date: the worse status of the two stands for that date.
				statusByMember.computeIfAbsent(l.memberId(), k -> new HashMap<>())
					.merge(l.heldOn(), l.status(), FourColorService::worse);
			}
		}
		List<MemberColors> rows = new ArrayList<>();
		Map<FourColor, Integer> totals = new EnumMap<>(FourColor.class);
		for (Memberships.Membership m : memberships.everInBranch(branchId)) {
			if (!m.touchesYear(branchId, year)) {
				continue;
			}
			MembershipPeriods periods = m.periods().orElseThrow();
			Map<LocalDate, AttendanceStatus> own = statusByMember.getOrDefault(m.memberId(), Map.of());
			Map<String, FourColor> months = new LinkedHashMap<>();
			Map<String, String> reasons = new LinkedHashMap<>();
			for (int mo = 1; mo <= 12; mo++) {
				YearMonth month = YearMonth.of(year, mo);
				List<LocalDate> days = daysByMonth.getOrDefault(month, List.of());
				// A member in the branch on the date but without a stored row (a transfer entered after the
				// meeting) was not listed: ABSENT, as SPEC.md §4.2 counts unlisted members.
				MonthColor color = policy.colorOf(branchId, month, today, periods, days,
						day -> own.getOrDefault(day, AttendanceStatus.ABSENT));
				FourColor c = color.colorIfApplicable().orElse(null);
				months.put(month.toString(), c);
				reasons.put(month.toString(), color.reason());
				if (c != null) {
					totals.merge(c, 1, Integer::sum);
				}
			}
			rows.add(new MemberColors(Long.toString(m.memberId()), m.name(), months, reasons));
		}
		List<String> themedDays = seenMeetings.values().stream().map(LocalDate::toString).toList();
		return new Grid(Long.toString(branchId), branch.name(), year, rows, totals, themedDays);
	}

	/** The printable wall chart (上墙公开) of {@link #branchYear}. */
	@Transactional(readOnly = true)
	public byte[] branchYearPdf(long branchId, int year, Paper paper) {
		Grid grid = branchYear(branchId, year);
		record Cell(String color, String mood) {
		}
		record Row(int no, String name, List<Cell> cells, int red, int pink, int green, int black) {
		}
		record Legend(String color, String mood, String text) {
		}
		List<Row> rows = new ArrayList<>();
		int no = 0;
		for (MemberColors m : grid.members()) {
			List<Cell> cells = new ArrayList<>();
			int[] n = new int[FourColor.values().length];
			for (FourColor c : m.months().values()) {
				cells.add(new Cell(c == null ? null : c.name(), c == null ? null : mood(c)));
				if (c != null) {
					n[c.ordinal()]++;
				}
			}
			rows.add(new Row(++no, m.name(), cells, n[FourColor.RED.ordinal()], n[FourColor.PINK.ordinal()],
					n[FourColor.GREEN.ordinal()], n[FourColor.BLACK.ordinal()]));
		}
		List<String> monthHeaders = new ArrayList<>();
		for (int mo = 1; mo <= 12; mo++) {
			monthHeaders.add(mo + "月");
		}
		Map<String, Object> model = new HashMap<>();
		model.put("title", grid.organizationName() + " " + year + "年度党员四色纪实公示表");
		model.put("subtitle", "主题党日参加情况逐月上墙公开（四色纪实法）");
		model.put("legend", List.of(new Legend("RED", "smile", "红=参加"), new Legend("PINK", "smile", "粉=请假"),
				new Legend("GREEN", "flat", "绿=迟到早退"), new Legend("BLACK", "frown", "黑=缺席")));
		model.put("monthHeaders", monthHeaders);
		model.put("rows", rows);
		model.put("note", "流动党员按月报送三信联系报告的视同参加（七一、春节党员大会除外）；空白为非本支部月份或尚未结束的月份。");
		model.put("printed", "制表日期：" + LocalDate.now(clock));
		boolean a3 = paper == Paper.A3;
		model.put("pageCss", "@page { size: " + (a3 ? "A3" : "A4") + " landscape; margin: 10mm 10mm 12mm 10mm; "
				+ "@bottom-center { content: \"第 \" counter(page) \" 页 / 共 \" counter(pages) \" 页\"; "
				+ "font-family: cjk; font-size: 8pt; color: #777; } } body { font-size: " + (a3 ? "13pt" : "9.5pt")
				+ "; }");
		return pdf.render("four-color", model);
	}

	private static String mood(FourColor c) {
		return switch (c) {
			case RED, PINK -> "smile";
			case GREEN -> "flat";
			case BLACK -> "frown";
			case NONE -> null;
		};
	}

	private static AttendanceStatus worse(AttendanceStatus a, AttendanceStatus b) {
		return FourColor.of(a).isWorseThan(FourColor.of(b)) ? a : b;
	}

	static int checkYear(int year) {
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		return year;
	}
}
