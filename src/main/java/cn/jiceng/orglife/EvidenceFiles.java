package cn.jiceng.orglife;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.orglife.MeetingViews.FileView;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence of a meeting (photos, audio, video, documents). The bytes are stored outside the database under
 * {@code ${jiceng.data-dir}/files/<county>/<year>/<sha256>}, written to a temporary file first and moved into
 * place, so a crash never leaves a half file under a checksum name; the same content is stored once.
 */
@Service
public class EvidenceFiles {

	/** Allowed extensions and the content type each is served with (the client's claim is not trusted). */
	static final Map<String, String> ALLOWED = Map.ofEntries(
			Map.entry("jpg", "image/jpeg"), Map.entry("jpeg", "image/jpeg"), Map.entry("png", "image/png"),
			Map.entry("gif", "image/gif"), Map.entry("webp", "image/webp"),
			Map.entry("mp3", "audio/mpeg"), Map.entry("m4a", "audio/mp4"), Map.entry("wav", "audio/wav"),
			Map.entry("amr", "audio/amr"),
			Map.entry("mp4", "video/mp4"), Map.entry("mov", "video/quicktime"),
			Map.entry("pdf", "application/pdf"), Map.entry("doc", "application/msword"),
			Map.entry("docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document"),
			Map.entry("xls", "application/vnd.ms-excel"),
			Map.entry("xlsx", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"),
			Map.entry("ppt", "application/vnd.ms-powerpoint"),
			Map.entry("pptx", "application/vnd.openxmlformats-officedocument.presentationml.presentation"),
			Map.entry("txt", "text/plain; charset=UTF-8"));

	/** 415. */
	public static class UnsupportedFileTypeException extends RuntimeException {

		public UnsupportedFileTypeException(String detail) {
			super(detail);
		}
	}

	/** 413. */
	public static class FileTooLargeException extends RuntimeException {

		public FileTooLargeException(String detail) {
			super(detail);
		}
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final MeetingReads meetings;
	private final YearClosing years;
	private final Path dataDir;
	private final long maxBytes;

	EvidenceFiles(JdbcClient jdbc, DataScope scope, AuditTrail audit, MeetingReads meetings, YearClosing years,
			@Value("${jiceng.data-dir}") String dataDir, @Value("${jiceng.upload.max-bytes:52428800}") long maxBytes) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.meetings = meetings;
		this.years = years;
		this.dataDir = Path.of(dataDir).toAbsolutePath().normalize();
		this.maxBytes = maxBytes;
	}

	public long maxBytes() {
		return maxBytes;
	}

	/**
	 * Stores an upload for a meeting. {@code declaredSize} (−1 if unknown) lets an oversized upload be refused
	 * before reading; the stream is counted anyway.
	 */
	@Transactional
	public FileView upload(long meetingId, String originalName, long declaredSize, InputStream content) {
		scope.requireWriter(MeetingService.WRITERS);
		MeetingReads.Stored meeting = meetings.load(meetingId);
		scope.requireOrganization(meeting.branchId());
		requireOpenYear(meeting);
		String name = cleanName(originalName);
		String contentType = contentTypeOf(name);
		if (declaredSize > maxBytes) {
			throw tooLarge();
		}
		Blob stored = store(meeting.countyId(), meeting.heldOn().getYear(), content);
		Caller caller = scope.current().caller();
		long id = jdbc.sql("""
				INSERT INTO meeting_file (county_id, meeting_id, name, content_type, size, sha256, storage_path, uploaded_by)
				VALUES (:c, :m, :n, :t, :s, :sha, :p, :by) RETURNING id""")
			.param("c", meeting.countyId())
			.param("m", meetingId)
			.param("n", name)
			.param("t", contentType)
			.param("s", stored.size())
			.param("sha", stored.sha256())
			.param("p", stored.relativePath())
			.param("by", caller.username())
			.query(Long.class)
			.single();
		audit.record("MeetingFile", id, meeting.branchId(), "CREATE", AuditTrail.created(Map.of("meetingId", meetingId,
				"name", name, "contentType", contentType, "size", stored.size(), "sha256", stored.sha256())));
		return fileView(id).orElseThrow();
	}

	/** A stored file to send; every module's evidence, photo and audio download answers through {@link #inline()}. */
	public record Download(String name, String contentType, long size, String sha256, Path path) {

		/** Shown in the browser under its own name and type, never sniffed as something else. */
		public org.springframework.http.ResponseEntity<org.springframework.core.io.Resource> inline() {
			return org.springframework.http.ResponseEntity.ok()
				.contentType(org.springframework.http.MediaType.parseMediaType(contentType))
				.contentLength(size)
				.eTag("\"" + sha256 + "\"")
				.header(org.springframework.http.HttpHeaders.CONTENT_DISPOSITION,
						org.springframework.http.ContentDisposition.inline()
							.filename(name, java.nio.charset.StandardCharsets.UTF_8)
							.build()
							.toString())
				.header("X-Content-Type-Options", "nosniff")
				.body(new org.springframework.core.io.FileSystemResource(path));
		}
	}

	@Transactional(readOnly = true)
	public Download open(long fileId) {
		record Row(long branchId, String name, String type, long size, String sha, String path) {
		}
		Row row = jdbc.sql("""
				SELECT mt.organization_id, f.name, f.content_type, f.size, f.sha256, f.storage_path
				FROM meeting_file f JOIN meeting mt ON mt.id = f.meeting_id WHERE f.id = :id""")
			.param("id", fileId)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5),
					rs.getString(6)))
			.optional()
			.orElseThrow(() -> new NotFoundException("文件不存在"));
		scope.requireOrganization(row.branchId());
		Path path = dataDir.resolve(row.path()).normalize();
		if (!path.startsWith(dataDir) || !Files.isRegularFile(path)) {
			throw new NotFoundException("文件内容不存在");
		}
		return new Download(row.name(), row.type(), row.size(), row.sha(), path);
	}

	@Transactional(readOnly = true)
	public List<FileView> list(long meetingId) {
		MeetingReads.Stored meeting = meetings.load(meetingId);
		scope.requireOrganization(meeting.branchId());
		return filesOf(jdbc, meetingId);
	}

	/** Removes the record; the bytes stay (content-addressed, possibly shared, and kept as evidence). */
	@Transactional
	public void delete(long fileId) {
		scope.requireWriter(MeetingService.WRITERS);
		Long meetingId = jdbc.sql("SELECT meeting_id FROM meeting_file WHERE id = :id")
			.param("id", fileId)
			.query(Long.class)
			.optional()
			.orElseThrow(() -> new NotFoundException("文件不存在"));
		MeetingReads.Stored meeting = meetings.load(meetingId);
		scope.requireOrganization(meeting.branchId());
		requireOpenYear(meeting);
		FileView before = fileView(fileId).orElseThrow();
		jdbc.sql("DELETE FROM meeting_file WHERE id = :id").param("id", fileId).update();
		audit.record("MeetingFile", fileId, meeting.branchId(), "DELETE", AuditTrail.diff(Map.of("meetingId",
				meetingId, "name", before.name(), "sha256", before.sha256()), Map.of()));
	}

	// Evidence may arrive after the back-fill window (photos come late); only a closed year stops it.
	private void requireOpenYear(MeetingReads.Stored meeting) {
		Role role = scope.current().caller().role();
		if (years.isClosed(meeting.countyId(), meeting.heldOn().getYear()) && role != Role.COUNTY_ADMIN) {
			throw new ForbiddenException(meeting.heldOn().getYear() + "年度已关账，仅县级管理员可修改该年度记录");
		}
	}

	/** An evidence file stored for another module (assigned problems, duty lists): where its bytes are and what they are. */
	public record StoredEvidence(String name, String contentType, long size, String sha256, String storagePath) {
	}

	/**
	 * Stores evidence for another module with the meeting files' rules (allowed types, size limit, content-addressed
	 * bytes under the data directory); the caller records the returned path in its own table.
	 */
	public StoredEvidence storeEvidence(long countyId, int year, String originalName, long declaredSize,
			InputStream content) {
		String name = cleanName(originalName);
		String contentType = contentTypeOf(name);
		if (declaredSize > maxBytes) {
			throw tooLarge();
		}
		Blob stored = store(countyId, year, content);
		return new StoredEvidence(name, contentType, stored.size(), stored.sha256(), stored.relativePath());
	}

	/** The file of a stored path, or 404 when it is gone or lies outside the data directory. */
	public Path storedFile(String storagePath) {
		Path path = dataDir.resolve(storagePath).normalize();
		if (!path.startsWith(dataDir) || !Files.isRegularFile(path)) {
			throw new NotFoundException("文件内容不存在");
		}
		return path;
	}

	record Blob(String sha256, long size, String relativePath) {
	}

	/** Writes the stream under the data directory; refuses (and removes the partial file) beyond the size limit. */
	Blob store(long countyId, int year, InputStream content) {
		Path dir = dataDir.resolve("files").resolve(Long.toString(countyId)).resolve(Integer.toString(year));
		Path temp = null;
		try {
			Files.createDirectories(dir);
			temp = Files.createTempFile(dir, "upload-", ".part");
			MessageDigest digest = MessageDigest.getInstance("SHA-256");
			long size = 0;
			try (InputStream in = new DigestInputStream(content, digest); OutputStream out = Files.newOutputStream(temp)) {
				byte[] buffer = new byte[64 * 1024];
				int n;
				while ((n = in.read(buffer)) != -1) {
					size += n;
					if (size > maxBytes) {
						throw tooLarge();
					}
					out.write(buffer, 0, n);
				}
			}
			if (size == 0) {
				// an empty file is no evidence; counted from the stream, since a declared size can be absent
				throw InvalidInputException.of("file", "文件为空（0 字节），请选择有内容的文件");
			}
			String sha = HexFormat.of().formatHex(digest.digest());
			Path target = dir.resolve(sha);
			if (Files.exists(target)) {
				Files.delete(temp);
			}
			else {
				try {
					Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
				}
				catch (AtomicMoveNotSupportedException e) {
					Files.move(temp, target);
				}
				catch (FileAlreadyExistsException e) {
					Files.deleteIfExists(temp);
				}
			}
			temp = null;
			return new Blob(sha, size, dataDir.relativize(target).toString().replace('\\', '/'));
		}
		catch (IOException e) {
			throw new UncheckedIOException(e);
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		finally {
			if (temp != null) {
				try {
					Files.deleteIfExists(temp);
				}
				catch (IOException ignored) {
					// a leftover .part file is harmless and never served
				}
			}
		}
	}

	private FileTooLargeException tooLarge() {
		return new FileTooLargeException("文件超过大小限制（" + (maxBytes / 1024 / 1024) + "MB）");
	}

	/** The served content type for a file name, or 415 when its type is outside the allow-list. */
	static String contentTypeOf(String name) {
		int dot = name.lastIndexOf('.');
		String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
		String type = ALLOWED.get(ext);
		if (type == null) {
			throw new UnsupportedFileTypeException("不支持的文件类型" + (ext.isEmpty() ? "" : "：." + ext)
					+ "（支持照片、音频、视频和常用文档：jpg、png、mp3、m4a、mp4、pdf、doc(x)、xls(x)、ppt(x)、txt 等）");
		}
		return type;
	}

	private static String cleanName(String original) {
		String name = original == null ? "" : original.replace('\\', '/');
		name = name.substring(name.lastIndexOf('/') + 1).strip();
		if (name.isEmpty()) {
			throw InvalidInputException.of("file", "请选择要上传的文件");
		}
		return name.length() > 255 ? name.substring(name.length() - 255) : name;
	}

	private Optional<FileView> fileView(long id) {
		return jdbc.sql(SELECT_FILE + " WHERE id = :id").param("id", id).query(EvidenceFiles::mapFile).optional();
	}

	private static final String SELECT_FILE = "SELECT id, meeting_id, name, content_type, size, sha256, uploaded_by, "
			+ "uploaded_at FROM meeting_file";

	static List<FileView> filesOf(JdbcClient jdbc, long meetingId) {
		return jdbc.sql(SELECT_FILE + " WHERE meeting_id = :m ORDER BY id")
			.param("m", meetingId)
			.query(EvidenceFiles::mapFile)
			.list();
	}

	private static FileView mapFile(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		return new FileView(rs.getString("id"), rs.getString("meeting_id"), rs.getString("name"),
				rs.getString("content_type"), rs.getLong("size"), rs.getString("sha256"),
				"/api/files/" + rs.getString("id"), rs.getString("uploaded_by"),
				rs.getObject("uploaded_at", OffsetDateTime.class));
	}
}
