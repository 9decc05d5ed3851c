package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.INACTIVE_AFTER_MONTHS;
import static cn.jiceng.settings.RuleCatalog.JOIN_BRANCH_BELOW_FULL_MEMBERS;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_COMMITTEE_AT;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_GENERAL_BRANCH_ABOVE;

import cn.jiceng.settings.RuleSettings;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Organization-setting advice for one organization (SPEC.md §4.1, RULES.md §1.1, §1.5). */
final class OrganizationAdvicePolicy {

	/**
	 * What the policy needs to know about one organization.
	 *
	 * @param memberCount     all members in the subtree, full and probationary
	 * @param fullMemberCount full members in the subtree (预备党员 do not count towards setting up a branch)
	 * @param establishedOn   when the organization was set up, or null if unknown
	 * @param lastMeetingOn   date of its latest organizational-life meeting of any type, or null if none
	 * @param termEndsOn      end of the current term, or null if none is recorded
	 */
	public record Facts(OrgKind kind, Field field, int memberCount, int fullMemberCount, LocalDate establishedOn,
			LocalDate lastMeetingOn, LocalDate termEndsOn, LocalDate today) {

		public Facts {
			Objects.requireNonNull(kind, "kind");
			Objects.requireNonNull(today, "today");
			if (memberCount < 0 || fullMemberCount < 0 || fullMemberCount > memberCount) {
				throw new IllegalArgumentException("member counts " + fullMemberCount + "/" + memberCount);
			}
		}
	}

	public record Advice(AdviceCode code, String message) {
	}

	private final RuleSettings settings;
	private final TermPolicy terms;

	public OrganizationAdvicePolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
		this.terms = new TermPolicy(settings);
	}

	public List<Advice> advise(Facts facts) {
		List<Advice> advice = new ArrayList<>();
		OrgKind kind = facts.kind();
		if (kind == OrgKind.GROUP) {
			return List.of();
		}
		String name = kind.label();
		if (kind == OrgKind.BRANCH) {
			int minimum = settings.get(JOIN_BRANCH_BELOW_FULL_MEMBERS);
			if (facts.fullMemberCount() < minimum) {
				// Villages join a neighbouring village (农村基层组织工作条例); other units 地域相邻、行业相近.
				String partner = facts.field() == Field.RURAL ? "相邻村" : "相邻支部";
				advice.add(new Advice(AdviceCode.JOIN_BRANCH, name + "共有正式党员" + facts.fullMemberCount() + "名，不足"
						+ minimum + "名，建议与" + partner + "组建联合党支部"));
			}
			int above = settings.get(UPGRADE_TO_GENERAL_BRANCH_ABOVE);
			if (facts.memberCount() > above) {
				advice.add(new Advice(AdviceCode.UPGRADE_TO_GENERAL_BRANCH, name + "共有党员" + facts.memberCount()
						+ "名，超过" + above + "名，建议拆分支部或升格为党总支"));
			}
		}
		int committeeAt = settings.get(UPGRADE_TO_COMMITTEE_AT);
		// A large branch gets this as well as the general-branch advice: the county picks which way to go.
		if (kind != OrgKind.COMMITTEE && facts.memberCount() >= committeeAt) {
			advice.add(new Advice(AdviceCode.UPGRADE_TO_COMMITTEE, name + "共有党员" + facts.memberCount() + "名，达到"
					+ committeeAt + "名，可申请设立基层党委，须报县级党委批准"));
		}
		if (kind == OrgKind.BRANCH && inactive(facts)) {
			advice.add(new Advice(AdviceCode.INACTIVE, inactiveMessage(facts)));
		}
		TermPolicy.TermState term = terms.status(kind, facts.termEndsOn(), facts.today());
		if (term.status() == TermPolicy.TermStatus.EXPIRING) {
			advice.add(new Advice(AdviceCode.TERM_EXPIRING, name + term.reason()));
		} else if (term.status() == TermPolicy.TermStatus.OVERDUE) {
			advice.add(new Advice(AdviceCode.TERM_OVERDUE, name + term.reason()));
		}
		return List.copyOf(advice);
	}

	/**
	 * First day of the inactivity window. "The last N full calendar months" are the N calendar months before
	 * today's month (today's month is not yet full): on any day of May with N = 3 they are February, March and
	 * April, so the window starts on 1 February.
	 */
	public static LocalDate inactivityWindowStart(LocalDate today, int months) {
		return YearMonth.from(today).minusMonths(months).atDay(1);
	}

	/**
	 * No meeting from the window start up to today. A meeting already held this month also keeps the branch
	 * active. A branch set up after the window started has not had N full months yet and is left alone.
	 */
	private boolean inactive(Facts facts) {
		LocalDate start = inactivityWindowStart(facts.today(), settings.get(INACTIVE_AFTER_MONTHS));
		boolean metSince = facts.lastMeetingOn() != null && !facts.lastMeetingOn().isBefore(start);
		boolean existedThroughout = facts.establishedOn() == null || !facts.establishedOn().isAfter(start);
		return !metSince && existedThroughout;
	}

	private String inactiveMessage(Facts facts) {
		int months = settings.get(INACTIVE_AFTER_MONTHS);
		YearMonth current = YearMonth.from(facts.today());
		String window = "近" + months + "个完整自然月（" + current.minusMonths(months) + "至" + current.minusMonths(1) + "）";
		String last = facts.lastMeetingOn() == null
				? "没有组织生活会议记录"
				: "最近一次组织生活会议在" + facts.lastMeetingOn();
		return facts.kind().label() + last + "，" + window + "未开展组织生活，疑似空壳支部，建议整顿";
	}
}
