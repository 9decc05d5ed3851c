package cn.jiceng.development;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.common.TextRule;
import cn.jiceng.development.DevelopmentPolicy.Book;
import cn.jiceng.development.DevelopmentPolicy.Decision;
import cn.jiceng.development.DevelopmentPolicy.Entry;
import cn.jiceng.development.DevelopmentPolicy.Person;
import cn.jiceng.development.DevelopmentPolicy.Request;
import cn.jiceng.development.DevelopmentPolicy.Vote;
import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberService;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The development record book (SPEC.md §4.5, API.md "Membership development"): a record is created with its
 * application, each further step is checked by {@link DevelopmentPolicy} on the record's row lock (two people
 * recording the same step at once: one wins, the other gets 409) and saved with its data; the stage and the next
 * step are derived and kept on the record for lists. An approved acceptance puts the person on the roll through
 * the member module, an approved conversion makes them full, a cancellation takes them off the roll.
 */
@Service
class DevelopmentService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);
	static final Set<Role> HIGHER = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final MemberService members;
	private final RuleSettingsService settings;
	private final DevelopmentRecords records;
	private final Clock clock;

	DevelopmentService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			MemberService members, RuleSettingsService settings, DevelopmentRecords records, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.members = members;
		this.settings = settings;
		this.records = records;
		this.clock = clock;
	}

	// ---- views ------------------------------------------------------------------------------------------

	public record WarningView(WarningCode code, String label, String message) {
	}

	public record StepView(DevelopmentStep step, String label, int number, LocalDate on, String recordedBy,
			OffsetDateTime recordedAt, List<String> memberIds, List<String> memberNames, ReviewConclusion conclusion,
			Integer hours, Integer entitled, Integer entitledFull, Integer present, Integer yes, Integer months,
			String reason, String note, String place, LocalDate endsOn) {
	}

	public record RecordView(String id, String name, Gender gender, String idNumber, LocalDate birthDate,
			String organizationId, String organizationName, LocalDate appliedOn, DevelopmentStage stage,
			String stageLabel, DevelopmentStep nextStep, String nextStepLabel, List<StepView> steps, String memberId,
			LocalDate joinedOn, LocalDate probationEndsOn, List<WarningView> warnings, boolean extended, int version,
			DevelopmentStep pendingApproval) {
	}

	public record RecordSummary(String id, String name, Gender gender, String organizationId, String organizationName,
			LocalDate appliedOn, DevelopmentStage stage, String stageLabel, DevelopmentStep nextStep,
			String nextStepLabel, String memberId, LocalDate probationEndsOn, List<WarningView> warnings) {
	}

	// ---- create -----------------------------------------------------------------------------------------

	public record CreateInput(String name, String gender, String idNumber, String organizationId, LocalDate appliedOn) {
	}

	@Transactional
	public RecordView create(CreateInput in) {
		scope.requireWriter(WRITERS);
		if (in == null) {
			throw InvalidInputException.of("name", "请填写申请人信息");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = in.name() == null ? "" : in.name().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		else if (TextRule.problem(name).isPresent()) {
			problems.add(new FieldProblem("name", "姓名" + TextRule.problem(name).get()));
		}
		Gender gender = FormInput.enumOrNull(Gender.class, in.gender());
		if (gender == null) {
			problems.add(new FieldProblem("gender", "性别应为 MALE（男）或 FEMALE（女）"));
		}
		IdNumber.IdCheck.Valid id = null;
		if (in.idNumber() == null || in.idNumber().isBlank()) {
			problems.add(new FieldProblem("idNumber", "请填写公民身份号码"));
		}
		else if (IdNumber.check(in.idNumber()) instanceof IdNumber.IdCheck.Valid v) {
			id = v;
			IdNumber.consistencyProblems(v, null, gender).forEach(p -> problems.add(new FieldProblem("idNumber", p)));
		}
		else if (IdNumber.check(in.idNumber()) instanceof IdNumber.IdCheck.Invalid bad) {
			problems.add(new FieldProblem("idNumber", bad.reason()));
		}
		Long orgId = null;
		try {
			orgId = Ids.parseOptional(in.organizationId(), "organizationId", "党支部");
		}
		catch (InvalidInputException e) {
			problems.addAll(e.errors());
		}
		if (orgId == null && problems.stream().noneMatch(p -> p.field().equals("organizationId"))) {
			problems.add(new FieldProblem("organizationId", "请选择接收的党支部"));
		}
		if (in.appliedOn() == null) {
			problems.add(new FieldProblem("appliedOn", "请填写递交入党申请书日期"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("申请人信息不正确", problems);
		}
		scope.requireOrganization(orgId);
		OrgRef org = organizations.ref(orgId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (!org.isBranch()) {
			throw InvalidInputException.of("organizationId", "发展党员记实簿建在接收的党支部（所选为" + org.kind().label() + "）");
		}
		LocalDate today = LocalDate.now(clock);
		DevelopmentPolicy policy = policy(org.countyId(), in.appliedOn());
		Decision d = policy.application(id.birthDate(), in.appliedOn(), today);
		raise(d);
		if (members.idNumberOnRoll(id.value())) {
			throw new ConflictException("该公民身份号码已在党员名册中");
		}
		if (records.openRecordWithIdNumber(org.countyId(), id.value())) {
			throw new ConflictException("该公民身份号码已有进行中的发展党员记实簿");
		}
		String by = scope.current().caller().username();
		long recordId = jdbc.sql("""
				INSERT INTO development_record (county_id, organization_id, name, gender, id_number, birth_date,
				    applied_on, stage, next_step, created_by)
				VALUES (:c, :o, :n, :g, :idn, :b, :a, :s, :next, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", orgId)
			.param("n", name)
			.param("g", gender.name())
			.param("idn", id.value())
			.param("b", id.birthDate())
			.param("a", in.appliedOn())
			.param("s", DevelopmentStage.APPLICANT.name())
			.param("next", DevelopmentStep.TALK.name())
			.param("by", by)
			.query(Long.class)
			.single();
		jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, recorded_by)
				VALUES (:c, :r, 'APPLICATION', :on, :by)""")
			.param("c", org.countyId())
			.param("r", recordId)
			.param("on", in.appliedOn())
			.param("by", by)
			.update();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("name", name);
		after.put("gender", gender.name());
		after.put("idNumber", IdNumber.mask(id.value()));
		after.put("organizationId", orgId);
		after.put("appliedOn", in.appliedOn());
		audit.record("DevelopmentRecord", recordId, orgId, "CREATE", AuditTrail.created(after));
		return view(recordId);
	}

	// ---- a step -----------------------------------------------------------------------------------------

	/** {@code place}, {@code endsOn}: a publicity; {@code approved}: the higher committee's decision on a proposal. */
	public record StepInput(String step, LocalDate on, List<String> memberIds, String conclusion, Integer hours,
			Integer entitled, Integer entitledFull, Integer present, Integer yes, Integer months, String reason,
			String note, Integer version, String place, LocalDate endsOn, Boolean approved) {
	}

	@Transactional
	public RecordView recordStep(long recordId, StepInput in) {
		scope.requireWriter(WRITERS);
		DevelopmentRecords.Head head = records.lock(recordId).orElseThrow(() -> new NotFoundException("发展党员记实簿不存在"));
		scope.requireOrganization(head.organizationId());
		if (in == null) {
			throw InvalidInputException.of("step", "请选择要记录的步骤");
		}
		if (in.version() != null && in.version() != head.version()) {
			throw new ConflictException("记实簿已被他人更新（当前版本 " + head.version() + "），请刷新后重试");
		}
		DevelopmentStep step = FormInput.enumOrNull(DevelopmentStep.class, in.step());
		if (step == null) {
			throw InvalidInputException.of("step", in.step() == null || in.step().isBlank() ? "请选择要记录的步骤"
					: "步骤代码不正确：" + in.step());
		}
		String reason = in.reason() == null ? null : in.reason().trim();
		String note = in.note() == null || in.note().isBlank() ? null : in.note().trim();
		String place = in.place() == null || in.place().isBlank() ? null : in.place().trim();
		textProblem("reason", reason, 500);
		textProblem("note", note, 500);
		textProblem("place", place, 200);
		List<Long> memberIds = null;
		if (in.memberIds() != null) {
			memberIds = new ArrayList<>();
			for (String s : in.memberIds()) {
				memberIds.add(Ids.parse(s, "党员"));
			}
		}
		LocalDate today = LocalDate.now(clock);
		Book book = records.book(recordId, head.birthDate());
		Request req = new Request(step, in.on(), memberIds,
				in.conclusion() == null ? null : in.conclusion().trim().toUpperCase(), in.hours(),
				new Vote(in.entitled(), in.entitledFull(), in.present(), in.yes()), in.months(), reason, place,
				in.endsOn(), in.approved());
		List<Person> persons = memberIds == null ? List.of() : records.persons(head.countyId(), memberIds,
				head.organizationId());
		boolean higher = HIGHER.contains(scope.current().caller().role());
		DevelopmentPolicy policy = policy(head.countyId(), in.on() == null ? today : in.on());
		raise(policy.check(book, req, persons, higher, today));

		String by = scope.current().caller().username();
		boolean vote = step.needs() == DevelopmentStep.Needs.VOTE;
		boolean decision = step.needs() == DevelopmentStep.Needs.DECISION;
		boolean publicity = step.publicity();
		String conclusion = step.needs() == DevelopmentStep.Needs.CONCLUSION ? req.conclusion()
				: decision ? (in.approved() ? DevelopmentPolicy.PASSED : DevelopmentPolicy.FAILED) : null;
		// an approved extension carries the months the branch proposed: the end of probation reads them there
		Integer months = step == DevelopmentStep.PROBATION_EXTENDED ? in.months()
				: step == DevelopmentStep.EXTENSION_APPROVAL
						? book.last(DevelopmentStep.PROBATION_EXTENDED).map(Entry::months).orElse(null) : null;
		long stepId = jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, conclusion, hours, entitled,
				    entitled_full, present, yes_votes, months, reason, note, place, ends_on, recorded_by)
				VALUES (:c, :r, :s, :on, :conclusion, :hours, :entitled, :entitledFull, :present, :yes, :months,
				    :reason, :note, :place, :endsOn, :by) RETURNING id""")
			.param("c", head.countyId())
			.param("r", recordId)
			.param("s", step.name())
			.param("on", in.on())
			.param("conclusion", conclusion)
			.param("hours", step.needs() == DevelopmentStep.Needs.HOURS ? in.hours() : null)
			.param("entitled", vote ? in.entitled() : null)
			.param("entitledFull", vote ? in.entitledFull() : null)
			.param("present", vote ? in.present() : null)
			.param("yes", vote ? in.yes() : null)
			.param("months", months)
			.param("reason", reason == null || reason.isEmpty() ? null : reason)
			.param("note", note)
			.param("place", publicity ? place : null)
			.param("endsOn", publicity ? in.endsOn() : null)
			.param("by", by)
			.query(Long.class)
			.single();
		if (step.needs() == DevelopmentStep.Needs.MEMBERS) {
			int position = 0;
			for (Long m : memberIds) {
				jdbc.sql("INSERT INTO development_step_member (county_id, step_id, position, member_id) VALUES (:c, :s, :p, :m)")
					.param("c", head.countyId())
					.param("s", stepId)
					.param("p", position++)
					.param("m", m)
					.update();
			}
		}
		Book after = book.with(new Entry(step, in.on(), conclusion, months, publicity ? in.endsOn() : null));
		Long memberId = head.memberId();
		LocalDate acceptedOn = head.acceptedOn();
		switch (step) {
			case ACCEPTANCE_APPROVAL -> {
				memberId = members.admitProbationary(head.name(), head.gender(), head.idNumber(),
						head.organizationId(), policy.joinedOn(after));
				acceptedOn = in.on();
			}
			case CONVERSION_APPROVAL -> members.convertToFull(memberId, policy.probationEndsOn(after));
			case CANCELLATION_APPROVAL -> {
				if (in.approved()) {
					members.cancelProbation(memberId, in.on());
				}
			}
			default -> {
			}
		}
		DevelopmentStage stage = policy.stage(after);
		DevelopmentStep next = policy.nextStep(after);
		jdbc.sql("""
				UPDATE development_record SET stage = :s, next_step = :n, member_id = :m, accepted_on = :a,
				    probation_ends_on = :p, version = version + 1
				WHERE id = :id AND county_id = :c""")
			.param("s", stage.name())
			.param("n", next == null ? null : next.name())
			.param("m", memberId)
			.param("a", acceptedOn)
			.param("p", policy.probationEndsOn(after))
			.param("id", recordId)
			.param("c", head.countyId())
			.update();
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("step", step.name());
		changes.put("on", in.on());
		if (memberIds != null) {
			changes.put("memberIds", memberIds);
		}
		if (req.conclusion() != null && step.needs() == DevelopmentStep.Needs.CONCLUSION) {
			changes.put("conclusion", req.conclusion());
		}
		if (step.needs() == DevelopmentStep.Needs.HOURS) {
			changes.put("hours", in.hours());
		}
		if (vote) {
			changes.put("entitled", in.entitled());
			changes.put("entitledFull", in.entitledFull());
			changes.put("present", in.present());
			changes.put("yes", in.yes());
		}
		if (months != null) {
			changes.put("months", months);
		}
		if (publicity) {
			changes.put("place", place);
			changes.put("endsOn", in.endsOn());
		}
		if (decision) {
			changes.put("conclusion", conclusion);
		}
		if (reason != null && !reason.isEmpty()) {
			changes.put("reason", reason);
		}
		changes.put("stage", Map.of("from", head.stage().name(), "to", stage.name()));
		audit.record("DevelopmentRecord", recordId, head.organizationId(), "STEP_" + step.name(), changes);
		return view(recordId);
	}

	private static void textProblem(String field, String value, int max) {
		if (value == null) {
			return;
		}
		if (value.length() > max) {
			throw InvalidInputException.of(field, "不能超过" + max + "个字");
		}
		TextRule.problem(value).ifPresent(p -> {
			throw InvalidInputException.of(field, p);
		});
	}

	static void raise(Decision d) {
		switch (d.outcome()) {
			case ALLOWED -> {
			}
			case MISSING -> throw InvalidInputException.of(d.field() == null ? "step" : d.field(), d.reason());
			case FORBIDDEN -> throw new ForbiddenException(d.reason());
			case CONFLICT -> throw new ConflictException(d.reason());
			case REFUSED -> throw new RuleViolationException(d.reason(),
					d.field() == null ? Map.of() : Map.of("field", d.field()));
		}
	}

	/** The caller's county's minimum publicity this year, for the publicity form. */
	public int publicityDays() {
		return settings.forCountyYear(scope.current().caller().countyId(), LocalDate.now(clock).getYear())
			.get(cn.jiceng.settings.RuleCatalog.PUBLICITY_DAYS);
	}

	DevelopmentPolicy policy(long countyId, LocalDate on) {
		return new DevelopmentPolicy(settings.forCountyYear(countyId, on.getYear()));
	}

	// ---- reads ------------------------------------------------------------------------------------------

	@Transactional(readOnly = true)
	public RecordView get(long recordId) {
		DevelopmentRecords.Head head = records.head(recordId).orElseThrow(() -> new NotFoundException("发展党员记实簿不存在"));
		scope.requireOrganization(head.organizationId());
		return view(recordId);
	}

	RecordView view(long recordId) {
		DevelopmentRecords.Head head = records.head(recordId).orElseThrow(() -> new NotFoundException("发展党员记实簿不存在"));
		LocalDate today = LocalDate.now(clock);
		Book book = records.book(recordId, head.birthDate());
		DevelopmentPolicy policy = policy(head.countyId(), today);
		List<StepView> steps = records.steps(recordId);
		DevelopmentStep next = policy.nextStep(book);
		String orgName = organizations.ref(head.organizationId()).map(OrgRef::name).orElse("");
		return new RecordView(Long.toString(recordId), head.name(), head.gender(), head.idNumber(), head.birthDate(),
				Long.toString(head.organizationId()), orgName, head.appliedOn(), policy.stage(book),
				policy.stage(book).label(), next, next == null ? null : next.label(), steps, Ids.str(head.memberId()),
				policy.joinedOn(book) == null || head.memberId() == null ? null : policy.joinedOn(book),
				policy.probationEndsOn(book), warnings(policy, book, today),
				book.approved(DevelopmentStep.EXTENSION_APPROVAL).isPresent(), head.version(),
				book.pending(DevelopmentStep.PROBATION_EXTENDED) ? DevelopmentStep.EXTENSION_APPROVAL
						: book.pending(DevelopmentStep.PROBATION_CANCELLED) ? DevelopmentStep.CANCELLATION_APPROVAL : null);
	}

	static List<WarningView> warnings(DevelopmentPolicy policy, Book book, LocalDate today) {
		return policy.warnings(book, today)
			.stream()
			.map(w -> new WarningView(w.code(), w.code().label(), w.message()))
			.toList();
	}

	/** The records of an organization's subtree, optionally of one stage or only those with a warning. */
	@Transactional(readOnly = true)
	public PageResult<RecordSummary> list(long organizationId, String stageCode, Boolean warned, String q,
			PageRequest page) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		DevelopmentStage stage = null;
		if (stageCode != null && !stageCode.isBlank()) {
			stage = FormInput.enumOrNull(DevelopmentStage.class, stageCode);
			if (stage == null) {
				throw InvalidInputException.of("stage", "阶段应为 APPLICANT、ACTIVIST、CANDIDATE、PROBATIONARY、FULL 或 CANCELLED");
			}
		}
		String query = q == null || q.isBlank() ? null : q.trim();
		LocalDate today = LocalDate.now(clock);
		DevelopmentPolicy policy = policy(org.countyId(), today);
		if (Boolean.TRUE.equals(warned)) {
			List<RecordSummary> all = records.summaries(org, stage, query, null)
				.stream()
				.map(s -> summary(s, policy, today))
				.filter(s -> !s.warnings().isEmpty())
				.toList();
			int from = (int) Math.min(page.offset(), all.size());
			int to = Math.min(from + page.size(), all.size());
			return new PageResult<>(all.subList(from, to), all.size(), page.page(), page.size());
		}
		long total = records.count(org, stage, query);
		List<RecordSummary> items = records.summaries(org, stage, query, page)
			.stream()
			.map(s -> summary(s, policy, today))
			.toList();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	private RecordSummary summary(DevelopmentRecords.Row r, DevelopmentPolicy policy, LocalDate today) {
		List<WarningView> warnings = r.stage().open() ? warnings(policy, r.book(), today) : List.of();
		return new RecordSummary(Long.toString(r.id()), r.name(), r.gender(), Long.toString(r.organizationId()),
				r.organizationName(), r.appliedOn(), r.stage(), r.stage().label(), r.nextStep(),
				r.nextStep() == null ? null : r.nextStep().label(), Ids.str(r.memberId()), r.probationEndsOn(), warnings);
	}

	public record StageCount(DevelopmentStage stage, String label, long count) {
	}

	public record Pipeline(String organizationId, String organizationName, List<StageCount> stages, long warnings) {
	}

	/** The funnel of a subtree: records per stage, and how many open ones carry a warning. */
	@Transactional(readOnly = true)
	public Pipeline pipeline(long organizationId) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		Map<DevelopmentStage, Long> counts = records.countsByStage(org);
		List<StageCount> stages = new ArrayList<>();
		for (DevelopmentStage s : DevelopmentStage.values()) {
			stages.add(new StageCount(s, s.label(), counts.getOrDefault(s, 0L)));
		}
		return new Pipeline(Long.toString(org.id()), org.name(), stages, warningCount(org));
	}

	long warningCount(OrgRef org) {
		LocalDate today = LocalDate.now(clock);
		DevelopmentPolicy policy = policy(org.countyId(), today);
		return records.openBooks(org).stream().filter(b -> !policy.warnings(b, today).isEmpty()).count();
	}

	// ---- yearly plan ------------------------------------------------------------------------------------

	public record PlanInput(Integer quota) {
	}

	public record PlanView(String organizationId, String organizationName, int year, Integer quota, long accepted) {
	}

	@Transactional
	public PlanView putPlan(long organizationId, Integer year, PlanInput in) {
		scope.requireWriter(WRITERS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int y = year(year);
		if (in == null || in.quota() == null) {
			throw InvalidInputException.of("quota", "请填写计划发展人数");
		}
		if (in.quota() < 0 || in.quota() > 100000) {
			throw InvalidInputException.of("quota", "计划发展人数应为0至100000");
		}
		Integer before = records.quota(org, y);
		jdbc.sql("""
				INSERT INTO development_plan (county_id, organization_id, year, quota, updated_by)
				VALUES (:c, :o, :y, :q, :by)
				ON CONFLICT (organization_id, year, county_id) DO UPDATE
				SET quota = EXCLUDED.quota, updated_by = EXCLUDED.updated_by, updated_at = now()""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("y", y)
			.param("q", in.quota())
			.param("by", scope.current().caller().username())
			.update();
		Map<String, Object> old = new HashMap<>();
		old.put("year", y);
		old.put("quota", before);
		Map<String, Object> now = Map.of("year", y, "quota", in.quota());
		audit.record("DevelopmentPlan", organizationId, organizationId, before == null ? "CREATE" : "UPDATE",
				before == null ? AuditTrail.created(now) : AuditTrail.diff(old, now));
		return new PlanView(Long.toString(organizationId), org.name(), y, in.quota(), records.accepted(org, y));
	}

	@Transactional(readOnly = true)
	public PlanView plan(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int y = year(year);
		return new PlanView(Long.toString(organizationId), org.name(), y, records.quota(org, y), records.accepted(org, y));
	}

	/** The organization itself and its direct children: plan against acceptances. */
	@Transactional(readOnly = true)
	public List<PlanView> plans(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int y = year(year);
		List<PlanView> out = new ArrayList<>();
		out.add(new PlanView(Long.toString(org.id()), org.name(), y, records.quota(org, y), records.accepted(org, y)));
		for (var child : organizations.children(organizationId)) {
			OrgRef c = organizations.ref(Long.parseLong(child.id())).orElseThrow();
			out.add(new PlanView(Long.toString(c.id()), c.name(), y, records.quota(c, y), records.accepted(c, y)));
		}
		return out;
	}

	private int year(Integer year) {
		int y = year == null ? LocalDate.now(clock).getYear() : year;
		if (y < 1921 || y > 2200) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		return y;
	}

	static boolean fullOnRoll(MemberCategory category, MemberStatus status) {
		return category == MemberCategory.FULL && status.onRoll();
	}
}
