package cn.jiceng.supervision;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import cn.jiceng.orglife.EvidenceFiles;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assigned problems and the three lists for the demo county (the organizations under a path), set-based. Every
 * township issued three rectification notices over the last year to four of its villages each, and the county one
 * notice per three townships to four townships (about 40 notices and 150 problems at scale 1): most past deadlines
 * closed, some rectified and waiting, a few overdue, recent ones open; rectified ones carry one evidence file, and
 * the issuing side recorded most of the rhythm (a third of the visits are left due). Every village and community
 * keeps its three lists for last year and this year, with items done (with a progress note) where their due date
 * has passed — about one in eight left overdue — and a few done early.
 */
@Component
public class SupervisionDemoData {

	public record Seeded(int notices, int problems, int open, int rectified, int closed, int overdue, int followUps,
			int lists, int items, int assignments, int activities) {
	}

	private final JdbcClient jdbc;
	private final EvidenceFiles evidence;

	SupervisionDemoData(JdbcClient jdbc, EvidenceFiles evidence) {
		this.jdbc = jdbc;
		this.evidence = evidence;
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
			return new Seeded(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);
		}
		long parentId = jdbc.sql("SELECT id FROM organization WHERE path = :p AND county_id = :c")
			.param("p", underPath)
			.param("c", countyId)
			.query(Long.class)
			.single();
		// township notices: three per township over the last year
		int notices = jdbc.sql("""
				INSERT INTO rectification_notice (county_id, organization_id, title, issued_on, issued_by)
				SELECT t.county_id, t.id, titles.title, CAST(:today AS DATE) - CAST(n * 110 + mod(t.id * 7919, 50) + 15 AS INT),
				       'demo'
				FROM organization t CROSS JOIN generate_series(0, 2) AS n
				JOIN (VALUES (0, '关于村级党组织标准化建设问题整改的通知'), (1, '关于“三会一课”落实情况督查问题整改的通知'),
				             (2, '关于党务村务公开问题整改的通知')) AS titles(k, title) ON titles.k = n
				WHERE t.county_id = :c AND t.path LIKE :p AND t.depth = :d AND t.kind <> 'GROUP'""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("d", townDepth)
			.param("today", today)
			.update();
		// the county (or the organization at the path): one notice per three townships
		notices += jdbc.sql("""
				INSERT INTO rectification_notice (county_id, organization_id, title, issued_on, issued_by)
				SELECT :c, :parent, '关于基层党建巡察反馈问题整改的通知（第' || n || '批）', CAST(:today AS DATE) - CAST(n * 75 + 20 AS INT), 'demo'
				FROM generate_series(1, GREATEST(1, (SELECT count(*) FROM organization t WHERE t.county_id = :c
				       AND t.path LIKE :p AND t.depth = :d AND t.kind <> 'GROUP') / 3)) AS n""")
			.param("c", countyId)
			.param("parent", parentId)
			.param("p", underPath + "%")
			.param("d", townDepth)
			.param("today", today)
			.update();
		// four targets per notice among the issuer's direct children (villages and communities for a township)
		int problems = jdbc.sql("""
				INSERT INTO problem (county_id, notice_id, organization_id, description, due_on, status, rectified_on,
				                     closed_on)
				SELECT x.county_id, x.notice_id, x.org_id, x.description, x.due_on,
				       CASE WHEN x.due_on < :today THEN CASE WHEN x.h < 700 THEN 'CLOSED' WHEN x.h < 850 THEN 'RECTIFIED'
				                                             ELSE 'OPEN' END
				            ELSE CASE WHEN x.h < 200 THEN 'CLOSED' WHEN x.h < 500 THEN 'RECTIFIED' ELSE 'OPEN' END END,
				       CASE WHEN (x.due_on < :today AND x.h < 850) OR (x.due_on >= :today AND x.h < 500)
				            THEN LEAST(CAST(:today AS DATE), x.issued_on + CAST(10 + mod(x.h, 40) AS INT)) END,
				       CASE WHEN (x.due_on < :today AND x.h < 700) OR (x.due_on >= :today AND x.h < 200)
				            THEN LEAST(CAST(:today AS DATE), x.issued_on + CAST(15 + mod(x.h, 40) AS INT)) END
				FROM (
				    SELECT n.county_id, n.id AS notice_id, o.id AS org_id, n.issued_on,
				           n.issued_on + CAST(30 + mod(o.id * 31 + n.id, 90) AS INT) AS due_on,
				           mod(o.id * 7919 + n.id * 104729, 1000) AS h,
				           d.description,
				           row_number() OVER (PARTITION BY n.id ORDER BY mod(o.id * 7919 + n.id * 13, 1009)) AS pick
				    FROM rectification_notice n
				    JOIN organization io ON io.id = n.organization_id
				    JOIN organization o ON o.parent_id = io.id AND o.county_id = n.county_id AND o.kind <> 'GROUP'
				         AND (io.depth < :d OR o.field IN ('RURAL', 'COMMUNITY'))
				    JOIN (VALUES (0, '“三会一课”记录不规范，部分月份缺少支委会记录'), (1, '党员活动阵地标识不全，制度未上墙'),
				                 (2, '党务公开栏内容未及时更新'), (3, '发展党员材料不完整，缺少政治审查结论'),
				                 (4, '流动党员联系不经常，三信联系报告缺失'), (5, '主题党日活动内容单一，群众参与少'),
				                 (6, '党费收缴台账不清，存在补交不及时'), (7, '村级重大事项未严格执行“四议两公开”'))
				         AS d(k, description) ON d.k = mod(o.id + n.id, 8)
				    WHERE n.county_id = :c AND io.path LIKE :p AND n.issued_by = 'demo'
				      AND NOT EXISTS (SELECT 1 FROM problem q WHERE q.notice_id = n.id)
				) x
				WHERE x.pick <= 4""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("d", townDepth)
			.param("today", today)
			.update();
		jdbc.sql("""
				INSERT INTO problem_step (county_id, problem_id, step, taken_on, note, taken_by)
				SELECT p.county_id, p.id, 'RECTIFIED', p.rectified_on, '已按通知要求完成整改，佐证材料已上传', 'demo'
				FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
				WHERE p.county_id = :c AND n.issued_by = 'demo' AND p.rectified_on IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM problem_step s WHERE s.problem_id = p.id)""")
			.param("c", countyId)
			.update();
		jdbc.sql("""
				INSERT INTO problem_step (county_id, problem_id, step, taken_on, note, taken_by)
				SELECT p.county_id, p.id, 'ACCEPTED', p.closed_on, '经实地查看，整改到位，同意销号', 'demo'
				FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
				WHERE p.county_id = :c AND n.issued_by = 'demo' AND p.status = 'CLOSED'
				  AND NOT EXISTS (SELECT 1 FROM problem_step s WHERE s.problem_id = p.id AND s.step = 'ACCEPTED')""")
			.param("c", countyId)
			.update();
		if (problems > 0) {
			byte[] note = "整改佐证材料（演示数据）：整改前后对比照片及说明。".getBytes(StandardCharsets.UTF_8);
			EvidenceFiles.StoredEvidence stored = evidence.storeEvidence(countyId, today.getYear(), "整改佐证材料.txt",
					note.length, new ByteArrayInputStream(note));
			jdbc.sql("""
					INSERT INTO supervision_file (county_id, problem_id, name, content_type, size, sha256, storage_path,
					                              uploaded_by, uploaded_at)
					SELECT p.county_id, p.id, :name, :type, :size, :sha, :path, 'demo',
					       CAST(p.rectified_on AS TIMESTAMP) AT TIME ZONE 'Asia/Shanghai'
					FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
					WHERE p.county_id = :c AND n.issued_by = 'demo' AND p.rectified_on IS NOT NULL
					  AND NOT EXISTS (SELECT 1 FROM supervision_file f WHERE f.problem_id = p.id)""")
				.param("c", countyId)
				.param("name", stored.name())
				.param("type", stored.contentType())
				.param("size", stored.size())
				.param("sha", stored.sha256())
				.param("path", stored.storagePath())
				.update();
		}
		// the rhythm: monthly visits and quarterly urges since the notice, a third of the problems a visit behind
		int followUps = jdbc.sql("""
				INSERT INTO problem_follow_up (county_id, problem_id, held_on, kind, note, recorded_by)
				SELECT p.county_id, p.id, CAST(n.issued_on + make_interval(months => CAST(m.k * m.step AS INT)) AS DATE), m.kind,
				       m.note, 'demo'
				FROM problem p JOIN rectification_notice n ON n.id = p.notice_id
				CROSS JOIN (SELECT k, step, kind, note FROM generate_series(1, 12) AS k
				            CROSS JOIN (VALUES (1, 'MONTHLY_VISIT', '到村随访，了解整改进度'),
				                               (3, 'QUARTERLY_URGE', '督促加快整改，明确责任人和时限'),
				                               (6, 'HALF_YEAR_REVIEW', '半年考核整改成效')) AS r(step, kind, note)) m
				WHERE p.county_id = :c AND n.issued_by = 'demo'
				  AND n.issued_on + make_interval(months => CAST(m.k * m.step AS INT))
				      <= COALESCE(p.closed_on, CAST(:today AS DATE) - CASE WHEN mod(p.id, 3) = 0 THEN 40 ELSE 0 END)
				  AND NOT EXISTS (SELECT 1 FROM problem_follow_up f WHERE f.problem_id = p.id)""")
			.param("c", countyId)
			.param("today", today)
			.update();

		// the three lists of every village and community for last year and this year
		int lists = jdbc.sql("""
				INSERT INTO duty_list (county_id, organization_id, year, kind, created_by)
				SELECT o.county_id, o.id, y, k, 'demo'
				FROM organization o CROSS JOIN (VALUES (:last), (:this)) AS years(y)
				CROSS JOIN (VALUES ('ORGANIZATION'), ('MEMBER'), ('LIVELIHOOD')) AS kinds(k)
				WHERE o.county_id = :c AND o.path LIKE :p AND o.depth = :vd AND o.kind <> 'GROUP'
				  AND o.field IN ('RURAL', 'COMMUNITY')
				ON CONFLICT (county_id, organization_id, year, kind) DO NOTHING""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("vd", townDepth + 1)
			.param("last", today.getYear() - 1)
			.param("this", today.getYear())
			.update();
		int items = jdbc.sql("""
				INSERT INTO duty_item (county_id, list_id, position, title, due_on, lead_member_id, done_on)
				SELECT l.county_id, l.id, c.pos, c.title, c.due, c.lead,
				       CASE WHEN c.due < :today AND c.h >= 125 THEN c.due - CAST(mod(c.h, 20) AS INT)
				            WHEN c.due >= :today AND c.h < 150 AND c.due - 60 < :today THEN CAST(:today AS DATE) - 1 END
				FROM duty_list l
				CROSS JOIN LATERAL (
				    SELECT i.pos, i.title, make_date(l.year, i.month, 28) AS due,
				           mod(l.id * 7919 + i.pos * 104729, 1000) AS h,
				           CASE WHEN l.kind = 'MEMBER' THEN (SELECT m.id FROM member m
				                WHERE m.organization_id = l.organization_id AND m.county_id = l.county_id
				                ORDER BY m.id OFFSET i.pos LIMIT 1) END AS lead
				    FROM (VALUES ('ORGANIZATION', 0, 3, '落实“三会一课”制度，按月开展主题党日'),
				                 ('ORGANIZATION', 1, 6, '完成村级党组织阵地规范化建设'),
				                 ('ORGANIZATION', 2, 9, '开展党员冬春训和集中轮训'),
				                 ('ORGANIZATION', 3, 12, '完成年度党组织书记述职评议'),
				                 ('MEMBER', 0, 4, '党员领办：村级集体经济增收项目'),
				                 ('MEMBER', 1, 7, '党员联户：每名党员联系十户群众'),
				                 ('MEMBER', 2, 10, '党员志愿服务：环境整治志愿服务'),
				                 ('MEMBER', 3, 11, '党员承诺践诺年度评议'),
				                 ('LIVELIHOOD', 0, 5, '硬化通组道路'),
				                 ('LIVELIHOOD', 1, 8, '改造村级饮水管网'),
				                 ('LIVELIHOOD', 2, 10, '建设村级文化广场'),
				                 ('LIVELIHOOD', 3, 12, '开展困难群众走访慰问')) AS i(kind, pos, month, title)
				    WHERE i.kind = l.kind
				) c
				WHERE l.county_id = :c AND l.created_by = 'demo'
				  AND EXISTS (SELECT 1 FROM organization o WHERE o.id = l.organization_id AND o.path LIKE :p)
				  AND NOT EXISTS (SELECT 1 FROM duty_item x WHERE x.list_id = l.id)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		jdbc.sql("""
				INSERT INTO duty_progress (county_id, item_id, noted_on, note, done, recorded_by)
				SELECT i.county_id, i.id, i.done_on, '已按时限完成，佐证材料存档', TRUE, 'demo'
				FROM duty_item i JOIN duty_list l ON l.id = i.list_id
				WHERE i.county_id = :c AND l.created_by = 'demo' AND i.done_on IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM duty_progress g WHERE g.item_id = i.id)""")
			.param("c", countyId)
			.update();

		int[] contacts = contacts(countyId, underPath, townDepth, today);
		record Counts(int open, int rectified, int closed, int overdue) {
		}
		Counts counts = jdbc.sql("""
				SELECT count(*) FILTER (WHERE p.status = 'OPEN'), count(*) FILTER (WHERE p.status = 'RECTIFIED'),
				       count(*) FILTER (WHERE p.status = 'CLOSED'), count(*) FILTER (WHERE """
				+ ProblemPolicy.sqlOverdue("p") + """
				)
				FROM problem p JOIN organization o ON o.id = p.organization_id
				WHERE p.county_id = :c AND o.path LIKE :p""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.query((rs, i) -> new Counts(rs.getInt(1), rs.getInt(2), rs.getInt(3), rs.getInt(4)))
			.single();
		return new Seeded(notices, problems, counts.open(), counts.rectified(), counts.closed(), counts.overdue(),
				followUps, lists, items, contacts[0], contacts[1]);
	}

	/**
	 * Contact assignments since January of last year: a leader for every township (a member of its own units), a
	 * department for nine villages in ten and a township member for eight village branches in ten (members of the
	 * village), with their activities on a schedule that meets the default duties — except one assignment in five,
	 * which skips November and so ends last year ineffective.
	 */
	private int[] contacts(long countyId, String underPath, int townDepth, LocalDate today) {
		int assignments = jdbc.sql("""
				INSERT INTO contact_assignment (county_id, kind, member_id, organization_id, started_on, created_by)
				SELECT x.county_id, x.kind, x.member_id, x.id, make_date(:last, 1, 1), 'demo'
				FROM (
				    SELECT t.county_id, t.id, 'LEADER_TO_TOWNSHIP' AS kind,
				           (SELECT m.id FROM organization c JOIN member m ON m.organization_id = c.id
				            WHERE c.parent_id = t.id ORDER BY m.id LIMIT 1) AS member_id
				    FROM organization t
				    WHERE t.county_id = :c AND t.path LIKE :p AND t.depth = :d AND t.kind <> 'GROUP'
				    UNION ALL
				    SELECT v.county_id, v.id, k.kind,
				           (SELECT m.id FROM member m WHERE m.organization_id = v.id ORDER BY m.id
				            OFFSET k.pick LIMIT 1)
				    FROM organization v
				    CROSS JOIN (VALUES ('DEPARTMENT_TO_VILLAGE', 1, 900), ('TOWNSHIP_MEMBER_TO_BRANCH', 2, 800))
				         AS k(kind, pick, share)
				    WHERE v.county_id = :c AND v.path LIKE :p AND v.depth = :vd AND v.kind <> 'GROUP'
				      AND v.field IN ('RURAL', 'COMMUNITY') AND mod(v.id * 7919, 1000) < k.share
				      AND (k.kind <> 'TOWNSHIP_MEMBER_TO_BRANCH' OR v.kind = 'BRANCH')
				) x
				WHERE x.member_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM contact_assignment a WHERE a.organization_id = x.id AND a.kind = x.kind)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("d", townDepth)
			.param("vd", townDepth + 1)
			.param("last", today.getYear() - 1)
			.update();
		int activities = jdbc.sql("""
				INSERT INTO contact_activity (county_id, assignment_id, held_on, kind, note, recorded_by)
				SELECT a.county_id, a.id, make_date(y, s.month, s.day), s.activity, s.note, 'demo'
				FROM contact_assignment a CROSS JOIN (VALUES (:last), (:this)) AS years(y)
				JOIN (
				    SELECT 'LEADER_TO_TOWNSHIP' AS kind, 'RESEARCH_DAY' AS activity, m AS month, d AS day,
				           '到乡镇蹲点调研' AS note
				    FROM generate_series(1, 12) AS m CROSS JOIN (VALUES (5), (20)) AS days(d)
				    UNION ALL SELECT 'LEADER_TO_TOWNSHIP', 'DISPATCH_MEETING', m, 10, '召开党建工作调度会'
				    FROM generate_series(1, 12) AS m
				    UNION ALL SELECT 'LEADER_TO_TOWNSHIP', 'PROBLEM_SOLVED', m, 15, '协调解决乡镇重大问题'
				    FROM (VALUES (3), (6), (9), (12)) AS q(m)
				    UNION ALL SELECT 'LEADER_TO_TOWNSHIP', 'RESEARCH_REPORT', m, 25, '形成专题调研报告'
				    FROM (VALUES (6), (12)) AS h(m)
				    UNION ALL SELECT 'LEADER_TO_TOWNSHIP', 'LIFE_MEETING_GUIDED', 1, 18, '指导乡镇党委民主生活会'
				    UNION ALL SELECT 'DEPARTMENT_TO_VILLAGE', 'VISIT', m, 12, '入村走访，听取群众意见'
				    FROM (VALUES (2), (5), (8), (11)) AS q(m)
				    UNION ALL SELECT 'DEPARTMENT_TO_VILLAGE', 'PROBLEM_SOLVED', m, 16, '协调解决村里实际困难'
				    FROM (VALUES (4), (10)) AS h(m)
				    UNION ALL SELECT 'TOWNSHIP_MEMBER_TO_BRANCH', 'VISIT', m, 8, '到联系支部指导工作'
				    FROM generate_series(1, 12) AS m
				    UNION ALL SELECT 'TOWNSHIP_MEMBER_TO_BRANCH', 'LIFE_MEETING_GUIDED', 1, 22, '指导支部组织生活会'
				) s ON s.kind = a.kind
				WHERE a.county_id = :c AND a.created_by = 'demo' AND make_date(y, s.month, s.day) <= :today
				  AND make_date(y, s.month, s.day) >= a.started_on AND NOT (mod(a.id, 5) = 0 AND s.month = 11)
				  AND EXISTS (SELECT 1 FROM organization o WHERE o.id = a.organization_id AND o.path LIKE :p)
				  AND NOT EXISTS (SELECT 1 FROM contact_activity x WHERE x.assignment_id = a.id)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("last", today.getYear() - 1)
			.param("this", today.getYear())
			.param("today", today)
			.update();
		return new int[] { assignments, activities };
	}
}
