package cn.jiceng.publicity;

/**
 * Stories (故事讲述法, SPEC.md §4.10): a branch submits, its township compiles (汇编), the county selects a compiled
 * story into the year's booklet up to the yearly limit (setting {@code storiesSelectedPerYear}).
 */
final class StoryPolicy {

	private StoryPolicy() {
	}

	/** {@code conflict}: refused because of the story's status (409) rather than by the limit (422). */
	public record Decision(boolean allowed, boolean conflict, String reason) {

		static Decision allow() {
			return new Decision(true, false, null);
		}
	}

	public static Decision compile(StoryStatus status) {
		if (status != StoryStatus.SUBMITTED) {
			return new Decision(false, true, "只有已提交的故事可以汇编，该故事" + status.label());
		}
		return Decision.allow();
	}

	/** Selecting one more story of a year that already has {@code selected} selected, with {@code limit} allowed. */
	public static Decision select(StoryStatus status, int selected, int limit) {
		if (status != StoryStatus.COMPILED) {
			return new Decision(false, true, status == StoryStatus.SELECTED ? "该故事已经入选"
					: "只有乡镇已汇编的故事可以入选，该故事" + status.label());
		}
		if (selected >= limit) {
			return new Decision(false, false,
					"本年度入选故事已达上限（" + limit + "篇），不能再入选；如需调整请先修改规则设置");
		}
		return Decision.allow();
	}
}
