package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.TERM_EXPIRING_WITHIN_MONTHS;

import java.time.Clock;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;

import cn.jiceng.notification.Notifications;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 换届提醒: "上级党组织对任期届满的党支部，一般提前6个月…提醒" (RULES.md §1.5). Every day, and once at start-up so
 * a restart catches up, each organization whose term ends within the settings' months (or has already ended)
 * gets one reminder in its parent's inbox. The key TERM:&lt;orgId&gt;:&lt;termEndsOn&gt; makes reruns no-ops, and an
 * election (new term end) makes the next reminder a new one.
 */
@Component
class TermReminderJob {

	static final String JOB = "term-renewal-reminders";

	private static final Logger log = LoggerFactory.getLogger(TermReminderJob.class);

	private final TermService terms;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	TermReminderJob(TermService terms, Notifications notifications, RuleSettingsService settings, Clock clock) {
		this.terms = terms;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run();
	}

	@Scheduled(cron = "0 20 1 * * *", zone = "Asia/Shanghai")
	void daily() {
		run();
	}

	/** Returns how many new reminders were published. */
	public int run() {
		LocalDate today = LocalDate.now(clock);
		int published = 0;
		for (long county : terms.counties()) {
			RuleSettings rules = settings.forCountyYear(county, today.getYear());
			LocalDate until = today.plusMonths(rules.get(TERM_EXPIRING_WITHIN_MONTHS));
			for (TermService.TermEnding t : terms.termsEndingBy(county, rules, until)) {
				long addressee = t.parentId() != null ? t.parentId() : t.organizationId();
				if (notifications.publish(county, addressee, "TERM_RENEWAL", "TERM:" + t.organizationId() + ":" + t.termEndsOn(),
						title(t, today), body(t, today), "/terms?organizationId=" + addressee)) {
					published++;
				}
			}
			notifications.recordRun(county, JOB, today);
		}
		if (published > 0) {
			log.info("Published {} term renewal reminders", published);
		}
		return published;
	}

	private static String title(TermService.TermEnding t, LocalDate today) {
		return t.termEndsOn().isBefore(today) ? "换届督促：" + t.name() + "任期已届满" : "换届提醒：" + t.name() + "任期即将届满";
	}

	private static String body(TermService.TermEnding t, LocalDate today) {
		long days = ChronoUnit.DAYS.between(today, t.termEndsOn());
		if (days < 0) {
			return t.kind().label() + "“" + t.name() + "”任期已于" + t.termEndsOn() + "届满（超期" + (-days)
					+ "天），请督促按期换届；确需延期须报上级党组织批准，延长一般不超过1年。";
		}
		return t.kind().label() + "“" + t.name() + "”任期将于" + t.termEndsOn() + "届满（还有" + days
				+ "天），请提醒做好换届准备，按期召开党员大会选举新一届委员会。";
	}
}
