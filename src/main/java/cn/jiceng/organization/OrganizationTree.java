package cn.jiceng.organization;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The organization tree as pages show it: rooted at the caller's organization, opened only along the way to the
 * selected one; everything else is fetched one level at a time when the user opens it.
 */
@Component
public class OrganizationTree {

	/** One line of the tree; children is null while the node is collapsed. */
	public record Node(String id, String name, String kindLabel, boolean hasChildren, boolean current,
			List<Node> children) {

		public boolean expanded() {
			return children != null;
		}
	}

	/**
	 * The list pages the tree beside them drills down in: a node links to the page for that organization. Any other
	 * mode links to the organization's own page.
	 */
	private static final Map<String, String> PAGES = Map.of("members", "/members", "compliance", "/orglife/compliance",
			"accountability", "/orglife/accountability", "dues", "/dues/summary", "terms", "/terms", "advice",
			"/advice", "dashboard", "/dashboard", "decisions", "/masswork/decisions", "governance", "/masswork/governance");

	/** The mode as the tree knows it ("organizations" when unknown). */
	public static String mode(String mode) {
		return mode != null && PAGES.containsKey(mode) ? mode : "organizations";
	}

	/** The page a node links to in that mode, or null for the organization's own page. */
	public static String page(String mode) {
		return mode == null ? null : PAGES.get(mode);
	}

	private final OrganizationService organizations;
	private final DataScope scope;
	private final JdbcClient jdbc;

	OrganizationTree(OrganizationService organizations, DataScope scope, JdbcClient jdbc) {
		this.organizations = organizations;
		this.scope = scope;
		this.jdbc = jdbc;
	}

	/** The model attributes of the tree fragment opened at {@code selectedId}, its nodes linking in {@code mode}. */
	@Transactional(readOnly = true)
	public Map<String, Object> model(long selectedId, String mode) {
		Map<String, Object> model = new HashMap<>();
		model.put("treeNodes", openedAt(selectedId));
		model.put("treeMode", mode(mode));
		model.put("treePage", page(mode));
		model.put("treeSelected", Long.toString(selectedId));
		return model;
	}

	@Transactional(readOnly = true)
	public List<Node> openedAt(long selectedId) {
		long rootId = scope.current().caller().organizationId();
		OrgRef root = organizations.ref(rootId).orElseThrow();
		Set<Long> open = new HashSet<>();
		if (scope.coversOrganization(selectedId)) {
			for (OrgRef o : organizations.lineage(selectedId)) {
				if (o.path().startsWith(root.path()) && o.id() != selectedId) {
					open.add(o.id());
				}
			}
		}
		boolean hasChildren = jdbc.sql("SELECT count(*) FROM organization WHERE parent_id = :id")
			.param("id", rootId)
			.query(Long.class)
			.single() > 0;
		List<Node> children = hasChildren && (open.contains(rootId) || rootId == selectedId)
				? level(rootId, open, selectedId) : null;
		return List.of(new Node(Long.toString(rootId), root.name(), root.kind().label(), hasChildren,
				rootId == selectedId, children));
	}

	/** The children of one node, all collapsed. */
	@Transactional(readOnly = true)
	public List<Node> children(long parentId, long selectedId) {
		scope.requireOrganization(parentId);
		return level(parentId, Set.of(), selectedId);
	}

	private record Row(long id, String name, OrgKind kind, boolean hasChildren) {
	}

	private List<Node> level(long parentId, Set<Long> open, long selectedId) {
		List<Row> rows = jdbc.sql("""
				SELECT o.id, o.name, o.kind, EXISTS (SELECT 1 FROM organization c WHERE c.parent_id = o.id) AS has_children
				FROM organization o WHERE o.parent_id = :p
				ORDER BY CASE o.kind WHEN 'COMMITTEE' THEN 0 WHEN 'GENERAL_BRANCH' THEN 1 WHEN 'BRANCH' THEN 2 ELSE 3 END,
				         o.name, o.id""")
			.param("p", parentId)
			.query((rs, i) -> new Row(rs.getLong("id"), rs.getString("name"), OrgKind.valueOf(rs.getString("kind")),
					rs.getBoolean("has_children")))
			.list();
		List<Node> nodes = new ArrayList<>(rows.size());
		for (Row r : rows) {
			List<Node> children = r.hasChildren() && open.contains(r.id()) ? level(r.id(), open, selectedId) : null;
			nodes.add(new Node(Long.toString(r.id()), r.name(), r.kind().label(), r.hasChildren(), r.id() == selectedId,
					children));
		}
		return nodes;
	}
}
