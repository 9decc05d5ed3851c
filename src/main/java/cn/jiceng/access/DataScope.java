package cn.jiceng.access;

import java.util.Map;
import java.util.Set;

import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The one place that limits reads and writes to the caller's subtree. Organizations carry a materialized
 * path, so "inside the scope" is a prefix match; the caller's own path is looked up once per request, which
 * keeps scopes right after a subtree is moved. Anything outside answers 404 so its existence does not leak.
 */
@Component
public class DataScope {

	private static final String REQUEST_KEY = DataScope.class.getName() + ".scope";

	private final JdbcClient jdbc;
	private final CurrentCaller currentCaller;

	DataScope(JdbcClient jdbc, CurrentCaller currentCaller) {
		this.jdbc = jdbc;
		this.currentCaller = currentCaller;
	}

	public Scope current() {
		RequestAttributes attrs = RequestContextHolder.getRequestAttributes();
		Caller caller = currentCaller.get();
		if (attrs != null && attrs.getAttribute(REQUEST_KEY, RequestAttributes.SCOPE_REQUEST) instanceof Scope s
				&& s.caller().equals(caller)) {
			return s;
		}
		String path = jdbc.sql("SELECT path FROM organization WHERE id = :id")
			.param("id", caller.organizationId())
			.query(String.class)
			.optional()
			.orElseThrow(() -> new ForbiddenException("账号所属党组织不存在"));
		Scope scope = new Scope(caller, path);
		if (attrs != null) {
			attrs.setAttribute(REQUEST_KEY, scope, RequestAttributes.SCOPE_REQUEST);
		}
		return scope;
	}

	/**
	 * Whether an organization's records (meetings and their rosters, reports, plans, ledgers, accounts) lie in the
	 * caller's scope: its subtree. Never for member accounts: a member's scope is themself (SPEC.md §1), and what
	 * the branch shows its members on purpose goes through {@link #coversPublication(long)} instead.
	 */
	public boolean coversOrganization(long organizationId) {
		Scope scope = current();
		if (scope.memberOnly()) {
			return false;
		}
		return inSubtree(organizationId, scope);
	}

	public void requireOrganization(long organizationId) {
		if (!coversOrganization(organizationId)) {
			if (current().memberOnly() && ownBranch(organizationId, current())) {
				// the member knows its branch exists; say why instead of pretending it does not
				throw new ForbiddenException("党员账号只能查看本人的记录和支部公开的内容");
			}
			throw new NotFoundException("党组织不存在或不在您的管理范围内");
		}
	}

	/**
	 * What a branch publishes to its own members on purpose (the four-color wall chart, rankings, public
	 * commitments, the branch's name): member accounts see those of their own branch; everyone else their subtree.
	 */
	public boolean coversPublication(long organizationId) {
		Scope scope = current();
		if (scope.memberOnly()) {
			return ownBranch(organizationId, scope);
		}
		return inSubtree(organizationId, scope);
	}

	public void requirePublication(long organizationId) {
		if (!coversPublication(organizationId)) {
			throw new NotFoundException("党组织不存在或不在您的管理范围内");
		}
	}

	/**
	 * For lists whose rows are filtered by {@link #memberCondition}: a member account may name its own branch and
	 * gets only its own rows back.
	 */
	public void requireListing(long organizationId) {
		requirePublication(organizationId);
	}

	private boolean ownBranch(long organizationId, Scope scope) {
		return jdbc.sql("SELECT count(*) FROM member WHERE id = :m AND organization_id = :o")
			.param("m", scope.ownMemberId() == null ? -1 : scope.ownMemberId())
			.param("o", organizationId)
			.query(Long.class)
			.single() > 0;
	}

	private boolean inSubtree(long organizationId, Scope scope) {
		return jdbc.sql("SELECT count(*) FROM organization WHERE id = :id AND path LIKE :prefix")
			.param("id", organizationId)
			.param("prefix", scope.pathPrefix() + "%")
			.query(Long.class)
			.single() > 0;
	}

	public boolean coversMember(long memberId) {
		Scope scope = current();
		if (scope.memberOnly()) {
			return scope.ownMemberId() != null && scope.ownMemberId() == memberId;
		}
		return jdbc.sql("""
				SELECT count(*) FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.id = :id AND o.path LIKE :prefix""")
			.param("id", memberId)
			.param("prefix", scope.pathPrefix() + "%")
			.query(Long.class)
			.single() > 0;
	}

	public void requireMember(long memberId) {
		if (!coversMember(memberId)) {
			throw new NotFoundException("党员不存在或不在您的管理范围内");
		}
	}

	/** Writes need more than visibility: inspectors only read, members only act on themselves. */
	public void requireWriter(Set<Role> allowed) {
		Role role = current().caller().role();
		if (!allowed.contains(role)) {
			throw new ForbiddenException("当前角色（" + role.label() + "）无权执行此操作");
		}
	}

	/**
	 * A SQL condition on an organization alias that keeps rows inside the scope; member accounts are limited
	 * to their own member row by {@link #memberCondition(String)} instead.
	 */
	public SqlCondition organizationCondition(String orgAlias) {
		Scope scope = current();
		return new SqlCondition(orgAlias + ".path LIKE :scopePrefix", Map.of("scopePrefix", scope.pathPrefix() + "%"));
	}

	/** A SQL condition on member rows joined to their organization alias. */
	public SqlCondition memberCondition(String memberAlias, String orgAlias) {
		Scope scope = current();
		if (scope.memberOnly()) {
			return new SqlCondition(memberAlias + ".id = :scopeMemberId",
					Map.of("scopeMemberId", scope.ownMemberId() == null ? -1L : scope.ownMemberId()));
		}
		return organizationCondition(orgAlias);
	}

	public record SqlCondition(String sql, Map<String, Object> params) {
	}
}
