package cn.jiceng.masswork;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * 四议两公开 (SPEC.md §4.9, RULES.md §7.1): a village decision passes its steps in order, nothing skipped. With
 * 一肩挑 ({@code combinedProposal}) one PROPOSAL step stands for the proposal and the two committees' deliberation.
 * The votes must clear the thresholds: the party members' meeting needs at least two thirds of the members who
 * should attend present and more than half of them voting yes; the villagers' meeting more than half of those
 * entitled present and more than half of those present voting yes; the representatives' meeting at least two
 * thirds of the representatives present and more than half of all representatives voting yes. Integer arithmetic,
 * so 2/3 of 9 is exactly 6.
 */
final class DecisionPolicy {

	private DecisionPolicy() {
	}

	/** A step already recorded, with its date. */
	public record Recorded(DecisionStep step, LocalDate on) {
	}

	/** Allowed, or refused with the Chinese reason. */
	public record Outcome(boolean allowed, String reason) {

		static final Outcome OK = new Outcome(true, null);

		static Outcome refuse(String reason) {
			return new Outcome(false, reason);
		}
	}

	/** The steps a decision passes, in order. */
	public static List<DecisionStep> sequence(boolean combinedProposal) {
		List<DecisionStep> steps = new ArrayList<>(Arrays.asList(DecisionStep.values()));
		if (combinedProposal) {
			steps.remove(DecisionStep.DELIBERATION);
		}
		return List.copyOf(steps);
	}

	/** The step expected after those recorded; null once every step is done. */
	public static DecisionStep next(boolean combinedProposal, List<Recorded> done) {
		for (DecisionStep s : sequence(combinedProposal)) {
			if (done.stream().noneMatch(r -> r.step() == s)) {
				return s;
			}
		}
		return null;
	}

	/**
	 * Whether {@code step} may be recorded on {@code on}: it must be the next one, dated no earlier than the step
	 * before it and no later than today. (A step already recorded is a conflict the caller reports before this.)
	 */
	public static Outcome order(boolean combinedProposal, List<Recorded> done, DecisionStep step, LocalDate on,
			LocalDate today) {
		DecisionStep next = next(combinedProposal, done);
		if (combinedProposal && step == DecisionStep.DELIBERATION) {
			return Outcome.refuse("该村书记、主任“一肩挑”，提议与“两委”商议已合并为一步（PROPOSAL），不单独登记“两委”商议");
		}
		if (next == null) {
			return Outcome.refuse("该决策“四议两公开”六个步骤已全部完成");
		}
		if (step != next) {
			return Outcome.refuse("须按顺序进行：下一步应为“" + next.label(combinedProposal) + "”，不能跳过直接“"
					+ step.label(combinedProposal) + "”");
		}
		if (on.isAfter(today)) {
			return Outcome.refuse("“" + step.label(combinedProposal) + "”的日期不能晚于今天");
		}
		if (!done.isEmpty()) {
			Recorded previous = done.get(done.size() - 1);
			if (on.isBefore(previous.on())) {
				return Outcome.refuse("“" + step.label(combinedProposal) + "”的日期（" + on + "）不能早于上一步“"
						+ previous.step().label(combinedProposal) + "”的日期（" + previous.on() + "）");
			}
		}
		return Outcome.OK;
	}

	/**
	 * 党员大会审议: at least two thirds of the members who should attend present, and yes from more than half of
	 * those who should attend.
	 */
	public static Outcome membersReview(int shouldAttend, int present, int yes) {
		if (present * 3 < shouldAttend * 2) {
			return Outcome.refuse("党员大会到会党员" + present + "名，不足应到会党员" + shouldAttend + "名的三分之二（至少应到会"
					+ twoThirds(shouldAttend) + "名），审议无效");
		}
		if (yes * 2 <= shouldAttend) {
			return Outcome.refuse("同意" + yes + "票，未超过应到会党员" + shouldAttend + "名的半数（至少需" + (shouldAttend / 2 + 1)
					+ "票），未获通过");
		}
		return Outcome.OK;
	}

	/**
	 * 村民会议: more than half of the villagers entitled present and yes from more than half of those present;
	 * 村民代表会议: at least two thirds of the representatives present and yes from more than half of all of them.
	 */
	public static Outcome villagersResolution(ResolutionBody body, int entitled, int present, int yes) {
		if (body == ResolutionBody.VILLAGERS_MEETING) {
			if (present * 2 <= entitled) {
				return Outcome.refuse("村民会议到会" + present + "人，未超过应参加村民" + entitled + "人的半数（至少应到会"
						+ (entitled / 2 + 1) + "人），会议无效");
			}
			if (yes * 2 <= present) {
				return Outcome.refuse("同意" + yes + "人，未超过到会村民" + present + "人的半数（至少需" + (present / 2 + 1)
						+ "人），未获通过");
			}
			return Outcome.OK;
		}
		if (present * 3 < entitled * 2) {
			return Outcome.refuse("村民代表会议到会代表" + present + "名，不足代表总数" + entitled + "名的三分之二（至少应到会"
					+ twoThirds(entitled) + "名），会议无效");
		}
		if (yes * 2 <= entitled) {
			return Outcome.refuse("同意" + yes + "名，未超过全体村民代表" + entitled + "名的半数（至少需" + (entitled / 2 + 1)
					+ "名），未获通过");
		}
		return Outcome.OK;
	}

	/** The smallest whole number of people that is at least two thirds of {@code n}. */
	static int twoThirds(int n) {
		return (n * 2 + 2) / 3;
	}
}
