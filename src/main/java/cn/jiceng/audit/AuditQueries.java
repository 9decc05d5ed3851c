package cn.jiceng.audit;

import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.PageRequest;
import cn.jiceng.common.PageResult;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Reads of the trail, limited to entries about organizations inside the caller's scope. */
@Component
public class AuditQueries {

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final JsonMapper json;

	AuditQueries(JdbcClient jdbc, DataScope scope, JsonMapper json) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.json = json;
	}

	public PageResult<AuditEntry> find(String entityId, String entityType, PageRequest page) {
		scope.requireWriter(java.util.Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN));
		var cond = scope.organizationCondition("o");
		StringBuilder where = new StringBuilder(" WHERE ").append(cond.sql());
		Map<String, Object> params = new LinkedHashMap<>(cond.params());
		if (entityId != null && !entityId.isBlank()) {
			where.append(" AND a.entity_id = :entityId");
			params.put("entityId", entityId.trim());
		}
		if (entityType != null && !entityType.isBlank()) {
			where.append(" AND a.entity_type = :entityType");
			params.put("entityType", entityType.trim());
		}
		String from = " FROM audit_entry a JOIN organization o ON o.id = a.organization_id";
		long total = jdbc.sql("SELECT count(*)" + from + where).params(params).query(Long.class).single();
		List<AuditEntry> items = jdbc
			.sql("SELECT a.id, a.at, a.actor, a.action, a.entity_type, a.entity_id, a.changes" + from + where
					+ " ORDER BY a.at DESC, a.id DESC LIMIT :limit OFFSET :offset")
			.params(params)
			.param("limit", page.size())
			.param("offset", page.offset())
			.query((rs, i) -> new AuditEntry(rs.getString("id"), rs.getObject("at", OffsetDateTime.class),
					rs.getString("actor"), rs.getString("action"), rs.getString("entity_type"),
					rs.getString("entity_id"), json.readValue(rs.getString("changes"), Object.class)))
			.list();
		return new PageResult<>(items, total, page.page(), page.size());
	}
}
