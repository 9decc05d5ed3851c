package cn.jiceng.organization;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Leadership offices for the demo county, set-based: every branch gets a secretary, an organization member and a
 * deputy or committee members from its full members on the roll; every committee and general branch a secretary
 * and an organization member from its subtree. In one branch in forty the secretary left five months ago and the
 * post is still empty, so the vacancy warnings have something to show.
 */
@Component
public class OfficeDemoData {

	private final JdbcClient jdbc;
	private final MemberRoll roll;

	OfficeDemoData(JdbcClient jdbc, MemberRoll roll) {
		this.jdbc = jdbc;
		this.roll = roll;
	}

	/** Offices of the organizations under a path ("/1/" for the county) that have none yet; the holdings written. */
	@Transactional
	public int seed(long countyId, String underPath, java.time.LocalDate today) {
		int branches = jdbc.sql("""
				INSERT INTO org_office (county_id, organization_id, member_id, office, started_on, ended_on, recorded_by)
				SELECT o.county_id, o.id, x.id,
				       CASE x.n WHEN 1 THEN '%1$s' WHEN 2 THEN '%2$s' WHEN 3 THEN '%3$s' ELSE '%4$s' END,
				       greatest(least(coalesce(o.term_started_on, DATE '2021-03-01'), DATE '2021-03-01'), x.joined_on),
				       CASE WHEN x.n = 1 AND mod(o.id, 40) = 0 THEN CAST(:left AS date) END, 'demo'
				FROM organization o
				JOIN LATERAL (
				    SELECT m.id, m.joined_on, row_number() OVER (ORDER BY m.joined_on, m.id) AS n
				    FROM member m
				    WHERE m.organization_id = o.id AND m.category = 'FULL' AND %5$s
				    ORDER BY m.joined_on, m.id LIMIT 5) x ON TRUE
				WHERE o.county_id = :c AND o.path LIKE :under AND o.kind = '%6$s'
				  AND NOT EXISTS (SELECT 1 FROM org_office f WHERE f.organization_id = o.id)""".formatted(Office.SECRETARY.name(),
				Office.ORGANIZATION_MEMBER.name(), Office.DEPUTY_SECRETARY.name(), Office.COMMITTEE_MEMBER.name(),
				roll.sqlOnRoll("m.status"), OrgKind.BRANCH.name()))
			.param("c", countyId)
			.param("under", underPath + "%")
			.param("left", today.minusMonths(5))
			.update();
		int committees = jdbc.sql("""
				INSERT INTO org_office (county_id, organization_id, member_id, office, started_on, recorded_by)
				SELECT o.county_id, o.id, x.id, CASE x.n WHEN 1 THEN '%1$s' ELSE '%2$s' END,
				       greatest(least(coalesce(o.term_started_on, DATE '2021-03-01'), DATE '2021-03-01'), x.joined_on), 'demo'
				FROM organization o
				JOIN LATERAL (
				    SELECT m.id, m.joined_on, row_number() OVER (ORDER BY m.id) AS n
				    FROM member m JOIN organization b ON b.id = m.organization_id
				    WHERE b.path LIKE o.path || '%%' AND b.id <> o.id AND m.category = 'FULL' AND %3$s
				    ORDER BY m.id LIMIT 2) x ON TRUE
				WHERE o.county_id = :c AND o.path LIKE :under AND o.kind IN ('%4$s', '%5$s')
				  AND NOT EXISTS (SELECT 1 FROM org_office f WHERE f.organization_id = o.id)""".formatted(
				Office.SECRETARY.name(), Office.ORGANIZATION_MEMBER.name(), roll.sqlOnRoll("m.status"),
				OrgKind.COMMITTEE.name(), OrgKind.GENERAL_BRANCH.name()))
			.param("c", countyId)
			.param("under", underPath + "%")
			.update();
		return branches + committees;
	}
}
