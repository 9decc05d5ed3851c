package cn.jiceng.development;

import java.time.Clock;
import java.time.LocalDate;

import cn.jiceng.notification.Notifications;
import cn.jiceng.settings.RuleSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Daily development warnings (SPEC.md §4.5): every open record's warnings as of today go to the inbox of its branch
 * and of its township (the organization just below the county root on the branch's path). A warning is sent once
 * per record, code and due date (development_warning_sent, and the notification key
 * DEV:&lt;record&gt;:&lt;code&gt;:&lt;due&gt;:&lt;org&gt;), so reruns and the start-up catch-up send nothing twice, while a
 * warning that comes back with a new due date (an approval past 6 months, a new assessment gap) is sent again.
 */
@Component
class DevelopmentWarningJob {

	static final String JOB = "development-warnings";

	private static final Logger log = LoggerFactory.getLogger(DevelopmentWarningJob.class);

	private final DevelopmentRecords records;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	DevelopmentWarningJob(DevelopmentRecords records, Notifications notifications, RuleSettingsService settings,
			Clock clock) {
		this.records = records;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run();
	}

	@Scheduled(cron = "0 40 1 * * *", zone = "Asia/Shanghai")
	void daily() {
		run();
	}

	/** Returns how many warnings were sent for the first time. */
	public int run() {
		LocalDate today = LocalDate.now(clock);
		int sent = 0;
		for (long county : records.counties()) {
			DevelopmentPolicy policy = new DevelopmentPolicy(settings.forCountyYear(county, today.getYear()));
			for (DevelopmentRecords.Open r : records.openRecords(county)) {
				for (DevelopmentPolicy.Warning w : policy.warnings(r.book(), today)) {
					String title = "发展党员预警：" + r.name() + "（" + w.code().label() + "）";
					String body = r.organizationName() + "发展对象" + r.name() + "：" + w.message() + "。";
					String link = "/development/records/" + r.id();
					String key = "DEV:" + r.id() + ":" + w.code() + ":" + w.dueOn();
					notifications.publish(county, r.organizationId(), "DEVELOPMENT_WARNING",
							key + ":" + r.organizationId(), title, body, link);
					long township = township(r.path(), r.organizationId());
					if (township != r.organizationId()) {
						notifications.publish(county, township, "DEVELOPMENT_WARNING", key + ":" + township, title, body,
								link);
					}
					if (records.markSent(county, r.id(), w.code(), w.dueOn(), today)) {
						sent++;
					}
				}
			}
			notifications.recordRun(county, JOB, today);
		}
		if (sent > 0) {
			log.info("Sent {} development warnings", sent);
		}
		return sent;
	}

	/** The organization just below the root on a path such as /1/12/305/ (12), the root itself when none. */
	static long township(String path, long self) {
		String[] parts = path.replaceAll("^/|/$", "").split("/");
		if (parts.length >= 2) {
			return Long.parseLong(parts[1]);
		}
		return parts.length == 1 && !parts[0].isEmpty() ? Long.parseLong(parts[0]) : self;
	}
}
