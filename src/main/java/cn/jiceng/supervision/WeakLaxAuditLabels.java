package cn.jiceng.supervision;

import java.util.Map;

import cn.jiceng.audit.AuditLabels;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** How the weak-and-lax entries read on the history page. */
@Configuration
class WeakLaxAuditLabels {

	private record Labels(String entityType, String entityLabel, Map<String, String> fieldLabels,
			Map<String, String> actionLabels) implements AuditLabels {

		@Override
		public String value(String field, String value) {
			if (value == null) {
				return null;
			}
			try {
				return switch (field) {
					case "status" -> WeakLaxStatus.valueOf(value).label();
					case "kind" -> WeakLaxMeasureKind.valueOf(value).label();
					default -> value;
				};
			}
			catch (IllegalArgumentException e) {
				return value;
			}
		}
	}

	@Bean
	AuditLabels weakLaxLabels() {
		return new Labels("WeakLax", "软弱涣散党组织", Map.of("year", "年度", "organizationId", "党组织", "criteria",
				"认定情形", "countyLeaderMemberId", "挂点县级领导", "townshipSecretaryMemberId", "联点乡镇党委书记",
				"residentCadreMemberId", "驻点乡镇干部", "status", "阶段"), Map.of("ADVANCE", "推进整顿阶段"));
	}

	@Bean
	AuditLabels weakLaxMeasureLabels() {
		return new Labels("WeakLaxMeasure", "帮扶措施", Map.of("weakLaxId", "软弱涣散党组织记录", "on", "日期", "kind",
				"类型", "note", "措施"), Map.of());
	}
}
