package cn.jiceng.organization;

import static cn.jiceng.settings.RuleCatalog.INACTIVE_AFTER_MONTHS;
import static cn.jiceng.settings.RuleCatalog.JOIN_BRANCH_BELOW_FULL_MEMBERS;
import static cn.jiceng.settings.RuleCatalog.TERM_EXPIRING_WITHIN_MONTHS;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_COMMITTEE_AT;
import static cn.jiceng.settings.RuleCatalog.UPGRADE_TO_GENERAL_BRANCH_ABOVE;

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
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.ReadCache;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Organization-setting advice over a subtree: the facts of every organization come from one query (direct
 * member counts and last meetings, rolled up the paths in memory), then {@link OrganizationAdvicePolicy}
 * judges each organization with the settings in force this year.
 */
@Service
class OrganizationAdviceService {

	static final Set<Role> HANDLERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final RuleSettingsService settings;
	private final Clock clock;
	private final MemberRoll roll;
	/** Set once the organizational-life module's meeting table is there; it never goes away afterwards. */
	private volatile boolean meetingTable;
	/** Reports of a subtree as of a day, kept while the database is unchanged (the facts are read in one query). */
	private final ReadCache.Region<ReportKey, AdviceReport> reports;

	OrganizationAdviceService(JdbcClient jdbc, DataScope scope, AuditTrail audit, RuleSettingsService settings,
			Clock clock, MemberRoll roll, ReadCache readCache) {
		this.reports = readCache.region(200);
		this.roll = roll;
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	/**
	 * One advice for one organization, with the mark a township left when it dealt with it. {@code factKey} is
	 * what the mark is tied to: the term end for term advice, the year for the others.
	 */
	public record AdviceItem(String organizationId, String organizationName, OrgKind kind, String kindLabel,
			String parentId, String parentName, int memberCount, int fullMemberCount, AdviceCode code,
			String codeLabel, String message, String factKey, boolean handled, String handledNote, String handledBy,
			OffsetDateTime handledAt) {
	}

	/** The advice and the numbers it was judged with (SPEC: computations say which settings they used). */
	public record AdviceReport(String organizationId, LocalDate today, int settingsYear, int joinBranchBelowFullMembers,
			int upgradeToGeneralBranchAbove, int upgradeToCommitteeAt, int inactiveAfterMonths,
			int termExpiringWithinMonths, List<AdviceItem> items) {
	}

	@Transactional(readOnly = true)
	public List<AdviceItem> advice(long organizationId) {
		return report(organizationId).items();
	}

	@Transactional(readOnly = true)
	public AdviceReport report(long organizationId) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(TermService.READERS);
		LocalDate today = LocalDate.now(clock);
		return reports.get(new ReportKey(organizationId, today), () -> compute(organizationId));
	}

	private record ReportKey(long organizationId, LocalDate today) {
	}

	private record Facts(long id, String name, OrgKind kind, Field field, Long parentId, String path,
			LocalDate established, LocalDate termStartedOn, Integer termYears, int directMembers, int directFull,
			LocalDate directLastMeeting) {
	}

	private AdviceReport compute(long organizationId) {
		LocalDate today = LocalDate.now(clock);
		RuleSettings rules = settings.forYear(today.getYear());
		boolean meetings = hasMeetingTable();
		String lastMeeting = meetings ? """
				, lm AS (
				    SELECT mt.organization_id, max(mt.held_on) AS last_on FROM meeting mt JOIN sub ON sub.id = mt.organization_id
				    WHERE mt.held_on <= :today GROUP BY mt.organization_id
				)""" : "";
		List<Facts> facts = jdbc.sql("""
				WITH sub AS (
				    SELECT o.id, o.name, o.kind, o.field, o.parent_id, o.path, o.term_started_on, o.term_years,
				           least(CAST(o.created_at AT TIME ZONE 'Asia/Shanghai' AS DATE), o.term_started_on,
				                 (SELECT min(e.previous_term_started_on) FROM election e WHERE e.organization_id = o.id)) AS established
				    FROM organization o WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				), mc AS (
				    SELECT m.organization_id, count(*) AS members, count(*) FILTER (WHERE m.category = 'FULL') AS full_members
				    FROM member m JOIN sub ON sub.id = m.organization_id
				    WHERE\s""" + roll.sqlOnRoll("m.status") + """
				     GROUP BY m.organization_id
				)""" + lastMeeting + """

				SELECT sub.*, coalesce(mc.members, 0) AS members, coalesce(mc.full_members, 0) AS full_members,
				       """ + (meetings ? "lm.last_on" : "CAST(NULL AS DATE) AS last_on") + """

				FROM sub LEFT JOIN mc ON mc.organization_id = sub.id""" + (meetings ? " LEFT JOIN lm ON lm.organization_id = sub.id" : "") + """

				ORDER BY sub.path""")
			.param("root", organizationId)
			.param("today", today)
			.query((rs, i) -> new Facts(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					Field.valueOf(rs.getString("field")), (Long) rs.getObject("parent_id"), rs.getString("path"),
					rs.getObject("established", LocalDate.class), rs.getObject("term_started_on", LocalDate.class),
					(Integer) rs.getObject("term_years"), rs.getInt("members"), rs.getInt("full_members"),
					rs.getObject("last_on", LocalDate.class)))
			.list();
		Map<Long, Facts> byId = new HashMap<>();
		Map<Long, int[]> counts = new HashMap<>();
		Map<Long, LocalDate> lastMet = new HashMap<>();
		for (Facts f : facts) {
			byId.put(f.id(), f);
			counts.put(f.id(), new int[2]);
		}
		// Roll each organization's own numbers up to every ancestor inside the subtree.
		for (Facts f : facts) {
			for (String part : f.path().split("/")) {
				if (part.isEmpty()) {
					continue;
				}
				long ancestor = Long.parseLong(part);
				int[] c = counts.get(ancestor);
				if (c == null) {
					continue;
				}
				c[0] += f.directMembers();
				c[1] += f.directFull();
				if (f.directLastMeeting() != null) {
					lastMet.merge(ancestor, f.directLastMeeting(), (a, b) -> a.isAfter(b) ? a : b);
				}
			}
		}
		Map<String, Mark> marks = marks(organizationId);
		OrganizationAdvicePolicy policy = new OrganizationAdvicePolicy(rules);
		List<AdviceItem> items = new ArrayList<>();
		for (Facts f : facts) {
			int[] c = counts.get(f.id());
			LocalDate ends = TermService.termEndsOn(f.kind(), f.field(), f.termStartedOn(), f.termYears(), rules);
			var advice = policy.advise(new OrganizationAdvicePolicy.Facts(f.kind(), f.field(), c[0], c[1],
					f.established(), lastMet.get(f.id()), ends, today));
			Facts parent = f.parentId() == null ? null : byId.get(f.parentId());
			for (var a : advice) {
				String factKey = factKey(a.code(), ends, today);
				Mark mark = marks.get(f.id() + "/" + a.code() + "/" + factKey);
				items.add(new AdviceItem(Long.toString(f.id()), f.name(), f.kind(), f.kind().label(),
						f.parentId() == null ? null : f.parentId().toString(), parent == null ? null : parent.name(), c[0],
						c[1], a.code(), a.code().label(), a.message(), factKey, mark != null,
						mark == null ? null : mark.note(), mark == null ? null : mark.by(), mark == null ? null : mark.at()));
			}
		}
		return new AdviceReport(Long.toString(organizationId), today, today.getYear(), rules.get(JOIN_BRANCH_BELOW_FULL_MEMBERS),
				rules.get(UPGRADE_TO_GENERAL_BRANCH_ABOVE), rules.get(UPGRADE_TO_COMMITTEE_AT), rules.get(INACTIVE_AFTER_MONTHS),
				rules.get(TERM_EXPIRING_WITHIN_MONTHS), List.copyOf(items));
	}

	static String factKey(AdviceCode code, LocalDate termEndsOn, LocalDate today) {
		return (code == AdviceCode.TERM_EXPIRING || code == AdviceCode.TERM_OVERDUE) && termEndsOn != null
				? termEndsOn.toString() : Integer.toString(today.getYear());
	}

	private record Mark(String note, String by, OffsetDateTime at) {
	}

	private Map<String, Mark> marks(long organizationId) {
		Map<String, Mark> marks = new HashMap<>();
		jdbc.sql("""
				SELECT h.organization_id, h.code, h.fact_key, h.note, h.handled_by, h.handled_at FROM advice_handling h
				JOIN organization o ON o.id = h.organization_id
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'""")
			.param("root", organizationId)
			.query(rs -> {
				marks.put(rs.getLong("organization_id") + "/" + rs.getString("code") + "/" + rs.getString("fact_key"),
						new Mark(rs.getString("note"), rs.getString("handled_by"),
								rs.getObject("handled_at", OffsetDateTime.class)));
			});
		return marks;
	}

	/**
	 * Marks an advice as dealt with (reported for approval, joint branch planned, rectification started). The
	 * advice stays in the list, shown as handled, until its facts change; marking again replaces the note.
	 */
	@Transactional
	public AdviceItem handle(long organizationId, String codeText, String note) {
		scope.requireWriter(HANDLERS);
		scope.requireOrganization(organizationId);
		AdviceCode code;
		try {
			code = AdviceCode.valueOf(codeText == null ? "" : codeText.trim());
		}
		catch (IllegalArgumentException e) {
			throw InvalidInputException.of("code", "建议类型不正确");
		}
		String text = note == null ? "" : note.trim();
		if (text.isEmpty() || text.length() > 500) {
			throw InvalidInputException.of("note", "请填写处理情况（不超过500字）");
		}
		AdviceItem current = compute(organizationId).items().stream()
			.filter(a -> a.organizationId().equals(Long.toString(organizationId)) && a.code() == code)
			.findFirst()
			.orElseThrow(() -> new RuleViolationException("该党组织当前没有“" + code.label() + "”这项建议"));
		long county = jdbc.sql("SELECT county_id FROM organization WHERE id = :id").param("id", organizationId)
			.query(Long.class).single();
		String actor = scope.current().caller().username();
		jdbc.sql("""
				INSERT INTO advice_handling (county_id, organization_id, code, fact_key, note, handled_by)
				VALUES (:c, :o, :code, :key, :note, :by)
				ON CONFLICT (organization_id, code, fact_key, county_id)
				DO UPDATE SET note = EXCLUDED.note, handled_by = EXCLUDED.handled_by, handled_at = now()""")
			.param("c", county)
			.param("o", organizationId)
			.param("code", code.name())
			.param("key", current.factKey())
			.param("note", text)
			.param("by", actor)
			.update();
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("code", code.name());
		changes.put("factKey", current.factKey());
		changes.put("note", current.handled() ? Map.of("from", current.handledNote(), "to", text) : text);
		audit.record("OrganizationAdvice", organizationId, organizationId, "HANDLE_ADVICE", changes);
		return compute(organizationId).items().stream()
			.filter(a -> a.organizationId().equals(Long.toString(organizationId)) && a.code() == code)
			.findFirst()
			.orElseThrow();
	}

	private boolean hasMeetingTable() {
		if (!meetingTable) {
			meetingTable = Boolean.TRUE.equals(jdbc.sql("SELECT to_regclass('meeting') IS NOT NULL")
				.query(Boolean.class)
				.single());
		}
		return meetingTable;
	}
}
