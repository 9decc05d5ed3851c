package cn.jiceng.supervision;

import java.util.Map;

import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the entries of pairing and micro-wishes (携手联心) read on the history page. */
@Configuration
class PairingAuditLabels {

	private record Labels(String entityType, String entityLabel, Map<String, String> fieldLabels,
			Map<String, String> actionLabels) implements AuditLabels {

		@Override
		public String value(String field, String value) {
			if (value == null) {
				return null;
			}
			try {
				return switch (field) {
					case "status" -> WishStatus.valueOf(value).label();
					case "kind" -> PairingActivityKind.valueOf(value).label();
					default -> value;
				};
			}
			catch (IllegalArgumentException e) {
				return value;
			}
		}
	}

	@Bean
	AuditLabels pairingLabels() {
		return new Labels("Pairing", "携手联心结对", Map.of("organizationId", "机关党支部", "siteName", "服务站点",
				"startedOn", "结对日期"), Map.of());
	}

	@Bean
	AuditLabels pairingActivityLabels() {
		return new Labels("PairingActivity", "结对服务", Map.of("pairingId", "结对关系", "kind", "类型", "on", "日期",
				"content", "内容"), Map.of());
	}

	@Bean
	AuditLabels microWishLabels() {
		return new Labels("MicroWish", "微心愿", Map.of("pairingId", "结对关系", "postedOn", "发布日期", "content", "内容",
				"status", "状态", "memberId", "认领党员", "claimedOn", "认领日期", "completedOn", "完成日期"),
				Map.of("CLAIMED", "认领", "COMPLETED", "完成"));
	}
}
