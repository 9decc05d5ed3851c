package cn.jiceng.supervision;

import java.io.InputStream;
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
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The three lists (三张清单, 缙云 清单履职法; SPEC.md §4.8): each year a village organization keeps an organization-duty
 * list, a member-duty list and a livelihood list; items have a due date and optionally a lead member (领办项目);
 * progress notes with evidence decide whether an item is done; completion rate and overdue items per organization
 * for any subtree.
 */
@Service
class DutyListService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final SupervisionFiles files;
	private final Clock clock;

	DutyListService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			SupervisionFiles files, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.files = files;
		this.clock = clock;
	}

	private LocalDate today() {
		return LocalDate.now(clock);
	}

	// ---- creating a list ------------------------------------------------------------------------------------

	public record ItemInput(String title, String dueOn, String leadMemberId) {
	}

	public record ListInput(Integer year, String kind, List<ItemInput> items) {
	}

	public record ItemView(String id, String title, LocalDate dueOn, String leadMemberId, String leadMemberName,
			boolean done, LocalDate doneOn, boolean overdue, int version) {
	}

	public record ListView(String id, String organizationId, String name, int year, DutyListKind kind,
			String kindLabel, List<ItemView> items) {
	}

	/** Only village and community organizations keep the three lists. */
	static boolean keepsLists(OrgRef org) {
		return org.field().isVillageOrCommunity() && org.kind() != OrgKind.GROUP;
	}

	@Transactional
	public ListView create(long organizationId, ListInput in) {
		scope.requireWriter(WRITERS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		if (!keepsLists(org)) {
			throw InvalidInputException.of("organizationId", "三张清单以村（社区）党组织为单位，" + org.name() + "不是村（社区）党组织");
		}
		int current = today().getYear();
		Integer year = in == null ? null : in.year();
		if (year == null || year < 2000 || year > current + 1) {
			problems.add(new FieldProblem("year", "年度应在2000到" + (current + 1) + "之间"));
		}
		DutyListKind kind = FormInput.parseEnum(DutyListKind.class, in == null ? null : in.kind(), "kind",
				"清单类型应为 ORGANIZATION、MEMBER 或 LIVELIHOOD", problems, true);
		List<ItemInput> raw = in == null || in.items() == null ? List.of() : in.items();
		if (raw.isEmpty()) {
			problems.add(new FieldProblem("items", "请至少填写一个清单事项"));
		}
		record Parsed(String title, LocalDate dueOn, Long leadMemberId) {
		}
		List<Parsed> items = new ArrayList<>();
		for (int k = 0; k < raw.size(); k++) {
			String at = "items[" + k + "]";
			ItemInput item = raw.get(k);
			if (item == null) {
				problems.add(new FieldProblem(at, "清单事项不能为空"));
				continue;
			}
			String title = Inputs.text(item.title(), at + ".title", "事项内容", 200, true, problems);
			LocalDate dueOn = Inputs.date(item.dueOn(), at + ".dueOn", "完成时限", true, problems);
			Long lead = null;
			if (item.leadMemberId() != null && !item.leadMemberId().isBlank()) {
				lead = Inputs.id(item.leadMemberId(), at + ".leadMemberId", "领办党员", problems);
				if (lead != null && !memberInCounty(lead, org.countyId())) {
					problems.add(new FieldProblem(at + ".leadMemberId", "领办党员不存在"));
					lead = null;
				}
			}
			if (title != null && dueOn != null) {
				items.add(new Parsed(title, dueOn, lead));
			}
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("清单填写有误", problems);
		}
		long listId;
		try {
			listId = jdbc.sql("""
					INSERT INTO duty_list (county_id, organization_id, year, kind, created_by)
					VALUES (:c, :o, :y, :k, :by) RETURNING id""")
				.param("c", org.countyId())
				.param("o", organizationId)
				.param("y", year)
				.param("k", kind.name())
				.param("by", scope.current().caller().username())
				.query(Long.class)
				.single();
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException(org.name() + year + "年度的" + kind.label() + "已经建立");
		}
		int position = 0;
		List<String> described = new ArrayList<>();
		for (Parsed item : items) {
			jdbc.sql("""
					INSERT INTO duty_item (county_id, list_id, position, title, due_on, lead_member_id)
					VALUES (:c, :l, :p, :t, :d, :m)""")
				.param("c", org.countyId())
				.param("l", listId)
				.param("p", position++)
				.param("t", item.title())
				.param("d", item.dueOn())
				.param("m", item.leadMemberId())
				.update();
			described.add(item.title() + "（" + item.dueOn() + "）");
		}
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("year", year);
		fields.put("kind", kind.name());
		fields.put("items", described);
		audit.record("DutyList", listId, organizationId, "CREATE", AuditTrail.created(fields));
		return list(listId);
	}

	private boolean memberInCounty(long memberId, long county) {
		return jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND county_id = :c")
			.param("m", memberId)
			.param("c", county)
			.query(Long.class)
			.single() > 0;
	}

	private ListView list(long listId) {
		record Head(long orgId, String name, int year, DutyListKind kind) {
		}
		Head head = jdbc.sql("""
				SELECT l.organization_id, o.name, l.year, l.kind FROM duty_list l
				JOIN organization o ON o.id = l.organization_id WHERE l.id = :l""")
			.param("l", listId)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getString(2), rs.getInt(3),
					DutyListKind.valueOf(rs.getString(4))))
			.optional()
			.orElseThrow(() -> new NotFoundException("清单不存在"));
		LocalDate today = today();
		List<ItemView> items = jdbc.sql("""
				SELECT i.id, i.title, i.due_on, i.lead_member_id, m.name, i.done_on, i.version
				FROM duty_item i LEFT JOIN member m ON m.id = i.lead_member_id
				WHERE i.list_id = :l ORDER BY i.position, i.id""")
			.param("l", listId)
			.query((rs, i) -> {
				LocalDate due = rs.getObject(3, LocalDate.class);
				LocalDate doneOn = rs.getObject(6, LocalDate.class);
				return new ItemView(rs.getString(1), rs.getString(2), due, rs.getString(4), rs.getString(5),
						doneOn != null, doneOn, DutyProgressPolicy.overdue(due, doneOn, today), rs.getInt(7));
			})
			.list();
		return new ListView(Long.toString(listId), Long.toString(head.orgId()), head.name(), head.year(), head.kind(),
				head.kind().label(), items);
	}

	// ---- reading --------------------------------------------------------------------------------------------

	public record ProgressView(String id, String itemId, LocalDate on, String note, boolean done, String recordedBy,
			OffsetDateTime recordedAt) {
	}

	public record ListDetail(ListView list, Map<String, List<ProgressView>> progress,
			Map<String, List<SupervisionFiles.FileView>> files, boolean canWrite) {
	}

	@Transactional(readOnly = true)
	public ListDetail detail(long listId) {
		Long orgId = jdbc.sql("SELECT organization_id FROM duty_list WHERE id = :l")
			.param("l", listId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("清单不存在"));
		scope.requireOrganization(orgId);
		ListView list = list(listId);
		Map<String, List<ProgressView>> progress = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT g.id, g.item_id, g.noted_on, g.note, g.done, g.recorded_by, g.recorded_at
				FROM duty_progress g JOIN duty_item i ON i.id = g.item_id
				WHERE i.list_id = :l ORDER BY g.noted_on, g.id""")
			.param("l", listId)
			.query((rs, i) -> new ProgressView(rs.getString(1), rs.getString(2), rs.getObject(3, LocalDate.class),
					rs.getString(4), rs.getBoolean(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class)))
			.list()
			.forEach(p -> progress.computeIfAbsent(p.itemId(), k -> new ArrayList<>()).add(p));
		Map<String, List<SupervisionFiles.FileView>> evidence = new LinkedHashMap<>();
		for (ItemView item : list.items()) {
			evidence.put(item.id(), files.list(SupervisionFiles.Owner.DUTY_ITEM, Long.parseLong(item.id())));
		}
		return new ListDetail(list, progress, evidence, WRITERS.contains(scope.current().caller().role()));
	}

	public record Summary(String id, String organizationId, String name, int year, DutyListKind kind,
			String kindLabel, int total, int done, int overdue, Double completionRate) {
	}

	public record Summaries(List<Summary> items) {
	}

	/** Every list of the subtree's organizations for the year, with its counts as of today. */
	@Transactional(readOnly = true)
	public Summaries summaries(long organizationId, Integer yearParam) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		int current = today().getYear();
		int year = yearParam == null ? current : yearParam;
		if (year < 2000 || year > current + 1) {
			throw InvalidInputException.of("year", "年度应在2000到" + (current + 1) + "之间");
		}
		List<Summary> items = jdbc.sql("""
				SELECT l.id, l.organization_id, o.name, l.year, l.kind, count(i.id) AS total,
				       count(i.done_on) AS done,
				       count(*) FILTER (WHERE i.done_on IS NULL AND i.due_on < :today) AS overdue
				FROM duty_list l JOIN organization o ON o.id = l.organization_id
				LEFT JOIN duty_item i ON i.list_id = l.id
				WHERE l.county_id = :c AND l.year = :y AND o.path LIKE :prefix
				GROUP BY l.id, l.organization_id, o.name, o.path, l.year, l.kind
				ORDER BY o.path, l.kind""")
			.param("c", org.countyId())
			.param("y", year)
			.param("prefix", org.path() + "%")
			.param("today", today())
			.query((rs, i) -> {
				DutyListKind kind = DutyListKind.valueOf(rs.getString(5));
				int total = rs.getInt(6);
				int done = rs.getInt(7);
				return new Summary(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), kind, kind.label(),
						total, done, rs.getInt(8), DutyProgressPolicy.completionRate(done, total));
			})
			.list();
		return new Summaries(items);
	}

	// ---- progress -------------------------------------------------------------------------------------------

	public record ProgressInput(String on, String note, Boolean done) {
	}

	record ItemRow(long id, long countyId, long organizationId, LocalDate dueOn, LocalDate doneOn, int year) {
	}

	private ItemRow item(long itemId, boolean lock) {
		if (lock) {
			jdbc.sql("SELECT id FROM duty_item WHERE id = :i FOR UPDATE").param("i", itemId).query(Long.class).optional();
		}
		return jdbc.sql("""
				SELECT i.id, i.county_id, l.organization_id, i.due_on, i.done_on, l.year
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id WHERE i.id = :i""")
			.param("i", itemId)
			.query((rs, i) -> new ItemRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					rs.getObject(5, LocalDate.class), rs.getInt(6)))
			.optional()
			.orElseThrow(() -> new NotFoundException("清单事项不存在"));
	}

	/** 404 unless the caller may see the item's organization. */
	void requireItemVisible(long itemId) {
		scope.requireOrganization(item(itemId, false).organizationId());
	}

	@Transactional
	public ProgressView progress(long itemId, ProgressInput in) {
		ItemRow unlocked = item(itemId, false);
		scope.requireOrganization(unlocked.organizationId());
		scope.requireWriter(WRITERS);
		ItemRow row = item(itemId, true);
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate on = Inputs.date(in == null ? null : in.on(), "on", "进展日期", true, problems);
		if (on != null && on.isAfter(today())) {
			problems.add(new FieldProblem("on", "进展日期不能晚于今天"));
		}
		String note = Inputs.text(in == null ? null : in.note(), "note", "进展情况", 1000, true, problems);
		if (in == null || in.done() == null) {
			problems.add(new FieldProblem("done", "请说明事项是否已完成（done 为 true 或 false）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("进展填写有误", problems);
		}
		boolean done = in.done();
		long id = jdbc.sql("""
				INSERT INTO duty_progress (county_id, item_id, noted_on, note, done, recorded_by)
				VALUES (:c, :i, :d, :n, :done, :by) RETURNING id""")
			.param("c", row.countyId())
			.param("i", itemId)
			.param("d", on)
			.param("n", note)
			.param("done", done)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		LocalDate doneOn = DutyProgressPolicy.doneOnAfter(row.doneOn(), on, done);
		jdbc.sql("UPDATE duty_item SET done_on = :d, version = version + 1 WHERE id = :i")
			.param("d", doneOn)
			.param("i", itemId)
			.update();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("itemId", itemId);
		fields.put("on", on);
		fields.put("note", note);
		fields.put("done", done);
		audit.record("DutyProgress", id, row.organizationId(), "CREATE", AuditTrail.created(fields));
		return new ProgressView(Long.toString(id), Long.toString(itemId), on, note, done,
				scope.current().caller().username(), OffsetDateTime.now(clock));
	}

	@Transactional
	public SupervisionFiles.FileView upload(long itemId, String originalName, long declaredSize, InputStream content) {
		ItemRow row = item(itemId, false);
		scope.requireOrganization(row.organizationId());
		scope.requireWriter(WRITERS);
		SupervisionFiles.Stored stored = files.store(SupervisionFiles.Owner.DUTY_ITEM, itemId, row.countyId(),
				row.year(), originalName, declaredSize, content, scope.current().caller().username());
		audit.record("DutyItemFile", stored.id(), row.organizationId(), "CREATE", AuditTrail.created(Map.of(
				"itemId", itemId, "name", stored.name(), "contentType", stored.contentType(), "size", stored.size(),
				"sha256", stored.sha256())));
		return files.view(SupervisionFiles.Owner.DUTY_ITEM, itemId, stored.id());
	}

	/** The lists of one organization and year (for the pages), in kind order. */
	@Transactional(readOnly = true)
	public List<ListView> ofOrganization(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		List<Long> ids = jdbc.sql("SELECT id FROM duty_list WHERE organization_id = :o AND year = :y ORDER BY kind")
			.param("o", organizationId)
			.param("y", year)
			.query(Long.class)
			.list();
		Map<Long, ListView> views = new HashMap<>();
		ids.forEach(id -> views.put(id, list(id)));
		return ids.stream().map(views::get).toList();
	}
}
