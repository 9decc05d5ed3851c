package cn.jiceng.development;

import java.time.Clock;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the command center asks of membership development for a subtree, without scope checks (the caller has
 * checked the organization): records per stage, and open records carrying a warning today.
 */
@Component
class DevelopmentFigures {

	private final DevelopmentRecords records;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	DevelopmentFigures(DevelopmentRecords records, OrganizationService organizations, RuleSettingsService settings,
			Clock clock) {
		this.records = records;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public Map<DevelopmentStage, Long> byStage(long organizationId) {
		Map<DevelopmentStage, Long> out = new EnumMap<>(DevelopmentStage.class);
		for (DevelopmentStage s : DevelopmentStage.values()) {
			out.put(s, 0L);
		}
		organizations.ref(organizationId).ifPresent(org -> out.putAll(records.countsByStage(org)));
		return out;
	}

	@Transactional(readOnly = true)
	public long warnings(long organizationId) {
		LocalDate today = LocalDate.now(clock);
		return organizations.ref(organizationId).map(org -> {
			DevelopmentPolicy policy = new DevelopmentPolicy(settings.forCountyYear(org.countyId(), today.getYear()));
			return records.openBooks(org).stream().filter(b -> !policy.warnings(b, today).isEmpty()).count();
		}).orElse(0L);
	}
}
