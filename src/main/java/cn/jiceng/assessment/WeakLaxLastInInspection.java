package cn.jiceng.assessment;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import cn.jiceng.common.WeakLaxCriterion;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-and-lax criterion {@code LAST_IN_INSPECTION} (年度考核排名末位): an organization of the subtree sharing the
 * last place of a published inspection round held in the year (any kind; ties share the place, as the ranking
 * ranks them; a round where all tie has no last). Rounds still being scored say nothing.
 */
@Component
class WeakLaxLastInInspection implements WeakLaxCriterion {

	private final JdbcClient jdbc;
	private final InspectionService inspections;

	WeakLaxLastInInspection(JdbcClient jdbc, InspectionService inspections) {
		this.jdbc = jdbc;
		this.inspections = inspections;
	}

	@Override
	public String code() {
		return "LAST_IN_INSPECTION";
	}

	@Override
	@Transactional(readOnly = true)
	public Map<Long, String> matches(String organizationPath, int year, LocalDate today) {
		Map<Long, String> result = new LinkedHashMap<>();
		List<Long> rounds = jdbc.sql("""
				SELECT r.id FROM inspection_round r
				WHERE r.published_at IS NOT NULL AND r.held_on BETWEEN :first AND :last
				  AND EXISTS (SELECT 1 FROM inspection_target t JOIN organization o ON o.id = t.organization_id
				              WHERE t.round_id = r.id AND o.path LIKE :prefix)
				ORDER BY r.held_on, r.id""")
			.param("first", LocalDate.of(year, 1, 1))
			.param("last", LocalDate.of(year, 12, 31))
			.param("prefix", organizationPath + "%")
			.query(Long.class)
			.list();
		for (long id : rounds) {
			Set<String> inSubtree = jdbc.sql("""
					SELECT t.organization_id FROM inspection_target t JOIN organization o ON o.id = t.organization_id
					WHERE t.round_id = :r AND o.path LIKE :prefix""")
				.param("r", id)
				.param("prefix", organizationPath + "%")
				.query(Long.class)
				.list()
				.stream()
				.map(String::valueOf)
				.collect(Collectors.toSet());
			InspectionService.Ranking ranking = inspections.rankingView(inspections.round(id));
			int lastRank = ranking.items().stream().mapToInt(InspectionService.RankingItem::rank).max().orElse(0);
			int size = ranking.items().size();
			if (lastRank <= 1) {
				continue;
			}
			for (InspectionService.RankingItem item : ranking.items()) {
				if (item.rank() == lastRank && inSubtree.contains(item.organizationId())) {
					String why = ranking.heldOn() + "“" + ranking.name() + "”排名末位（第" + item.rank() + "名，共" + size
							+ "个，" + item.score() + "分）";
					result.merge(Long.parseLong(item.organizationId()), why, (a, b) -> a + "；" + b);
				}
			}
		}
		return result;
	}
}
