package cn.jiceng.supervision;

import java.io.InputStream;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.List;

import cn.jiceng.common.NotFoundException;
import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Evidence files of problems and duty items ({@code supervision_file}): the bytes are stored by orglife's evidence
 * store (allowed types, size limit, content-addressed); the scope checks are the owners' services'.
 */
@Component
class SupervisionFiles {

	enum Owner {
		PROBLEM("problem_id"), DUTY_ITEM("duty_item_id");

		final String column;

		Owner(String column) {
			this.column = column;
		}
	}

	public record FileView(String id, String name, String contentType, long size, String sha256, String url,
			String uploadedBy, OffsetDateTime uploadedAt) {
	}

	record Stored(long id, Long problemId, Long dutyItemId, String name, String contentType, long size, String sha256,
			String storagePath) {
	}

	private final JdbcClient jdbc;
	private final EvidenceFiles evidence;

	SupervisionFiles(JdbcClient jdbc, EvidenceFiles evidence) {
		this.jdbc = jdbc;
		this.evidence = evidence;
	}

	/** Stores the upload and records it for its owner; returns the file's id and what was stored. */
	Stored store(Owner owner, long ownerId, long countyId, int year, String originalName, long declaredSize,
			InputStream content, String uploadedBy) {
		EvidenceFiles.StoredEvidence stored = evidence.storeEvidence(countyId, year, originalName, declaredSize,
				content);
		long id = jdbc.sql("INSERT INTO supervision_file (county_id, " + owner.column
				+ ", name, content_type, size, sha256, storage_path, uploaded_by)"
				+ " VALUES (:c, :o, :n, :t, :s, :sha, :path, :by) RETURNING id")
			.param("c", countyId)
			.param("o", ownerId)
			.param("n", stored.name())
			.param("t", stored.contentType())
			.param("s", stored.size())
			.param("sha", stored.sha256())
			.param("path", stored.storagePath())
			.param("by", uploadedBy)
			.query(Long.class)
			.single();
		return new Stored(id, owner == Owner.PROBLEM ? ownerId : null, owner == Owner.DUTY_ITEM ? ownerId : null,
				stored.name(), stored.contentType(), stored.size(), stored.sha256(), stored.storagePath());
	}

	List<FileView> list(Owner owner, long ownerId) {
		return jdbc.sql("SELECT id, name, content_type, size, sha256, uploaded_by, uploaded_at FROM supervision_file"
				+ " WHERE " + owner.column + " = :o ORDER BY id")
			.param("o", ownerId)
			.query((rs, i) -> new FileView(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4),
					rs.getString(5), "/api/supervision-files/" + rs.getString(1), rs.getString(6),
					rs.getObject(7, OffsetDateTime.class)))
			.list();
	}

	FileView view(Owner owner, long ownerId, long fileId) {
		return list(owner, ownerId).stream().filter(f -> f.id().equals(Long.toString(fileId))).findFirst().orElseThrow();
	}

	Stored find(long fileId) {
		return jdbc.sql("""
				SELECT id, problem_id, duty_item_id, name, content_type, size, sha256, storage_path
				FROM supervision_file WHERE id = :id""")
			.param("id", fileId)
			.query((rs, i) -> new Stored(rs.getLong(1), (Long) rs.getObject(2, Long.class),
					(Long) rs.getObject(3, Long.class), rs.getString(4), rs.getString(5), rs.getLong(6),
					rs.getString(7), rs.getString(8)))
			.optional()
			.orElseThrow(() -> new NotFoundException("文件不存在"));
	}

	Path bytes(Stored stored) {
		return evidence.storedFile(stored.storagePath());
	}
}
