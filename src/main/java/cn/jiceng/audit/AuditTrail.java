package cn.jiceng.audit;

import java.util.LinkedHashMap;
import java.sql.PreparedStatement;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every write records itself here, inside the writer's transaction: if the write rolls back, so does its entry.
 */
@Component
public class AuditTrail {

	private final JdbcClient jdbc;
	private final CurrentCaller currentCaller;
	private final JsonMapper json;
	private final JdbcTemplate jdbcTemplate;

	AuditTrail(JdbcClient jdbc, CurrentCaller currentCaller, JsonMapper json, JdbcTemplate jdbcTemplate) {
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.currentCaller = currentCaller;
		this.json = json;
	}

	@Transactional(propagation = Propagation.MANDATORY)
	public void record(String entityType, Object entityId, Long organizationId, String action, Map<String, ?> changes) {
		if ("UPDATE".equals(action) && (changes == null || changes.isEmpty())) {
			// an edit that changed nothing (an empty PATCH) is not a write worth a line in the history
			return;
		}
		long county = currentCaller.find().map(Caller::countyId).orElseGet(this::rootCounty);
		jdbc.sql("""
				INSERT INTO audit_entry (county_id, actor, action, entity_type, entity_id, organization_id, changes)
				VALUES (:county, :actor, :action, :type, :entityId, :org, :changes)""")
			.param("county", county)
			.param("actor", currentCaller.actorName())
			.param("action", action)
			.param("type", entityType)
			.param("entityId", String.valueOf(entityId))
			.param("org", organizationId)
			.param("changes", json.writeValueAsString(changes == null ? Map.of() : changes))
			.update();
	}

	/** One entry of a bulk write, for {@link #recordAll}. */
	public record Entry(Object entityId, Long organizationId, Map<String, ?> changes) {
	}

	/**
	 * The same entries {@link #record} writes, for a bulk write (a member import of 100,000 rows) in one statement:
	 * one insert per entry is too slow there.
	 */
	@Transactional(propagation = Propagation.MANDATORY)
	public void recordAll(String entityType, String action, List<Entry> entries) {
		if (entries.isEmpty()) {
			return;
		}
		long county = currentCaller.find().map(Caller::countyId).orElseGet(this::rootCounty);
		int n = entries.size();
		String[] entityIds = new String[n];
		Long[] orgs = new Long[n];
		String[] changes = new String[n];
		for (int i = 0; i < n; i++) {
			Entry e = entries.get(i);
			entityIds[i] = String.valueOf(e.entityId());
			orgs[i] = e.organizationId();
			changes[i] = json.writeValueAsString(e.changes() == null ? Map.of() : e.changes());
		}
		jdbcTemplate.update(con -> {
			PreparedStatement ps = con.prepareStatement("""
					INSERT INTO audit_entry (county_id, actor, action, entity_type, entity_id, organization_id, changes)
					SELECT ?, ?, ?, ?, u.entity_id, u.org, u.changes
					FROM unnest(?::varchar[], ?::bigint[], ?::text[]) AS u(entity_id, org, changes)""");
			ps.setLong(1, county);
			ps.setString(2, currentCaller.actorName());
			ps.setString(3, action);
			ps.setString(4, entityType);
			ps.setArray(5, con.createArrayOf("varchar", entityIds));
			ps.setArray(6, con.createArrayOf("bigint", orgs));
			ps.setArray(7, con.createArrayOf("text", changes));
			return ps;
		});
	}

	private long rootCounty() {
		return jdbc.sql("SELECT coalesce(min(id), 0) FROM organization WHERE parent_id IS NULL").query(Long.class).single();
	}

	/** Field-by-field difference of two snapshots: {field: {from, to}} for every field that changed. */
	public static Map<String, Object> diff(Map<String, ?> before, Map<String, ?> after) {
		Map<String, Object> changes = new LinkedHashMap<>();
		for (var e : after.entrySet()) {
			Object old = before.get(e.getKey());
			if (!Objects.equals(str(old), str(e.getValue()))) {
				Map<String, Object> change = new LinkedHashMap<>();
				change.put("from", str(old));
				change.put("to", str(e.getValue()));
				changes.put(e.getKey(), change);
			}
		}
		return changes;
	}

	/** A creation shows every field as set from nothing. */
	public static Map<String, Object> created(Map<String, ?> after) {
		return diff(Map.of(), after);
	}

	private static String str(Object o) {
		return o == null ? null : o.toString();
	}
}
