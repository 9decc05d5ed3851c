package cn.jiceng.assessment;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.Office;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Interviews (约谈, SPEC.md §4.7): created for the office holders of the bottom-ranked targets of a published
 * inspection round and for secretaries with a yellow card, recorded as held by the township or the county (the
 * interviewed organization in scope). One shape for both sources (API.md).
 */
@Service
class InterviewService {

	static final Set<Role> RECORDERS = Set.of(Role.COUNTY_ADMIN, Role.TOWNSHIP_ADMIN);

	/** An interview as API.md lists it, with what the pages need besides. */
	public record InterviewView(String id, String organizationId, String organizationName, String memberId, String name,
			Office office, String officeLabel, LocalDate heldOn, String notes, InterviewSource source,
			String sourceLabel, String reason, int year, String roundId, int version) {
	}

	public record HeldInput(String heldOn, String notes, Integer version) {
	}

	/** An interview to create: whom, for what. */
	record NewInterview(InterviewSource source, Long roundId, Long appraisalId, int year, long organizationId,
			long memberId, Office office, String reason) {
	}

	private static final String SELECT = """
			SELECT i.id, i.organization_id, o.name AS org_name, i.member_id, m.name AS member_name, i.office, i.held_on,
			       i.notes, i.source, i.reason, i.year, i.round_id, i.version
			FROM interview i JOIN organization o ON o.id = i.organization_id JOIN member m ON m.id = i.member_id
			""";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final Clock clock;

	InterviewService(JdbcClient jdbc, DataScope scope, AuditTrail audit, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.clock = clock;
	}

	static InterviewView map(ResultSet rs, int i) throws SQLException {
		Office office = Office.valueOf(rs.getString("office"));
		InterviewSource source = InterviewSource.valueOf(rs.getString("source"));
		long round = rs.getLong("round_id");
		String roundId = rs.wasNull() ? null : Long.toString(round);
		return new InterviewView(rs.getString("id"), rs.getString("organization_id"), rs.getString("org_name"),
				rs.getString("member_id"), rs.getString("member_name"), office, office.label(),
				rs.getObject("held_on", LocalDate.class), rs.getString("notes"), source, source.label(),
				rs.getString("reason"), rs.getInt("year"), roundId,
				rs.getInt("version"));
	}

	/** Creates interviews inside the caller's transaction (publication, finalization); audited there. */
	void create(long countyId, List<NewInterview> interviews) {
		List<AuditTrail.Entry> entries = new ArrayList<>();
		for (NewInterview n : interviews) {
			Long id = jdbc.sql("""
					INSERT INTO interview (county_id, source, round_id, appraisal_id, year, organization_id, member_id,
					                       office, reason)
					VALUES (:c, :s, :r, :a, :y, :o, :m, :office, :reason)
					ON CONFLICT DO NOTHING RETURNING id""")
				.param("c", countyId)
				.param("s", n.source().name())
				.param("r", n.roundId())
				.param("a", n.appraisalId())
				.param("y", n.year())
				.param("o", n.organizationId())
				.param("m", n.memberId())
				.param("office", n.office().name())
				.param("reason", n.reason())
				.query(Long.class)
				.optional()
				.orElse(null);
			if (id != null) {
				Map<String, Object> fields = new LinkedHashMap<>();
				fields.put("source", n.source().name());
				fields.put("memberId", n.memberId());
				fields.put("office", n.office().name());
				fields.put("reason", n.reason());
				entries.add(new AuditTrail.Entry(id, n.organizationId(), AuditTrail.created(fields)));
			}
		}
		if (!entries.isEmpty()) {
			audit.recordAll("Interview", "CREATE", entries);
		}
	}

	List<InterviewView> ofRound(long roundId) {
		return jdbc.sql(SELECT + " WHERE i.round_id = :r ORDER BY o.path, CASE i.office WHEN 'SECRETARY' THEN 0 ELSE 1 END, i.id")
			.param("r", roundId)
			.query(InterviewService::map)
			.list();
	}

	/** Interviews of a year whose organization lies in the subtree of {@code organizationId}. */
	@Transactional(readOnly = true)
	public List<InterviewView> ofSubtree(long organizationId, int year) {
		scope.requireOrganization(organizationId);
		return jdbc.sql(SELECT + """
				WHERE i.year = :y AND o.path LIKE (SELECT p.path FROM organization p WHERE p.id = :o) || '%'
				ORDER BY i.held_on NULLS FIRST, o.path, CASE i.office WHEN 'SECRETARY' THEN 0 ELSE 1 END, i.id""")
			.param("y", year)
			.param("o", organizationId)
			.query(InterviewService::map)
			.list();
	}

	/** Records an interview as held: the day (not in the future) and the notes; once. */
	@Transactional
	public InterviewView held(long id, HeldInput in) {
		scope.requireWriter(RECORDERS);
		InterviewView current = find(id);
		scope.requireOrganization(Long.parseLong(current.organizationId()));
		List<FieldProblem> problems = new ArrayList<>();
		LocalDate heldOn = null;
		String text = in == null ? null : FormInput.blankToNull(in.heldOn());
		if (text == null) {
			problems.add(new FieldProblem("heldOn", "请填写约谈日期"));
		}
		else {
			try {
				heldOn = LocalDate.parse(text);
				if (heldOn.isAfter(LocalDate.now(clock))) {
					problems.add(new FieldProblem("heldOn", "约谈日期不能晚于今天"));
				}
			}
			catch (DateTimeParseException e) {
				problems.add(new FieldProblem("heldOn", "约谈日期格式应为 YYYY-MM-DD"));
			}
		}
		String notes = in == null ? null : FormInput.blankToNull(in.notes());
		if (notes == null) {
			problems.add(new FieldProblem("notes", "请填写约谈情况"));
		}
		else if (notes.length() > 2000) {
			problems.add(new FieldProblem("notes", "约谈情况不超过2000字"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("约谈记录填写有误", problems);
		}
		jdbc.sql("SELECT id FROM interview WHERE id = :id FOR UPDATE").param("id", id).query(Long.class).single();
		InterviewView locked = find(id);
		if (locked.heldOn() != null) {
			throw new ConflictException("该约谈已于" + locked.heldOn() + "记录，不能重复记录");
		}
		if (in.version() != null && in.version() != locked.version()) {
			throw new ConflictException("约谈已被他人修改，请刷新后重试");
		}
		jdbc.sql("""
				UPDATE interview SET held_on = :d, notes = :n, held_by = :by, version = version + 1 WHERE id = :id""")
			.param("d", heldOn)
			.param("n", notes)
			.param("by", scope.current().caller().username())
			.param("id", id)
			.update();
		Map<String, Object> before = new LinkedHashMap<>();
		before.put("heldOn", null);
		before.put("notes", null);
		Map<String, Object> after = new LinkedHashMap<>();
		after.put("heldOn", heldOn);
		after.put("notes", notes);
		audit.record("Interview", id, Long.parseLong(locked.organizationId()), "HELD", AuditTrail.diff(before, after));
		return find(id);
	}

	InterviewView find(long id) {
		return jdbc.sql(SELECT + " WHERE i.id = :id")
			.param("id", id)
			.query(InterviewService::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("约谈不存在"));
	}
}
