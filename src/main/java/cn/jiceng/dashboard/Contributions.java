package cn.jiceng.dashboard;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.common.DevelopmentPipeline;
import cn.jiceng.common.LatestInspection;
import cn.jiceng.common.OverdueItems;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The figures other modules contribute through {@code common}: whatever {@link OverdueItems},
 * {@link DevelopmentPipeline} and {@link LatestInspection} beans exist, summed (the latest inspection: the most
 * recent one any bean knows). Without a bean a figure is 0, or null for the inspection.
 */
@Component
class Contributions {

	/** Overdue kinds in the order of API.md. */
	static final List<String> OVERDUE_KINDS = List.of(OverdueItems.PROBLEMS, OverdueItems.ERRANDS,
			OverdueItems.DUTY_ITEMS, OverdueItems.DEVELOPMENT);

	private final ObjectProvider<OverdueItems> overdueItems;
	private final ObjectProvider<DevelopmentPipeline> pipelines;
	private final ObjectProvider<LatestInspection> inspections;

	Contributions(ObjectProvider<OverdueItems> overdueItems, ObjectProvider<DevelopmentPipeline> pipelines,
			ObjectProvider<LatestInspection> inspections) {
		this.overdueItems = overdueItems;
		this.pipelines = pipelines;
		this.inspections = inspections;
	}

	/** Every kind of {@link #OVERDUE_KINDS}, 0 without a bean; beans of other kinds are ignored. */
	Map<String, Long> overdue(String organizationPath, LocalDate today) {
		Map<String, Long> overdue = new LinkedHashMap<>();
		OVERDUE_KINDS.forEach(k -> overdue.put(k, 0L));
		overdueItems.orderedStream()
			.filter(o -> overdue.containsKey(o.kind()))
			.forEach(o -> overdue.merge(o.kind(), o.overdueIn(organizationPath, today), Long::sum));
		return overdue;
	}

	/** Every stage of {@link DevelopmentPipeline#STAGES}, 0 without a bean; other stage codes are ignored. */
	Map<String, Long> development(String organizationPath) {
		Map<String, Long> development = new LinkedHashMap<>();
		DevelopmentPipeline.STAGES.forEach(s -> development.put(s, 0L));
		pipelines.orderedStream().forEach(p -> p.byStage(organizationPath).forEach((stage, n) -> {
			if (development.containsKey(stage) && n != null) {
				development.merge(stage, n, Long::sum);
			}
		}));
		return development;
	}

	/** The most recent inspection any bean knows for the subtree, or null. */
	LatestInspection.Summary latestInspection(String organizationPath) {
		return inspections.orderedStream()
			.map(i -> i.latestIn(organizationPath))
			.flatMap(Optional::stream)
			.max(Comparator.comparing(LatestInspection.Summary::heldOn, Comparator.nullsFirst(Comparator.naturalOrder())))
			.orElse(null);
	}
}
