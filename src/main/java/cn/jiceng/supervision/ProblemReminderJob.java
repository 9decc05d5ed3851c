package cn.jiceng.supervision;

import static cn.jiceng.settings.RuleCatalog.PROBLEM_REMINDER_DAYS_BEFORE;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

import cn.jiceng.notification.Notifications;
import cn.jiceng.settings.RuleSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Deadline reminders of assigned problems into the notification inbox. Every day, and once at start-up so a restart
 * catches up: an open problem due within {@code problemReminderDaysBefore} days reminds its organization once
 * (key PROBLEM_DUE:&lt;id&gt;:&lt;dueOn&gt;); an open problem past its deadline tells its organization and the issuing
 * organization once each (PROBLEM_OVERDUE:… and PROBLEM_OVERDUE_ISSUER:…). The keys make reruns no-ops.
 */
@Component
class ProblemReminderJob {

	static final String JOB = "problem-deadline-reminders";

	private static final Logger log = LoggerFactory.getLogger(ProblemReminderJob.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	ProblemReminderJob(JdbcClient jdbc, Notifications notifications, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run(LocalDate.now(clock));
	}

	@Scheduled(cron = "0 40 1 * * *", zone = "Asia/Shanghai")
	void daily() {
		run(LocalDate.now(clock));
	}

	record Open(long id, long countyId, long organizationId, String name, long issuingId, String description,
			LocalDate dueOn) {
	}

	/** Returns how many new reminders were published. */
	int run(LocalDate today) {
		int published = 0;
		List<Long> counties = jdbc.sql("SELECT DISTINCT county_id FROM problem WHERE status = 'OPEN'")
			.query(Long.class)
			.list();
		for (long county : counties) {
			int days = settings.forCountyYear(county, today.getYear()).get(PROBLEM_REMINDER_DAYS_BEFORE);
			List<Open> open = jdbc.sql("""
					SELECT p.id, p.county_id, p.organization_id, o.name, n.organization_id, p.description, p.due_on
					FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
					JOIN organization o ON o.id = p.organization_id
					WHERE p.county_id = :c AND p.status = 'OPEN' AND p.due_on <= :until ORDER BY p.id""")
				.param("c", county)
				.param("until", today.plusDays(days))
				.query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4),
						rs.getLong(5), rs.getString(6), rs.getObject(7, LocalDate.class)))
				.list();
			for (Open p : open) {
				String link = "/supervision/problems/" + p.id();
				String what = "“" + shorten(p.description()) + "”";
				if (ProblemPolicy.overdue(p.dueOn(), ProblemStatus.OPEN, today)) {
					long late = ChronoUnit.DAYS.between(p.dueOn(), today);
					if (notifications.publish(county, p.organizationId(), "PROBLEM_OVERDUE",
							"PROBLEM_OVERDUE:" + p.id() + ":" + p.dueOn(), "整改逾期：交办问题已超过整改期限",
							"交办问题" + what + "的整改期限为" + p.dueOn() + "，已逾期" + late + "天，请尽快整改并上传佐证材料。",
							link)) {
						published++;
					}
					if (notifications.publish(county, p.issuingId(), "PROBLEM_OVERDUE",
							"PROBLEM_OVERDUE_ISSUER:" + p.id() + ":" + p.dueOn(), "整改逾期：" + p.name() + "未按期整改",
							p.name() + "的交办问题" + what + "整改期限为" + p.dueOn() + "，已逾期" + late + "天，请督促整改。",
							link)) {
						published++;
					}
				}
				else if (notifications.publish(county, p.organizationId(), "PROBLEM_DUE",
						"PROBLEM_DUE:" + p.id() + ":" + p.dueOn(), "整改提醒：交办问题即将到期",
						"交办问题" + what + "的整改期限为" + p.dueOn() + "（还有" + ChronoUnit.DAYS.between(today, p.dueOn())
								+ "天），请按期整改并上传佐证材料后报告。",
						link)) {
					published++;
				}
			}
			notifications.recordRun(county, JOB, today);
		}
		if (published > 0) {
			log.info("Published {} problem deadline reminders", published);
		}
		return published;
	}

	private static String shorten(String s) {
		return s.length() <= 40 ? s : s.substring(0, 39) + "…";
	}
}
