package cn.jiceng.identity;

import java.security.SecureRandom;

import cn.jiceng.organization.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/** First start on an empty database: the county's root organization and its admin account. */
@Component
@Order(0)
class Bootstrap implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(Bootstrap.class);

	private final OrganizationService organizations;
	private final AccountService accounts;
	private final TransactionTemplate tx;
	private final String countyName;
	private final String adminPassword;

	Bootstrap(OrganizationService organizations, AccountService accounts, TransactionTemplate tx,
			@Value("${jiceng.county-name}") String countyName, @Value("${jiceng.admin-password}") String adminPassword) {
		this.organizations = organizations;
		this.accounts = accounts;
		this.tx = tx;
		this.countyName = countyName;
		this.adminPassword = adminPassword;
	}

	@Override
	public void run(ApplicationArguments args) {
		tx.executeWithoutResult(status -> {
			if (organizations.rootId().isPresent()) {
				return;
			}
			long root = organizations.createRoot(countyName);
			String password = adminPassword == null || adminPassword.isBlank() ? randomPassword() : adminPassword;
			Account admin = accounts.createBootstrapAdmin(root, root, password);
			if (adminPassword == null || adminPassword.isBlank()) {
				accounts.requirePasswordChange(admin.id());
				log.warn("已创建管理员账号 admin，初始密码（仅显示这一次）：{}", password);
			}
			else {
				log.info("已创建管理员账号 admin（密码取自 JICENG_ADMIN_PASSWORD）");
			}
		});
	}

	private static String randomPassword() {
		String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnpqrstuvwxyz23456789";
		SecureRandom random = new SecureRandom();
		StringBuilder sb = new StringBuilder();
		for (int i = 0; i < 16; i++) {
			sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
		}
		return sb.toString();
	}
}
