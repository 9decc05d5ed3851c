package cn.jiceng.masswork;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One row per organization (the subtree's total first, then each child): visit coverage beside errand rates. */
record MassworkTable(String organizationId, String name, long households, long visitedEnough, Double coverageRate,
		long received, long doneSameDay, long overnight, long overdue, Double sameDayRate, Double satisfactionRate) {

	static List<MassworkTable> rows(List<HouseholdService.CoverageRow> coverage, List<ErrandService.RateRow> rates) {
		Map<String, ErrandService.RateRow> byOrg = new LinkedHashMap<>();
		rates.forEach(r -> byOrg.put(r.organizationId(), r));
		List<MassworkTable> rows = new ArrayList<>();
		for (HouseholdService.CoverageRow c : coverage) {
			ErrandService.Summary s = byOrg.containsKey(c.organizationId()) ? byOrg.get(c.organizationId()).summary()
					: new ErrandService.Summary(0, 0, 0, 0, null);
			rows.add(new MassworkTable(c.organizationId(), c.name(), c.households(), c.visitedEnough(), c.rate(),
					s.received(), s.doneSameDay(), s.overnight(), s.overdue(),
					s.received() == 0 ? null : (double) s.doneSameDay() / s.received(), s.satisfactionRate()));
		}
		return rows;
	}
}
