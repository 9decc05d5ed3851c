package cn.jiceng.publicity;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.access.Scope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.orglife.EvidenceFiles;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Study materials kept per format (私人定制法, SPEC.md §4.10): a material is a text an organization publishes for the
 * members below it; the large-print PDF is generated from the text ({@link LargePrintPdf}) and dialect recordings
 * are uploaded as audio files, stored under the data directory by orglife's evidence store. A material is read by
 * every account whose scope covers its organization, by accounts below it (a county material reaches every
 * township), and by member accounts of its subtree; written by branch secretaries or higher with it in scope.
 */
@Service
class StudyMaterialService {

	static final Set<Role> WRITERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN, Role.BRANCH_SECRETARY);

	/** Dialect recordings are short talks; a larger file is most likely a video or a mistake. */
	static final long MAX_AUDIO_BYTES = 20L * 1024 * 1024;

	/** The audio types every phone browser plays in an {@code <audio>} element. */
	static final Map<String, String> AUDIO_TYPES = Map.of("mp3", "audio/mpeg", "m4a", "audio/mp4", "wav", "audio/wav");

	private static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final OrganizationService organizations;
	private final EvidenceFiles files;
	private final Clock clock;

	StudyMaterialService(JdbcClient jdbc, DataScope scope, AuditTrail audit, OrganizationService organizations,
			EvidenceFiles files, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.organizations = organizations;
		this.files = files;
		this.clock = clock;
	}

	public record MaterialInput(String title, String text) {
	}

	public record AudioView(String id, String materialId, String dialect, String name, String contentType, long size,
			String url, OffsetDateTime uploadedAt) {
	}

	public record MaterialView(String id, String organizationId, String organizationName, String title, String text,
			LocalDate createdOn, String largePrintUrl, List<AudioView> audio) {
	}

	public record MaterialItem(String id, String organizationId, String organizationName, String title,
			LocalDate createdOn, String largePrintUrl, List<AudioView> audio) {
	}

	public record MaterialList(List<MaterialItem> items) {
	}

	@Transactional
	public MaterialView create(long organizationId, MaterialInput in) {
		scope.requireOrganization(organizationId);
		scope.requireWriter(WRITERS);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		MaterialInput i = in == null ? new MaterialInput(null, null) : in;
		List<FieldProblem> problems = new ArrayList<>();
		String title = Inputs.text(i.title(), "title", "资料标题", 100, true, problems);
		String text = Inputs.text(i.text(), "text", "资料正文", 20000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("学习资料填写有误", problems);
		}
		long id = jdbc.sql("""
				INSERT INTO study_material (county_id, organization_id, title, text, created_by)
				VALUES (:c, :o, :t, :x, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("t", title)
			.param("x", text)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("title", title);
		after.put("textLength", text.length());
		audit.record("StudyMaterial", id, organizationId, "CREATE", AuditTrail.created(after));
		return view(id);
	}

	@Transactional(readOnly = true)
	public MaterialView get(long materialId) {
		requireVisible(head(materialId));
		return view(materialId);
	}

	/** The materials an organization's members study: its own and its subtree's, and those of the organizations above it. */
	@Transactional(readOnly = true)
	public MaterialList list(long organizationId) {
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		return new MaterialList(items("(o.path LIKE :p || '%' OR :p LIKE o.path || '%')", org.countyId(), org.path()));
	}

	/** The materials that reach a member: those of the member's organization and every organization above it. */
	@Transactional(readOnly = true)
	public List<MaterialItem> forMember(long memberId) {
		scope.requireMember(memberId);
		record Where(long county, String path) {
		}
		Where w = jdbc.sql("SELECT m.county_id, o.path FROM member m JOIN organization o ON o.id = m.organization_id WHERE m.id = :m")
			.param("m", memberId)
			.query((rs, n) -> new Where(rs.getLong(1), rs.getString(2)))
			.optional()
			.orElseThrow(() -> new NotFoundException("党员不存在或不在您的管理范围内"));
		return items(":p LIKE o.path || '%'", w.county(), w.path());
	}

	private List<MaterialItem> items(String where, long county, String path) {
		record Row(long id, long org, String orgName, String title, LocalDate on) {
		}
		List<Row> rows = jdbc.sql("""
				SELECT s.id, s.organization_id, o.name, s.title, s.created_at
				FROM study_material s JOIN organization o ON o.id = s.organization_id
				WHERE s.county_id = :c AND """ + " " + where + " ORDER BY s.created_at DESC, s.id DESC")
			.param("c", county)
			.param("p", path)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4),
					rs.getObject(5, OffsetDateTime.class).atZoneSameInstant(COUNTY_ZONE).toLocalDate()))
			.list();
		Map<Long, List<AudioView>> audio = new LinkedHashMap<>();
		if (!rows.isEmpty()) {
			for (AudioView a : audio("a.material_id IN (:ids)", Map.of("ids", rows.stream().map(Row::id).toList()))) {
				audio.computeIfAbsent(Long.parseLong(a.materialId()), k -> new ArrayList<>()).add(a);
			}
		}
		return rows.stream()
			.map(r -> new MaterialItem(Long.toString(r.id()), Long.toString(r.org()), r.orgName(), r.title(), r.on(),
					pdfUrl(r.id()), audio.getOrDefault(r.id(), List.of())))
			.toList();
	}

	@Transactional
	public AudioView upload(long materialId, String originalName, String dialect, long declaredSize,
			InputStream content) {
		Head head = head(materialId);
		scope.requireOrganization(head.organizationId());
		scope.requireWriter(WRITERS);
		List<FieldProblem> problems = new ArrayList<>();
		String d = Inputs.text(dialect, "dialect", "方言名称", 50, false, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("方言音频填写有误", problems);
		}
		String name = originalName == null ? "" : originalName.strip();
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		if (name.isEmpty()) {
			throw InvalidInputException.of("file", "请选择要上传的方言音频");
		}
		if (!AUDIO_TYPES.containsKey(ext)) {
			throw InvalidInputException.of("file", "方言音频应为 mp3、m4a 或 wav 文件");
		}
		if (declaredSize > MAX_AUDIO_BYTES) {
			throw InvalidInputException.of("file", "方言音频不能超过" + MAX_AUDIO_BYTES / 1024 / 1024 + "MB");
		}
		BufferedInputStream in = new BufferedInputStream(content);
		if (!looksLikeAudio(ext, peek(in))) {
			throw InvalidInputException.of("file", "文件内容不是有效的 " + ext + " 音频");
		}
		EvidenceFiles.StoredEvidence stored = files.storeEvidence(head.countyId(), LocalDate.now(clock).getYear(), name,
				declaredSize, new Limited(in, MAX_AUDIO_BYTES));
		long id = jdbc.sql("""
				INSERT INTO study_material_audio (county_id, material_id, dialect, name, content_type, size, sha256,
				                                  storage_path, uploaded_by)
				VALUES (:c, :m, :d, :n, :t, :s, :sha, :p, :by) RETURNING id""")
			.param("c", head.countyId())
			.param("m", materialId)
			.param("d", d == null ? "本地方言" : d)
			.param("n", stored.name())
			.param("t", AUDIO_TYPES.get(ext))
			.param("s", stored.size())
			.param("sha", stored.sha256())
			.param("p", stored.storagePath())
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("materialId", materialId);
		after.put("dialect", d == null ? "本地方言" : d);
		after.put("name", stored.name());
		after.put("size", stored.size());
		after.put("sha256", stored.sha256());
		audit.record("StudyMaterialAudio", id, head.organizationId(), "CREATE", AuditTrail.created(after));
		return audio("a.id = :id", Map.of("id", id)).get(0);
	}

	@Transactional(readOnly = true)
	public EvidenceFiles.Download open(long audioId) {
		record Row(long materialId, String name, String type, long size, String sha, String path) {
		}
		Row row = jdbc.sql("SELECT material_id, name, content_type, size, sha256, storage_path FROM study_material_audio WHERE id = :id")
			.param("id", audioId)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6)))
			.optional()
			.orElseThrow(() -> new NotFoundException("音频不存在或不在您的管理范围内"));
		requireVisible(head(row.materialId()));
		return new EvidenceFiles.Download(row.name(), row.type(), row.size(), row.sha(), files.storedFile(row.path()));
	}

	/** Removes the recording from the material; the bytes stay (content-addressed, possibly shared). */
	@Transactional
	public void deleteAudio(long audioId) {
		Long materialId = jdbc.sql("SELECT material_id FROM study_material_audio WHERE id = :id")
			.param("id", audioId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("音频不存在或不在您的管理范围内"));
		Head head = head(materialId);
		scope.requireOrganization(head.organizationId());
		scope.requireWriter(WRITERS);
		AudioView before = audio("a.id = :id", Map.of("id", audioId)).get(0);
		jdbc.sql("DELETE FROM study_material_audio WHERE id = :id").param("id", audioId).update();
		audit.record("StudyMaterialAudio", audioId, head.organizationId(), "DELETE",
				AuditTrail.diff(Map.of("name", before.name(), "dialect", before.dialect()), Map.of()));
	}

	private static byte[] peek(BufferedInputStream in) {
		try {
			in.mark(16);
			byte[] b = in.readNBytes(12);
			in.reset();
			return b;
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	/** The first bytes of the type the name claims (the client's content type is not trusted). */
	static boolean looksLikeAudio(String ext, byte[] b) {
		return switch (ext) {
			case "mp3" -> b.length >= 3 && (b[0] == 'I' && b[1] == 'D' && b[2] == '3'
					|| (b[0] & 0xff) == 0xFF && (b[1] & 0xE0) == 0xE0);
			case "m4a" -> b.length >= 8 && b[4] == 'f' && b[5] == 't' && b[6] == 'y' && b[7] == 'p';
			case "wav" -> b.length >= 12 && b[0] == 'R' && b[1] == 'I' && b[2] == 'F' && b[3] == 'F' && b[8] == 'W'
					&& b[9] == 'A' && b[10] == 'V' && b[11] == 'E';
			default -> false;
		};
	}

	/** Refuses a stream longer than the audio limit while it is stored (the store removes its partial file). */
	private static final class Limited extends FilterInputStream {

		private final long max;

		private long read;

		Limited(InputStream in, long max) {
			super(in);
			this.max = max;
		}

		@Override
		public int read() throws IOException {
			int b = super.read();
			if (b >= 0) {
				count(1);
			}
			return b;
		}

		@Override
		public int read(byte[] buffer, int off, int len) throws IOException {
			int n = super.read(buffer, off, len);
			if (n > 0) {
				count(n);
			}
			return n;
		}

		private void count(int n) {
			read += n;
			if (read > max) {
				throw InvalidInputException.of("file", "方言音频不能超过" + max / 1024 / 1024 + "MB");
			}
		}
	}

	record Head(long id, long organizationId, long countyId, String path) {
	}

	private Head head(long materialId) {
		return jdbc.sql("""
				SELECT s.id, s.organization_id, s.county_id, o.path FROM study_material s
				JOIN organization o ON o.id = s.organization_id WHERE s.id = :id""")
			.param("id", materialId)
			.query((rs, n) -> new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4)))
			.optional()
			.orElseThrow(() -> new NotFoundException("学习资料不存在或不在您的管理范围内"));
	}

	/** Within the caller's subtree, above the caller's organization, or (member accounts) above the member. */
	private void requireVisible(Head head) {
		Scope s = scope.current();
		boolean visible;
		if (s.memberOnly()) {
			String own = s.ownMemberId() == null ? null
					: jdbc.sql("SELECT o.path FROM member m JOIN organization o ON o.id = m.organization_id WHERE m.id = :m")
						.param("m", s.ownMemberId())
						.query(String.class)
						.optional()
						.orElse(null);
			visible = own != null && own.startsWith(head.path());
		}
		else {
			visible = head.path().startsWith(s.pathPrefix()) || s.pathPrefix().startsWith(head.path());
		}
		if (!visible) {
			throw new NotFoundException("学习资料不存在或不在您的管理范围内");
		}
	}

	private MaterialView view(long id) {
		record Row(long id, long org, String orgName, String title, String text, LocalDate on) {
		}
		Row r = jdbc.sql("""
				SELECT s.id, s.organization_id, o.name, s.title, s.text, s.created_at
				FROM study_material s JOIN organization o ON o.id = s.organization_id WHERE s.id = :id""")
			.param("id", id)
			.query((rs, n) -> new Row(rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, OffsetDateTime.class).atZoneSameInstant(COUNTY_ZONE).toLocalDate()))
			.single();
		return new MaterialView(Long.toString(r.id()), Long.toString(r.org()), r.orgName(), r.title(), r.text(), r.on(),
				pdfUrl(r.id()), audio("a.material_id = :m", Map.of("m", id)));
	}

	private static String pdfUrl(long id) {
		return "/api/study-materials/" + id + "/large-print.pdf";
	}

	private List<AudioView> audio(String where, Map<String, Object> params) {
		return jdbc.sql("""
				SELECT a.id, a.material_id, a.dialect, a.name, a.content_type, a.size, a.uploaded_at
				FROM study_material_audio a WHERE """ + " " + where + " ORDER BY a.material_id, a.id")
			.params(params)
			.query((rs, n) -> new AudioView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
					rs.getString(5), rs.getLong(6), "/api/study-material-audio/" + rs.getString(1),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
	}
}
