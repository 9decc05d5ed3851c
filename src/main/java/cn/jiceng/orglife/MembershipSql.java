package cn.jiceng.orglife;

import cn.jiceng.member.RollMembership;

/**
 * The membership rule of {@link Memberships} / {@link MembershipPeriods} as SQL common table expressions, for the
 * set-based reads (four colors, compliance, accountability) over a whole county or subtree.
 *
 * <p>{@code stay(member_id, branch_id, from_on, to_on, next_from)}: one row per stay, {@code to_on} exclusive
 * (null while it lasts), {@code next_from} the start of the member's next stay. A stay owns a month (the branch
 * the member is in on their last day of it) from the month of {@code from_on} up to the month before
 * {@code next_from}, or up to the month of the member's last day when they left the county.
 */
final class MembershipSql {

	private MembershipSql() {
	}

	/**
	 * The CTEs {@code ms_member}, {@code ms_transfer}, {@code ms_raw}, {@code stay} (without the leading WITH).
	 *
	 * @param memberCondition a condition on {@code member m}, e.g. {@code m.county_id = :county}
	 */
	static String stays(String memberCondition) {
		return """
				ms_member AS (
				    SELECT m.id, m.organization_id, m.joined_on,
				           %s AS left_on
				    FROM member m WHERE %s
				),
				ms_transfer AS (
				    SELECT t.member_id, t.from_org_id, t.to_org_id,
				           greatest(t.transferred_on, mm.joined_on) AS transferred_on,
				           row_number() OVER w AS rn,
				           lead(greatest(t.transferred_on, mm.joined_on)) OVER w AS next_on
				    FROM member_transfer t JOIN ms_member mm ON mm.id = t.member_id
				    WINDOW w AS (PARTITION BY t.member_id ORDER BY t.transferred_on, t.id)
				),
				ms_raw AS (
				    SELECT mm.id AS member_id, coalesce(f.from_org_id, mm.organization_id) AS branch_id,
				           mm.joined_on AS from_on, f.transferred_on AS to_on, mm.left_on
				    FROM ms_member mm LEFT JOIN ms_transfer f ON f.member_id = mm.id AND f.rn = 1
				    UNION ALL
				    SELECT t.member_id, t.to_org_id, t.transferred_on, t.next_on, mm.left_on
				    FROM ms_transfer t JOIN ms_member mm ON mm.id = t.member_id
				),
				ms_clamped AS (
				    SELECT member_id, branch_id, from_on,
				           CASE WHEN left_on IS NULL THEN to_on ELSE least(coalesce(to_on, left_on), left_on) END AS to_on
				    FROM ms_raw
				),
				stay AS (
				    SELECT member_id, branch_id, from_on, to_on,
				           lead(from_on) OVER (PARTITION BY member_id ORDER BY from_on) AS next_from
				    FROM ms_clamped WHERE to_on IS NULL OR to_on > from_on
				)""".formatted(RollMembership.sqlLeftOn(), memberCondition);
	}

	/**
	 * A condition on {@code member m}: the member was in their current branch from {@code from} to {@code to}
	 * (parameter names): joined by {@code from}, not gone before {@code to} ended, no transfer after {@code from}.
	 * Such a member has one stay over the period, in {@code m.organization_id}, and owns each of its months; the
	 * set-based reads take them without the stays and keep {@link #stays} for the others.
	 */
	static String inOneBranchThroughout(String from, String to) {
		return """
				(m.joined_on <= %1$s
				 AND %3$s
				 AND NOT EXISTS (SELECT 1 FROM member_transfer t WHERE t.member_id = m.id AND t.transferred_on > %1$s))"""
			.formatted(from, to, RollMembership.sqlNotLeftBy(to));
	}

	/**
	 * A condition on {@code member m}: the member may own a month between {@code from} and {@code to} but not by
	 * {@link #inOneBranchThroughout} (a null there counts as false), the members whose stays must be computed: those
	 * on the roll at some time of the period ({@link RollMembership#onRollDuring}).
	 */
	static String notInOneBranchThroughout(String from, String to) {
		return """
				%s
				AND NOT coalesce(%s, FALSE)"""
			.formatted(RollMembership.sqlOnRollDuring(from, to), inOneBranchThroughout(from, to));
	}

	/**
	 * CTE {@code owned(member_id, branch_id, month)}: the months from {@code :ownedFrom} to {@code :ownedTo} (first
	 * days, as timestamps) that each stay owns. Needs {@link #stays}.
	 */
	static String ownedMonths() {
		return """
				owned AS (
				    SELECT s.member_id, s.branch_id, gs::date AS month
				    FROM stay s
				    CROSS JOIN LATERAL generate_series(
				        greatest(date_trunc('month', s.from_on::timestamp), CAST(:ownedFrom AS timestamp)),
				        least(CASE WHEN s.next_from IS NOT NULL THEN date_trunc('month', s.next_from::timestamp) - interval '1 month'
				                   WHEN s.to_on IS NOT NULL THEN date_trunc('month', (s.to_on - 1)::timestamp)
				                   ELSE CAST(:ownedTo AS timestamp) END, CAST(:ownedTo AS timestamp)),
				        interval '1 month') AS gs
				    WHERE s.from_on <= CAST(:ownedTo AS date) + interval '1 month'
				)""";
	}
}
