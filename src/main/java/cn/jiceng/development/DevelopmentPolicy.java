package cn.jiceng.development;

import static cn.jiceng.settings.RuleCatalog.ACTIVIST_MONTHS_AFTER_APPLICATION;
import static cn.jiceng.settings.RuleCatalog.ACTIVIST_MONTHS_BEFORE_CANDIDATE;
import static cn.jiceng.settings.RuleCatalog.APPROVAL_WARNING_MONTHS;
import static cn.jiceng.settings.RuleCatalog.ASSESSMENT_EVERY_MONTHS;
import static cn.jiceng.settings.RuleCatalog.DEVELOPMENT_MIN_AGE;
import static cn.jiceng.settings.RuleCatalog.POLITICAL_REVIEW_VALID_MONTHS;
import static cn.jiceng.settings.RuleCatalog.PUBLICITY_DAYS;
import static cn.jiceng.settings.RuleCatalog.TALK_WITHIN_DAYS;
import static cn.jiceng.settings.RuleCatalog.TRAINING_MIN_HOURS;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.settings.RuleSettings;

/**
 * The rules of a development record book (SPEC.md §4.5, API.md "Membership development"): the order of the 25
 * steps and their dates, every hard rule refused with its Chinese reason, the stage and next step derived from the
 * steps, the end of probation and the warnings. The Party Constitution's fixed numbers (two introducers, one or two
 * contacts, a 12-month probation extended once by 6–12 months, the 6-month approval limit, the half quorum and
 * majority) are constants here; every local number is a setting of {@code RuleCatalog}'s development section.
 */
final class DevelopmentPolicy {

	public static final int INTRODUCERS = 2;
	public static final int MAX_CONTACTS = 2;
	public static final int PROBATION_MONTHS = 12;
	public static final int EXTENSION_MIN_MONTHS = 6;
	public static final int EXTENSION_MAX_MONTHS = 12;
	/** No approval within 6 months of a vote: the procedure is redone (RULES.md §3 step 17). */
	public static final int APPROVAL_LIMIT_MONTHS = 6;
	public static final String PASSED = ReviewConclusion.PASSED.name();
	public static final String FAILED = ReviewConclusion.FAILED.name();

	/** How a check ends: the HTTP answer each outcome maps to is the service's business. */
	public enum Outcome {
		ALLOWED, MISSING, FORBIDDEN, CONFLICT, REFUSED
	}

	/** The answer to a step: allowed, or refused with the field concerned (may be null) and the reason. */
	public record Decision(Outcome outcome, String field, String reason) {

		static final Decision OK = new Decision(Outcome.ALLOWED, null, null);

		public boolean allowed() {
			return outcome == Outcome.ALLOWED;
		}

		static Decision missing(String field, String reason) {
			return new Decision(Outcome.MISSING, field, reason);
		}

		static Decision refused(String field, String reason) {
			return new Decision(Outcome.REFUSED, field, reason);
		}
	}

	/** A step done, with what the rules need of it ({@code endsOn}: the last day of a publicity). */
	public record Entry(DevelopmentStep step, LocalDate on, String conclusion, Integer months, LocalDate endsOn) {

		public Entry(DevelopmentStep step, LocalDate on, String conclusion, Integer months) {
			this(step, on, conclusion, months, null);
		}

		public static Entry of(DevelopmentStep step, LocalDate on) {
			return new Entry(step, on, null, null, null);
		}
	}

	/** A record's steps as done, in the order they were recorded. */
	public record Book(LocalDate birthDate, List<Entry> entries) {

		public Book {
			entries = List.copyOf(entries);
		}

		public Optional<Entry> first(DevelopmentStep step) {
			return entries.stream().filter(e -> e.step() == step).findFirst();
		}

		public Optional<Entry> last(DevelopmentStep step) {
			return entries.stream().filter(e -> e.step() == step).reduce((a, b) -> b);
		}

		public boolean done(DevelopmentStep step) {
			return entries.stream().anyMatch(e -> e.step() == step);
		}

		long count(DevelopmentStep step) {
			return entries.stream().filter(e -> e.step() == step).count();
		}

		/** A proposal of the branch (extension or cancellation) not yet decided by the higher committee. */
		public boolean pending(DevelopmentStep proposal) {
			return count(proposal) > count(approvalOf(proposal));
		}

		/** The approval of an extension or cancellation that the higher committee granted, if any. */
		public Optional<Entry> approved(DevelopmentStep approval) {
			return entries.stream().filter(e -> e.step() == approval && PASSED.equals(e.conclusion())).findFirst();
		}

		public Book with(Entry e) {
			List<Entry> all = new ArrayList<>(entries);
			all.add(e);
			return new Book(birthDate, all);
		}

		LocalDate appliedOn() {
			return first(DevelopmentStep.APPLICATION).map(Entry::on).orElse(null);
		}

		Optional<Entry> latest() {
			return entries.stream().max(Comparator.comparing(Entry::on));
		}
	}

	/** A vote's figures (steps 15 and 23). */
	public record Vote(Integer entitled, Integer entitledFull, Integer present, Integer yes) {
	}

	/** A step as asked for. */
	public record Request(DevelopmentStep step, LocalDate on, List<Long> memberIds, String conclusion, Integer hours,
			Vote vote, Integer months, String reason, String place, LocalDate endsOn, Boolean approved) {

		public Request(DevelopmentStep step, LocalDate on, List<Long> memberIds, String conclusion, Integer hours,
				Vote vote, Integer months, String reason) {
			this(step, on, memberIds, conclusion, hours, vote, months, reason, null, null, null);
		}

		public static Request of(DevelopmentStep step, LocalDate on) {
			return new Request(step, on, null, null, null, null, null, null);
		}
	}

	/** The approval step that decides a proposal of the branch. */
	static DevelopmentStep approvalOf(DevelopmentStep proposal) {
		return proposal == DevelopmentStep.PROBATION_EXTENDED ? DevelopmentStep.EXTENSION_APPROVAL
				: DevelopmentStep.CANCELLATION_APPROVAL;
	}

	/** The proposal an approval step decides. */
	static DevelopmentStep proposalOf(DevelopmentStep approval) {
		return approval == DevelopmentStep.EXTENSION_APPROVAL ? DevelopmentStep.PROBATION_EXTENDED
				: DevelopmentStep.PROBATION_CANCELLED;
	}

	/** What the platform knows of a member named by a step (a contact or an introducer). */
	public record Person(long id, boolean found, boolean full, boolean onRoll, boolean inBranch) {
	}

	/** A soft rule broken: shown on the record, in lists and in the inbox. */
	public record Warning(WarningCode code, String message, LocalDate dueOn) {
	}

	private final RuleSettings settings;

	public DevelopmentPolicy(RuleSettings settings) {
		this.settings = Objects.requireNonNull(settings, "settings");
	}

	// ---- the application --------------------------------------------------------------------------------

	/** Step 1: the applicant is at least {@code developmentMinAge} on the application date. */
	public Decision application(LocalDate birthDate, LocalDate appliedOn, LocalDate today) {
		if (appliedOn == null) {
			return Decision.missing("appliedOn", "请填写递交入党申请书日期");
		}
		if (appliedOn.isAfter(today)) {
			return Decision.refused("appliedOn", "递交入党申请书日期不能晚于今天");
		}
		int minAge = settings.get(DEVELOPMENT_MIN_AGE);
		if (birthDate != null && appliedOn.isBefore(birthDate.plusYears(minAge))) {
			return Decision.refused("appliedOn", "递交入党申请书时未满" + minAge + "周岁（" + birthDate.plusYears(minAge)
					+ "年满" + minAge + "周岁），不能受理入党申请");
		}
		return Decision.OK;
	}

	// ---- derived state ----------------------------------------------------------------------------------

	public DevelopmentStage stage(Book book) {
		if (book.done(DevelopmentStep.WITHDRAWN) || book.approved(DevelopmentStep.CANCELLATION_APPROVAL).isPresent()) {
			return DevelopmentStage.CANCELLED;
		}
		return book.entries()
			.stream()
			.map(Entry::step)
			.filter(DevelopmentStep::numbered)
			.max(Comparator.comparingInt(DevelopmentStep::number))
			.map(DevelopmentStep::reaches)
			.orElse(DevelopmentStage.APPLICANT);
	}

	public boolean reviewFailed(Book book) {
		return book.last(DevelopmentStep.POLITICAL_REVIEW).map(e -> FAILED.equals(e.conclusion())).orElse(false);
	}

	/** The next step still required: null once archived, ended, or stopped by a failed political review. */
	public DevelopmentStep nextStep(Book book) {
		if (stage(book) == DevelopmentStage.CANCELLED || reviewFailed(book)) {
			return null;
		}
		for (DevelopmentStep s : DevelopmentStep.numberedSteps()) {
			if (!book.done(s)) {
				DevelopmentStep publicity = DevelopmentStep.publicityBefore(s);
				return publicity != null && publicityMissing(book, publicity) ? publicity : s;
			}
		}
		return null;
	}

	/**
	 * Steps 3, 7, 15 and 23 need their publicity first, unless the county set {@code publicityDays} to 0. The rule is
	 * checked only when the guarded step is recorded, so records already past it stay as they are.
	 */
	private boolean publicityMissing(Book book, DevelopmentStep publicity) {
		return settings.get(PUBLICITY_DAYS) > 0 && !book.done(publicity);
	}

	/** Monday to Friday from {@code from} to {@code to}, both included (public holidays are not known). */
	public static int workingDays(LocalDate from, LocalDate to) {
		int n = 0;
		for (LocalDate d = from; !d.isAfter(to); d = d.plusDays(1)) {
			if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) {
				n++;
			}
		}
		return n;
	}

	/** 12 months after the acceptance vote, to the same calendar date, plus the extension; null before the vote. */
	public LocalDate probationEndsOn(Book book) {
		Optional<Entry> vote = book.first(DevelopmentStep.ACCEPTANCE_VOTE);
		if (vote.isEmpty() || !book.done(DevelopmentStep.ACCEPTANCE_APPROVAL)) {
			return null;
		}
		int extension = book.approved(DevelopmentStep.EXTENSION_APPROVAL)
			.map(Entry::months)
			.filter(Objects::nonNull)
			.orElse(0);
		return vote.get().on().plusMonths(PROBATION_MONTHS + extension);
	}

	/** 入党时间: the date of the acceptance vote. */
	public LocalDate joinedOn(Book book) {
		return book.first(DevelopmentStep.ACCEPTANCE_VOTE).map(Entry::on).orElse(null);
	}

	// ---- a step -----------------------------------------------------------------------------------------

	/**
	 * Whether a step may be recorded now. {@code persons} are the facts of the members the request names (contacts,
	 * introducers); {@code higherAccount} is true for township and county accounts.
	 */
	public Decision check(Book book, Request req, List<Person> persons, boolean higherAccount, LocalDate today) {
		DevelopmentStep step = req.step();
		if (step == null) {
			return Decision.missing("step", "请选择要记录的步骤");
		}
		if (step == DevelopmentStep.APPLICATION) {
			return new Decision(Outcome.CONFLICT, "step", "入党申请已在建簿时记录");
		}
		if (step.higherCommittee() && !higherAccount) {
			return new Decision(Outcome.FORBIDDEN, "step",
					"「" + step.label() + "」是上级党委的职责，须由乡镇（街道）党（工）委或县级账号记录");
		}
		Decision missing = missingData(req);
		if (!missing.allowed()) {
			return missing;
		}
		Decision state = order(book, step);
		if (!state.allowed()) {
			return state;
		}
		Decision date = date(book, req.on(), today);
		if (!date.allowed()) {
			return date;
		}
		return rules(book, req, persons);
	}

	private Decision missingData(Request req) {
		if (req.on() == null) {
			return Decision.missing("on", "请填写日期");
		}
		switch (req.step().needs()) {
			case MEMBERS -> {
				if (req.memberIds() == null || req.memberIds().isEmpty()) {
					return Decision.missing("memberIds", req.step() == DevelopmentStep.INTRODUCERS ? "请选择入党介绍人"
							: "请选择培养联系人");
				}
			}
			case CONCLUSION -> {
				if (!PASSED.equals(req.conclusion()) && !FAILED.equals(req.conclusion())) {
					return Decision.missing("conclusion", "请填写政治审查结论：PASSED（合格）或 FAILED（不合格）");
				}
			}
			case HOURS -> {
				if (req.hours() == null || req.hours() < 0) {
					return Decision.missing("hours", "请填写集中培训学时");
				}
			}
			case VOTE -> {
				return voteFigures(req.vote());
			}
			case MONTHS -> {
				if (req.months() == null) {
					return Decision.missing("months", "请填写延长预备期的月数");
				}
			}
			case REASON -> {
				if (req.reason() == null || req.reason().isBlank()) {
					return Decision.missing("reason", "请填写原因");
				}
			}
			case PUBLICITY -> {
				if (req.place() == null || req.place().isBlank()) {
					return Decision.missing("place", "请填写公示地点（范围）");
				}
				if (req.endsOn() == null) {
					return Decision.missing("endsOn", "请填写公示截止日期");
				}
				if (req.endsOn().isBefore(req.on())) {
					return Decision.missing("endsOn", "公示截止日期不能早于开始日期");
				}
			}
			case DECISION -> {
				if (req.approved() == null) {
					return Decision.missing("approved", "请选择审批结果：批准或不批准");
				}
				if (req.reason() == null || req.reason().isBlank()) {
					return Decision.missing("reason", "请填写上级党委的审批意见");
				}
			}
			case NOTHING -> {
			}
		}
		return Decision.OK;
	}

	private static Decision voteFigures(Vote v) {
		if (v == null || v.entitled() == null) {
			return Decision.missing("entitled", "请填写应到会有表决权的党员人数");
		}
		if (v.entitledFull() == null) {
			return Decision.missing("entitledFull", "请填写其中正式党员人数");
		}
		if (v.present() == null) {
			return Decision.missing("present", "请填写实到会有表决权的党员人数");
		}
		if (v.yes() == null) {
			return Decision.missing("yes", "请填写赞成票数");
		}
		if (v.entitled() < 1 || v.entitledFull() < 0 || v.present() < 0 || v.yes() < 0) {
			return Decision.missing("entitled", "表决人数不能为负数，应到会人数至少为1");
		}
		if (v.entitledFull() > v.entitled()) {
			return Decision.missing("entitledFull", "正式党员人数不能多于应到会人数");
		}
		if (v.present() > v.entitled()) {
			return Decision.missing("present", "实到会人数不能多于应到会人数");
		}
		if (v.yes() > v.entitled()) {
			return Decision.missing("yes", "赞成票数不能多于应到会人数");
		}
		return Decision.OK;
	}

	private Decision order(Book book, DevelopmentStep step) {
		if (stage(book) == DevelopmentStage.CANCELLED) {
			return Decision.refused("step", "该记录已终止，不能再记录");
		}
		boolean accepted = book.done(DevelopmentStep.ACCEPTANCE_APPROVAL);
		boolean converted = book.done(DevelopmentStep.CONVERSION_APPROVAL);
		if (step == DevelopmentStep.WITHDRAWN) {
			return accepted ? Decision.refused("step", "已接收为预备党员，不能终止发展；如需可取消预备党员资格") : Decision.OK;
		}
		if (reviewFailed(book)) {
			return Decision.refused("step", "政治审查结论为不合格，不能继续发展");
		}
		boolean pending = book.pending(DevelopmentStep.PROBATION_EXTENDED)
				|| book.pending(DevelopmentStep.PROBATION_CANCELLED);
		if (step == DevelopmentStep.PROBATION_EXTENDED || step == DevelopmentStep.PROBATION_CANCELLED) {
			String what = step == DevelopmentStep.PROBATION_EXTENDED ? "延长预备期" : "取消预备党员资格";
			if (!accepted) {
				return Decision.refused("step", "上级党委审批接收为预备党员后，方可" + what);
			}
			if (converted) {
				return Decision.refused("step", "已批准转为正式党员，不能再" + what);
			}
			if (step == DevelopmentStep.PROBATION_EXTENDED
					&& book.approved(DevelopmentStep.EXTENSION_APPROVAL).isPresent()) {
				return Decision.refused("step", "预备期只能延长一次");
			}
			if (pending) {
				return Decision.refused("step", "已有报上级党委审批的延长预备期或取消资格决定，审批后方可再提出");
			}
			return Decision.OK;
		}
		if (step == DevelopmentStep.EXTENSION_APPROVAL || step == DevelopmentStep.CANCELLATION_APPROVAL) {
			if (!book.pending(proposalOf(step))) {
				return Decision.refused("step", "没有待审批的「" + proposalOf(step).label() + "」");
			}
			return converted ? Decision.refused("step", "已批准转为正式党员") : Decision.OK;
		}
		if (pending && (step == DevelopmentStep.CONVERSION_VOTE || step == DevelopmentStep.CONVERSION_APPROVAL)) {
			return Decision.refused("step", "延长预备期或取消资格的决定正待上级党委审批，审批前不能讨论或审批转正");
		}
		if (step.publicity()) {
			if (!book.done(step.opensAfter())) {
				return Decision.refused("step", step == DevelopmentStep.PUBLICITY ? "确定为发展对象后方可公示"
						: "「" + step.opensAfter().label() + "」后方可进行" + step.label());
			}
			if (book.done(step.guarded())) {
				return Decision.refused("step", "「" + step.guarded().label() + "」已记录，" + step.label() + "应在此之前");
			}
			return book.done(step) ? new Decision(Outcome.CONFLICT, "step", "「" + step.label() + "」已记录")
					: Decision.OK;
		}
		if (step.repeatable()) {
			if (!book.done(DevelopmentStep.CONTACTS_ASSIGNED)) {
				return Decision.refused("step", "须先完成第5步「指定培养联系人」");
			}
			if (book.done(DevelopmentStep.ACCEPTANCE_VOTE)) {
				return Decision.refused("step", "支部大会已讨论接收，培养教育考察转为预备期的继续教育考察");
			}
			return Decision.OK;
		}
		if (book.done(step)) {
			return new Decision(Outcome.CONFLICT, "step", "「" + step.label() + "」已记录");
		}
		DevelopmentStep next = nextStep(book);
		if (next == null) {
			return Decision.refused("step", "全部步骤已完成");
		}
		if (next.publicity()) {
			DevelopmentStep publicity = next;
			next = publicity.guarded();
			if (step == next) {
				return Decision.refused("step", next.label() + "前，须进行" + publicity.label() + "不少于"
						+ settings.get(PUBLICITY_DAYS) + "个工作日，请先记录公示");
			}
		}
		if (step != next) {
			return Decision.refused("step", "须先完成第" + next.number() + "步「" + next.label() + "」");
		}
		return Decision.OK;
	}

	private static Decision date(Book book, LocalDate on, LocalDate today) {
		if (on.isAfter(today)) {
			return Decision.refused("on", "日期不能晚于今天");
		}
		Optional<Entry> latest = book.latest();
		if (latest.isPresent() && on.isBefore(latest.get().on())) {
			return Decision.refused("on", "日期不能早于上一步「" + latest.get().step().label() + "」的日期（"
					+ latest.get().on() + "）");
		}
		return Decision.OK;
	}

	private Decision rules(Book book, Request req, List<Person> persons) {
		return switch (req.step()) {
			case ACTIVIST -> {
				Decision publicity = publicityOver(book, req.step(), req.on());
				yield publicity.allowed() ? activist(book, req.on()) : publicity;
			}
			case CANDIDATE -> {
				Decision publicity = publicityOver(book, req.step(), req.on());
				yield publicity.allowed() ? candidate(book, req.on()) : publicity;
			}
			case CONTACTS_ASSIGNED -> contacts(req.memberIds(), persons);
			case INTRODUCERS -> introducers(req.memberIds(), persons);
			case TRAINING -> training(req.hours());
			case ACCEPTANCE_VOTE -> {
				Decision review = reviewStillValid(book, req.on());
				Decision publicity = review.allowed() ? publicityOver(book, req.step(), req.on()) : review;
				yield publicity.allowed() ? vote(req.vote()) : publicity;
			}
			case PUBLICITY, ACTIVIST_PUBLICITY, CANDIDATE_PUBLICITY, CONVERSION_PUBLICITY ->
				publicityLongEnough(req.on(), req.endsOn());
			case CONVERSION_VOTE -> {
				Decision publicity = publicityOver(book, req.step(), req.on());
				yield publicity.allowed() ? vote(req.vote()) : publicity;
			}
			case PROBATION_EXTENDED -> extension(req.months());
			default -> Decision.OK;
		};
	}

	private Decision activist(Book book, LocalDate on) {
		int months = settings.get(ACTIVIST_MONTHS_AFTER_APPLICATION);
		LocalDate applied = book.appliedOn();
		if (months > 0 && applied != null && on.isBefore(applied.plusMonths(months))) {
			return Decision.refused("on", "递交入党申请书满" + months + "个月后方可确定为入党积极分子（最早 "
					+ applied.plusMonths(months) + "）");
		}
		return Decision.OK;
	}

	private Decision candidate(Book book, LocalDate on) {
		int months = settings.get(ACTIVIST_MONTHS_BEFORE_CANDIDATE);
		LocalDate activist = book.first(DevelopmentStep.ACTIVIST).map(Entry::on).orElse(null);
		if (activist != null && on.isBefore(activist.plusMonths(months))) {
			return Decision.refused("on", "确定为入党积极分子（" + activist + "）满" + months + "个月后方可确定为发展对象（最早 "
					+ activist.plusMonths(months) + "）");
		}
		return Decision.OK;
	}

	private static Decision contacts(List<Long> ids, List<Person> persons) {
		Set<Long> distinct = new LinkedHashSet<>(ids);
		if (distinct.size() != ids.size()) {
			return Decision.refused("memberIds", "培养联系人不能重复");
		}
		if (distinct.size() > MAX_CONTACTS) {
			return Decision.refused("memberIds", "培养联系人应为1至" + MAX_CONTACTS + "名正式党员");
		}
		return members(distinct, persons, true, "培养联系人");
	}

	private static Decision introducers(List<Long> ids, List<Person> persons) {
		Set<Long> distinct = new LinkedHashSet<>(ids);
		if (distinct.size() != ids.size()) {
			return Decision.refused("memberIds", "入党介绍人不能是同一人");
		}
		if (distinct.size() != INTRODUCERS) {
			return Decision.refused("memberIds", "入党介绍人应为" + INTRODUCERS + "名正式党员（现为" + distinct.size() + "名）");
		}
		return members(distinct, persons, false, "入党介绍人");
	}

	private static Decision members(Set<Long> ids, List<Person> persons, boolean ofTheBranch, String role) {
		for (Long id : ids) {
			Person p = persons.stream().filter(x -> x.id() == id).findFirst().orElse(null);
			if (p == null || !p.found()) {
				return Decision.refused("memberIds", role + "不在党员名册中");
			}
			if (!p.onRoll()) {
				return Decision.refused("memberIds", role + "已不在党员名册中（已转出、已故等）");
			}
			if (!p.full()) {
				return Decision.refused("memberIds", role + "须为正式党员，预备党员不能担任");
			}
			if (ofTheBranch && !p.inBranch()) {
				return Decision.refused("memberIds", role + "须为本支部的正式党员");
			}
		}
		return Decision.OK;
	}

	private Decision training(int hours) {
		int min = settings.get(TRAINING_MIN_HOURS);
		if (hours < min) {
			return Decision.refused("hours", "集中培训不少于" + min + "学时（现为" + hours + "学时）");
		}
		return Decision.OK;
	}

	private Decision publicityLongEnough(LocalDate from, LocalDate to) {
		int days = settings.get(PUBLICITY_DAYS);
		int working = workingDays(from, to);
		if (working < days) {
			return Decision.refused("endsOn", "公示期不少于" + days + "个工作日（" + from + "至" + to + "仅" + working
					+ "个工作日）");
		}
		return Decision.OK;
	}

	/** The guarded step (3, 7, 15 or 23) comes after the last day of its publicity. */
	private static Decision publicityOver(Book book, DevelopmentStep guarded, LocalDate on) {
		Optional<Entry> publicity = book.first(DevelopmentStep.publicityBefore(guarded));
		if (publicity.isPresent() && publicity.get().endsOn() != null && !on.isAfter(publicity.get().endsOn())) {
			LocalDate ends = publicity.get().endsOn();
			String act = guarded.needs() == DevelopmentStep.Needs.VOTE ? "召开" + guarded.label() : guarded.label();
			return Decision.refused("on", "公示期（" + publicity.get().on() + "至" + ends + "）结束后方可" + act + "（最早 "
					+ ends.plusDays(1) + "）");
		}
		return Decision.OK;
	}

	private Decision reviewStillValid(Book book, LocalDate on) {
		int months = settings.get(POLITICAL_REVIEW_VALID_MONTHS);
		LocalDate review = book.last(DevelopmentStep.POLITICAL_REVIEW).map(Entry::on).orElse(null);
		if (months > 0 && review != null && on.isAfter(review.plusMonths(months))) {
			return Decision.refused("on", "政治审查（" + review + "）已超过" + months + "个月有效期，须重新政审");
		}
		return Decision.OK;
	}

	/** Quorum: voting members present more than half of those entitled; passed: yes more than half of the full ones. */
	static Decision vote(Vote v) {
		if (v.present() * 2 <= v.entitled()) {
			return Decision.refused("present", "有表决权的到会人数（" + v.present() + "）未超过应到会人数（" + v.entitled()
					+ "）的半数，会议无效");
		}
		if (v.yes() * 2 <= v.entitledFull()) {
			return Decision.refused("yes", "赞成票（" + v.yes() + "）未超过应到会有表决权的正式党员（" + v.entitledFull()
					+ "）的半数，未通过");
		}
		return Decision.OK;
	}

	private static Decision extension(int months) {
		if (months < EXTENSION_MIN_MONTHS || months > EXTENSION_MAX_MONTHS) {
			return Decision.refused("months", "预备期延长时间不能少于" + EXTENSION_MIN_MONTHS + "个月、不能超过"
					+ EXTENSION_MAX_MONTHS + "个月");
		}
		return Decision.OK;
	}

	// ---- warnings ---------------------------------------------------------------------------------------

	/** The soft rules broken as of {@code today}; none for an ended record or after a failed review. */
	public List<Warning> warnings(Book book, LocalDate today) {
		List<Warning> out = new ArrayList<>();
		DevelopmentStage stage = stage(book);
		if (!stage.open() || reviewFailed(book)) {
			return out;
		}
		LocalDate applied = book.appliedOn();
		int talkDays = settings.get(TALK_WITHIN_DAYS);
		if (!book.done(DevelopmentStep.TALK) && applied != null && today.isAfter(applied.plusDays(talkDays))) {
			out.add(new Warning(WarningCode.TALK_OVERDUE, "收到入党申请书（" + applied + "）后" + talkDays + "天内未派人谈话",
					applied.plusDays(talkDays)));
		}
		Optional<Entry> activist = book.first(DevelopmentStep.ACTIVIST);
		int every = settings.get(ASSESSMENT_EVERY_MONTHS);
		if (activist.isPresent() && !book.done(DevelopmentStep.ACCEPTANCE_VOTE)) {
			LocalDate since = book.last(DevelopmentStep.ACTIVIST_ASSESSMENT).map(Entry::on).orElse(activist.get().on());
			if (today.isAfter(since.plusMonths(every))) {
				out.add(new Warning(WarningCode.ASSESSMENT_OVERDUE, "已" + every + "个月未进行培养教育考察（上次 " + since + "）",
						since.plusMonths(every)));
			}
		}
		approval(book, today, DevelopmentStep.ACCEPTANCE_VOTE, DevelopmentStep.ACCEPTANCE_APPROVAL, out);
		approval(book, today, DevelopmentStep.CONVERSION_VOTE, DevelopmentStep.CONVERSION_APPROVAL, out);
		LocalDate ends = probationEndsOn(book);
		if (ends != null && today.isAfter(ends) && !book.done(DevelopmentStep.CONVERSION_VOTE)) {
			out.add(new Warning(WarningCode.CONVERSION_OVERDUE, "预备期已于" + ends + "届满，支部尚未讨论转正", ends));
		}
		return out;
	}

	private void approval(Book book, LocalDate today, DevelopmentStep vote, DevelopmentStep approval,
			List<Warning> out) {
		int months = settings.get(APPROVAL_WARNING_MONTHS);
		Optional<Entry> v = book.first(vote);
		if (v.isEmpty() || book.done(approval)) {
			return;
		}
		LocalDate votedOn = v.get().on();
		if (today.isAfter(votedOn.plusMonths(APPROVAL_LIMIT_MONTHS))) {
			out.add(new Warning(WarningCode.APPROVAL_OVERDUE, vote.label() + "（" + votedOn + "）后已超过"
					+ APPROVAL_LIMIT_MONTHS + "个月未审批，须重新履行程序", votedOn.plusMonths(APPROVAL_LIMIT_MONTHS)));
		}
		else if (today.isAfter(votedOn.plusMonths(months))) {
			out.add(new Warning(WarningCode.APPROVAL_OVERDUE, vote.label() + "（" + votedOn + "）后" + months
					+ "个月内未经上级党委审批", votedOn.plusMonths(months)));
		}
	}
}
