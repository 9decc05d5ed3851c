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
 * contributions and disbursements that keep the balance above zero.
 */
@Component
public class PublicityDemoData {

	private final JdbcClient jdbc;

	PublicityDemoData(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public record Seeded(int sessions, int attendees, int lectures, int stories, int movements) {
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
		return new Seeded(sessions, attendees, lectures, stories, movements);
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
