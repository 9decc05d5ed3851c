package cn.jiceng.masswork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.member.RollMembership;
import cn.jiceng.organization.OrgRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * 四议两公开 decisions of a village: created with their matter, then each step recorded in order with its meeting's
 * figures or its disclosure's place and period ({@link DecisionPolicy}). Steps of one decision are serialized by a
 * row lock on the decision, so the same step recorded twice at once is recorded once (the other answer is 409).
 */
@Service
class DecisionService {

	/** Writes follow API.md's default: branch secretaries or higher within scope. */
	static final Set<Role> WRITERS = Set.of(Role.BRANCH_SECRETARY, Role.TOWNSHIP_ADMIN, Role.COUNTY_ADMIN);

	public record DecisionInput(String title, String category, Boolean combinedProposal) {
	}

	public record StepInput(String step, String on, Integer entitled, Integer present, Integer yes, String body,
			String place, Integer days, String notes) {
	}

	public record Step(DecisionStep step, String label, LocalDate on, Integer entitled, Integer present, Integer yes,
			ResolutionBody body, String place, Integer days, String notes) {

		public String bodyLabel() {
			return body == null ? null : body.label();
		}
	}

	public record Decision(String id, String organizationId, String organizationName, String title,
			DecisionCategory category, String categoryLabel, boolean combinedProposal, String status,
			List<Step> steps, DecisionStep nextStep, String nextStepLabel, int version) {

		public boolean completed() {
			return nextStep == null;
		}

		/** The recorded step of a kind, or null. */
		public Step stepOf(DecisionStep s) {
			return steps.stream().filter(x -> x.step() == s).findFirst().orElse(null);
		}
	}

	/** A row of a village's decision list. */
	public record Listed(String id, String organizationId, String organizationName, String title,
			DecisionCategory category, String categoryLabel, boolean combinedProposal, String status,
			DecisionStep nextStep, String nextStepLabel, LocalDate lastOn, int stepsDone, int stepsTotal) {
	}

	public static final String IN_PROGRESS = "IN_PROGRESS";

	public static final String COMPLETED = "COMPLETED";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final HouseholdService households;
	private final Clock clock;

	DecisionService(JdbcClient jdbc, DataScope scope, AuditTrail audit, HouseholdService households, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.households = households;
		this.clock = clock;
	}

	@Transactional
	public Decision create(long organizationId, DecisionInput in) {
		scope.requireWriter(WRITERS);
		OrgRef org = households.requireReader(organizationId);
		Villages.requireVillage(org, "“四议两公开”");
		List<FieldProblem> problems = new ArrayList<>();
		String title = HouseholdService.text(in.title(), "title", "决策事项", 200, true, problems);
		DecisionCategory category = FormInput.parseEnum(DecisionCategory.class, in.category(), "category",
				"事项类别应为 PLAN、LAND、ASSETS、PROJECT、VILLAGE_RULES 或 OTHER", problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("决策事项填写有误", problems);
		}
		boolean combined = Boolean.TRUE.equals(in.combinedProposal());
		long id = jdbc.sql("""
				INSERT INTO decision (county_id, organization_id, title, category, combined_proposal, next_step, recorded_by)
				VALUES (:c, :o, :title, :category, :combined, :next, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("title", title)
			.param("category", category.name())
			.param("combined", combined)
			.param("next", DecisionStep.PROPOSAL.name())
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("title", title);
		fields.put("category", category.name());
		fields.put("combinedProposal", combined);
		audit.record("Decision", id, organizationId, "CREATE", AuditTrail.created(fields));
		return decision(id);
	}

	@Transactional
	public Decision recordStep(long decisionId, StepInput in) {
		Decision before = decision(decisionId);
		long organizationId = Long.parseLong(before.organizationId());
		scope.requireWriter(WRITERS);
		OrgRef org = households.requireReader(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		DecisionStep step = FormInput.parseEnum(DecisionStep.class, in.step(), "step",
				"步骤应为 PROPOSAL、DELIBERATION、MEMBERS_REVIEW、VILLAGERS_RESOLUTION、RESOLUTION_DISCLOSED 或 RESULT_DISCLOSED",
				problems, true);
		LocalDate on = HouseholdService.date(in.on(), "on", "日期", problems);
		String notes = HouseholdService.text(in.notes(), "notes", "会议或公开内容", 1000, false, problems);
		Integer entitled = null;
		Integer present = null;
		Integer yes = null;
		ResolutionBody body = null;
		String place = null;
		Integer days = null;
		if (step == DecisionStep.MEMBERS_REVIEW || step == DecisionStep.VILLAGERS_RESOLUTION) {
			if (step == DecisionStep.VILLAGERS_RESOLUTION) {
				body = FormInput.parseEnum(ResolutionBody.class, in.body(), "body",
						"决议机构应为 VILLAGERS_MEETING（村民会议）或 REPRESENTATIVES（村民代表会议）", problems, true);
				entitled = count(in.entitled(), "entitled", body == ResolutionBody.REPRESENTATIVES ? "村民代表总数"
						: "应参加会议的村民人数", 1, problems);
			}
			else if (on != null) {
				entitled = shouldAttend(org, on, in.entitled(), problems);
			}
			present = count(in.present(), "present", "到会人数", 0, problems);
			yes = count(in.yes(), "yes", "同意人数", 0, problems);
			if (entitled != null && present != null && present > entitled) {
				problems.add(new FieldProblem("present", "到会人数（" + present + "）不能多于应到会人数（" + entitled + "）"));
			}
			if (present != null && yes != null && yes > present) {
				problems.add(new FieldProblem("yes", "同意人数（" + yes + "）不能多于到会人数（" + present + "）"));
			}
		}
		else if (step != null && step.isDisclosure()) {
			place = HouseholdService.text(in.place(), "place", "公开地点（如村务公开栏）", 200, true, problems);
			days = count(in.days(), "days", "公开天数", 1, problems);
			if (days != null && days > 366) {
				problems.add(new FieldProblem("days", "公开天数不能超过366天"));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("“四议两公开”步骤填写有误", problems);
		}
		jdbc.sql("SELECT id FROM decision WHERE id = :id FOR UPDATE").param("id", decisionId).query(Long.class).single();
		Decision d = decision(decisionId);
		if (d.steps().stream().anyMatch(s -> s.step() == step)) {
			throw new ConflictException("“" + step.label(d.combinedProposal()) + "”已登记，不能重复登记");
		}
		List<DecisionPolicy.Recorded> done = d.steps().stream()
			.map(s -> new DecisionPolicy.Recorded(s.step(), s.on()))
			.toList();
		refuseUnless(DecisionPolicy.order(d.combinedProposal(), done, step, on, LocalDate.now(clock)));
		if (step == DecisionStep.MEMBERS_REVIEW) {
			refuseUnless(DecisionPolicy.membersReview(entitled, present, yes));
		}
		else if (step == DecisionStep.VILLAGERS_RESOLUTION) {
			refuseUnless(DecisionPolicy.villagersResolution(body, entitled, present, yes));
		}
		jdbc.sql("""
				INSERT INTO decision_step (county_id, decision_id, step, held_on, entitled, present, yes, body, place, days,
				    notes, recorded_by)
				VALUES (:c, :d, :step, :on, :entitled, :present, :yes, :body, :place, :days, :notes, :by)""")
			.param("c", org.countyId())
			.param("d", decisionId)
			.param("step", step.name())
			.param("on", on)
			.param("entitled", entitled)
			.param("present", present)
			.param("yes", yes)
			.param("body", body == null ? null : body.name())
			.param("place", place)
			.param("days", days)
			.param("notes", notes)
			.param("by", scope.current().caller().username())
			.update();
		List<DecisionPolicy.Recorded> after = new ArrayList<>(done);
		after.add(new DecisionPolicy.Recorded(step, on));
		DecisionStep next = DecisionPolicy.next(d.combinedProposal(), after);
		jdbc.sql("UPDATE decision SET next_step = :next, version = version + 1 WHERE id = :id")
			.param("next", next == null ? null : next.name())
			.param("id", decisionId)
			.update();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("step", step.name());
		fields.put("on", on);
		if (entitled != null) {
			fields.put("body", body == null ? null : body.name());
			fields.put("entitled", entitled);
			fields.put("present", present);
			fields.put("yes", yes);
		}
		if (place != null) {
			fields.put("place", place);
			fields.put("days", days);
		}
		fields.put("notes", notes);
		audit.record("Decision", decisionId, organizationId, "STEP", AuditTrail.created(fields));
		return decision(decisionId);
	}

	@Transactional(readOnly = true)
	public Decision find(long decisionId) {
		Decision d = decision(decisionId);
		scope.requireOrganization(Long.parseLong(d.organizationId()));
		return d;
	}

	/** The decisions of the subtree, newest first; {@code year} by creation, {@code status} IN_PROGRESS or COMPLETED. */
	@Transactional(readOnly = true)
	public PageResult<Listed> list(long organizationId, Integer year, String status, PageRequest page) {
		OrgRef org = households.requireReader(organizationId);
		String where = " WHERE o.path LIKE :prefix"
				+ (year == null ? "" : " AND EXTRACT(YEAR FROM d.recorded_at AT TIME ZONE 'Asia/Shanghai') = :year")
				+ (COMPLETED.equals(status) ? " AND d.next_step IS NULL"
						: IN_PROGRESS.equals(status) ? " AND d.next_step IS NOT NULL" : "");
		Map<String, Object> params = new LinkedHashMap<>();
		params.put("prefix", org.path() + "%");
		if (year != null) {
			params.put("year", year);
		}
		long total = jdbc.sql("SELECT count(*) FROM decision d JOIN organization o ON o.id = d.organization_id" + where)
			.params(params)
			.query(Long.class)
			.single();
		List<Listed> items = jdbc.sql("""
				SELECT d.id, d.organization_id, o.name, d.title, d.category, d.combined_proposal, d.next_step,
				       (SELECT max(s.held_on) FROM decision_step s WHERE s.decision_id = d.id),
				       (SELECT count(*) FROM decision_step s WHERE s.decision_id = d.id)
				FROM decision d JOIN organization o ON o.id = d.organization_id""" + where
				+ " ORDER BY d.recorded_at DESC, d.id DESC LIMIT :size OFFSET :offset")
			.params(params)
			.param("size", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> {
				DecisionCategory category = DecisionCategory.valueOf(rs.getString(5));
				boolean combined = rs.getBoolean(6);
				DecisionStep next = rs.getString(7) == null ? null : DecisionStep.valueOf(rs.getString(7));
				return new Listed(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), category,
						category.label(), combined, next == null ? COMPLETED : IN_PROGRESS, next,
						next == null ? null : next.label(combined), rs.getObject(8, LocalDate.class), rs.getInt(9),
						DecisionPolicy.sequence(combined).size());
			})
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/**
	 * Who should attend the party members' meeting: the members on the roll of the village organization (its
	 * subtree) on the meeting's day. The platform knows them, so {@code entitled} may be left out; a number given
	 * must match the roll, except for a village whose members are not on the platform's roll (then it is required).
	 */
	private Integer shouldAttend(OrgRef org, LocalDate on, Integer given, List<FieldProblem> problems) {
		long roll = roll(org, on);
		if (roll == 0) {
			return count(given, "entitled", "应到会党员人数（本村党员尚未录入花名册）", 1, problems);
		}
		if (given != null && given != roll) {
			problems.add(new FieldProblem("entitled",
					"应到会党员为" + org.name() + "在册党员" + roll + "名，无需另填或应填" + roll));
			return null;
		}
		return (int) roll;
	}

	/** Members on the roll of the organization's subtree on a day (who should attend its party members' meeting). */
	long roll(OrgRef org, LocalDate on) {
		return jdbc.sql("SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id"
				+ " WHERE o.path LIKE :prefix AND " + RollMembership.sqlOnRollDuring("CAST(:on AS date)", "CAST(:on AS date)"))
			.param("prefix", org.path() + "%")
			.param("on", on)
			.query(Long.class)
			.single();
	}

	/** A village of the caller's scope, for the pages' pickers. */
	public record VillageOption(String id, String name) {
	}

	@Transactional(readOnly = true)
	public List<VillageOption> villageOptions() {
		var cond = scope.organizationCondition("o");
		return jdbc.sql("SELECT o.id, o.name FROM organization o WHERE " + cond.sql() + " AND " + Villages.sqlIsVillage("o")
				+ " AND NOT EXISTS (SELECT 1 FROM organization p WHERE p.id = o.parent_id AND " + Villages.sqlIsVillage("p")
				+ ") ORDER BY o.path")
			.params(cond.params())
			.query((rs, i) -> new VillageOption(rs.getString(1), rs.getString(2)))
			.list();
	}

	private static Integer count(Integer value, String field, String label, int min, List<FieldProblem> problems) {
		if (value == null) {
			problems.add(new FieldProblem(field, "请填写" + label));
			return null;
		}
		if (value < min || value > 1_000_000) {
			problems.add(new FieldProblem(field, label + "应为不小于" + min + "的整数"));
			return null;
		}
		return value;
	}

	Decision decision(long id) {
		Decision head = jdbc.sql("""
				SELECT d.id, d.organization_id, o.name, d.title, d.category, d.combined_proposal, d.next_step, d.version
				FROM decision d JOIN organization o ON o.id = d.organization_id WHERE d.id = :id""")
			.param("id", id)
			.query((rs, i) -> {
				DecisionCategory category = DecisionCategory.valueOf(rs.getString(5));
				boolean combined = rs.getBoolean(6);
				DecisionStep next = rs.getString(7) == null ? null : DecisionStep.valueOf(rs.getString(7));
				return new Decision(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), category,
						category.label(), combined, next == null ? COMPLETED : IN_PROGRESS, List.of(), next,
						next == null ? null : next.label(combined), rs.getInt(8));
			})
			.optional()
			.orElseThrow(() -> new NotFoundException("决策事项不存在或不在您的管理范围内"));
		List<Step> steps = jdbc.sql("""
				SELECT step, held_on, entitled, present, yes, body, place, days, notes FROM decision_step
				WHERE decision_id = :id ORDER BY id""")
			.param("id", id)
			.query((rs, i) -> step(rs, head.combinedProposal()))
			.list();
		return new Decision(head.id(), head.organizationId(), head.organizationName(), head.title(), head.category(),
				head.categoryLabel(), head.combinedProposal(), head.status(), steps, head.nextStep(),
				head.nextStepLabel(), head.version());
	}

	private static Step step(ResultSet rs, boolean combined) throws SQLException {
		DecisionStep s = DecisionStep.valueOf(rs.getString(1));
		String body = rs.getString(6);
		return new Step(s, s.label(combined), rs.getObject(2, LocalDate.class), rs.getObject(3, Integer.class),
				rs.getObject(4, Integer.class), rs.getObject(5, Integer.class),
				body == null ? null : ResolutionBody.valueOf(body), rs.getString(7), rs.getObject(8, Integer.class),
				rs.getString(9));
	}

	private static void refuseUnless(DecisionPolicy.Outcome o) {
		if (!o.allowed()) {
			throw new RuleViolationException(o.reason());
		}
	}
}
