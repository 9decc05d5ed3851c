package cn.jiceng.assessment;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jiceng.common.LatestInspection;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The command center's latest inspection of a subtree: the most recently held published round that ranked one of
 * its organizations, and the subtree's organizations at the bottom of that round's ranking (the ranking's own rule,
 * {@link InspectionRanking}); when none of the bottom-ranked is in the subtree, its three lowest scores.
 */
@Component
class LatestInspectionOfSubtree implements LatestInspection {

	private static final int LOWEST = 3;

	private final JdbcClient jdbc;
	private final InspectionService inspections;

	LatestInspectionOfSubtree(JdbcClient jdbc, InspectionService inspections) {
		this.jdbc = jdbc;
		this.inspections = inspections;
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Summary> latestIn(String organizationPath) {
		Optional<Long> round = jdbc.sql("""
				SELECT r.id FROM inspection_round r
				WHERE r.published_at IS NOT NULL AND EXISTS (SELECT 1 FROM inspection_target t
				      JOIN organization o ON o.id = t.organization_id WHERE t.round_id = r.id AND o.path LIKE :prefix)
				ORDER BY r.held_on DESC, r.id DESC LIMIT 1""")
			.param("prefix", organizationPath + "%")
			.query(Long.class)
			.optional();
		if (round.isEmpty()) {
			return Optional.empty();
		}
		Set<String> inSubtree = jdbc.sql("""
				SELECT t.organization_id FROM inspection_target t JOIN organization o ON o.id = t.organization_id
				WHERE t.round_id = :r AND o.path LIKE :prefix""")
			.param("r", round.get())
			.param("prefix", organizationPath + "%")
			.query(Long.class)
			.list()
			.stream()
			.map(String::valueOf)
			.collect(Collectors.toSet());
		InspectionService.Ranking ranking = inspections.ranking(round.get());
		List<InspectionService.RankingItem> mine = ranking.items()
			.stream()
			.filter(i -> inSubtree.contains(i.organizationId()))
			.sorted(Comparator.comparing(InspectionService.RankingItem::score).thenComparing(InspectionService.RankingItem::name))
			.toList();
		List<InspectionService.RankingItem> bottom = mine.stream().filter(InspectionService.RankingItem::bottom).toList();
		List<InspectionService.RankingItem> shown = bottom.isEmpty() ? mine.subList(0, Math.min(LOWEST, mine.size()))
				: bottom;
		return Optional.of(new Summary(ranking.id(), ranking.name(), ranking.heldOn(),
				shown.stream().map(i -> new Scored(i.organizationId(), i.name(), i.score())).toList()));
	}
}
