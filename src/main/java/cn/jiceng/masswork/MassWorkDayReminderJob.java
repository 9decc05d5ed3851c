package cn.jiceng.masswork;

import static cn.jiceng.settings.RuleCatalog.MASS_WORK_DAYS;

import java.time.Clock;
import java.time.LocalDate;
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
 * On a 秤砣 work day ({@code massWorkDays}, {@link MassWorkDayPolicy}) every township and every village of the county
 * finds a reminder in its inbox, once (key MASS_WORK_DAY:&lt;day&gt;:&lt;organization&gt;), so reruns and restarts publish
 * nothing new. Runs every morning and once at start-up.
 */
@Component
class MassWorkDayReminderJob {

	static final String JOB = "mass-work-day-reminders";

	private static final Logger log = LoggerFactory.getLogger(MassWorkDayReminderJob.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	MassWorkDayReminderJob(JdbcClient jdbc, Notifications notifications, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run(LocalDate.now(clock.withZone(ErrandPolicy.COUNTY)));
	}

	@Scheduled(cron = "0 30 7 * * *", zone = "Asia/Shanghai")
	void daily() {
		run(LocalDate.now(clock.withZone(ErrandPolicy.COUNTY)));
	}

	record Target(long id, long countyId) {
	}

	/** Returns how many new reminders were published. */
	int run(LocalDate today) {
		int published = 0;
		List<Long> counties = jdbc.sql("SELECT county_id FROM organization WHERE parent_id IS NULL").query(Long.class).list();
		for (long county : counties) {
			String days = settings.forCountyYear(county, today.getYear()).get(MASS_WORK_DAYS);
			if (!MassWorkDayPolicy.isWorkDay(days, today)) {
				continue;
			}
			List<Long> targets = jdbc.sql("SELECT o.id FROM organization o WHERE o.county_id = :c AND (o.depth = 1 OR ("
					+ Villages.sqlIsVillage("o") + " AND NOT EXISTS (SELECT 1 FROM organization p WHERE p.id = o.parent_id AND "
					+ Villages.sqlIsVillage("p") + "))) ORDER BY o.path")
				.param("c", county)
				.query(Long.class)
				.list();
			for (long org : targets) {
				if (notifications.publish(county, org, "MASS_WORK_DAY", "MASS_WORK_DAY:" + today + ":" + org,
						"今天是“秤砣”群众工作日",
						MassWorkDayPolicy.describe(days) + "为“秤砣”工作站群众工作日：驻村、联村干部和村组干部集中开展下访、接访、处访和民事代办，"
								+ "请按计划走访农户、记录民情日记，当日受理的事项当日办结或答复。",
						"/masswork/visits/new")) {
					published++;
				}
			}
			notifications.recordRun(county, JOB, today);
		}
		if (published > 0) {
			log.info("Published {} mass-work day reminders", published);
		}
		return published;
	}
}
