package cn.jiceng.orglife;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import cn.jiceng.common.NotFoundException;
import cn.jiceng.notification.Notifications;
import cn.jiceng.settings.RuleSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.TaskScheduler;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 日提醒、周通报、月约谈 (SPEC.md §4.2), published into the notification inbox. The job remembers the last day it
 * ran per county and, after downtime, runs every occasion it missed ({@link ReminderSchedule}); every message
 * has a stable key, so running a day twice publishes nothing new. Also refreshes the four-color read model
 * once a day.
 */
@Component
class ReminderJobs {

	static final String JOB = "orglife-reminders";

	/** Page links the messages carry (the organizational-life pages live under /orglife). */
	static final String BRANCH_LINK = "/orglife/branches/%d";
	static final String COMPLIANCE_LINK = "/orglife/compliance?organizationId=%d&month=%s";

	private static final Logger log = LoggerFactory.getLogger(ReminderJobs.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final ComplianceService compliance;
	private final FourColorRecompute fourColors;
	private final RuleSettingsService settings;
	private final TaskScheduler scheduler;
	private final Clock clock;
	private final boolean enabled;

	ReminderJobs(JdbcClient jdbc, Notifications notifications, ComplianceService compliance,
			FourColorRecompute fourColors, RuleSettingsService settings, TaskScheduler scheduler, Clock clock,
			@Value("${jiceng.orglife.jobs-enabled:true}") boolean enabled) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.compliance = compliance;
		this.fourColors = fourColors;
		this.settings = settings;
		this.scheduler = scheduler;
		this.clock = clock;
		this.enabled = enabled;
	}

	public record RunResult(String countyId, LocalDate from, LocalDate to, List<String> occasions, int published) {
	}

	/** Catch-up after downtime, on the scheduler's thread so a long catch-up never holds up start-up. */
	@EventListener(ApplicationReadyEvent.class)
	void atStartup() {
		scheduler.schedule(this::runDue, clock.instant());
	}

	@Scheduled(cron = "0 7 * * * *", zone = "Asia/Shanghai")
	void hourly() {
		runDue();
	}

	/**
	 * Every county whose last run is before today catches up to today. {@code jiceng.orglife.jobs-enabled=false}
	 * turns the schedule off (benchmarks, bulk loads); the admin endpoint still runs on demand.
	 */
	synchronized void runDue() {
		if (!enabled) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		for (Long county : jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id").query(Long.class).list()) {
			try {
				LocalDate last = notifications.lastRun(county, job(county)).orElse(null);
				if (last != null && !last.isBefore(today)) {
					continue;
				}
				run(county, today, last, null);
				int year = today.getYear();
				fourColors.recomputeYear(county, year);
				if (today.getMonthValue() == 1) {
					fourColors.recomputeYear(county, year - 1);
				}
			}
			catch (RuntimeException e) {
				log.error("Organizational-life reminders failed for county {}", county, e);
			}
		}
	}

	/**
	 * Runs the occasions after {@code lastRun} (the stored last run when null; only {@code today} on a first run
	 * or when the last run is not before it) up to {@code today}. {@code subtreeRootId} limits the run to one
	 * subtree: it publishes only to organizations inside it and does not count as the county's run.
	 */
	public RunResult run(long countyId, LocalDate today, LocalDate lastRun, Long subtreeRootId) {
		LocalDate last = lastRun != null ? lastRun : notifications.lastRun(countyId, job(countyId)).orElse(null);
		LocalDate from = last == null || !last.isBefore(today) ? today : last.plusDays(1);
		ReminderSchedule schedule = new ReminderSchedule(year -> settings.forCountyYear(countyId, year));
		List<ReminderSchedule.Occasion> occasions = schedule.occasionsBetween(from, today);
		Scope scope = scope(countyId, subtreeRootId);
		Map<YearMonth, ComplianceService.Report> reports = new HashMap<>();
		int published = 0;
		for (ReminderSchedule.Occasion occasion : occasions) {
			if (occasion instanceof ReminderSchedule.Occasion.DailyReminder d) {
				published += daily(scope, schedule, d);
			}
			else if (occasion instanceof ReminderSchedule.Occasion.WeeklyBulletin w) {
				published += weekly(scope, w, reports.computeIfAbsent(YearMonth.from(w.date()).minusMonths(1),
						m -> compliance.compute(scope.rootId(), m)));
			}
			else if (occasion instanceof ReminderSchedule.Occasion.MonthlyInterviewList l) {
				published += monthly(scope, l, reports.computeIfAbsent(l.month(),
						m -> compliance.compute(scope.rootId(), m)));
			}
		}
		if (subtreeRootId == null) {
			LocalDate stored = notifications.lastRun(countyId, job(countyId)).orElse(null);
			if (stored == null || stored.isBefore(today)) {
				notifications.recordRun(countyId, job(countyId), today);
			}
		}
		return new RunResult(Long.toString(countyId), from, today,
				occasions.stream().map(ReminderSchedule.Occasion::key).toList(), published);
	}

	static String job(long countyId) {
		return JOB + ":" + countyId;
	}

	/** Where a run publishes: the county root, or a subtree of it (then no county-level summaries). */
	private record Scope(long countyId, long rootId, String path, boolean wholeCounty, String countyName) {
	}

	private Scope scope(long countyId, Long subtreeRootId) {
		long root = subtreeRootId == null ? countyId : subtreeRootId;
		record Org(String path, long county, String name) {
		}
		Org org = jdbc.sql("SELECT path, county_id, name FROM organization WHERE id = :id")
			.param("id", root)
			.query((rs, i) -> new Org(rs.getString(1), rs.getLong(2), rs.getString(3)))
			.optional()
			.orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (org.county() != countyId) {
			throw new NotFoundException("党组织不存在");
		}
		return new Scope(countyId, root, org.path(), root == countyId, org.name());
	}

	private int daily(Scope scope, ReminderSchedule schedule, ReminderSchedule.Occasion.DailyReminder d) {
		YearMonth month = d.month();
		String sql = "WITH " + MembershipSql.stays("m.county_id = :c") + ",\n" + MembershipSql.ownedMonths() + """

				SELECT b.id, b.name FROM organization b
				WHERE b.kind = 'BRANCH' AND b.path LIKE :prefix
				  AND EXISTS (SELECT 1 FROM owned o WHERE o.branch_id = b.id)
				  AND NOT EXISTS (SELECT 1 FROM meeting mt WHERE mt.organization_id = b.id AND mt.type = 'THEMED_DAY'
				                  AND mt.held_on BETWEEN :from AND :day)
				ORDER BY b.path""";
		record Branch(long id, String name) {
		}
		List<Branch> branches = jdbc.sql(sql)
			.param("c", scope.countyId())
			.param("ownedFrom", month.atDay(1))
			.param("ownedTo", month.atDay(1))
			.param("prefix", scope.path() + "%")
			.param("from", month.atDay(1))
			.param("day", d.date())
			.query((rs, i) -> new Branch(rs.getLong(1), rs.getString(2)))
			.list();
		int published = 0;
		for (Branch b : branches) {
			String text = schedule.dailyReminderFor(d.date(), false).orElseThrow();
			if (notifications.publish(scope.countyId(), b.id(), "DAILY_REMINDER", d.key() + ":branch:" + b.id(),
					"主题党日提醒：" + month + " 尚未召开", b.name() + "：" + text, BRANCH_LINK.formatted(b.id()))) {
				published++;
			}
		}
		return published;
	}

	private int weekly(Scope scope, ReminderSchedule.Occasion.WeeklyBulletin w, ComplianceService.Report report) {
		YearMonth month = report.month();
		Map<String, List<ComplianceService.BranchResult>> byTownship = failingByTownship(report);
		int published = 0;
		for (var e : byTownship.entrySet()) {
			long township = Long.parseLong(e.getKey());
			if (!insideScope(scope, township)) {
				continue;
			}
			String body = e.getValue().size() + "个党支部" + month + "组织生活未达标：\n" + e.getValue().stream()
				.map(r -> r.organizationName() + "（缺：" + labels(r.missing()) + "）")
				.collect(Collectors.joining("\n"));
			if (notifications.publish(scope.countyId(), township, "WEEKLY_BULLETIN", w.key() + ":org:" + township,
					"周通报：" + month + " 组织生活未达标党支部", body, COMPLIANCE_LINK.formatted(township, month))) {
				published++;
			}
		}
		if (scope.wholeCounty()) {
			List<ComplianceService.BranchResult> failing = report.items().stream().filter(r -> !r.compliant()).toList();
			String body = month + " 全县台账达标率 " + percent(report.rate()) + "（" + report.compliantBranches() + "/"
					+ report.branches() + "），未达标党支部" + failing.size() + "个：\n" + failing.stream()
						.map(r -> (r.townshipName() == null ? "" : r.townshipName() + " ") + r.organizationName()
								+ "（缺：" + labels(r.missing()) + "）")
						.collect(Collectors.joining("\n"));
			if (notifications.publish(scope.countyId(), scope.rootId(), "WEEKLY_BULLETIN",
					w.key() + ":org:" + scope.rootId(), "周通报：" + month + " 各乡镇组织生活未达标党支部", body,
					COMPLIANCE_LINK.formatted(scope.rootId(), month))) {
				published++;
			}
		}
		return published;
	}

	private int monthly(Scope scope, ReminderSchedule.Occasion.MonthlyInterviewList l, ComplianceService.Report report) {
		YearMonth month = l.month();
		List<ComplianceService.BranchResult> failing = report.items().stream().filter(r -> !r.compliant()).toList();
		Map<Long, String> secretaries = secretaries(failing);
		Map<String, List<ComplianceService.BranchResult>> byTownship = failingByTownship(report);
		int published = 0;
		for (var e : byTownship.entrySet()) {
			long township = Long.parseLong(e.getKey());
			if (!insideScope(scope, township)) {
				continue;
			}
			String body = month + " 组织生活未达标，约谈以下党支部书记：\n" + e.getValue().stream()
				.map(r -> interviewee(r, secretaries))
				.collect(Collectors.joining("\n"));
			if (notifications.publish(scope.countyId(), township, "MONTHLY_INTERVIEW", l.key() + ":org:" + township,
					"月约谈名单：" + month, body, COMPLIANCE_LINK.formatted(township, month))) {
				published++;
			}
		}
		if (scope.wholeCounty()) {
			String body = failing.isEmpty() ? month + " 全部党支部组织生活达标，无约谈对象。"
					: month + " 组织生活未达标，约谈以下党支部书记（" + failing.size() + "人）：\n" + failing.stream()
						.map(r -> (r.townshipName() == null ? "" : r.townshipName() + " ") + interviewee(r, secretaries))
						.collect(Collectors.joining("\n"));
			if (notifications.publish(scope.countyId(), scope.rootId(), "MONTHLY_INTERVIEW",
					l.key() + ":org:" + scope.rootId(), "月约谈名单：" + month, body,
					COMPLIANCE_LINK.formatted(scope.rootId(), month))) {
				published++;
			}
		}
		return published;
	}

	private static Map<String, List<ComplianceService.BranchResult>> failingByTownship(ComplianceService.Report report) {
		Map<String, List<ComplianceService.BranchResult>> byTownship = new LinkedHashMap<>();
		for (ComplianceService.BranchResult r : report.items()) {
			if (!r.compliant() && r.townshipId() != null) {
				byTownship.computeIfAbsent(r.townshipId(), k -> new ArrayList<>()).add(r);
			}
		}
		return byTownship;
	}

	/** A township message goes out only when the whole township lies inside the run's subtree. */
	private boolean insideScope(Scope scope, long township) {
		String path = jdbc.sql("SELECT path FROM organization WHERE id = :id").param("id", township)
			.query(String.class).single();
		return path.startsWith(scope.path());
	}

	/** Secretaries of the branches: accounts with the secretary role bound to the branch (member name if linked). */
	private Map<Long, String> secretaries(List<ComplianceService.BranchResult> branches) {
		Map<Long, String> names = new HashMap<>();
		if (branches.isEmpty()) {
			return names;
		}
		jdbc.sql("""
				SELECT a.organization_id, string_agg(coalesce(mb.name, a.username), '、' ORDER BY a.id)
				FROM account a LEFT JOIN member mb ON mb.id = a.member_id
				WHERE a.role = 'BRANCH_SECRETARY' AND a.enabled AND a.organization_id IN (:ids)
				GROUP BY a.organization_id""")
			.param("ids", branches.stream().map(r -> Long.parseLong(r.organizationId())).toList())
			.query((rs, i) -> names.put(rs.getLong(1), rs.getString(2)))
			.list();
		return names;
	}

	private static String interviewee(ComplianceService.BranchResult r, Map<Long, String> secretaries) {
		String who = secretaries.get(Long.parseLong(r.organizationId()));
		return r.organizationName() + " 书记：" + (who == null ? "（未设支部书记账号）" : who) + "（缺："
				+ labels(r.missing()) + "）";
	}

	private static String labels(List<MeetingType> types) {
		return types.stream().map(MeetingType::label).collect(Collectors.joining("、"));
	}

	private static String percent(double rate) {
		return String.format("%.1f%%", rate * 100);
	}
}
