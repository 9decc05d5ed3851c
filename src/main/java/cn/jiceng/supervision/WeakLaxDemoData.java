package cn.jiceng.supervision;

import java.time.LocalDate;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The weak-and-lax ledger of the demo county (the organizations under a path), set-based: 7% of each township's
 * villages and communities (at least one) confirmed for last year — a quarter in each stage — and as many for this year,
 * still rectifying or transformed; each listed by an item of the national list, with its three helpers, a help
 * measure of each kind, and a first secretary for every other one (the rest show in the contact coverage).
 */
@Component
public class WeakLaxDemoData {

	public record Seeded(int listed, int measures) {
	}

	private final JdbcClient jdbc;

	WeakLaxDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		int townDepth = jdbc.sql("SELECT min(depth) FROM organization WHERE county_id = :c AND path LIKE :p AND path <> :own")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("own", underPath)
			.query(Integer.class)
			.optional()
			.orElse(0);
		if (townDepth == 0) {
			return new Seeded(0, 0);
		}
		int last = today.getYear() - 1;
		// helpers: a member of an agency branch (county leader), the first two members of the township's subtree
		int listed = jdbc.sql("""
				INSERT INTO weak_lax (county_id, organization_id, year, status, county_leader_member_id,
				                      township_secretary_member_id, resident_cadre_member_id, transformed_on,
				                      consolidated_on, closed_on, confirmed_by, confirmed_at)
				SELECT x.county_id, x.id, x.y, x.status, x.leader, x.secretary, coalesce(x.cadre, x.secretary),
				       CASE WHEN x.status <> 'RECTIFYING' THEN least(make_date(x.y, 6, 30), CAST(:today AS date)) END,
				       CASE WHEN x.status IN ('CONSOLIDATED', 'CLOSED') THEN make_date(x.y, 9, 30) END,
				       CASE WHEN x.status = 'CLOSED' THEN make_date(x.y, 12, 20) END,
				       'demo', least(make_date(x.y, 2, 15), CAST(:today AS date))
				FROM (
				    SELECT p.*,
				           coalesce((SELECT m.id FROM member m JOIN organization a ON a.id = m.organization_id
				                     WHERE a.county_id = p.county_id AND a.field = 'AGENCY' ORDER BY m.id
				                     OFFSET mod(p.id, 17) LIMIT 1),
				                    (SELECT m.id FROM member m WHERE m.organization_id = p.id ORDER BY m.id LIMIT 1)) AS leader,
				           (SELECT m.id FROM member m JOIN organization o ON o.id = m.organization_id
				            WHERE o.path LIKE p.town_path || '%' ORDER BY o.depth, m.id LIMIT 1) AS secretary,
				           (SELECT m.id FROM member m JOIN organization o ON o.id = m.organization_id
				            WHERE o.path LIKE p.town_path || '%' ORDER BY o.depth, m.id OFFSET 1 LIMIT 1) AS cadre
				    FROM (
				        SELECT v.county_id, v.id, y.y, t.path AS town_path,
				               CASE WHEN y.y = :last THEN (ARRAY['RECTIFYING', 'TRANSFORMED', 'CONSOLIDATED', 'CLOSED'])[CAST(mod(v.id, 4) AS int) + 1]
				                    ELSE (ARRAY['RECTIFYING', 'RECTIFYING', 'TRANSFORMED'])[CAST(mod(v.id, 3) AS int) + 1] END AS status,
				               row_number() OVER (PARTITION BY v.parent_id, y.y ORDER BY mod(v.id * 7919 + y.y * 31, 1000), v.id) AS pick,
				               count(*) OVER (PARTITION BY v.parent_id, y.y) AS villages
				        FROM organization v JOIN organization t ON t.id = v.parent_id
				        CROSS JOIN (VALUES (:last), (:last + 1)) AS y(y)
				        WHERE v.county_id = :c AND v.path LIKE :p AND v.depth = :vd AND v.kind <> 'GROUP'
				          AND v.field IN ('RURAL', 'COMMUNITY')
				    ) p
				    WHERE p.pick <= greatest(1, round(p.villages * 0.07))
				) x
				WHERE x.leader IS NOT NULL AND x.secretary IS NOT NULL
				ON CONFLICT (county_id, organization_id, year) DO NOTHING""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("vd", townDepth + 1)
			.param("last", last)
			.param("today", today)
			.update();
		jdbc.sql("""
				INSERT INTO weak_lax_criterion (county_id, weak_lax_id, code, message, note)
				SELECT w.county_id, w.id, 'MANUAL', n.note, n.note
				FROM weak_lax w JOIN organization v ON v.id = w.organization_id
				JOIN (VALUES (0, '班子配备不齐、书记长期缺职、工作处于停滞状态'), (1, '组织制度形同虚设、不开展党组织活动'),
				             (2, '班子不团结、内耗严重、工作不能正常开展'), (3, '党务村务财务不公开和民主管理混乱'),
				             (4, '服务意识差、服务能力弱、群众意见大'), (5, '无村级组织活动场所')) AS n(k, note)
				  ON n.k = mod(w.organization_id + w.year, 6)
				WHERE w.county_id = :c AND v.path LIKE :p AND w.confirmed_by = 'demo'
				ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.update();
		int measures = jdbc.sql("""
				INSERT INTO weak_lax_measure (county_id, weak_lax_id, taken_on, kind, note, recorded_by)
				SELECT w.county_id, w.id, make_date(w.year, k.month, 12), k.kind, k.note, 'demo'
				FROM weak_lax w JOIN organization v ON v.id = w.organization_id
				CROSS JOIN (VALUES ('STRENGTHEN_TEAM', 3, '调整充实村“两委”班子，选派驻村第一书记'),
				                   ('GROW_INDUSTRY', 5, '引进特色种植项目，壮大村集体经济'),
				                   ('ENRICH_PEOPLE', 8, '组织技能培训，帮助群众务工增收')) AS k(kind, month, note)
				WHERE w.county_id = :c AND v.path LIKE :p AND w.confirmed_by = 'demo'
				  AND make_date(w.year, k.month, 12) <= CAST(:today AS date)
				  AND NOT EXISTS (SELECT 1 FROM weak_lax_measure e WHERE e.weak_lax_id = w.id)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// every other listed village got its first secretary; the others show as uncovered
		jdbc.sql("""
				INSERT INTO contact_assignment (county_id, kind, member_id, organization_id, started_on, created_by)
				SELECT w.county_id, 'FIRST_SECRETARY_TO_VILLAGE', w.county_leader_member_id, w.organization_id,
				       make_date(w.year, 3, 1), 'demo'
				FROM weak_lax w JOIN organization v ON v.id = w.organization_id
				WHERE w.county_id = :c AND v.path LIKE :p AND w.confirmed_by = 'demo' AND mod(w.organization_id, 2) = 0
				  AND NOT EXISTS (SELECT 1 FROM contact_assignment a WHERE a.organization_id = w.organization_id
				                  AND a.kind = 'FIRST_SECRETARY_TO_VILLAGE')""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.update();
		return new Seeded(listed, measures);
	}
}
