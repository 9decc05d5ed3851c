package cn.jiceng.organization;

import java.util.Collection;
import java.util.List;

import cn.jiceng.access.DataScope;
import cn.jiceng.common.Ids;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How every module's pages move through the tree: which organization a page is about, its breadcrumbs and the
 * organizations in scope to choose from. One copy, so all pages stop at the same place (the caller's own
 * organization: the ones above it are outside the caller's scope).
 */
@Component
public class OrgNavigation {

	/** An organization to choose in a select, indented by its depth below the caller's own. */
	public record OrgOption(String id, String label, OrgKind kind) {
	}

	private final OrganizationService organizations;
	private final DataScope scope;
	private final JdbcClient jdbc;

	OrgNavigation(OrganizationService organizations, DataScope scope, JdbcClient jdbc) {
		this.organizations = organizations;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/**
	 * The organization asked for, or the caller's own when none is. What the caller may do there is the service's
	 * to check (a member may read the wall chart of their branch but not its rosters).
	 */
	public long chosenOrOwn(String organizationId) {
		return organizationId == null || organizationId.isBlank() ? scope.current().caller().organizationId()
				: Ids.parse(organizationId, "党组织");
	}

	/** Breadcrumbs from the caller's own organization down to this one; empty outside the caller's subtree. */
	@Transactional(readOnly = true)
	public List<OrgRef> crumbs(long orgId) {
		String own = scope.current().pathPrefix();
		return organizations.lineage(orgId).stream().filter(o -> o.path().startsWith(own)).toList();
	}

	/**
	 * Organizations in the caller's scope in tree order, of the given kinds (all when empty), leaving out the
	 * subtree at {@code excludedPath} (null for none).
	 */
	@Transactional(readOnly = true)
	public List<OrgOption> optionsInScope(Collection<OrgKind> kinds, String excludedPath) {
		var cond = scope.organizationCondition("o");
		long rootDepth = jdbc.sql("SELECT depth FROM organization WHERE id = :id")
			.param("id", scope.current().caller().organizationId())
			.query(Long.class)
			.optional()
			.orElse(0L);
		List<String> kindNames = (kinds.isEmpty() ? List.of(OrgKind.values()) : List.copyOf(kinds)).stream()
			.map(OrgKind::name)
			.toList();
		return jdbc.sql("SELECT o.id, o.name, o.kind, o.depth FROM organization o WHERE " + cond.sql()
				+ " AND o.kind IN (:kinds) AND (CAST(:excluded AS varchar) IS NULL OR o.path NOT LIKE :excluded)"
				+ " ORDER BY o.path")
			.params(cond.params())
			.param("kinds", kindNames)
			.param("excluded", excludedPath == null ? null : excludedPath + "%")
			.query((rs, i) -> new OrgOption(rs.getString("id"),
					"　".repeat((int) Math.max(0, rs.getLong("depth") - rootDepth)) + rs.getString("name"),
					OrgKind.valueOf(rs.getString("kind"))))
			.list();
	}
}
