package cn.jiceng.identity;

import java.util.LinkedHashSet;
import java.util.Set;

import cn.jiceng.access.AccountRelations;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Follows {@code account.created_by} up to the first account nobody created (bootstrap, start-up jobs). */
@Component
class AccountLineage implements AccountRelations {

	private final JdbcClient jdbc;

	AccountLineage(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public Lineage lineage(long accountId) {
		record Row(long id, Long memberId, int depth) {
		}
		// depth guard: created_by cannot form a cycle (an account exists before those it creates), but stay safe
		var rows = jdbc.sql("""
				WITH RECURSIVE chain (id, member_id, created_by, depth) AS (
				    SELECT id, member_id, created_by, 0 FROM account WHERE id = :id
				    UNION ALL
				    SELECT a.id, a.member_id, a.created_by, c.depth + 1
				    FROM account a JOIN chain c ON a.id = c.created_by
				    WHERE c.depth < 50
				)
				SELECT id, member_id, depth FROM chain ORDER BY depth""")
			.param("id", accountId)
			.query((rs, i) -> new Row(rs.getLong(1), (Long) rs.getObject(2), rs.getInt(3)))
			.list();
		if (rows.isEmpty()) {
			return Lineage.none(accountId);
		}
		Set<Long> creators = new LinkedHashSet<>();
		Set<Long> creatorMembers = new LinkedHashSet<>();
		for (Row r : rows.subList(1, rows.size())) {
			creators.add(r.id());
			if (r.memberId() != null) {
				creatorMembers.add(r.memberId());
			}
		}
		return new Lineage(accountId, rows.get(0).memberId(), Set.copyOf(creators), Set.copyOf(creatorMembers));
	}
}
