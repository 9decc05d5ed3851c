package cn.jiceng.development;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;

import cn.jiceng.common.DevelopmentPipeline;
import cn.jiceng.common.OverdueItems;
import org.springframework.stereotype.Component;

/**
 * The command center's development figures, from {@link DevelopmentFigures} (the same counts the development pages
 * show): the pipeline by stage and, as overdue items, the open record books with a warning.
 */
final class DevelopmentDashboardFigures {

	private DevelopmentDashboardFigures() {
	}

	/** The subtree root's id: the last segment of its materialized path ("/1/12/305/" → 305). */
	static long rootOf(String organizationPath) {
		String[] parts = organizationPath.split("/");
		return Long.parseLong(parts[parts.length - 1]);
	}

	@Component
	static class Pipeline implements DevelopmentPipeline {

		private final DevelopmentFigures figures;

		Pipeline(DevelopmentFigures figures) {
			this.figures = figures;
		}

		@Override
		public Map<String, Long> byStage(String organizationPath) {
			Map<DevelopmentStage, Long> counts = figures.byStage(rootOf(organizationPath));
			Map<String, Long> out = new LinkedHashMap<>();
			for (String stage : STAGES) {
				out.put(stage, counts.getOrDefault(DevelopmentStage.valueOf(stage), 0L));
			}
			return out;
		}
	}

	@Component
	static class Warnings implements OverdueItems {

		private final DevelopmentFigures figures;

		Warnings(DevelopmentFigures figures) {
			this.figures = figures;
		}

		@Override
		public String kind() {
			return DEVELOPMENT;
		}

		@Override
		public long overdueIn(String organizationPath, LocalDate today) {
			return figures.warnings(rootOf(organizationPath));
		}
	}
}
