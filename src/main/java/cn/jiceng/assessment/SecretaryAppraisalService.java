package cn.jiceng.assessment;

import java.math.BigDecimal;
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
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.Office;
import cn.jiceng.organization.OfficeService;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The secretary year-end appraisal (述职评议, SPEC.md §4.7): an account above an organization scores its secretary
 * (the holder on 31 December of the year, from {@link OfficeService}) 0–100; finalization of a subtree gives the
 * red flags and yellow cards and creates the yellow cards' interviews. Entry and finalization lock the appraisal
 * rows; a finalized appraisal is not changed (409).
 */
@Service
class SecretaryAppraisalService {

	static final Set<Role> APPRAISERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final OfficeService offices;
	private final InterviewService interviews;
	private final RuleSettingsService settings;
	private final Clock clock;

	SecretaryAppraisalService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			OfficeService offices, InterviewService interviews, RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.offices = offices;
		this.interviews = interviews;
		this.settings = settings;
		this.clock = clock;
	}

	public record ScoreInput(Object score, Integer version) {
	}

	/** API.md's answer to an entry, with the secretary's name, the version and the state. */
	public record AppraisalView(String organizationId, int year, String secretaryMemberId, String secretaryName,
			BigDecimal score, SecretaryGrade grade, String gradeLabel, AppraisalAward award, boolean finalized,
			int version) {
	}

	/** A row of the subtree's list (API.md), with the secretary and labels for the pages. */
	public record ListItem(String organizationId, String name, BigDecimal score, SecretaryGrade grade, String gradeLabel,
			AppraisalAward award, String awardLabel, boolean interview, String secretaryMemberId, String secretaryName,
			boolean finalized, int version) {
	}

	public record Listing(String organizationId, int year, int finalized, List<ListItem> items) {
	}

	/** An organization the caller may appraise, with its appraisal when there is one (the entry page). */
	public record Candidate(String organizationId, String name, String kindLabel, String secretaryName,
			AppraisalView appraisal) {
	}

	record Row(long id, long countyId, long organizationId, int year, long secretaryMemberId, String secretaryName,
			BigDecimal score, SecretaryGrade grade, AppraisalAward award, boolean finalized, int version) {

		AppraisalView view() {
			return new AppraisalView(Long.toString(organizationId), year, Long.toString(secretaryMemberId), secretaryName,
					score, grade, grade.label(), award, finalized, version);
		}
	}

	private static final String SELECT = """
			SELECT a.id, a.county_id, a.organization_id, a.year, a.secretary_member_id, m.name AS secretary_name,
			       a.score, a.grade, a.award, a.finalized_at IS NOT NULL AS finalized, a.version
			FROM secretary_appraisal a JOIN member m ON m.id = a.secretary_member_id
			""";

	private static Row map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		String award = rs.getString("award");
		return new Row(rs.getLong("id"), rs.getLong("county_id"), rs.getLong("organization_id"), rs.getInt("year"),
				rs.getLong("secretary_member_id"), rs.getString("secretary_name"), rs.getBigDecimal("score"),
				SecretaryGrade.valueOf(rs.getString("grade")), award == null ? null : AppraisalAward.valueOf(award),
				rs.getBoolean("finalized"), rs.getInt("version"));
	}

	/** The year asked for (this year when none); outside 2000..this year → 400. */
	public int year(Integer year) {
		int current = LocalDate.now(clock).getYear();
		if (year == null) {
			return current;
		}
		if (year < 2000 || year > current) {
			throw InvalidInputException.of("year", "年度应在2000到" + current + "之间");
		}
		return year;
	}

	@Transactional
	public AppraisalView put(long organizationId, Integer yearParam, ScoreInput in) {
		scope.requireWriter(APPRAISERS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (organizationId == scope.current().caller().organizationId()) {
			throw new ForbiddenException("书记述职评议由上级党组织进行，不能评议本级");
		}
		if (org.kind() == OrgKind.GROUP) {
			throw InvalidInputException.of("organizationId", "党小组不进行书记述职评议");
		}
		int year = year(yearParam);
		BigDecimal score = InspectionService.decimal(in == null ? null : in.score());
		String refusal = SecretaryAppraisalPolicy.scoreRefusal(score);
		if (refusal != null) {
			throw InvalidInputException.of("score", refusal);
		}
		LocalDate yearEnd = LocalDate.of(year, 12, 31);
		OfficeService.Holder secretary = offices.secretaryOn(organizationId, yearEnd)
			.orElseThrow(() -> new RuleViolationException(org.name() + year + "年12月31日没有在任书记，不能进行书记述职评议"));
		SecretaryGrade grade = policy(org.countyId(), year).grade(score);
		Row existing = lock(organizationId, year);
		if (existing == null) {
			Long created = jdbc.sql("""
					INSERT INTO secretary_appraisal (county_id, organization_id, year, secretary_member_id, score, grade,
					                                 updated_by)
					VALUES (:c, :o, :y, :m, :s, :g, :by) ON CONFLICT (county_id, organization_id, year) DO NOTHING
					RETURNING id""")
				.param("c", org.countyId())
				.param("o", organizationId)
				.param("y", year)
				.param("m", Long.parseLong(secretary.memberId()))
				.param("s", score.setScale(2))
				.param("g", grade.name())
				.param("by", scope.current().caller().username())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (created != null) {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("year", year);
				fields.put("secretaryMemberId", secretary.memberId());
				fields.put("score", score.setScale(2));
				fields.put("grade", grade.name());
				audit.record("SecretaryAppraisal", created, organizationId, "CREATE", AuditTrail.created(fields));
				return lock(organizationId, year).view();
			}
			// created meanwhile by another request: changed like an existing one
			existing = lock(organizationId, year);
		}
		String frozen = SecretaryAppraisalPolicy.changeRefusal(existing.finalized(), year);
		if (frozen != null) {
			throw new ConflictException(frozen);
		}
		if (in.version() != null && in.version() != existing.version()) {
			throw new ConflictException("评议已被他人修改，请刷新后重试");
		}
		jdbc.sql("""
				UPDATE secretary_appraisal SET score = :s, grade = :g, secretary_member_id = :m, updated_by = :by,
				       updated_at = now(), version = version + 1
				WHERE id = :id""")
			.param("s", score.setScale(2))
			.param("g", grade.name())
			.param("m", Long.parseLong(secretary.memberId()))
			.param("by", scope.current().caller().username())
			.param("id", existing.id())
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("secretaryMemberId", Long.toString(existing.secretaryMemberId()));
		before.put("score", existing.score());
		before.put("grade", existing.grade().name());
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("secretaryMemberId", secretary.memberId());
		after.put("score", score.setScale(2));
		after.put("grade", grade.name());
		audit.record("SecretaryAppraisal", existing.id(), organizationId, "UPDATE", AuditTrail.diff(before, after));
		return lock(organizationId, year).view();
	}

	private Row lock(long organizationId, int year) {
		return jdbc.sql(SELECT + " WHERE a.organization_id = :o AND a.year = :y FOR UPDATE OF a")
			.param("o", organizationId)
			.param("y", year)
			.query(SecretaryAppraisalService::map)
			.optional()
			.orElse(null);
	}

	/**
	 * Finalizes the year's appraisals of the subtree that are not yet final and lie below the caller's own
	 * organization: 好 → 流动红旗, 一般 and 差 → 黄牌 and an interview of the appraised secretary. Nothing left to
	 * finalize → 409 (already final) or 422 (nothing appraised).
	 */
	@Transactional
	public Listing finalize(long organizationId, Integer yearParam) {
		scope.requireWriter(APPRAISERS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int year = year(yearParam);
		List<Row> open = jdbc.sql(SELECT + """
				JOIN organization o ON o.id = a.organization_id
				WHERE a.county_id = :c AND a.year = :y AND a.finalized_at IS NULL AND o.path LIKE :prefix
				  AND o.id <> :own AND o.path LIKE :own_prefix
				ORDER BY a.id FOR UPDATE OF a""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.param("own", scope.current().caller().organizationId())
			.param("own_prefix", scope.current().pathPrefix() + "%")
			.query(SecretaryAppraisalService::map)
			.list()
			.stream()
			.filter(r -> !r.finalized())
			.toList();
		if (open.isEmpty()) {
			Long appraised = jdbc.sql("""
					SELECT count(*) FROM secretary_appraisal a JOIN organization o ON o.id = a.organization_id
					WHERE a.county_id = :c AND a.year = :y AND o.path LIKE :prefix AND o.id <> :own""")
				.param("c", org.countyId())
				.param("y", year)
				.param("prefix", org.path() + "%")
				.param("own", scope.current().caller().organizationId())
				.query(Long.class)
				.single();
			if (appraised > 0) {
				throw new ConflictException(org.name() + year + "年度的书记述职评议已定稿");
			}
			throw new RuleViolationException(org.name() + "下尚无" + year + "年度的书记述职评议，无可定稿");
		}
		SecretaryAppraisalPolicy policy = policy(org.countyId(), year);
		List<InterviewService.NewInterview> created = new ArrayList<>();
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (Row r : open) {
			SecretaryAppraisalPolicy.Outcome outcome = policy.atFinalization(r.score());
			jdbc.sql("""
					UPDATE secretary_appraisal SET grade = :g, award = :a, finalized_by = :by, finalized_at = now(),
					       version = version + 1
					WHERE id = :id""")
				.param("g", outcome.grade().name())
				.param("a", outcome.award() == null ? null : outcome.award().name())
				.param("by", scope.current().caller().username())
				.param("id", r.id())
				.update();
			if (outcome.interview()) {
				created.add(new InterviewService.NewInterview(InterviewSource.SECRETARY_APPRAISAL, null, r.id(), year,
						r.organizationId(), r.secretaryMemberId(), Office.SECRETARY,
						year + "年度书记述职评议“" + outcome.grade().label() + "”（" + r.score().toPlainString() + "分），亮黄牌"));
			}
			Map<String, Object> before = new LinkedHashMap<>();
			before.put("finalized", false);
			before.put("award", null);
			Map<String, Object> after = new LinkedHashMap<>();
			after.put("finalized", true);
			after.put("award", outcome.award() == null ? null : outcome.award().name());
			entries.add(new AuditTrail.Entry(r.id(), r.organizationId(), AuditTrail.diff(before, after)));
		}
		audit.recordAll("SecretaryAppraisal", "FINALIZE", entries);
		interviews.create(org.countyId(), created);
		Listing listing = listUnchecked(org, year);
		return new Listing(listing.organizationId(), year, open.size(), listing.items());
	}

	@Transactional(readOnly = true)
	public Listing list(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		return listUnchecked(org, year(yearParam));
	}

	private Listing listUnchecked(OrgRef org, int year) {
		List<ListItem> items = jdbc.sql("""
				SELECT a.organization_id, o.name, a.score, a.grade, a.award, a.secretary_member_id, m.name,
				       a.finalized_at IS NOT NULL, a.version,
				       EXISTS (SELECT 1 FROM interview i WHERE i.appraisal_id = a.id)
				FROM secretary_appraisal a JOIN organization o ON o.id = a.organization_id
				JOIN member m ON m.id = a.secretary_member_id
				WHERE a.county_id = :c AND a.year = :y AND o.path LIKE :prefix
				ORDER BY a.score DESC, o.path""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.query((rs, i) -> {
				SecretaryGrade grade = SecretaryGrade.valueOf(rs.getString(4));
				AppraisalAward award = rs.getString(5) == null ? null : AppraisalAward.valueOf(rs.getString(5));
				return new ListItem(rs.getString(1), rs.getString(2), rs.getBigDecimal(3), grade, grade.label(), award,
						award == null ? null : award.label(), rs.getBoolean(10), rs.getString(6), rs.getString(7),
						rs.getBoolean(8), rs.getInt(9));
			})
			.list();
		int finalized = (int) items.stream().filter(ListItem::finalized).count();
		return new Listing(Long.toString(org.id()), year, finalized, items);
	}

	/**
	 * The organizations directly below the caller's own that it may appraise (the entry page), with their
	 * secretary on 31 December and their appraisal of the year.
	 */
	@Transactional(readOnly = true)
	public List<Candidate> candidates(int year) {
		long own = scope.current().caller().organizationId();
		scope.requireOrganization(own);
		List<OrgRef> children = new ArrayList<>();
		jdbc.sql("SELECT id FROM organization WHERE parent_id = :p AND kind <> 'GROUP' ORDER BY path")
			.param("p", own)
			.query(Long.class)
			.list()
			.forEach(id -> organizations.ref(id).ifPresent(children::add));
		Map<Long, OfficeService.Holder> secretaries = offices.secretariesOn(children.stream().map(OrgRef::id).toList(),
				LocalDate.of(year, 12, 31));
		List<Candidate> list = new ArrayList<>();
		for (OrgRef c : children) {
			Row row = jdbc.sql(SELECT + " WHERE a.organization_id = :o AND a.year = :y")
				.param("o", c.id())
				.param("y", year)
				.query(SecretaryAppraisalService::map)
				.optional()
				.orElse(null);
			OfficeService.Holder h = secretaries.get(c.id());
			list.add(new Candidate(Long.toString(c.id()), c.name(), c.kind().label(), h == null ? null : h.name(),
					row == null ? null : row.view()));
		}
		return list;
	}

	private SecretaryAppraisalPolicy policy(long countyId, int year) {
		return new SecretaryAppraisalPolicy(settings.forCountyYear(countyId, year));
	}
}
