package cn.jiceng.development;

import java.time.LocalDate;
import java.util.stream.Collectors;

import cn.jiceng.member.MemberService;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Membership development for the demo county (the organizations under a path), set-based. The records of people
 * already on the roll as probationary members (and of members converted in the last two years) are written back
 * from their joining date, so the record book and the roll agree; a few hundred more people are on their way in
 * branches across the county at every step up to the acceptance vote, their dates spread over the last three years
 * so that some carry warnings. A few probations are extended, one is cancelled (through the member module), and
 * every township has this year's plan.
 */
@Component
public class DevelopmentDemoData {

	public record Seeded(int records, int steps, int extensions, int cancellations, int plans) {
	}

	/** Step number → days after the application (steps 22–25: days after the end of probation, less 365). */
	private static final int[] OFFSET = { 0, 0, 20, 60, 65, 70, 240, 440, 450, 455, 480, 500, 520, 530, 540, 560, 565,
			570, 580, 585, 590, 800, 915, 935, 950, 960 };

	private final JdbcClient jdbc;
	private final MemberService members;

	DevelopmentDemoData(JdbcClient jdbc, MemberService members) {
		this.jdbc = jdbc;
		this.members = members;
	}

	private static String stepTable() {
		return "(VALUES " + DevelopmentStep.numberedSteps()
			.stream()
			.map(s -> "(" + s.number() + ", '" + s.name() + "', '" + s.reaches().name() + "', " + OFFSET[s.number()] + ")")
			.collect(Collectors.joining(", ")) + ") AS st(n, code, reaches, days)";
	}

	@Transactional
	public Seeded seed(long countyId, String underPath, LocalDate today) {
		// people on the roll: probationary members, and members converted in the last two years
		int linked = jdbc.sql("""
				INSERT INTO development_record (county_id, organization_id, name, gender, id_number, birth_date, applied_on,
				    stage, member_id, accepted_on, created_by)
				SELECT m.county_id, m.organization_id, m.name, m.gender, m.id_number, m.birth_date,
				       m.joined_on - 560, 'APPLICANT', m.id, m.joined_on + 30, 'demo'
				FROM member m JOIN organization o ON o.id = m.organization_id AND o.county_id = m.county_id
				WHERE m.county_id = :c AND o.path LIKE :p AND m.status = 'NORMAL'
				  AND ((m.category = 'PROBATIONARY' AND m.joined_on <= :settled)
				       OR (m.full_member_on > :twoYears AND m.full_member_on <= :converted AND mod(m.id, 3) = 0))
				ORDER BY m.id LIMIT 240""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("twoYears", today.minusYears(2))
			.param("settled", today.minusDays(15))
			.param("converted", today.minusDays(40))
			.update();
		// people on their way: up to three a branch, each stopped at some step up to the vote
		int open = jdbc.sql("""
				INSERT INTO development_record (county_id, organization_id, name, gender, id_number, birth_date, applied_on,
				    stage, created_by)
				SELECT x.county_id, x.id, x.name, x.gender, x.id17 || substr('10X98765432', CAST(x.s % 11 + 1 AS int), 1), x.birth,
				       x.applied, 'APPLICANT', 'demo:' || x.target
				FROM (
				    SELECT b.*, (SELECT sum(substr(b.id17, i, 1)::int * (ARRAY[7,9,10,5,8,4,2,1,6,3,7,9,10,5,8,4,2])[i])
				                 FROM generate_series(1, 17) i) AS s
				    FROM (
				        SELECT a.*, '330199' || to_char(a.birth, 'YYYYMMDD')
				                    || lpad(((a.h % 450) * 2 + CASE WHEN a.gender = 'MALE' THEN 1 ELSE 0 END)::text, 3, '0') AS id17
				        FROM (
				            SELECT o.id, o.county_id, h.h,
				                   (ARRAY['张','王','李','赵','陈','刘','杨','黄','周','吴','徐','孙'])[h.h % 12 + 1]
				                   || (ARRAY['建国','晓明','丽华','志强','海燕','文杰','婷婷','俊杰','雨欣','浩然','秀英','国平'])[(h.h / 12) % 12 + 1] AS name,
				                   CASE WHEN h.h % 2 = 0 THEN 'MALE' ELSE 'FEMALE' END AS gender,
				                   CAST(:today AS date) - ((22 + h.h % 20) * 365 + h.h % 300) AS birth,
				                   CAST(:today AS date) - (h.h % 1000) AS applied,
				                   1 + h.h % 16 AS target
				            FROM organization o
				            CROSS JOIN generate_series(1, 3) AS k(k)
				            CROSS JOIN LATERAL (SELECT CAST(mod(o.id * 7919 + k.k * 104729, 100000) AS int) AS h) h
				            WHERE o.county_id = :c AND o.path LIKE :p AND o.kind = 'BRANCH'
				              AND (SELECT count(*) FROM member f WHERE f.organization_id = o.id AND f.category = 'FULL') >= 3
				              AND mod(o.id + k.k, 4) = 0
				            ORDER BY h.h LIMIT 300) a) b) x""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// the steps: a prefix of the 25 up to each record's target, none after today
		int steps = jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, conclusion, hours, entitled,
				    entitled_full, present, yes_votes, recorded_by, recorded_at)
				SELECT r.county_id, r.id, st.code, d.on_date,
				       CASE WHEN st.code = 'POLITICAL_REVIEW' THEN 'PASSED' END,
				       CASE WHEN st.code = 'TRAINING' THEN 24 + mod(r.id, 3) * 8 END,
				       CASE WHEN st.code IN ('ACCEPTANCE_VOTE', 'CONVERSION_VOTE') THEN f.n END,
				       CASE WHEN st.code IN ('ACCEPTANCE_VOTE', 'CONVERSION_VOTE') THEN f.n END,
				       CASE WHEN st.code IN ('ACCEPTANCE_VOTE', 'CONVERSION_VOTE') THEN f.n - f.n / 5 END,
				       CASE WHEN st.code IN ('ACCEPTANCE_VOTE', 'CONVERSION_VOTE') THEN f.n - f.n / 5 END,
				       'demo', d.on_date + time '10:00'
				FROM development_record r
				JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				CROSS JOIN """ + stepTable() + """

				CROSS JOIN LATERAL (SELECT CASE WHEN st.n >= 22 THEN r.applied_on + 560 + 365 + (st.days - 925)
				                                ELSE r.applied_on + st.days END AS on_date) d
				CROSS JOIN LATERAL (SELECT greatest(count(*), 3)::int AS n FROM member f
				                    WHERE f.organization_id = r.organization_id AND f.category = 'FULL') f
				WHERE r.county_id = :c AND o.path LIKE :p AND r.created_by LIKE 'demo%' AND d.on_date <= :today
				  AND NOT EXISTS (SELECT 1 FROM development_step x WHERE x.record_id = r.id)
				  AND st.n <= CASE WHEN r.created_by LIKE 'demo:%' THEN CAST(substr(r.created_by, 6) AS int) ELSE 25 END
				  AND (r.member_id IS NULL OR st.n <= 21 OR r.id IN (SELECT d2.id FROM development_record d2
				       JOIN member m ON m.id = d2.member_id AND m.county_id = d2.county_id WHERE m.category = 'FULL')
				       OR st.n = 22)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// contacts (one) and introducers (two): the branch's first full members
		jdbc.sql("""
				INSERT INTO development_step_member (county_id, step_id, position, member_id)
				SELECT s.county_id, s.id, f.rn - 1, f.id
				FROM development_step s JOIN development_record r ON r.id = s.record_id AND r.county_id = s.county_id
				JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				CROSS JOIN LATERAL (SELECT m.id, row_number() OVER (ORDER BY m.id) AS rn FROM member m
				                    WHERE m.organization_id = r.organization_id AND m.category = 'FULL'
				                      AND m.status = 'NORMAL' ORDER BY m.id LIMIT 2) f
				WHERE s.county_id = :c AND o.path LIKE :p AND r.created_by LIKE 'demo%'
				  AND (s.step = 'INTRODUCERS' OR (s.step = 'CONTACTS_ASSIGNED' AND f.rn = 1))
				  AND NOT EXISTS (SELECT 1 FROM development_step_member x WHERE x.step_id = s.id)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.update();
		// a few extensions of probation (six months), decided ten months into it
		int extensions = jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, months, reason, recorded_by)
				SELECT r.county_id, r.id, 'PROBATION_EXTENDED', v.on_date + 300, 6, '理论学习和发挥作用有待加强，延长预备期继续考察', 'demo'
				FROM development_record r
				JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				JOIN development_step v ON v.record_id = r.id AND v.step = 'ACCEPTANCE_VOTE'
				JOIN member m ON m.id = r.member_id AND m.county_id = r.county_id
				WHERE r.county_id = :c AND o.path LIKE :p AND r.created_by = 'demo' AND m.category = 'PROBATIONARY'
				  AND v.on_date + 300 <= :today AND mod(r.id, 5) = 0""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// the higher committee approves an extension twenty days after the branch decided it (later ones still wait)
		steps += jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, conclusion, months, reason, recorded_by)
				SELECT e.county_id, e.record_id, 'EXTENSION_APPROVAL', e.on_date + 20, 'PASSED', e.months,
				       '经乡镇党委会议集体研究，同意延长预备期' || e.months || '个月', 'demo'
				FROM development_step e JOIN development_record r ON r.id = e.record_id AND r.county_id = e.county_id
				JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				WHERE e.county_id = :c AND o.path LIKE :p AND e.step = 'PROBATION_EXTENDED' AND e.on_date + 20 <= :today
				  AND NOT EXISTS (SELECT 1 FROM development_step x WHERE x.record_id = e.record_id
				                  AND x.step = 'EXTENSION_APPROVAL')""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("today", today)
			.update();
		// the publicity before each activist, candidate, acceptance and conversion step: nine days ending four days
		// before it (at least 5 working days)
		steps += jdbc.sql("""
				INSERT INTO development_step (county_id, record_id, step, on_date, ends_on, place, recorded_by, recorded_at)
				SELECT v.county_id, v.record_id, g.publicity, v.on_date - 12, v.on_date - 4, o.name || '党务公开栏', 'demo',
				       v.on_date - 12 + time '10:00'
				FROM development_step v JOIN development_record r ON r.id = v.record_id AND r.county_id = v.county_id
				JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				JOIN (VALUES ('ACTIVIST', 'ACTIVIST_PUBLICITY'), ('CANDIDATE', 'CANDIDATE_PUBLICITY'),
				             ('ACCEPTANCE_VOTE', 'PUBLICITY'), ('CONVERSION_VOTE', 'CONVERSION_PUBLICITY'))
				     AS g (guarded, publicity) ON g.guarded = v.step
				WHERE v.county_id = :c AND o.path LIKE :p AND r.created_by LIKE 'demo%'
				  AND NOT EXISTS (SELECT 1 FROM development_step x WHERE x.record_id = v.record_id
				                  AND x.step = g.publicity)""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.update();
		// stage, next step, acceptance and end of probation from the steps
		jdbc.sql("""
				UPDATE development_record r SET
				    stage = x.reaches,
				    next_step = CASE WHEN x.n IN (2, 6, 14, 22) AND NOT EXISTS (SELECT 1 FROM development_step p
				                      WHERE p.record_id = x.record_id AND p.county_id = :c AND p.step = CASE x.n
				                      WHEN 2 THEN 'ACTIVIST_PUBLICITY' WHEN 6 THEN 'CANDIDATE_PUBLICITY'
				                      WHEN 14 THEN 'PUBLICITY' ELSE 'CONVERSION_PUBLICITY' END)
				                     THEN CASE x.n WHEN 2 THEN 'ACTIVIST_PUBLICITY' WHEN 6 THEN 'CANDIDATE_PUBLICITY'
				                      WHEN 14 THEN 'PUBLICITY' ELSE 'CONVERSION_PUBLICITY' END
				                     ELSE (SELECT st.code FROM """ + stepTable() + """
				                 WHERE st.n = x.n + 1) END,
				    accepted_on = CASE WHEN x.n >= 17 THEN x.approved END,
				    probation_ends_on = CASE WHEN x.n >= 17 THEN CAST(x.voted + make_interval(months => 12
				        + (SELECT coalesce(max(e.months), 0) FROM development_step e WHERE e.record_id = x.record_id
				           AND e.county_id = :c AND e.step = 'EXTENSION_APPROVAL' AND e.conclusion = 'PASSED')) AS date) END,
				    created_by = 'demo'
				FROM (SELECT s.record_id, max(st.n) AS n,
				             (array_agg(st.reaches ORDER BY st.n DESC))[1] AS reaches,
				             max(CASE WHEN s.step = 'ACCEPTANCE_VOTE' THEN s.on_date END) AS voted,
				             max(CASE WHEN s.step = 'ACCEPTANCE_APPROVAL' THEN s.on_date END) AS approved
				      FROM development_step s JOIN """ + stepTable() + """
				       ON st.code = s.step
				      WHERE s.county_id = :c
				      GROUP BY s.record_id) x
				WHERE r.id = x.record_id AND r.county_id = :c AND r.created_by LIKE 'demo%'""")
			.param("c", countyId)
			.update();
		// one cancellation (取消预备党员资格): the member leaves the roll through the member module
		int cancellations = 0;
		var victim = jdbc.sql("""
				SELECT r.id, r.member_id, (SELECT max(s.on_date) FROM development_step s WHERE s.record_id = r.id) AS last
				FROM development_record r JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				WHERE r.county_id = :c AND o.path LIKE :p AND r.stage = 'PROBATIONARY' AND r.member_id IS NOT NULL
				ORDER BY 3, r.id LIMIT 1""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2), rs.getObject(3, LocalDate.class).toEpochDay() })
			.optional();
		if (victim.isPresent()) {
			LocalDate on = LocalDate.ofEpochDay(victim.get()[2]).plusDays(1);
			if (!on.isAfter(today)) {
				jdbc.sql("""
						INSERT INTO development_step (county_id, record_id, step, on_date, conclusion, reason, recorded_by)
						VALUES (:c, :r, 'PROBATION_CANCELLED', :on, NULL, '预备期内严重违反党的纪律，经支部大会讨论决定取消预备党员资格', 'demo'),
						       (:c, :r, 'CANCELLATION_APPROVAL', :on, 'PASSED', '经乡镇党委会议集体研究，同意取消其预备党员资格', 'demo')""")
					.param("c", countyId)
					.param("r", victim.get()[0])
					.param("on", on)
					.update();
				jdbc.sql("UPDATE development_record SET stage = 'CANCELLED', next_step = NULL WHERE id = :r")
					.param("r", victim.get()[0])
					.update();
				members.cancelProbation(victim.get()[1], on);
				cancellations = 1;
			}
		}
		// this year's plan of every township: a little above what it has accepted so far
		int plans = jdbc.sql("""
				INSERT INTO development_plan (county_id, organization_id, year, quota, updated_by)
				SELECT t.county_id, t.id, :y,
				       greatest(1, (SELECT count(*) FROM development_record r
				                    JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				                    WHERE r.county_id = t.county_id AND o.path LIKE t.path || '%'
				                      AND r.accepted_on >= :from) + mod(t.id, 3) + 1), 'demo'
				FROM organization t
				WHERE t.county_id = :c AND t.path LIKE :p AND t.depth = (SELECT min(depth) + 1 FROM organization
				      WHERE county_id = :c AND path LIKE :p) AND t.kind = 'COMMITTEE'
				ON CONFLICT (organization_id, year, county_id) DO NOTHING""")
			.param("c", countyId)
			.param("p", underPath + "%")
			.param("y", today.getYear())
			.param("from", LocalDate.of(today.getYear(), 1, 1))
			.update();
		return new Seeded(linked + open, steps + extensions + cancellations, extensions, cancellations, plans);
	}
}
