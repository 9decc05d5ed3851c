package cn.jiceng.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.jiceng.access.AccountRelations;
import cn.jiceng.access.Role;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Follows {@code account.created_by} up to the first account nobody created (bootstrap, start-up jobs). Whoever
 * created an account controls it and whatever it creates, so the whole chain counts, with one exception: the chain
 * does not run through a county admin further up than the direct creator. Every account descends from the county's
 * bootstrap admin; counting it everywhere would leave no one able to review a claim the county files.
 */
@Component
class AccountLineage implements AccountRelations {

	private final JdbcClient jdbc;

	AccountLineage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Lineage lineage(long accountId) {
		record Row(long id, Long memberId, String role, int depth) {
		}
		// depth guard: created_by cannot form a cycle (an account exists before those it creates), but stay safe
		var rows = jdbc.sql("""
				WITH RECURSIVE chain (id, member_id, role, created_by, depth) AS (
				    SELECT id, member_id, role, created_by, 0 FROM account WHERE id = :id
				    UNION ALL
				    SELECT a.id, a.member_id, a.role, a.created_by, c.depth + 1
				    FROM account a JOIN chain c ON a.id = c.created_by
				    WHERE c.depth < 50
				)
				SELECT id, member_id, role, depth FROM chain ORDER BY depth""")
			.param("id", accountId)
			.query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getString(3), rs.getInt(4)))
			.list();
		if (rows.isEmpty()) {
			return Lineage.none(accountId);
		}
		Set<Long> creators = new LinkedHashSet<>();
		Set<Long> creatorMembers = new LinkedHashSet<>();
		for (Row r : rows.subList(1, rows.size())) {
			boolean county = Role.COUNTY_ADMIN.name().equals(r.role());
			if (county && r.depth() > 1) {
				break;
			}
			creators.add(r.id());
			if (r.memberId() != null) {
				creatorMembers.add(r.memberId());
			}
			if (county) {
				break;
			}
		}
		return new Lineage(accountId, rows.get(0).memberId(), Set.copyOf(creators), Set.copyOf(creatorMembers));
	}
}
