package cn.jiceng.supervision;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The rules of weak-and-lax rectification (软弱涣散, 三点三帮; SPEC.md §4.8, RULES.md §6.2): the candidate run's
 * aggregation of every criterion, the manual criteria of the national list, the three helpers, the stage order and
 * the closing rule (销号: every branch compliant in each of the latest ended months).
 */
final class WeakLaxPolicy {

	public static final String MANUAL = "MANUAL";

	/** The criteria the API names, in the order they are listed; a later module's code comes after them. */
	static final List<String> KNOWN = List.of("SECRETARY_VACANT", "ORG_LIFE_NOT_HELD", "NO_NEW_CANDIDATES",
			"LAST_IN_INSPECTION", "LOW_SATISFACTION", MANUAL);

	private static final Map<String, String> LABELS = Map.of("SECRETARY_VACANT", "书记长期缺职", "ORG_LIFE_NOT_HELD",
			"组织生活不正常", "NO_NEW_CANDIDATES", "连续未确定发展对象", "LAST_IN_INSPECTION", "考核排名末位",
			"LOW_SATISFACTION", "群众满意率低", MANUAL, "人工认定");

	/** The national list of weak-and-lax situations (RULES.md §6.2, 10 national items and 2 local ones). */
	public static final List<String> NATIONAL_LIST = List.of("班子配备不齐、书记长期缺职、工作处于停滞状态",
			"书记不胜任现职、工作不在状态、严重影响班子整体战斗力", "班子不团结、内耗严重、工作不能正常开展",
			"组织制度形同虚设、不开展党组织活动", "换届选举拉票贿选问题突出", "宗族宗教和黑恶势力干扰渗透严重",
			"党务村务财务不公开和民主管理混乱", "社会治安问题和信访矛盾纠纷集中", "无村级组织活动场所",
			"服务意识差、服务能力弱、群众意见大", "村民代表会议、村务监督委员会缺失或流于形式", "惠农政策落实不公或资金被截留挪用");

	private WeakLaxPolicy() {
	}

	public record Criterion(String code, String label, String message) {
	}

	public record Candidate(long organizationId, List<Criterion> criteria) {
	}

	public static String label(String code) {
		return LABELS.getOrDefault(code, code);
	}

	/** The known codes first, in the API's order; others by name. */
	static final Comparator<String> CODE_ORDER = Comparator
		.comparingInt((String c) -> KNOWN.contains(c) ? KNOWN.indexOf(c) : KNOWN.size())
		.thenComparing(Comparator.naturalOrder());

	/**
	 * The candidates of a run: each organization matched by at least one criterion, with every criterion it meets
	 * and that criterion's reason, organizations in the order given ({@code order}, e.g. by path).
	 */
	public static List<Candidate> candidates(Map<String, Map<Long, String>> matchesByCode, List<Long> order) {
		Map<Long, Map<String, String>> byOrganization = new LinkedHashMap<>();
		matchesByCode.forEach((code, matches) -> matches.forEach((org, message) -> byOrganization
			.computeIfAbsent(org, k -> new TreeMap<>(CODE_ORDER))
			.put(code, message)));
		List<Candidate> result = new ArrayList<>();
		List<Long> ids = new ArrayList<>(byOrganization.keySet());
		ids.sort(Comparator.comparingInt((Long id) -> order.contains(id) ? order.indexOf(id) : Integer.MAX_VALUE));
		for (Long id : ids) {
			List<Criterion> criteria = new ArrayList<>();
			byOrganization.get(id).forEach((code, message) -> criteria.add(new Criterion(code, label(code), message)));
			result.add(new Candidate(id, criteria));
		}
		return result;
	}

	/** A manual criterion reads as the county's note (an item of the national list, or its own words). */
	public static String manualMessage(String note) {
		return note.strip();
	}

	/** The Chinese reason why one of the three helpers (挂点、联点、驻点) is missing, or null. */
	public static String helperMissing(String role, Long memberId) {
		return memberId == null ? "请选择" + role : null;
	}

	/** What an advance from {@code current} to {@code to} does. */
	public enum Step {
		/** The next stage: allowed (closing still needs the county and the compliant months). */
		NEXT,
		/** Already there: someone else advanced it first (409). */
		ALREADY,
		/** Skipping a stage or going back (422). */
		OUT_OF_ORDER
	}

	public static Step step(WeakLaxStatus current, WeakLaxStatus to) {
		if (to == current) {
			return Step.ALREADY;
		}
		return to.ordinal() == current.ordinal() + 1 ? Step.NEXT : Step.OUT_OF_ORDER;
	}

	public static String outOfOrderReason(WeakLaxStatus current, WeakLaxStatus to) {
		if (current == WeakLaxStatus.CLOSED) {
			return "该组织已销号，不能再变更阶段";
		}
		WeakLaxStatus next = WeakLaxStatus.values()[current.ordinal() + 1];
		return "当前为“" + current.label() + "”，只能推进到“" + next.label() + "”，不能"
				+ (to.ordinal() < current.ordinal() ? "退回" : "跳到") + "“" + to.label() + "”";
	}

	/** The latest {@code n} ended months before {@code today}, oldest first (today's month has not ended). */
	public static List<YearMonth> closingMonths(LocalDate today, int n) {
		List<YearMonth> months = new ArrayList<>();
		YearMonth current = YearMonth.from(today);
		for (int k = n; k >= 1; k--) {
			months.add(current.minusMonths(k));
		}
		return months;
	}

	/** One month of the subtree's compliance: branches with members, and the names of those not compliant. */
	public record MonthCompliance(YearMonth month, int branches, List<String> notCompliant) {
	}

	/**
	 * Why the organization cannot be closed (销号) yet, or null: each of the months must have at least one branch
	 * with members (an empty subtree proves nothing) and every such branch compliant.
	 */
	public static String closingRefusal(List<MonthCompliance> months) {
		List<String> reasons = new ArrayList<>();
		for (MonthCompliance m : months) {
			if (m.branches() == 0) {
				reasons.add(m.month() + "没有有党员的支部可考核");
			}
			else if (!m.notCompliant().isEmpty()) {
				reasons.add(m.month() + "组织生活未达标：" + String.join("、", m.notCompliant()));
			}
		}
		if (reasons.isEmpty()) {
			return null;
		}
		return "销号需此前连续" + months.size() + "个月每个支部组织生活达标（"
				+ months.get(0).month() + "至" + months.get(months.size() - 1).month() + "）：" + String.join("；", reasons);
	}
}
