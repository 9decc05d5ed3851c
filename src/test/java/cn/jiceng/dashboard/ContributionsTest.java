package cn.jiceng.dashboard;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.common.DevelopmentPipeline;
import cn.jiceng.common.LatestInspection;
import cn.jiceng.common.OverdueItems;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.DefaultListableBeanFactory;

import static org.assertj.core.api.Assertions.assertThat;

/** The figures later modules contribute through {@code common}: 0 / null without beans, summed over the beans there are. */
class ContributionsTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 12, 6);

	private static Contributions contributions(DefaultListableBeanFactory beans) {
		return new Contributions(beans.getBeanProvider(OverdueItems.class),
				beans.getBeanProvider(DevelopmentPipeline.class), beans.getBeanProvider(LatestInspection.class));
	}

	private static OverdueItems overdue(String kind, long n) {
		return new OverdueItems() {
			@Override
			public String kind() {
				return kind;
			}

			@Override
			public long overdueIn(String organizationPath, LocalDate today) {
				return organizationPath.equals("/1/5/") && today.equals(TODAY) ? n : -1;
			}
		};
	}

	@Test
	void withoutContributingModulesEveryFigureIsZeroAndThereIsNoInspection() {
		Contributions c = contributions(new DefaultListableBeanFactory());

		assertThat(c.overdue("/1/5/", TODAY))
			.containsExactly(Map.entry("problems", 0L), Map.entry("errands", 0L), Map.entry("dutyItems", 0L),
					Map.entry("development", 0L));
		assertThat(c.development("/1/5/")).containsExactly(Map.entry("APPLICANT", 0L), Map.entry("ACTIVIST", 0L),
				Map.entry("CANDIDATE", 0L), Map.entry("PROBATIONARY", 0L));
		assertThat(c.latestInspection("/1/5/")).isNull();
	}

	@Test
	void overdueBeansAddUpPerKindForTheSubtreeAndToday() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		beans.registerSingleton("problems", overdue(OverdueItems.PROBLEMS, 3));
		beans.registerSingleton("moreProblems", overdue(OverdueItems.PROBLEMS, 2));
		beans.registerSingleton("errands", overdue(OverdueItems.ERRANDS, 7));
		beans.registerSingleton("unknown", overdue("somethingElse", 100));

		Map<String, Long> overdue = contributions(beans).overdue("/1/5/", TODAY);

		assertThat(overdue).containsEntry("problems", 5L).containsEntry("errands", 7L).containsEntry("dutyItems", 0L)
			.containsEntry("development", 0L).doesNotContainKey("somethingElse");
	}

	@Test
	void thePipelineBeanFillsTheStagesItKnows() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		DevelopmentPipeline pipeline = path -> Map.of("APPLICANT", 12L, "CANDIDATE", 3L, "NOT_A_STAGE", 9L);
		beans.registerSingleton("pipeline", pipeline);

		assertThat(contributions(beans).development("/1/")).containsExactly(Map.entry("APPLICANT", 12L),
				Map.entry("ACTIVIST", 0L), Map.entry("CANDIDATE", 3L), Map.entry("PROBATIONARY", 0L));
	}

	@Test
	void theLatestInspectionIsTheMostRecentAnyBeanKnows() {
		DefaultListableBeanFactory beans = new DefaultListableBeanFactory();
		LatestInspection spring = path -> Optional.of(new LatestInspection.Summary("11", "春季考核",
				LocalDate.of(2026, 4, 1), List.of(new LatestInspection.Scored("9", "某村党支部", new BigDecimal("61.5")))));
		LatestInspection autumn = path -> Optional.of(new LatestInspection.Summary("12", "秋季考核",
				LocalDate.of(2026, 10, 1), List.of()));
		LatestInspection none = path -> Optional.empty();
		beans.registerSingleton("spring", spring);
		beans.registerSingleton("autumn", autumn);
		beans.registerSingleton("none", none);

		assertThat(contributions(beans).latestInspection("/1/").name()).isEqualTo("秋季考核");
	}
}
