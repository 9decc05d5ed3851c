package cn.jiceng.notification;

import java.time.OffsetDateTime;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Jobs publish with a stable key ("DAILY:2025-03-21:branch:17"); publishing the same key twice is a no-op,
 * which is what makes re-running a job or catching up after downtime safe.
 */
@Service
public class Notifications {

	private final JdbcClient jdbc;
	private final CurrentCaller currentCaller;

	Notifications(JdbcClient jdbc, CurrentCaller currentCaller) {
		this.jdbc = jdbc;
		this.currentCaller = currentCaller;
	}

	/** Returns true when the notification is new, false when that key was already published. */
	@Transactional
	public boolean publish(long countyId, long organizationId, String kind, String key, String title, String body,
			String link) {
		return jdbc.sql("""
				INSERT INTO notification (county_id, organization_id, kind, dedup_key, title, body, link)
				VALUES (:c, :o, :k, :key, :t, :b, :l) ON CONFLICT (county_id, dedup_key) DO NOTHING""")
			.param("c", countyId)
			.param("o", organizationId)
			.param("k", kind)
			.param("key", key)
			.param("t", title)
			.param("b", body)
			.param("l", link)
			.update() > 0;
	}

	public record Entry(String id, String kind, String title, String body, String link, OffsetDateTime createdAt,
			boolean read) {
	}

	/** The caller's inbox: what was addressed to the organization their account is bound to. */
	@Transactional(readOnly = true)
	public List<Entry> inbox(int limit) {
		Caller c = currentCaller.get();
		return jdbc.sql("""
				SELECT n.id, n.kind, n.title, n.body, n.link, n.created_at,
				       EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.account_id = :a) AS read
				FROM notification n WHERE n.organization_id = :o ORDER BY n.created_at DESC, n.id DESC LIMIT :l""")
			.param("a", c.accountId())
			.param("o", c.organizationId())
			.param("l", limit)
			.query((rs, i) -> new Entry(rs.getString("id"), rs.getString("kind"), rs.getString("title"),
					rs.getString("body"), rs.getString("link"), rs.getObject("created_at", OffsetDateTime.class),
					rs.getBoolean("read")))
			.list();
	}

	@Transactional(readOnly = true)
	public long unreadCount() {
		Caller c = currentCaller.get();
		return jdbc.sql("""
				SELECT count(*) FROM notification n WHERE n.organization_id = :o
				AND NOT EXISTS (SELECT 1 FROM notification_read r WHERE r.notification_id = n.id AND r.account_id = :a)""")
			.param("a", c.accountId())
			.param("o", c.organizationId())
			.query(Long.class)
			.single();
	}

	@Transactional
	public void markRead(long notificationId) {
		Caller c = currentCaller.get();
		long visible = jdbc.sql("SELECT count(*) FROM notification WHERE id = :id AND organization_id = :o")
			.param("id", notificationId)
			.param("o", c.organizationId())
			.query(Long.class)
			.single();
		if (visible == 0) {
			throw new NotFoundException("通知不存在");
		}
		jdbc.sql("""
				INSERT INTO notification_read (notification_id, account_id, county_id)
				SELECT n.id, :a, n.county_id FROM notification n WHERE n.id = :n
				ON CONFLICT DO NOTHING""")
			.param("n", notificationId)
			.param("a", c.accountId())
			.update();
	}

	/** Day-based jobs: the last day a job completed for a county, so the next run starts the day after. */
	public Optional<LocalDate> lastRun(long countyId, String job) {
		return jdbc.sql("SELECT last_day FROM job_run WHERE job_name = :j AND county_id = :c")
			.param("j", job)
			.param("c", countyId)
			.query(LocalDate.class)
			.optional();
	}

	@Transactional
	public void recordRun(long countyId, String job, LocalDate day) {
		int n = jdbc.sql("UPDATE job_run SET last_day = :d, ran_at = now() WHERE job_name = :j AND county_id = :c")
			.param("d", day)
			.param("j", job)
			.param("c", countyId)
			.update();
		if (n == 0) {
			jdbc.sql("INSERT INTO job_run (job_name, county_id, last_day) VALUES (:j, :c, :d)")
				.param("d", day)
				.param("j", job)
				.param("c", countyId)
				.update();
		}
	}
}
