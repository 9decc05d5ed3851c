package cn.jiceng.audit;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the trail, limited to entries about organizations inside the caller's scope. */
@Component
class AuditQueries {

	static final ZoneId COUNTY_ZONE = ZoneId.of("Asia/Shanghai");

	/** The most rows one Excel export holds. */
	static final int EXPORT_LIMIT = 50_000;

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final JsonMapper json;

	AuditQueries(JdbcClient jdbc, DataScope scope, JsonMapper json) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.json = json;
	}

	/**
	 * What a clerk narrows the trail by. {@code organizationId} keeps entries filed under that organization's
	 * subtree; {@code name} matches the name of the record (a member's, an organization's, a user name) or of the
	 * organization the entry is filed under; {@code actor} the operator's user name. Days are the county's days.
	 */
	public record AuditFilter(String entityId, String entityType, LocalDate from, LocalDate to, String actor,
			Long organizationId, String name) {

		public static AuditFilter byRecord(String entityId, String entityType) {
			return new AuditFilter(entityId, entityType, null, null, null, null, null);
		}
	}

	public PageResult<AuditEntry> find(String entityId, String entityType, PageRequest page) {
		return find(AuditFilter.byRecord(entityId, entityType), page);
	}

	public PageResult<AuditEntry> find(AuditFilter filter, PageRequest page) {
		Where w = where(filter);
		String from = " FROM audit_entry a JOIN organization o ON o.id = a.organization_id";
		long total = jdbc.sql("SELECT count(*)" + from + w.sql()).params(w.params()).query(Long.class).single();
		List<AuditEntry> items = select(from + w.sql(), w.params(), page.size(), page.offset());
		return new PageResult<>(items, total, page.page(), page.size());
	}

	/** Every entry the filters show, newest first, up to {@link #EXPORT_LIMIT}. */
	List<AuditEntry> export(AuditFilter filter) {
		Where w = where(filter);
		return select(" FROM audit_entry a JOIN organization o ON o.id = a.organization_id" + w.sql(), w.params(),
				EXPORT_LIMIT, 0);
	}

	private List<AuditEntry> select(String fromWhere, Map<String, Object> params, int limit, long offset) {
		return jdbc
			.sql("SELECT a.id, a.at, a.actor, a.action, a.entity_type, a.entity_id, a.changes, o.name AS org_name"
					+ fromWhere + " ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", limit)
			.param("offset", offset)
			.query((rs, i) -> new AuditEntry(rs.getString("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), json.readValue(rs.getString("changes"), Object.class),
					rs.getString("org_name")))
			.list();
	}

	private record Where(String sql, Map<String, Object> params) {
	}

	private Where where(AuditFilter f) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN));
		var cond = scope.organizationCondition("o");
		StringBuilder where = new StringBuilder(" WHERE ").append(cond.sql());
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		if (f.entityId() != null && !f.entityId().isBlank()) {
			where.append(" AND a.entity_id = :entityId");
			params.put("entityId", f.entityId().trim());
		}
		if (f.entityType() != null && !f.entityType().isBlank()) {
			where.append(" AND a.entity_type = :entityType");
			params.put("entityType", f.entityType().trim());
		}
		if (f.from() != null) {
			where.append(" AND a.at >= :fromAt");
			params.put("fromAt", f.from().atStartOfDay(COUNTY_ZONE).toOffsetDateTime());
		}
		if (f.to() != null) {
			where.append(" AND a.at < :toAt");
			params.put("toAt", f.to().plusDays(1).atStartOfDay(COUNTY_ZONE).toOffsetDateTime());
		}
		if (f.actor() != null && !f.actor().isBlank()) {
			where.append(" AND lower(a.actor) LIKE lower(:actor)");
			params.put("actor", like(f.actor().trim()));
		}
		if (f.organizationId() != null) {
			scope.requireOrganization(f.organizationId());
			where.append(" AND o.path LIKE (SELECT path FROM organization WHERE id = :orgFilter) || '%'");
			params.put("orgFilter", f.organizationId());
		}
		if (f.name() != null && !f.name().isBlank()) {
			// the record's own name where it has one, else the organization the entry is filed under
			where.append(" ").append("""
					AND (o.name LIKE :name
					  OR (a.entity_type IN ('Member', 'MemberDues') AND a.entity_id IN
					      (SELECT CAST(m.id AS VARCHAR) FROM member m WHERE m.name LIKE :name))
					  OR (a.entity_type = 'Account' AND a.entity_id IN
					      (SELECT CAST(ac.id AS VARCHAR) FROM account ac WHERE lower(ac.username) LIKE lower(:name))))""");
			params.put("name", like(f.name().trim()));
		}
		return new Where(where.toString(), params);
	}

	private static String like(String text) {
		return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
	}
}
