package cn.jiceng.publicity;

import static cn.jiceng.settings.RuleCatalog.HOME_DELIVERY_REMINDER_DAYS_BEFORE;

import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

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
 * Home-delivery reminders (送学上门, SPEC.md §4.10) into the notification inbox. Every day, and once at start-up so a
 * restart catches up: from {@code homeDeliveryReminderDaysBefore} days before a quarter ends
 * ({@link AccessibleStudyPolicy#reminderDue}), each branch with members still owed the quarter's delivery is told
 * who they are (key HOME_DELIVERY_DUE:&lt;branch&gt;:&lt;quarter&gt;), and each township gets one summary of its
 * branches (HOME_DELIVERY_DUE_TOWNSHIP:&lt;township&gt;:&lt;quarter&gt;). The keys make reruns no-ops: one reminder
 * per organization and quarter.
 */
@Component
class HomeDeliveryReminderJob {

	static final String JOB = "home-delivery-reminders";

	private static final Logger log = LoggerFactory.getLogger(HomeDeliveryReminderJob.class);

	private final JdbcClient jdbc;
	private final Notifications notifications;
	private final RuleSettingsService settings;
	private final Clock clock;

	HomeDeliveryReminderJob(JdbcClient jdbc, Notifications notifications, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.settings = settings;
		this.clock = clock;
	}

	@EventListener(ApplicationReadyEvent.class)
	void onStart() {
		run(LocalDate.now(clock));
	}

	@Scheduled(cron = "0 50 1 * * *", zone = "Asia/Shanghai")
	void daily() {
		run(LocalDate.now(clock));
	}

	record BranchGap(long branchId, String branchName, Long townshipId, String townshipName, int count, String names) {
	}

	/** Returns how many new reminders were published. */
	int run(LocalDate today) {
		int published = 0;
		AccessibleStudyPolicy.Quarter q = AccessibleStudyPolicy.quarterOf(today);
		List<Long> counties = jdbc.sql("SELECT DISTINCT county_id FROM organization WHERE parent_id IS NULL")
			.query(Long.class)
			.list();
		for (long county : counties) {
			int days = settings.forCountyYear(county, today.getYear()).get(HOME_DELIVERY_REMINDER_DAYS_BEFORE);
			if (AccessibleStudyPolicy.reminderDue(today, days)) {
				published += remind(county, q);
			}
			notifications.recordRun(county, JOB, today);
		}
		if (published > 0) {
			log.info("Published {} home-delivery reminders for {}", published, q);
		}
		return published;
	}

	private int remind(long county, AccessibleStudyPolicy.Quarter q) {
		// the gaps rule of AccessibleStudyService.gaps, grouped by branch (a party group's members count for its branch)
		List<BranchGap> gaps = jdbc.sql("""
				SELECT b.id, b.name, t.id, t.name, count(*), string_agg(m.name, '、' ORDER BY m.name)
				FROM member m JOIN organization o ON o.id = m.organization_id
				JOIN organization b ON b.id = CASE WHEN o.kind = 'GROUP' THEN o.parent_id ELSE o.id END
				LEFT JOIN organization t ON t.id = CAST(nullif(split_part(b.path, '/', 3), '') AS BIGINT) AND t.id <> b.id
				LEFT JOIN study_need n ON n.member_id = m.id
				WHERE m.county_id = :c AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED') AND m.joined_on <= :last
				  AND coalesce(n.home_delivery, m.birth_date <= :bornBy)
				  AND NOT EXISTS (SELECT 1 FROM home_delivery d WHERE d.member_id = m.id
				                  AND d.delivered_on BETWEEN :first AND :last)
				GROUP BY b.id, b.name, b.path, t.id, t.name ORDER BY b.path""")
			.param("c", county)
			.param("first", q.firstDay())
			.param("last", q.lastDay())
			.param("bornBy", AccessibleStudyPolicy.bornOnOrBeforeForDefault(q))
			.query((rs, i) -> new BranchGap(rs.getLong(1), rs.getString(2), (Long) rs.getObject(3, Long.class),
					rs.getString(4), rs.getInt(5), rs.getString(6)))
			.list();
		int published = 0;
		Map<Long, List<BranchGap>> byTownship = new LinkedHashMap<>();
		for (BranchGap g : gaps) {
			if (notifications.publish(county, g.branchId(), "HOME_DELIVERY_DUE",
					"HOME_DELIVERY_DUE:" + g.branchId() + ":" + q, "送学上门提醒：本季度还有" + g.count() + "名党员未送学",
					q + "将于" + q.lastDay() + "结束，本支部需要送学上门的党员中还有" + g.count() + "名本季度尚未送学："
							+ shorten(g.names()) + "。请安排红色指导员送学上门并登记。",
					"/publicity/accessible?organizationId=" + g.branchId() + "&quarter=" + q + "&need=GAP")) {
				published++;
			}
			if (g.townshipId() != null) {
				byTownship.computeIfAbsent(g.townshipId(), k -> new java.util.ArrayList<>()).add(g);
			}
		}
		for (Map.Entry<Long, List<BranchGap>> e : byTownship.entrySet()) {
			List<BranchGap> branches = e.getValue();
			int members = branches.stream().mapToInt(BranchGap::count).sum();
			String list = shorten(String.join("、", branches.stream().map(b -> b.branchName() + b.count() + "名").toList()));
			if (notifications.publish(county, e.getKey(), "HOME_DELIVERY_DUE",
					"HOME_DELIVERY_DUE_TOWNSHIP:" + e.getKey() + ":" + q,
					"送学上门提醒：" + branches.size() + "个支部" + members + "名党员本季度未送学",
					q + "将于" + q.lastDay() + "结束，" + branches.get(0).townshipName() + "还有" + branches.size() + "个支部共"
							+ members + "名需要送学上门的党员本季度尚未送学（" + list + "），请督促落实。",
					"/publicity/accessible?organizationId=" + e.getKey() + "&quarter=" + q + "&need=GAP")) {
				published++;
			}
		}
		return published;
	}

	private static String shorten(String s) {
		return s.length() <= 120 ? s : s.substring(0, 119) + "…";
	}
}
