package cn.jiceng.publicity;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
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
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettingsService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stories (故事讲述法, SPEC.md §4.10): a branch submits a story with a photo and its secretary's comment (书记点评),
 * the township compiles it, the county selects compiled stories into the year's booklet, at most
 * {@code storiesSelectedPerYear} a year. A selection locks the county's row of the year first and counts under it.
 */
@Service
class StoryService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);
	static final Set<Role> TOWNSHIP = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);
	static final Set<Role> COUNTY = Set.of(Role.COUNTY_ADMIN);
	static final long MAX_PHOTO_BYTES = 5L * 1024 * 1024;

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final RuleSettingsService settings;
	private final Clock clock;

	StoryService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			RuleSettingsService settings, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.settings = settings;
		this.clock = clock;
	}

	public record StoryInput(Integer year, String title, String text, String secretaryComment) {
	}

	public record StoryView(String id, String organizationId, String organizationName, String townshipName, int year,
			String title, String text, String secretaryComment, StoryStatus status, String statusLabel,
			boolean hasPhoto, int version) {
	}

	public record StoryItem(String id, String organizationId, String organizationName, int year, String title,
			StoryStatus status, String statusLabel, boolean hasPhoto) {
	}

	public record StoryList(List<StoryItem> items) {
	}

	public record Gap(String organizationId, String name) {
	}

	public record Gaps(List<Gap> items) {
	}

	public record Photo(byte[] bytes, String contentType) {
	}

	@Transactional
	public StoryView submit(long organizationId, StoryInput in) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(WRITERS);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		StoryInput i = in == null ? new StoryInput(null, null, null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		int year = LocalDate.now(clock).getYear();
		if (i.year() == null) {
			problems.add(new FieldProblem("year", "请填写故事年度"));
		}
		else {
			year = Inputs.year(i.year(), year, problems);
		}
		String title = Inputs.text(i.title(), "title", "故事标题", 100, true, problems);
		String text = Inputs.text(i.text(), "text", "故事正文", 5000, true, problems);
		String comment = Inputs.text(i.secretaryComment(), "secretaryComment", "书记点评", 1000, false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("故事填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO story (county_id, organization_id, year, title, text, secretary_comment, status, submitted_by)
				VALUES (:c, :o, :y, :t, :x, :s, :st, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("y", year)
			.param("t", title)
			.param("x", text)
			.param("s", comment)
			.param("st", StoryStatus.SUBMITTED.name())
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("year", year);
		after.put("title", title);
		after.put("status", StoryStatus.SUBMITTED.name());
		audit.record("Story", id, organizationId, "CREATE", AuditTrail.created(after));
		return view(id);
	}

	@Transactional
	public StoryView photo(long storyId, String contentType, long size, InputStream in) {
		Head head = lock(storyId);
		scope.requireWriter(WRITERS);
		String type = contentType == null ? "" : contentType.toLowerCase();
		if (!type.equals("image/png") && !type.equals("image/jpeg")) {
			throw InvalidInputException.of("file", "照片应为 PNG 或 JPEG 图片");
		}
		if (size > MAX_PHOTO_BYTES) {
			throw InvalidInputException.of("file", "照片不能超过5MB");
		}
		byte[] bytes;
		try {
			bytes = in.readNBytes((int) MAX_PHOTO_BYTES + 1);
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		if (bytes.length == 0 || bytes.length > MAX_PHOTO_BYTES || !looksLike(type, bytes)) {
			throw InvalidInputException.of("file", "照片文件不是有效的 PNG 或 JPEG 图片");
		}
		jdbc.sql("UPDATE story SET photo = :p, photo_type = :t, version = version + 1 WHERE id = :id")
			.param("p", bytes)
			.param("t", type)
			.param("id", storyId)
			.update();
		audit.record("Story", storyId, head.organizationId(), "PHOTO", Map.of("photo", Map.of("to", type + "，"
				+ bytes.length + "字节")));
		return view(storyId);
	}

	private static boolean looksLike(String type, byte[] b) {
		if (type.equals("image/png")) {
			return b.length > 8 && (b[0] & 0xff) == 0x89 && b[1] == 'P' && b[2] == 'N' && b[3] == 'G';
		}
		return b.length > 3 && (b[0] & 0xff) == 0xFF && (b[1] & 0xff) == 0xD8;
	}

	@Transactional
	public StoryView compile(long storyId) {
		Head head = lock(storyId);
		scope.requireWriter(TOWNSHIP);
		StoryPolicy.Decision d = StoryPolicy.compile(head.status());
		refuse(d);
		jdbc.sql("""
				UPDATE story SET status = :s, compiled_by = :by, compiled_at = now(), version = version + 1
				WHERE id = :id""")
			.param("s", StoryStatus.COMPILED.name())
			.param("by", scope.current().caller().username())
			.param("id", storyId)
			.update();
		audit.record("Story", storyId, head.organizationId(), "COMPILE",
				Map.of("status", Map.of("from", head.status().name(), "to", StoryStatus.COMPILED.name())));
		return view(storyId);
	}

	@Transactional
	public StoryView select(long storyId) {
		Head peek = head(storyId);
		scope.requireOrganization(peek.organizationId());
		scope.requireWriter(COUNTY);
		// the year's row first (the same order for every selection), then the story
		jdbc.sql("INSERT INTO story_year (county_id, year) VALUES (:c, :y) ON CONFLICT (year, county_id) DO NOTHING")
			.param("c", peek.countyId())
			.param("y", peek.year())
			.update();
		jdbc.sql("SELECT selected FROM story_year WHERE county_id = :c AND year = :y FOR UPDATE")
			.param("c", peek.countyId())
			.param("y", peek.year())
			.query(Integer.class)
			.single();
		Head head = lock(storyId);
		int selected = jdbc.sql("SELECT count(*) FROM story WHERE county_id = :c AND year = :y AND status = :s")
			.param("c", head.countyId())
			.param("y", head.year())
			.param("s", StoryStatus.SELECTED.name())
			.query(Integer.class)
			.single();
		int limit = settings.forCountyYear(head.countyId(), head.year()).get(RuleCatalog.STORIES_SELECTED_PER_YEAR);
		StoryPolicy.Decision d = StoryPolicy.select(head.status(), selected, limit);
		refuse(d);
		jdbc.sql("""
				UPDATE story SET status = :s, selected_by = :by, selected_at = now(), version = version + 1
				WHERE id = :id""")
			.param("s", StoryStatus.SELECTED.name())
			.param("by", scope.current().caller().username())
			.param("id", storyId)
			.update();
		jdbc.sql("UPDATE story_year SET selected = :n WHERE county_id = :c AND year = :y")
			.param("n", selected + 1)
			.param("c", head.countyId())
			.param("y", head.year())
			.update();
		audit.record("Story", storyId, head.organizationId(), "SELECT",
				Map.of("status", Map.of("from", head.status().name(), "to", StoryStatus.SELECTED.name())));
		return view(storyId);
	}

	private static void refuse(StoryPolicy.Decision d) {
		if (!d.allowed()) {
			if (d.conflict()) {
				throw new ConflictException(d.reason());
			}
			throw new RuleViolationException(d.reason());
		}
	}

	@Transactional(readOnly = true)
	public StoryView get(long storyId) {
		Head head = head(storyId);
		scope.requireOrganization(head.organizationId());
		return view(storyId);
	}

	/** A story's photo: published to the branch's own members too (their page shows the branch's stories). */
	@Transactional(readOnly = true)
	public Photo photo(long storyId) {
		Head head = head(storyId);
		scope.requirePublication(head.organizationId());
		return jdbc.sql("SELECT photo, photo_type FROM story WHERE id = :id AND photo IS NOT NULL")
			.param("id", storyId)
			.query((rs, i) -> new Photo(rs.getBytes(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("该故事没有照片"));
	}

	@Transactional(readOnly = true)
	public StoryList list(long organizationId, Integer year, String status) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		int y = Inputs.year(year, LocalDate.now(clock).getYear(), problems);
		StoryStatus s = status == null || status.isBlank() ? null
				: Inputs.code(StoryStatus.class, status, "status", "状态应为 SUBMITTED、COMPILED 或 SELECTED", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		return new StoryList(jdbc.sql("""
				SELECT s.id, s.organization_id, o.name, s.year, s.title, s.status, s.photo IS NOT NULL
				FROM story s JOIN organization o ON o.id = s.organization_id
				WHERE s.county_id = :c AND o.path LIKE :prefix AND s.year = :y AND (CAST(:st AS varchar) IS NULL OR s.status = :st)
				ORDER BY o.path, s.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("y", y)
			.param("st", s == null ? null : s.name())
			.query((rs, i) -> {
				StoryStatus st = StoryStatus.valueOf(rs.getString(6));
				return new StoryItem(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getString(3),
						rs.getInt(4), rs.getString(5), st, st.label(), rs.getBoolean(7));
			})
			.list());
	}

	public record BranchStory(String id, int year, String title, String statusLabel, boolean hasPhoto, String excerpt) {
	}

	/** The latest stories of a member's branch (of the branch above a party group), for the member's own page. */
	@Transactional(readOnly = true)
	public List<BranchStory> ofMembersBranch(long memberId) {
		scope.requireMember(memberId);
		return jdbc.sql("""
				SELECT s.id, s.year, s.title, s.status, s.photo IS NOT NULL, s.text FROM story s
				WHERE s.organization_id = (SELECT CASE WHEN o.kind = 'GROUP' THEN o.parent_id ELSE o.id END
				                           FROM member m JOIN organization o ON o.id = m.organization_id WHERE m.id = :m)
				ORDER BY s.year DESC, s.id DESC LIMIT 10""")
			.param("m", memberId)
			.query((rs, i) -> {
				String text = rs.getString(6).strip();
				return new BranchStory(rs.getString(1), rs.getInt(2), rs.getString(3),
						StoryStatus.valueOf(rs.getString(4)).label(), rs.getBoolean(5),
						text.length() <= 80 ? text : text.substring(0, 79) + "…");
			})
			.list();
	}

	/** Branches of the subtree with members on the roll and no story of the year. */
	@Transactional(readOnly = true)
	public Gaps gaps(long organizationId, Integer year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		List<FieldProblem> problems = new ArrayList<>();
		int y = Inputs.year(year, LocalDate.now(clock).getYear(), problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("查询条件有误", problems);
		}
		return new Gaps(jdbc.sql("""
				SELECT o.id, o.name FROM organization o
				WHERE o.county_id = :c AND o.path LIKE :prefix AND o.kind = 'BRANCH'
				  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = o.id
				              AND m.status IN ('NORMAL', 'SUSPENDED', 'LOST_CONTACT'))
				  AND NOT EXISTS (SELECT 1 FROM story s WHERE s.organization_id = o.id AND s.year = :y)
				ORDER BY o.path""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("y", y)
			.query((rs, i) -> new Gap(Long.toString(rs.getLong(1)), rs.getString(2)))
			.list());
	}

	/** The selected stories of a subtree and year, for the booklet, with their photos. */
	@Transactional(readOnly = true)
	public List<BookletStory> booklet(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		return jdbc.sql("""
				SELECT s.title, s.text, s.secretary_comment, o.name, t.name, s.photo, s.photo_type
				FROM story s JOIN organization o ON o.id = s.organization_id
				LEFT JOIN organization t ON t.id = CAST(nullif(split_part(o.path, '/', 3), '') AS BIGINT) AND t.id <> o.id
				WHERE s.county_id = :c AND o.path LIKE :prefix AND s.year = :y AND s.status = 'SELECTED'
				ORDER BY o.path, s.id""")
			.param("c", org.countyId())
			.param("prefix", org.path() + "%")
			.param("y", year)
			.query((rs, i) -> new BookletStory(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getBytes(6), rs.getString(7)))
			.list();
	}

	public record BookletStory(String title, String text, String secretaryComment, String organizationName,
			String townshipName, byte[] photo, String photoType) {
	}

	private record Head(long id, long organizationId, long countyId, int year, StoryStatus status) {
	}

	private Head head(long storyId, String lock) {
		return jdbc.sql("SELECT id, organization_id, county_id, year, status FROM story WHERE id = :id" + lock)
			.param("id", storyId)
			.query((rs, i) -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getInt(4),
					StoryStatus.valueOf(rs.getString(5))))
			.optional()
			.orElseThrow(() -> new NotFoundException("故事不存在或不在您的管理范围内"));
	}

	private Head head(long storyId) {
		return head(storyId, "");
	}

	/** The story's row locked, after checking the caller's scope covers its organization. */
	private Head lock(long storyId) {
		Head peek = head(storyId);
		scope.requireOrganization(peek.organizationId());
		return head(storyId, " FOR UPDATE");
	}

	private StoryView view(long id) {
		return jdbc.sql("""
				SELECT s.id, s.organization_id, o.name, t.name, s.year, s.title, s.text, s.secretary_comment, s.status,
				       s.photo IS NOT NULL, s.version
				FROM story s JOIN organization o ON o.id = s.organization_id
				LEFT JOIN organization t ON t.id = CAST(nullif(split_part(o.path, '/', 3), '') AS BIGINT)
				WHERE s.id = :id""")
			.param("id", id)
			.query((rs, i) -> {
				StoryStatus st = StoryStatus.valueOf(rs.getString(9));
				return new StoryView(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getString(3),
						rs.getString(4), rs.getInt(5), rs.getString(6), rs.getString(7), rs.getString(8), st,
						st.label(), rs.getBoolean(10), rs.getInt(11));
			})
			.single();
	}
}
