package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Recording an election (换届选举) starts the organization's next term on the election day and keeps the
 * election in its history, with the end of the term it renewed so the renewal rate can be counted later.
 */
@Service
class ElectionService {

	static final Set<Role> RECORDERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	/** 一般不超过7 committee members; the cap leaves room for larger committees of 基层党委. */
	private static final int MAX_COMMITTEE = 15;

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final RuleSettingsService settings;
	private final JsonMapper json;
	private final Clock clock;
	private final OfficeService offices;
	private final MemberRoll roll;

	ElectionService(JdbcClient jdbc, DataScope scope, AuditTrail audit, RuleSettingsService settings, JsonMapper json,
			Clock clock, OfficeService offices, MemberRoll roll) {
		this.roll = roll;
		this.jdbc = jdbc;
		this.offices = offices;
		this.scope = scope;
		this.audit = audit;
		this.settings = settings;
		this.json = json;
		this.clock = clock;
	}

	/**
	 * {@code committeeMembers}: names, or objects {"name","memberId","position"}; a member id fills in the name.
	 */
	public record ElectionRequest(String heldOn, String secretaryName, String secretaryMemberId,
			List<JsonNode> committeeMembers, Integer termYears) {
	}

	public record CommitteeMember(String name, String memberId, String position) {
	}

	/** {@code note} says when the election was early or late against the term it renewed (报上级党组织批准). */
	public record ElectionView(String id, String organizationId, LocalDate heldOn, String secretaryName,
			String secretaryMemberId, List<CommitteeMember> committeeMembers, int termYears, LocalDate termStartedOn,
			LocalDate termEndsOn, LocalDate previousTermStartedOn, LocalDate previousTermEndsOn, String note,
			String recordedBy, OffsetDateTime recordedAt) {
	}

	private record OrgRow(long id, long countyId, String name, OrgKind kind, Field field, String path,
			LocalDate termStartedOn, Integer termYears) {
	}

	@Transactional
	public ElectionView record(long organizationId, ElectionRequest req) {
		scope.requireWriter(RECORDERS);
		scope.requireOrganization(organizationId);
		OrgRow org = jdbc.sql("""
				SELECT id, county_id, name, kind, field, path, term_started_on, term_years FROM organization
				WHERE id = :id FOR UPDATE""")
			.param("id", organizationId)
			.query((rs, i) -> new OrgRow(rs.getLong("id"), rs.getLong("county_id"), rs.getString("name"),
					OrgKind.valueOf(rs.getString("kind")), Field.valueOf(rs.getString("field")), rs.getString("path"),
					rs.getObject("term_started_on", LocalDate.class), (Integer) rs.getObject("term_years")))
			.optional()
			.orElseThrow(() -> new NotFoundException("党组织不存在"));
		LocalDate today = LocalDate.now(clock);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate heldOn = null;
		if (req.heldOn() == null || req.heldOn().isBlank()) {
			problems.add(new FieldProblem("heldOn", "请填写选举日期（YYYY-MM-DD）"));
		}
		else {
			try {
				heldOn = LocalDate.parse(req.heldOn().trim());
				if (heldOn.isAfter(today)) {
					problems.add(new FieldProblem("heldOn", "选举日期不能晚于今天"));
				}
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem("heldOn", "选举日期格式应为YYYY-MM-DD"));
			}
		}
		String secretaryName = null;
		Long secretaryMemberId = null;
		if (req.secretaryMemberId() != null && !req.secretaryMemberId().isBlank()) {
			secretaryMemberId = memberId(req.secretaryMemberId(), "secretaryMemberId", problems);
			if (secretaryMemberId != null) {
				secretaryName = memberName(secretaryMemberId, org.path(), "secretaryMemberId", problems);
			}
		}
		else if (req.secretaryName() != null && !req.secretaryName().isBlank()) {
			secretaryName = req.secretaryName().trim();
			if (secretaryName.length() > 50) {
				problems.add(new FieldProblem("secretaryName", "书记姓名不超过50字"));
			}
		}
		else {
			problems.add(new FieldProblem("secretaryName", "请填写新当选的书记（secretaryName 或 secretaryMemberId）"));
		}
		List<CommitteeMember> committee = committee(req.committeeMembers(), org.path(), problems);
		if (req.termYears() != null && (req.termYears() < 1 || req.termYears() > 10)) {
			problems.add(new FieldProblem("termYears", "任期年限应为1到10年"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("选举信息不正确", problems);
		}
		if (org.kind() == OrgKind.GROUP) {
			throw new RuleViolationException("党小组不实行任期制，不登记换届选举");
		}
		if (org.termStartedOn() != null && !heldOn.isAfter(org.termStartedOn())) {
			throw new RuleViolationException("选举日期" + heldOn + "应晚于本届任期开始日期" + org.termStartedOn());
		}
		RuleSettings rules = settings.forYear(today.getYear());
		LocalDate previousEnds = TermService.termEndsOn(org.kind(), org.field(), org.termStartedOn(), org.termYears(), rules);
		Integer newYears = req.termYears() != null ? req.termYears() : org.termYears();
		int years = TermService.effectiveTermYears(org.kind(), org.field(), newYears, rules);
		String note = deviation(heldOn, previousEnds);
		String actor = scope.current().caller().username();
		long id = jdbc.sql("""
				INSERT INTO election (county_id, organization_id, held_on, secretary_name, secretary_member_id, committee,
				                      term_years, previous_term_started_on, previous_term_ends_on, recorded_by)
				VALUES (:c, :o, :held, :sec, :secId, :committee, :years, :prevStart, :prevEnd, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("held", heldOn)
			.param("sec", secretaryName)
			.param("secId", secretaryMemberId)
			.param("committee", json.writeValueAsString(committee))
			.param("years", years)
			.param("prevStart", org.termStartedOn())
			.param("prevEnd", previousEnds)
			.param("by", actor)
			.query(Long.class)
			.single();
		jdbc.sql("""
				UPDATE organization SET term_started_on = :start, term_years = :years, version = version + 1
				WHERE id = :id""")
			.param("start", heldOn)
			.param("years", newYears)
			.param("id", organizationId)
			.update();
		Map<String, Object> termBefore = new LinkedHashMap<>();
		termBefore.put("termStartedOn", org.termStartedOn());
		termBefore.put("termYears", org.termYears());
		Map<String, Object> termAfter = new LinkedHashMap<>();
		termAfter.put("termStartedOn", heldOn);
		termAfter.put("termYears", newYears);
		audit.record("Organization", organizationId, organizationId, "UPDATE", AuditTrail.diff(termBefore, termAfter));
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("electionId", id);
		fields.put("heldOn", heldOn);
		fields.put("secretaryName", secretaryName);
		fields.put("committeeMembers", committee.stream().map(CommitteeMember::name).toList());
		fields.put("termYears", years);
		fields.put("previousTermEndsOn", previousEnds);
		audit.record("Election", id, organizationId, "CREATE", AuditTrail.created(fields));
		if (secretaryMemberId != null) {
			offices.recordElectedSecretary(organizationId, org.countyId(), secretaryMemberId, heldOn);
		}
		return history(organizationId, false).stream().filter(e -> e.id().equals(Long.toString(id))).findFirst()
			.map(e -> new ElectionView(e.id(), e.organizationId(), e.heldOn(), e.secretaryName(), e.secretaryMemberId(),
					e.committeeMembers(), e.termYears(), e.termStartedOn(), e.termEndsOn(), e.previousTermStartedOn(),
					e.previousTermEndsOn(), note, e.recordedBy(), e.recordedAt()))
			.orElseThrow();
	}

	/** 延长或者提前期限一般不超过1年, and either way 报上级党组织批准 (选举工作条例 第三条). */
	static String deviation(LocalDate heldOn, LocalDate previousEnds) {
		if (previousEnds == null) {
			return "首次登记任期，自" + heldOn + "起算";
		}
		long days = ChronoUnit.DAYS.between(previousEnds, heldOn);
		if (days == 0) {
			return "按期换届";
		}
		boolean beyondYear = heldOn.isAfter(previousEnds.plusYears(1)) || heldOn.isBefore(previousEnds.minusYears(1));
		String way = days < 0 ? "提前" + (-days) + "天换届" : "延期" + days + "天换届";
		return way + "（上届任期" + previousEnds + "届满），须报上级党组织批准"
				+ (beyondYear ? "；已超过延长或提前一般不超过1年的限度" : "");
	}

	@Transactional(readOnly = true)
	public List<ElectionView> history(long organizationId) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(TermService.READERS);
		return history(organizationId, true);
	}

	private List<ElectionView> history(long organizationId, boolean newestFirst) {
		return jdbc.sql("""
				SELECT id, organization_id, held_on, secretary_name, secretary_member_id, committee, term_years,
				       previous_term_started_on, previous_term_ends_on, recorded_by, recorded_at
				FROM election WHERE organization_id = :o ORDER BY held_on""" + (newestFirst ? " DESC" : "") + ", id")
			.param("o", organizationId)
			.query((rs, i) -> {
				LocalDate held = rs.getObject("held_on", LocalDate.class);
				int years = rs.getInt("term_years");
				LocalDate prevEnd = rs.getObject("previous_term_ends_on", LocalDate.class);
				return new ElectionView(rs.getString("id"), rs.getString("organization_id"), held,
						rs.getString("secretary_name"), rs.getString("secretary_member_id"),
						json.readValue(rs.getString("committee"), new TypeReference<List<CommitteeMember>>() {
						}), years, held, TermPolicy.termEndsOn(held, years),
						rs.getObject("previous_term_started_on", LocalDate.class), prevEnd, deviation(held, prevEnd),
						rs.getString("recorded_by"), rs.getObject("recorded_at", OffsetDateTime.class));
			})
			.list();
	}

	private List<CommitteeMember> committee(List<JsonNode> entries, String path, List<FieldProblem> problems) {
		List<CommitteeMember> out = new ArrayList<>();
		if (entries == null) {
			return out;
		}
		if (entries.size() > MAX_COMMITTEE) {
			problems.add(new FieldProblem("committeeMembers", "委员不超过" + MAX_COMMITTEE + "名"));
			return out;
		}
		for (int i = 0; i < entries.size(); i++) {
			JsonNode e = entries.get(i);
			String field = "committeeMembers[" + i + "]";
			String name = null;
			String position = null;
			Long memberId = null;
			if (e != null && e.isString()) {
				name = e.asString().trim();
			}
			else if (e != null && e.isObject()) {
				name = text(e, "name");
				position = text(e, "position");
				String mid = text(e, "memberId");
				if (mid != null) {
					memberId = memberId(mid, field + ".memberId", problems);
					if (memberId != null) {
						name = memberName(memberId, path, field + ".memberId", problems);
					}
				}
			}
			if (name == null || name.isEmpty() || name.length() > 50) {
				if (memberId == null) {
					problems.add(new FieldProblem(field, "请填写委员姓名（不超过50字）"));
				}
				continue;
			}
			if (position != null && position.length() > 20) {
				problems.add(new FieldProblem(field + ".position", "职务不超过20字"));
				continue;
			}
			out.add(new CommitteeMember(name, memberId == null ? null : memberId.toString(), position));
		}
		return out;
	}

	private static String text(JsonNode node, String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		String s = v.asString().trim();
		return s.isEmpty() ? null : s;
	}

	private static Long memberId(String raw, String field, List<FieldProblem> problems) {
		try {
			return Long.parseLong(raw.trim());
		}
		catch (NumberFormatException e) {
			problems.add(new FieldProblem(field, "党员编号不正确"));
			return null;
		}
	}

	/** A committee is elected from the organization's own members. */
	private String memberName(long memberId, String path, String field, List<FieldProblem> problems) {
		String name = jdbc.sql("""
				SELECT m.name FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.id = :id AND o.path LIKE :p AND\s""" + roll.sqlOnRoll("m.status"))
			.param("id", memberId)
			.param("p", path + "%")
			.query(String.class)
			.optional()
			.orElse(null);
		if (name == null) {
			problems.add(new FieldProblem(field, "该党员不是本组织的在册党员"));
		}
		return name;
	}
}
