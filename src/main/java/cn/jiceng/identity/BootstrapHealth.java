package cn.jiceng.identity;

import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The platform is not ready until first-start bootstrap has made the {@code admin} account: the web server opens
 * before the start-up runners finish, and a load balancer or script must not send people to a county nobody can
 * log in to. Once seen, the account is not looked up again.
 */
@Component("adminAccountHealthIndicator")
class BootstrapHealth implements HealthIndicator {

	private final JdbcClient jdbc;
	private volatile boolean adminSeen;

	BootstrapHealth(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Health health() {
		if (!adminSeen) {
			adminSeen = jdbc.sql("SELECT count(*) FROM account WHERE lower(username) = 'admin'")
				.query(Long.class)
				.single() > 0;
		}
		return adminSeen ? Health.up().build() : Health.down().withDetail("reason", "管理员账号尚未创建").build();
	}
}
