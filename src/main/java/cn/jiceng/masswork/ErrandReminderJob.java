package cn.jiceng.masswork;

import static cn.jiceng.settings.RuleCatalog.ERRAND_REMINDER_HOUR;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
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
 * 事不过夜 reminders: from {@code errandReminderHour} (county time) until the county day ends, every errand received
 * that day and still neither done nor answered with a promised date reminds its handler once (the inbox of the
 * handler's branch, or of the errand's organization when nobody was named; key ERRAND_OVERNIGHT:&lt;errand&gt;).
 * Hourly and at start-up; the key makes reruns no-ops, and after midnight the errand has gone overnight, which the
 * lists and the command center already show.
 */
@Component
class ErrandReminderJob {

	static final String JOB = "errand-overnight-reminders";

	private static final Logger log = LoggerFactory.getLogger(ErrandReminderJob.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	ErrandReminderJob(JdbcClient jdbc, Notifications notifications, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run();
	}

	@Scheduled(cron = "0 5 * * * *", zone = "Asia/Shanghai")
	void hourly() {
		run();
	}

	record Open(long id, long countyId, long target, String requester, String content, String handler,
			String organizationId) {
	}

	/** Returns how many new reminders were published. */
	int run() {
		Instant now = clock.instant();
		ZonedDateTime county = now.atZone(ErrandPolicy.COUNTY);
		LocalDate today = county.toLocalDate();
		int published = 0;
		List<Long> counties = jdbc.sql("SELECT DISTINCT county_id FROM errand WHERE status = 'RECEIVED' AND received_on = :d")
			.param("d", today)
			.query(Long.class)
			.list();
		for (long c : counties) {
			int hour = settings.forCountyYear(c, today.getYear()).get(ERRAND_REMINDER_HOUR);
			if (county.getHour() < hour) {
				continue;
			}
			List<Open> open = jdbc.sql("""
					SELECT e.id, e.county_id, coalesce(m.organization_id, e.organization_id), e.requester, e.content, m.name,
					       e.organization_id
					FROM errand e LEFT JOIN member m ON m.id = e.handler_member_id
					WHERE e.county_id = :c AND e.status = 'RECEIVED' AND e.received_on = :d AND e.received_at <= :now
					ORDER BY e.id""")
				.param("c", c)
				.param("d", today)
				.param("now", ErrandService.county(now))
				.query((rs, i) -> new Open(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), rs.getString(5),
						rs.getString(6), rs.getString(7)))
				.list();
			for (Open e : open) {
				String who = e.handler() == null ? "" : e.handler() + "：";
				if (notifications.publish(c, e.target(), "ERRAND_OVERNIGHT", "ERRAND_OVERNIGHT:" + e.id(),
						"代办事项今日未办结：" + e.requester(),
						who + "今天受理的“" + shorten(e.content()) + "”（" + e.requester() + "）尚未办结也未答复，"
								+ "请在今晚24时前办结，或答复群众并承诺办结日期，避免过夜。",
						"/masswork/errands?org=" + e.organizationId())) {
					published++;
				}
			}
			notifications.recordRun(c, JOB, today);
		}
		if (published > 0) {
			log.info("Published {} errand overnight reminders", published);
		}
		return published;
	}

	private static String shorten(String s) {
		return s.length() <= 30 ? s : s.substring(0, 29) + "…";
	}
}
