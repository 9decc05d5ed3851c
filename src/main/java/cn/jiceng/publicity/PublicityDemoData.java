package cn.jiceng.publicity;

import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Learning, publicity and care for the demo county, set-based: a year and more of weekly night study for every
 * township committee and agency branch (one week in nine missed, so the gaps list has content) with attendance,
 * cross lectures between neighbouring townships, a story from most branches last year (compiled, the first hundred
 * selected, each with a generated placeholder photo) and some this year, and a care fund per township with
 * contributions and disbursements that keep the balance above zero; study materials of the county and each township
 * (large-print text), recorded study needs for half the members aged 70 or more, and their home deliveries by a red
 * instructor of their township in each of the last four quarters (about one in seven missed).
 */
@Component
public class PublicityDemoData {

	private final JdbcClient jdbc;

	PublicityDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Seeded(int sessions, int attendees, int lectures, int stories, int movements, int materials,
			int needs, int deliveries) {
	}

	private static final String[] TOPICS = { "学习习近平新时代中国特色社会主义思想", "学习党章党规", "乡村振兴政策解读",
			"基层治理“四治融合”", "红色家风传承", "共同富裕示范区建设", "安全生产与应急管理", "生态文明建设“绿水青山”" };

	private static final String[] STORY_TITLES = { "守路三十年的老支书", "产业路上的领头雁", "山村里的红色代办员",
			"一张民情地图", "深夜的巡河人", "茶山上的党员先锋岗", "搬迁路上的暖心人", "银发志愿队", "返乡创业带富记",
			"“红色管家”进小区" };

	@Transactional
	public Seeded seed(long countyId, String rootPath, LocalDate today) {
		LocalDate from = LocalDate.of(today.getYear() - 1, 1, 1);
		String topics = "ARRAY['" + String.join("','", TOPICS) + "']";
		// weekly night study: Wednesday of every past week, one week in nine missed
		int sessions = jdbc.sql("""
				INSERT INTO study_session (county_id, organization_id, held_on, form, topic, lecturer, recorded_by)
				SELECT o.county_id, o.id, w.monday + 2,
				       (ARRAY['EXPERT_LECTURE','LEADER_LED','ROTATING_LECTURE','EXCHANGE','ONLINE'])[1 + mod(w.n, 5)],
				       (%s)[1 + mod(w.n + o.id, 8)::int],
				       CASE mod(w.n, 5) WHEN 0 THEN '县委党校讲师' WHEN 1 THEN '党委书记' ELSE NULL END, 'demo'
				FROM organization o
				CROSS JOIN LATERAL (SELECT d::date AS monday, row_number() OVER (ORDER BY d) AS n
				      FROM generate_series(date_trunc('week', CAST(:from AS date)), CAST(:today AS date) - 7, interval '7 day') d) w
				WHERE o.county_id = :c AND o.path LIKE :root
				  AND ((o.kind = 'COMMITTEE' AND o.parent_id IS NOT NULL AND o.depth = (SELECT depth + 1 FROM organization WHERE path = :rootPath))
				       OR (o.kind = 'BRANCH' AND o.field = 'AGENCY'))
				  AND mod(w.n + o.id, 9) <> 0
				  AND NOT EXISTS (SELECT 1 FROM study_session s WHERE s.organization_id = o.id)""".formatted(topics))
			.param("c", countyId)
			.param("root", rootPath + "%")
			.param("rootPath", rootPath)
			.param("from", from)
			.param("today", today)
			.update();
		int attendees = jdbc.sql("""
				INSERT INTO study_attendee (county_id, session_id, member_id)
				SELECT s.county_id, s.id, m.id
				FROM study_session s JOIN organization o ON o.id = s.organization_id
				CROSS JOIN LATERAL (SELECT m.id FROM member m JOIN organization b ON b.id = m.organization_id
				      WHERE b.path LIKE o.path || '%' AND m.status = 'NORMAL' ORDER BY m.id LIMIT 9) m
				WHERE s.county_id = :c AND s.recorded_by = 'demo' AND mod(m.id + s.id, 6) <> 0
				  AND NOT EXISTS (SELECT 1 FROM study_attendee a WHERE a.session_id = s.id)""")
			.param("c", countyId)
			.update();
		// cross lectures: the first member of the next township speaks to each township every other month
		int lectures = jdbc.sql("""
				WITH t AS (SELECT o.id, o.path, row_number() OVER (ORDER BY o.path) AS n, count(*) OVER () AS total
				           FROM organization o WHERE o.county_id = :c AND o.parent_id = (SELECT id FROM organization WHERE path = :rootPath)
				             AND o.kind = 'COMMITTEE'),
				     speaker AS (SELECT t.n, (SELECT m.id FROM member m JOIN organization b ON b.id = m.organization_id
				                  WHERE b.path LIKE t.path || '%%' AND m.category = 'FULL' AND m.status = 'NORMAL'
				                  ORDER BY m.joined_on, m.id LIMIT 1) AS member_id FROM t)
				INSERT INTO cross_lecture (county_id, organization_id, lecturer_member_id, held_on, topic, recorded_by)
				SELECT :c, t.id, s.member_id, d::date + 14, '书记讲给书记听：' || (%s)[1 + mod(t.n + extract(month FROM d)::int, 8)], 'demo'
				FROM t JOIN speaker s ON s.n = CASE WHEN t.n = t.total THEN 1 ELSE t.n + 1 END
				CROSS JOIN generate_series(CAST(:from AS date), CAST(:today AS date) - 30, interval '2 month') d
				WHERE t.total > 1 AND s.member_id IS NOT NULL
				  AND NOT EXISTS (SELECT 1 FROM cross_lecture x WHERE x.organization_id = t.id)""".formatted(topics))
			.param("c", countyId)
			.param("rootPath", rootPath)
			.param("from", from)
			.param("today", today)
			.update();
		int stories = stories(countyId, rootPath, today);
		int movements = careFunds(countyId, rootPath, today);
		int materials = materials(countyId, rootPath, today);
		int needs = needs(countyId, rootPath, today);
		int deliveries = deliveries(countyId, rootPath, today);
		return new Seeded(sessions, attendees, lectures, stories, movements, materials, needs, deliveries);
	}

	private int stories(long countyId, String rootPath, LocalDate today) {
		String titles = "ARRAY['" + String.join("','", STORY_TITLES) + "']";
		int last = today.getYear() - 1;
		int n = jdbc.sql("""
				INSERT INTO story (county_id, organization_id, year, title, text, secretary_comment, status, submitted_by,
				                   compiled_by, compiled_at)
				SELECT o.county_id, o.id, :y, o.name || '：' || (%s)[1 + mod(o.id, 10)::int],
				       o.name || '的党员们把初心写在田间地头。' || chr(10)
				       || '那一年，村里遇到了难事，支部书记带着党员挨家挨户上门，听意见、想办法、定方案。' || chr(10)
				       || '从修通一条路到建起一个合作社，从帮扶一户困难群众到带动一片产业，党员冲在前、干在先，群众看在眼里、记在心上。' || chr(10)
				       || '如今，这里的村民说起党员，总会竖起大拇指：“有事找党员，准没错。”',
				       '用身边事教育身边人，把支部建在群众心坎上。', 'COMPILED', 'demo', 'demo', now()
				FROM organization o
				WHERE o.county_id = :c AND o.path LIKE :root AND o.kind = 'BRANCH' AND mod(o.id, 7) <> 0
				  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = o.id)
				  AND NOT EXISTS (SELECT 1 FROM story s WHERE s.organization_id = o.id)""".formatted(titles))
			.param("c", countyId)
			.param("root", rootPath + "%")
			.param("y", last)
			.update();
		jdbc.sql("""
				UPDATE story SET status = 'SELECTED', selected_by = 'demo', selected_at = now()
				WHERE id IN (SELECT id FROM story WHERE county_id = :c AND year = :y AND submitted_by = 'demo'
				             ORDER BY mod(id * 7919, 1000), id LIMIT 100)""")
			.param("c", countyId)
			.param("y", last)
			.update();
		jdbc.sql("""
				INSERT INTO story_year (county_id, year, selected)
				SELECT :c, :y, count(*) FROM story WHERE county_id = :c AND year = :y AND status = 'SELECTED'
				ON CONFLICT (year, county_id) DO UPDATE SET selected = EXCLUDED.selected""")
			.param("c", countyId)
			.param("y", last)
			.update();
		// this year: a third of the branches have submitted, some compiled already
		n += jdbc.sql("""
				INSERT INTO story (county_id, organization_id, year, title, text, secretary_comment, status, submitted_by)
				SELECT o.county_id, o.id, :y, o.name || '：' || (%s)[1 + mod(o.id + 3, 10)::int],
				       '今年以来，' || o.name || '围绕中心工作，组织党员亮身份、作表率，办成了一批群众身边的实事。',
				       '故事虽小，初心可鉴。', CASE WHEN mod(o.id, 2) = 0 THEN 'COMPILED' ELSE 'SUBMITTED' END, 'demo'
				FROM organization o
				WHERE o.county_id = :c AND o.path LIKE :root AND o.kind = 'BRANCH' AND mod(o.id, 3) = 0
				  AND EXISTS (SELECT 1 FROM member m WHERE m.organization_id = o.id)
				  AND NOT EXISTS (SELECT 1 FROM story s WHERE s.organization_id = o.id AND s.year = :y)""".formatted(titles))
			.param("c", countyId)
			.param("root", rootPath + "%")
			.param("y", today.getYear())
			.update();
		List<byte[]> photos = placeholderPhotos();
		for (int i = 0; i < photos.size(); i++) {
			jdbc.sql("""
					UPDATE story SET photo = :p, photo_type = 'image/png'
					WHERE county_id = :c AND submitted_by = 'demo' AND photo IS NULL AND mod(id, :k) = :i""")
				.param("p", photos.get(i))
				.param("c", countyId)
				.param("k", photos.size())
				.param("i", i)
				.update();
		}
		return n;
	}

	private static final String[][] MATERIALS = {
			{ "党章学习大字读本：党员的八项义务",
					"认真学习马克思列宁主义、毛泽东思想、邓小平理论、“三个代表”重要思想、科学发展观、习近平新时代中国特色社会主义思想，学习党的路线、方针、政策和决议。\n"
							+ "贯彻执行党的基本路线和各项方针、政策，带头参加改革开放和社会主义现代化建设。\n"
							+ "坚持党和人民的利益高于一切，个人利益服从党和人民的利益，吃苦在前，享受在后。\n"
							+ "自觉遵守党的纪律，模范遵守国家的法律法规，严格保守党和国家的秘密。\n"
							+ "维护党的团结和统一，对党忠诚老实，言行一致。\n"
							+ "切实开展批评和自我批评，勇于揭露和纠正违反党的原则的言行和工作中的缺点、错误。\n"
							+ "密切联系群众，向群众宣传党的主张，遇事同群众商量，及时向党反映群众的意见和要求。\n"
							+ "发扬社会主义新风尚，带头实践社会主义核心价值观，为了保护国家和人民的利益，在一切困难和危险的时刻挺身而出。" },
			{ "“两学一做”学习要点（老党员版）",
					"学党章党规，就是要明白党员应当做什么、不能做什么。\n"
							+ "学系列讲话，就是要听党的话，跟党走，把党的好政策讲给乡亲们听。\n"
							+ "做合格党员，就是要讲政治、有信念，讲规矩、有纪律，讲道德、有品行，讲奉献、有作为。\n"
							+ "年纪大了，身体不便，也能做合格党员：按时交纳党费，关心村里的事，给年轻人讲讲当年的故事。" },
			{ "乡村振兴政策一点通",
					"乡村振兴，产业兴旺是重点，生态宜居是关键，乡风文明是保障，治理有效是基础，生活富裕是根本。\n"
							+ "村里发展合作社、民宿和来料加工，党员要带头参与，帮助困难群众增收。\n"
							+ "有什么想法和困难，可以告诉支部书记，也可以请红色指导员代为反映。" } };

	/** Materials of the county (three) and of each township (its dialect talk), dated over the past months. */
	private int materials(long countyId, String rootPath, LocalDate today) {
		StringBuilder values = new StringBuilder();
		for (int i = 0; i < MATERIALS.length; i++) {
			values.append(i == 0 ? "" : ", ").append("(").append(i + 1).append(", '").append(MATERIALS[i][0])
				.append("', '").append(MATERIALS[i][1].replace("\n", "' || chr(10) || '")).append("')");
		}
		int n = jdbc.sql("""
				INSERT INTO study_material (county_id, organization_id, title, text, created_by, created_at)
				SELECT o.county_id, o.id, t.title, t.text, 'demo',
				       CAST(CAST(:today AS date) - t.n * 75 AS timestamp) AT TIME ZONE 'Asia/Shanghai'
				FROM organization o CROSS JOIN (VALUES %s) AS t(n, title, text)
				WHERE o.county_id = :c AND o.path = :rootPath
				  AND NOT EXISTS (SELECT 1 FROM study_material s WHERE s.organization_id = o.id)""".formatted(values))
			.param("c", countyId)
			.param("rootPath", rootPath)
			.param("today", today)
			.update();
		n += jdbc.sql("""
				INSERT INTO study_material (county_id, organization_id, title, text, created_by, created_at)
				SELECT o.county_id, o.id, o.name || '“红色小喇叭”方言学习稿',
				       '乡亲们好，这里是' || o.name || '“红色小喇叭”。' || chr(10)
				       || '今天给老党员们讲一讲我们镇里的新变化：路修好了，自来水通到家家户户，村里的合作社也办起来了。' || chr(10)
				       || '这些变化，离不开党的好政策，也离不开每一位党员的带头作用。' || chr(10)
				       || '身体不方便出门的老党员，红色指导员每个季度都会上门送学，有什么想法，尽管跟他们说。',
				       'demo', CAST(CAST(:today AS date) - 20 AS timestamp) AT TIME ZONE 'Asia/Shanghai'
				FROM organization o
				WHERE o.county_id = :c AND o.kind = 'COMMITTEE'
				  AND o.parent_id = (SELECT id FROM organization WHERE path = :rootPath)
				  AND NOT EXISTS (SELECT 1 FROM study_material s WHERE s.organization_id = o.id)""")
			.param("c", countyId)
			.param("rootPath", rootPath)
			.param("today", today)
			.update();
		return n;
	}

	/** Half the members aged 70+ have their needs recorded: a third large print, a quarter dialect audio, a few decline delivery. */
	private int needs(long countyId, String rootPath, LocalDate today) {
		return jdbc.sql("""
				INSERT INTO study_need (county_id, member_id, large_print, dialect_audio, home_delivery, updated_by)
				SELECT m.county_id, m.id, mod(m.id, 3) = 0, mod(m.id, 4) = 0, mod(m.id, 29) <> 0, 'demo'
				FROM member m JOIN organization o ON o.id = m.organization_id
				WHERE m.county_id = :c AND o.path LIKE :root AND m.birth_date <= :bornBy AND mod(m.id, 2) = 0
				  AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED')
				ON CONFLICT (member_id, county_id) DO NOTHING""")
			.param("c", countyId)
			.param("root", rootPath + "%")
			.param("bornBy", today.minusYears(AccessibleStudyPolicy.DEFAULT_AGE))
			.update();
	}

	/**
	 * A delivery to every member aged 70+ who has not declined it, in each of the last four quarters up to today, by
	 * the youngest member of the township as red instructor; one in seven missed.
	 */
	private int deliveries(long countyId, String rootPath, LocalDate today) {
		return jdbc.sql("""
				WITH towns AS (SELECT o.id, o.path FROM organization o
				               WHERE o.county_id = :c AND o.kind = 'COMMITTEE'
				                 AND o.parent_id = (SELECT id FROM organization WHERE path = :rootPath)),
				     instructor AS (SELECT t.path, (SELECT i.id FROM member i JOIN organization b ON b.id = i.organization_id
				                         WHERE b.path LIKE t.path || '%' AND i.status = 'NORMAL' AND i.birth_date > :bornBy
				                         ORDER BY i.birth_date DESC, i.id LIMIT 1) AS member_id FROM towns t),
				     quarter AS (SELECT d::date AS first, row_number() OVER (ORDER BY d) AS n
				                 FROM generate_series(CAST(:from AS date), CAST(:today AS date), interval '3 month') d)
				INSERT INTO home_delivery (county_id, member_id, delivered_on, instructor_member_id, note, recorded_by)
				SELECT m.county_id, m.id, q.first + mod(m.id + q.n * 7, 85)::int, i.member_id,
				       (ARRAY['送去大字版学习读本并讲解', '播放方言“红色小喇叭”，一起学习', '讲解乡村振兴新政策，听取意见',
				              '带去支部会议精神，代收党费'])[1 + mod(m.id + q.n, 4)::int], 'demo'
				FROM member m JOIN organization o ON o.id = m.organization_id
				JOIN instructor i ON o.path LIKE i.path || '%'
				CROSS JOIN quarter q
				LEFT JOIN study_need n ON n.member_id = m.id
				WHERE m.county_id = :c AND m.birth_date <= :bornBy AND m.status NOT IN ('TRANSFERRED_OUT', 'DECEASED')
				  AND coalesce(n.home_delivery, true) AND i.member_id IS NOT NULL AND i.member_id <> m.id
				  AND mod(m.id + q.n, 7) <> 0 AND q.first + mod(m.id + q.n * 7, 85)::int <= :today
				  AND NOT EXISTS (SELECT 1 FROM home_delivery x WHERE x.member_id = m.id)""")
			.param("c", countyId)
			.param("rootPath", rootPath)
			.param("bornBy", today.minusYears(AccessibleStudyPolicy.DEFAULT_AGE))
			.param("from", AccessibleStudyPolicy.quarterOf(today).firstDay().minusMonths(9))
			.param("today", today)
			.update();
	}

	/** A few landscape placeholders (a red band, a sun, hills) in different tones; no text, so no font is needed. */
	static List<byte[]> placeholderPhotos() {
		Color[][] tones = { { new Color(0xb3121b), new Color(0xf5d58a) }, { new Color(0x2f6f4f), new Color(0xd8ecd0) },
				{ new Color(0x1f4e79), new Color(0xcfe3f5) }, { new Color(0x8a4b08), new Color(0xf7e1c0) },
				{ new Color(0x5b2a86), new Color(0xe8dcf5) }, { new Color(0x0f6e6e), new Color(0xd2f0ee) } };
		List<byte[]> out = new ArrayList<>();
		for (Color[] t : tones) {
			BufferedImage img = new BufferedImage(480, 300, BufferedImage.TYPE_INT_RGB);
			Graphics2D g = img.createGraphics();
			g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
			g.setPaint(new GradientPaint(0, 0, t[1], 0, 300, Color.WHITE));
			g.fillRect(0, 0, 480, 300);
			g.setColor(new Color(0xf2b134));
			g.fillOval(340, 40, 70, 70);
			g.setColor(t[0]);
			g.fillPolygon(new int[] { 0, 120, 240, 360, 480, 480, 0 }, new int[] { 230, 140, 210, 120, 200, 300, 300 }, 7);
			g.setColor(t[0].darker());
			g.fillRect(0, 270, 480, 30);
			g.dispose();
			ByteArrayOutputStream bytes = new ByteArrayOutputStream();
			try {
				ImageIO.write(img, "png", bytes);
			}
			catch (IOException e) {
				throw new UncheckedIOException(e);
			}
			out.add(bytes.toByteArray());
		}
		return out;
	}

	private int careFunds(long countyId, String rootPath, LocalDate today) {
		jdbc.sql("""
				INSERT INTO care_fund (county_id, organization_id)
				SELECT o.county_id, o.id FROM organization o
				WHERE o.county_id = :c AND (o.path = :rootPath
				      OR (o.parent_id = (SELECT id FROM organization WHERE path = :rootPath) AND o.kind = 'COMMITTEE'))
				ON CONFLICT (county_id, organization_id) DO NOTHING""")
			.param("c", countyId)
			.param("rootPath", rootPath)
			.update();
		// contributions on the 10th of every month, by turns from each source
		int in = jdbc.sql("""
				INSERT INTO care_fund_movement (county_id, fund_id, kind, moved_on, amount, source, donor, recorded_by)
				SELECT f.county_id, f.id, 'CONTRIBUTION', d::date + 9,
				       500 + mod(f.id + extract(month FROM d)::int * 37, 20) * 100,
				       (ARRAY['CROWDFUNDING','RETAINED_REWARD','DUES_RETURN','DONATION'])[1 + mod(extract(month FROM d)::int, 4)],
				       CASE WHEN mod(extract(month FROM d)::int, 4) = 3 THEN '爱心企业' END, 'demo'
				FROM care_fund f
				CROSS JOIN generate_series(CAST(:from AS date), CAST(:today AS date) - 10, interval '1 month') d
				WHERE f.county_id = :c
				  AND NOT EXISTS (SELECT 1 FROM care_fund_movement x WHERE x.fund_id = f.id)""")
			.param("c", countyId)
			.param("from", LocalDate.of(today.getYear() - 1, 1, 1))
			.param("today", today)
			.update();
		// disbursements on the 20th of every other month to a member of the fund's subtree, well below what came in
		int out = jdbc.sql("""
				INSERT INTO care_fund_movement (county_id, fund_id, kind, moved_on, amount, reason, member_id, note, recorded_by)
				SELECT f.county_id, f.id, 'DISBURSEMENT', d::date + 19, 200 + mod(f.id + extract(month FROM d)::int, 4) * 100,
				       (ARRAY['ILLNESS','HARDSHIP','FUNERAL'])[1 + mod(extract(month FROM d)::int, 3)], m.id,
				       CASE mod(extract(month FROM d)::int, 3) WHEN 0 THEN '住院慰问' WHEN 1 THEN '困难帮扶' ELSE '送别慰问' END, 'demo'
				FROM care_fund f JOIN organization o ON o.id = f.organization_id
				CROSS JOIN generate_series(CAST(:from AS date), CAST(:today AS date) - 20, interval '2 month') d
				CROSS JOIN LATERAL (SELECT m.id FROM member m JOIN organization b ON b.id = m.organization_id
				      WHERE b.path LIKE o.path || '%' ORDER BY m.birth_date, m.id
				      OFFSET mod(extract(month FROM d)::int, 5) LIMIT 1) m
				WHERE f.county_id = :c
				  AND NOT EXISTS (SELECT 1 FROM care_fund_movement x WHERE x.fund_id = f.id AND x.kind = 'DISBURSEMENT')""")
			.param("c", countyId)
			.param("from", LocalDate.of(today.getYear() - 1, 1, 1))
			.param("today", today)
			.update();
		jdbc.sql("""
				UPDATE care_fund f SET balance = (SELECT coalesce(sum(CASE WHEN kind = 'CONTRIBUTION' THEN amount ELSE -amount END), 0)
				                                  FROM care_fund_movement x WHERE x.fund_id = f.id)
				WHERE f.county_id = :c""")
			.param("c", countyId)
			.update();
		return in + out;
	}
}
