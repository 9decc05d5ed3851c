package cn.jiceng.development;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.common.PageRequest;
import cn.jiceng.development.DevelopmentPolicy.Book;
import cn.jiceng.development.DevelopmentPolicy.Entry;
import cn.jiceng.development.DevelopmentPolicy.Person;
import cn.jiceng.member.Gender;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.OrgRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The SQL of the record book: heads, steps, books of a subtree, plans. No scope checks (the service's job). */
@Component
class DevelopmentRecords {

	private static final String HEAD = """
			SELECT id, county_id, organization_id, name, gender, id_number, birth_date, applied_on, stage, member_id,
			       accepted_on, version
			FROM development_record WHERE id = :id""";

	private final JdbcClient jdbc;

	DevelopmentRecords(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	record Head(long id, long countyId, long organizationId, String name, Gender gender, String idNumber,
			LocalDate birthDate, LocalDate appliedOn, DevelopmentStage stage, Long memberId, LocalDate acceptedOn,
			int version) {
	}

	private static Head head(ResultSet rs, int i) throws SQLException {
		return new Head(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getString(4), Gender.valueOf(rs.getString(5)),
				rs.getString(6), rs.getObject(7, LocalDate.class), rs.getObject(8, LocalDate.class),
				DevelopmentStage.valueOf(rs.getString(9)), (Long) rs.getObject(10), rs.getObject(11, LocalDate.class),
				rs.getInt(12));
	}

	Optional<Head> head(long id) {
		return jdbc.sql(HEAD).param("id", id).query(DevelopmentRecords::head).optional();
	}

	/** The record's row, locked until the transaction ends: steps of one record are checked one after the other. */
	Optional<Head> lock(long id) {
		return jdbc.sql(HEAD + " FOR UPDATE").param("id", id).query(DevelopmentRecords::head).optional();
	}

	Book book(long recordId, LocalDate birthDate) {
		List<Entry> entries = jdbc.sql("""
				SELECT step, on_date, conclusion, months, ends_on FROM development_step WHERE record_id = :r ORDER BY id""")
			.param("r", recordId)
			.query((rs, i) -> new Entry(DevelopmentStep.valueOf(rs.getString(1)), rs.getObject(2, LocalDate.class),
					rs.getString(3), (Integer) rs.getObject(4), rs.getObject(5, LocalDate.class)))
			.list();
		return new Book(birthDate, entries);
	}

	List<DevelopmentService.StepView> steps(long recordId) {
		Map<Long, List<String[]>> named = new HashMap<>();
		jdbc.sql("""
				SELECT sm.step_id, sm.member_id, m.name FROM development_step_member sm
				JOIN development_step s ON s.id = sm.step_id AND s.county_id = sm.county_id
				JOIN member m ON m.id = sm.member_id AND m.county_id = sm.county_id
				WHERE s.record_id = :r ORDER BY sm.step_id, sm.position""")
			.param("r", recordId)
			.query((rs, i) -> named.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new String[] { rs.getString(2), rs.getString(3) }))
			.list();
		return jdbc.sql("""
				SELECT id, step, on_date, recorded_by, recorded_at, conclusion, hours, entitled, entitled_full, present,
				       yes_votes, months, reason, note, place, ends_on
				FROM development_step WHERE record_id = :r ORDER BY id""")
			.param("r", recordId)
			.query((rs, i) -> {
				DevelopmentStep step = DevelopmentStep.valueOf(rs.getString(2));
				List<String[]> people = named.getOrDefault(rs.getLong(1), List.of());
				String conclusion = rs.getString(6);
				return new DevelopmentService.StepView(step, step.label(), step.number(),
						rs.getObject(3, LocalDate.class), rs.getString(4), rs.getObject(5, OffsetDateTime.class),
						people.isEmpty() ? null : people.stream().map(p -> p[0]).toList(),
						people.isEmpty() ? null : people.stream().map(p -> p[1]).toList(),
						conclusion == null ? null : ReviewConclusion.valueOf(conclusion), (Integer) rs.getObject(7),
						(Integer) rs.getObject(8), (Integer) rs.getObject(9), (Integer) rs.getObject(10),
						(Integer) rs.getObject(11), (Integer) rs.getObject(12), rs.getString(13), rs.getString(14),
						rs.getString(15), rs.getObject(16, LocalDate.class));
			})
			.list();
	}

	/** What the rules need of members named by a step: on the roll, full, in the record's branch. */
	List<Person> persons(long countyId, List<Long> ids, long branchId) {
		if (ids.isEmpty()) {
			return List.of();
		}
		return jdbc.sql("SELECT id, category, status, organization_id FROM member WHERE county_id = :c AND id IN (:ids)")
			.param("c", countyId)
			.param("ids", ids)
			.query((rs, i) -> new Person(rs.getLong(1), true,
					MemberCategory.FULL.name().equals(rs.getString(2)),
					MemberStatus.valueOf(rs.getString(3)).onRoll(), rs.getLong(4) == branchId))
			.list();
	}

	record MemberOption(String id, String name) {
	}

	/** The full members on the roll of a branch, for the contact and introducer pickers. */
	List<MemberOption> fullMembersOf(long branchId) {
		return jdbc.sql("SELECT id, name FROM member WHERE organization_id = :o AND category = 'FULL' AND "
				+ MemberStatus.sqlOnRoll("status") + " ORDER BY name, id")
			.param("o", branchId)
			.query((rs, i) -> new MemberOption(rs.getString(1), rs.getString(2)))
			.list();
	}

	boolean openRecordWithIdNumber(long countyId, String idNumber) {
		return jdbc.sql("""
				SELECT count(*) FROM development_record WHERE county_id = :c AND id_number = :n
				AND stage NOT IN ('FULL', 'CANCELLED')""")
			.param("c", countyId)
			.param("n", idNumber)
			.query(Long.class)
			.single() > 0;
	}

	// ---- a subtree --------------------------------------------------------------------------------------

	record Row(long id, String name, Gender gender, long organizationId, String organizationName, LocalDate appliedOn,
			DevelopmentStage stage, DevelopmentStep nextStep, Long memberId, LocalDate probationEndsOn, Book book) {
	}

	private static String where(DevelopmentStage stage, String q) {
		return " WHERE r.county_id = :c AND o.path LIKE :p" + (stage == null ? "" : " AND r.stage = :stage")
				+ (q == null ? "" : " AND r.name LIKE :q");
	}

	private JdbcClient.StatementSpec bind(JdbcClient.StatementSpec spec, OrgRef org, DevelopmentStage stage, String q) {
		spec = spec.param("c", org.countyId()).param("p", org.path() + "%");
		if (stage != null) {
			spec = spec.param("stage", stage.name());
		}
		if (q != null) {
			spec = spec.param("q", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
		}
		return spec;
	}

	long count(OrgRef org, DevelopmentStage stage, String q) {
		return bind(jdbc.sql("SELECT count(*) FROM development_record r JOIN organization o ON o.id = r.organization_id"
				+ " AND o.county_id = r.county_id" + where(stage, q)), org, stage, q).query(Long.class).single();
	}

	/** A page of records (all when {@code page} is null), newest application first, with their books. */
	List<Row> summaries(OrgRef org, DevelopmentStage stage, String q, PageRequest page) {
		String sql = """
				SELECT r.id, r.name, r.gender, r.organization_id, o.name, r.applied_on, r.stage, r.next_step, r.member_id,
				       r.probation_ends_on, r.birth_date
				FROM development_record r JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id"""
				+ where(stage, q) + " ORDER BY r.applied_on DESC, r.id DESC"
				+ (page == null ? "" : " LIMIT " + page.size() + " OFFSET " + page.offset());
		record Base(long id, String name, Gender gender, long org, String orgName, LocalDate applied,
				DevelopmentStage stage, DevelopmentStep next, Long memberId, LocalDate ends, LocalDate birth) {
		}
		List<Base> base = bind(jdbc.sql(sql), org, stage, q)
			.query((rs, i) -> new Base(rs.getLong(1), rs.getString(2), Gender.valueOf(rs.getString(3)), rs.getLong(4),
					rs.getString(5), rs.getObject(6, LocalDate.class), DevelopmentStage.valueOf(rs.getString(7)),
					rs.getString(8) == null ? null : DevelopmentStep.valueOf(rs.getString(8)), (Long) rs.getObject(9),
					rs.getObject(10, LocalDate.class), rs.getObject(11, LocalDate.class)))
			.list();
		Map<Long, List<Entry>> entries = entries(base.stream().map(Base::id).toList());
		return base.stream()
			.map(b -> new Row(b.id(), b.name(), b.gender(), b.org(), b.orgName(), b.applied(), b.stage(), b.next(),
					b.memberId(), b.ends(), new Book(b.birth(), entries.getOrDefault(b.id(), List.of()))))
			.toList();
	}

	private Map<Long, List<Entry>> entries(List<Long> recordIds) {
		Map<Long, List<Entry>> out = new LinkedHashMap<>();
		if (recordIds.isEmpty()) {
			return out;
		}
		jdbc.sql("""
				SELECT record_id, step, on_date, conclusion, months FROM development_step
				WHERE record_id IN (:ids) ORDER BY record_id, id""")
			.param("ids", recordIds)
			.query((rs, i) -> out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Entry(DevelopmentStep.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
						rs.getString(4), (Integer) rs.getObject(5))))
			.list();
		return out;
	}

	Map<DevelopmentStage, Long> countsByStage(OrgRef org) {
		Map<DevelopmentStage, Long> out = new EnumMap<>(DevelopmentStage.class);
		bind(jdbc.sql("SELECT r.stage, count(*) FROM development_record r JOIN organization o ON o.id = r.organization_id"
				+ " AND o.county_id = r.county_id" + where(null, null) + " GROUP BY r.stage"), org, null, null)
			.query((rs, i) -> out.put(DevelopmentStage.valueOf(rs.getString(1)), rs.getLong(2)))
			.list();
		return out;
	}

	/** Books of the open records of a subtree (for warnings), with their record ids. */
	List<Row> openRows(OrgRef org) {
		return summaries(org, null, null, null).stream().filter(r -> r.stage().open()).toList();
	}

	List<Book> openBooks(OrgRef org) {
		return openRows(org).stream().map(Row::book).toList();
	}

	/** An open record of a county with its branch's path, for the daily warnings. */
	record Open(long id, String name, long organizationId, String organizationName, String path, Book book) {
	}

	List<Long> counties() {
		return jdbc.sql("SELECT DISTINCT county_id FROM development_record ORDER BY county_id").query(Long.class).list();
	}

	List<Open> openRecords(long countyId) {
		record Base(long id, String name, long org, String orgName, String path, LocalDate birth) {
		}
		List<Base> base = jdbc.sql("""
				SELECT r.id, r.name, r.organization_id, o.name, o.path, r.birth_date
				FROM development_record r JOIN organization o ON o.id = r.organization_id AND o.county_id = r.county_id
				WHERE r.county_id = :c AND r.stage NOT IN ('FULL', 'CANCELLED') ORDER BY r.id""")
			.param("c", countyId)
			.query((rs, i) -> new Base(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5),
					rs.getObject(6, LocalDate.class)))
			.list();
		Map<Long, List<Entry>> entries = new HashMap<>();
		jdbc.sql("""
				SELECT s.record_id, s.step, s.on_date, s.conclusion, s.months FROM development_step s
				JOIN development_record r ON r.id = s.record_id AND r.county_id = s.county_id
				WHERE r.county_id = :c AND r.stage NOT IN ('FULL', 'CANCELLED') ORDER BY s.record_id, s.id""")
			.param("c", countyId)
			.query((rs, i) -> entries.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
				.add(new Entry(DevelopmentStep.valueOf(rs.getString(2)), rs.getObject(3, LocalDate.class),
						rs.getString(4), (Integer) rs.getObject(5))))
			.list();
		return base.stream()
			.map(b -> new Open(b.id(), b.name(), b.org(), b.orgName(), b.path(),
					new Book(b.birth(), entries.getOrDefault(b.id(), List.of()))))
			.toList();
	}

	/** Records the warning as sent; false when it was already. */
	boolean markSent(long countyId, long recordId, WarningCode code, LocalDate dueOn, LocalDate today) {
		return jdbc.sql("""
				INSERT INTO development_warning_sent (county_id, record_id, code, due_on, sent_on)
				VALUES (:c, :r, :code, :due, :today) ON CONFLICT DO NOTHING""")
			.param("c", countyId)
			.param("r", recordId)
			.param("code", code.name())
			.param("due", dueOn)
			.param("today", today)
			.update() > 0;
	}

	Integer quota(OrgRef org, int year) {
		return jdbc.sql("SELECT quota FROM development_plan WHERE county_id = :c AND organization_id = :o AND year = :y")
			.param("c", org.countyId())
			.param("o", org.id())
			.param("y", year)
			.query(Integer.class)
			.optional()
			.orElse(null);
	}

	/** Acceptances approved in the year, in the subtree. */
	long accepted(OrgRef org, int year) {
		return jdbc.sql("""
				SELECT count(*) FROM development_record r JOIN organization o ON o.id = r.organization_id
				    AND o.county_id = r.county_id
				WHERE r.county_id = :c AND o.path LIKE :p AND r.accepted_on >= :from AND r.accepted_on < :to""")
			.param("c", org.countyId())
			.param("p", org.path() + "%")
			.param("from", LocalDate.of(year, 1, 1))
			.param("to", LocalDate.of(year + 1, 1, 1))
			.query(Long.class)
			.single();
	}
}
