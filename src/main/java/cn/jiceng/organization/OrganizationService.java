package cn.jiceng.organization;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.common.FormInput;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.ReadCache;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tree is stored with a materialized path ('/1/12/305/') indexed for prefix search, so a subtree is one
 * indexed range scan at any size and a move rewrites the prefix of the moved rows in one statement.
 */
@Service
public class OrganizationService {

	/** Members who still count toward an organization (not transferred out, not deceased). */

	private static final Set<Role> TREE_EDITORS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN,
			Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final RuleSettingsService settings;
	private final Clock clock;

	private final String selectView;
	/** Views count their subtree's members (a read of the roll): kept while the database is unchanged. */
	private final ReadCache.Region<Long, OrganizationView> views;
	private final ReadCache.Region<Long, List<OrganizationView>> childViews;

	OrganizationService(JdbcClient jdbc, DataScope scope, AuditTrail audit, RuleSettingsService settings, Clock clock,
			MemberRoll roll, ReadCache readCache) {
		this.views = readCache.region(5_000);
		this.childViews = readCache.region(2_000);
		this.selectView = """
				SELECT o.id, o.name, o.kind, o.field, o.parent_id, o.term_started_on, o.term_years, o.depth, o.version,
				       (SELECT count(*) FROM member m JOIN organization mo ON mo.id = m.organization_id
				        WHERE mo.path LIKE o.path || '%%' AND %s) AS member_count
				FROM organization o""".formatted(roll.sqlOnRoll("m.status"));
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.settings = settings;
		this.clock = clock;
	}

	public Optional<Long> rootId() {
		return jdbc.sql("SELECT id FROM organization WHERE parent_id IS NULL ORDER BY id LIMIT 1")
			.query(Long.class)
			.optional();
	}

	@Transactional
	public long createRoot(String name) {
		long id = nextId();
		jdbc.sql("""
				INSERT INTO organization (id, county_id, parent_id, name, kind, field, path, depth)
				VALUES (:id, :id, NULL, :name, 'COMMITTEE', 'AGENCY', :path, 0)""")
			.param("id", id)
			.param("name", name)
			.param("path", "/" + id + "/")
			.update();
		audit.record("Organization", id, id, "CREATE",
				AuditTrail.created(Map.of("name", name, "kind", "COMMITTEE", "field", "AGENCY")));
		return id;
	}

	public record NewOrganization(String name, String kind, String field, String parentId, LocalDate termStartedOn,
			Integer termYears) {
	}

	@Transactional
	public OrganizationView create(NewOrganization req) {
		scope.requireWriter(TREE_EDITORS);
		List<FieldProblem> problems = new ArrayList<>();
		String name = req.name() == null ? "" : req.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "请填写党组织名称（不超过100字）"));
		}
		OrgKind kind = FormInput.parseEnum(OrgKind.class, req.kind(), "kind", "组织类别不正确", problems, true);
		Field field = FormInput.parseEnum(Field.class, req.field(), "field", "所属领域不正确", problems, true);
		Long parentId = null;
		if (req.parentId() == null || req.parentId().isBlank()) {
			problems.add(new FieldProblem("parentId", "请选择上级党组织"));
		}
		else {
			try {
				parentId = Long.parseLong(req.parentId().trim());
			}
			catch (NumberFormatException e) {
				problems.add(new FieldProblem("parentId", "上级党组织编号不正确"));
			}
		}
		validateTerm(req.termStartedOn(), req.termYears(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党组织信息不正确", problems);
		}
		scope.requireOrganization(parentId);
		lockTree(ref(parentId).orElseThrow().countyId(), false);
		OrgRef parent = ref(parentId).orElseThrow();
		Caller caller = scope.current().caller();
		if (caller.role() == Role.BRANCH_SECRETARY && kind != OrgKind.GROUP) {
			throw new ForbiddenException("支部书记只能设立党小组");
		}
		checkPlacement(kind, parent.kind());
		long id = nextId();
		jdbc.sql("""
				INSERT INTO organization (id, county_id, parent_id, name, kind, field, path, depth, term_started_on, term_years)
				VALUES (:id, :county, :parent, :name, :kind, :field,
				        (SELECT path FROM organization WHERE id = :parent) || :id || '/',
				        (SELECT depth + 1 FROM organization WHERE id = :parent), :termStart, :termYears)""")
			.param("id", id)
			.param("county", parent.countyId())
			.param("parent", parentId)
			.param("name", name)
			.param("kind", kind.name())
			.param("field", field.name())
			.param("termStart", req.termStartedOn())
			.param("termYears", req.termYears())
			.update();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("name", name);
		fields.put("kind", kind.name());
		fields.put("field", field.name());
		fields.put("parentId", parentId);
		fields.put("termStartedOn", req.termStartedOn());
		fields.put("termYears", req.termYears());
		audit.record("Organization", id, id, "CREATE", AuditTrail.created(fields));
		return get(id);
	}

	/** Refuses a placement that {@link OrgKind#canHold} does not allow, naming the field to correct. */
	static void checkPlacement(OrgKind child, OrgKind parent) {
		if (!parent.canHold(child)) {
			String message = child == OrgKind.GROUP ? "党小组只能设在党支部之下"
					: parent.label() + "之下不能设立" + child.label();
			throw InvalidInputException.of(child == OrgKind.GROUP ? "parentId" : "kind", message);
		}
	}

	@Transactional(readOnly = true)
	public OrganizationView get(long id) {
		// name, kind and head count of the branch are shown to its members
		scope.requirePublication(id);
		return views.get(id, () -> view(id).orElseThrow(() -> new NotFoundException("党组织不存在")));
	}

	@Transactional(readOnly = true)
	public List<OrganizationView> children(long id) {
		scope.requireOrganization(id);
		return childViews.get(id, () -> List.copyOf(jdbc.sql(selectView + " WHERE o.parent_id = :id ORDER BY o.kind, o.name, o.id")
			.param("id", id)
			.query(viewMapper())
			.list()));
	}

	public record OrganizationPatch(String name, String field, LocalDate termStartedOn, Integer termYears,
			Integer version) {
	}

	@Transactional
	public OrganizationView patch(long id, OrganizationPatch req, Map<String, Object> present) {
		scope.requireWriter(TREE_EDITORS);
		scope.requireOrganization(id);
		OrganizationView before = get(id);
		if (req.version() != null && req.version() != before.version()) {
			throw new ConflictException("党组织信息已被他人修改，请刷新后重试");
		}
		List<FieldProblem> problems = new ArrayList<>();
		String name = before.name();
		if (present.containsKey("name")) {
			name = req.name() == null ? "" : req.name().trim();
			if (name.isEmpty() || name.length() > 100) {
				problems.add(new FieldProblem("name", "请填写党组织名称（不超过100字）"));
			}
		}
		Field field = before.field();
		if (present.containsKey("field")) {
			field = FormInput.parseEnum(Field.class, req.field(), "field", "所属领域不正确", problems, true);
		}
		LocalDate termStart = present.containsKey("termStartedOn") ? req.termStartedOn() : before.termStartedOn();
		Integer termYears = present.containsKey("termYears") ? req.termYears() : before.termYears();
		validateTerm(termStart, termYears, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("党组织信息不正确", problems);
		}
		if (name.equals(before.name()) && field == before.field()
				&& java.util.Objects.equals(termStart, before.termStartedOn())
				&& java.util.Objects.equals(termYears, before.termYears())) {
			// an empty (or no-op) PATCH writes nothing: no version bump, no audit entry
			return before;
		}
		int updated = jdbc.sql("""
				UPDATE organization SET name = :name, field = :field, term_started_on = :ts, term_years = :ty,
				       version = version + 1
				WHERE id = :id AND version = :v""")
			.param("name", name)
			.param("field", field.name())
			.param("ts", termStart)
			.param("ty", termYears)
			.param("id", id)
			.param("v", before.version())
			.update();
		if (updated == 0) {
			throw new ConflictException("党组织信息已被他人修改，请刷新后重试");
		}
		OrganizationView after = get(id);
		audit.record("Organization", id, id, "UPDATE", AuditTrail.diff(snapshot(before), snapshot(after)));
		return after;
	}

	/**
	 * Moves a subtree under a new parent (township merges). Members stay attached to their organizations and
	 * account scopes are resolved from paths at request time, so both follow the move without extra work.
	 */
	@Transactional
	public OrganizationView move(long id, long newParentId) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN));
		lockTree(ref(id).orElseThrow(() -> new NotFoundException("党组织不存在")).countyId(), true);
		// Everything below reads the tree after the lock, so the cycle check sees any move committed before.
		scope.requireOrganization(id);
		scope.requireOrganization(newParentId);
		OrgRef moving = ref(id).orElseThrow();
		OrgRef parent = ref(newParentId).orElseThrow();
		if (moving.parentId() == null) {
			throw new RuleViolationException("县级党委不能移动");
		}
		if (scope.current().caller().organizationId() == id) {
			throw new RuleViolationException("不能移动本账号所属的党组织");
		}
		if (parent.path().startsWith(moving.path())) {
			throw new RuleViolationException("不能把党组织移动到其自身或其下级组织之下");
		}
		checkPlacement(moving.kind(), parent.kind());
		if (moving.parentId() == newParentId) {
			return get(id);
		}
		String oldPrefix = moving.path();
		String newPrefix = parent.path() + id + "/";
		int depthDelta = (countSlashes(newPrefix) - countSlashes(oldPrefix));
		jdbc.sql("""
				UPDATE organization
				SET path = :newPrefix || substr(path, :cut), depth = depth + :delta, version = version + 1
				WHERE path LIKE :oldLike""")
			.param("newPrefix", newPrefix)
			.param("cut", oldPrefix.length() + 1)
			.param("delta", depthDelta)
			.param("oldLike", oldPrefix + "%")
			.update();
		jdbc.sql("UPDATE organization SET parent_id = :p WHERE id = :id").param("p", newParentId).param("id", id).update();
		Map<String, Object> changes = new LinkedHashMap<>();
		changes.put("parentId", Map.of("from", String.valueOf(moving.parentId()), "to", String.valueOf(newParentId)));
		audit.record("Organization", id, id, "MOVE", changes);
		return get(id);
	}

	/**
	 * Serializes the writes that depend on materialized paths within a county, by a lock on the county's root row:
	 * a move ({@code exclusive}) waits for every other move and creation, a creation only for moves. A plain row
	 * lock rather than an advisory lock or an exclusion constraint, so the schema stays portable.
	 */
	private void lockTree(long countyId, boolean exclusive) {
		jdbc.sql("SELECT id FROM organization WHERE id = :county AND parent_id IS NULL "
				+ (exclusive ? "FOR NO KEY UPDATE" : "FOR SHARE"))
			.param("county", countyId)
			.query(Long.class)
			.list();
	}

	/** Other modules: an organization's kind, field and path, without a scope check (callers check scope). */
	public Optional<OrgRef> ref(long id) {
		return jdbc.sql("SELECT id, name, kind, field, parent_id, path, county_id FROM organization WHERE id = :id")
			.param("id", id)
			.query((rs, i) -> new OrgRef(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					Field.valueOf(rs.getString("field")), (Long) rs.getObject("parent_id"), rs.getString("path"),
					rs.getLong("county_id")))
			.optional();
	}

	/**
	 * Organizations below {@code id} (not counting itself) by kind, every kind but groups present (0 when none);
	 * scope checked. One query.
	 */
	@Transactional(readOnly = true)
	public Map<OrgKind, Long> kindsBelow(long id) {
		scope.requireOrganization(id);
		Map<OrgKind, Long> counts = new EnumMap<>(OrgKind.class);
		for (OrgKind k : OrgKind.values()) {
			if (k != OrgKind.GROUP) {
				counts.put(k, 0L);
			}
		}
		jdbc.sql("""
				SELECT o.kind, count(*) FROM organization o
				WHERE o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%' AND o.id <> :root
				GROUP BY o.kind""")
			.param("root", id)
			.query(rs -> {
				OrgKind k = OrgKind.valueOf(rs.getString(1));
				if (k != OrgKind.GROUP) {
					counts.put(k, rs.getLong(2));
				}
			});
		return counts;
	}

	/** Branches inside the caller's scope whose name matches, for pickers and the import's branch column. */
	@Transactional(readOnly = true)
	public List<OrgRef> branchesInSubtree(long rootId) {
		scope.requireOrganization(rootId);
		return jdbc.sql("""
				SELECT o.id, o.name, o.kind, o.field, o.parent_id, o.path, o.county_id FROM organization o
				WHERE o.kind = 'BRANCH' AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%'
				ORDER BY o.path""")
			.param("root", rootId)
			.query((rs, i) -> new OrgRef(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					Field.valueOf(rs.getString("field")), (Long) rs.getObject("parent_id"), rs.getString("path"),
					rs.getLong("county_id")))
			.list();
	}

	/** Ancestors from the root down to the organization itself, for breadcrumbs. */
	@Transactional(readOnly = true)
	public List<OrgRef> lineage(long id) {
		OrgRef org = ref(id).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<Long> ids = new ArrayList<>();
		for (String part : org.path().split("/")) {
			if (!part.isEmpty()) {
				ids.add(Long.parseLong(part));
			}
		}
		return jdbc.sql("SELECT id, name, kind, field, parent_id, path, county_id FROM organization WHERE id IN (:ids) ORDER BY depth")
			.param("ids", ids)
			.query((rs, i) -> new OrgRef(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					Field.valueOf(rs.getString("field")), (Long) rs.getObject("parent_id"), rs.getString("path"),
					rs.getLong("county_id")))
			.list();
	}


	private Optional<OrganizationView> view(long id) {
		return jdbc.sql(selectView + " WHERE o.id = :id").param("id", id).query(viewMapper()).optional();
	}

	/** Maps rows to views; the settings for default term lengths are read at most once per query, not per row. */
	private org.springframework.jdbc.core.RowMapper<OrganizationView> viewMapper() {
		RuleSettings[] rules = new RuleSettings[1];
		return (rs, row) -> {
			OrgKind kind = OrgKind.valueOf(rs.getString("kind"));
			Field field = Field.valueOf(rs.getString("field"));
			LocalDate start = rs.getObject("term_started_on", LocalDate.class);
			Integer years = (Integer) rs.getObject("term_years");
			LocalDate ends = null;
			if (start != null && kind != OrgKind.GROUP) {
				if (rules[0] == null) {
					rules[0] = settings.forYear(LocalDate.now(clock).getYear());
				}
				ends = TermService.termEndsOn(kind, field, start, years, rules[0]);
			}
			return mapView(rs, kind, field, start, years, ends);
		};
	}

	private static OrganizationView mapView(java.sql.ResultSet rs, OrgKind kind, Field field, LocalDate start,
			Integer years, LocalDate ends) throws java.sql.SQLException {
		Long parent = (Long) rs.getObject("parent_id");
		return new OrganizationView(rs.getString("id"), rs.getString("name"), kind, field,
				parent == null ? null : parent.toString(), rs.getLong("member_count"), start, years, ends,
				rs.getInt("depth"), rs.getInt("version"));
	}

	private static Map<String, Object> snapshot(OrganizationView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("name", v.name());
		m.put("field", v.field());
		m.put("termStartedOn", v.termStartedOn());
		m.put("termYears", v.termYears());
		return m;
	}

	private void validateTerm(LocalDate start, Integer years, List<FieldProblem> problems) {
		if (start != null && start.isAfter(LocalDate.now(clock))) {
			problems.add(new FieldProblem("termStartedOn", "任期开始日期不能晚于今天"));
		}
		if (years != null && (years < 1 || years > 10)) {
			problems.add(new FieldProblem("termYears", "任期年限应为1到10年"));
		}
	}

	private long nextId() {
		return jdbc.sql("SELECT nextval('entity_id_seq')").query(Long.class).single();
	}

	private static int countSlashes(String s) {
		int n = 0;
		for (int i = 0; i < s.length(); i++) {
			if (s.charAt(i) == '/') {
				n++;
			}
		}
		return n;
	}
}
