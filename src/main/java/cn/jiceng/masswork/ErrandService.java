package cn.jiceng.masswork;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.DataScope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.FormInput;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.common.RuleViolationException;
import cn.jiceng.organization.OrgRef;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Service errands (民事代办, 为民服务全程代理): received, done or answered with a promised date the same county day
 * (事不过夜), the requester's satisfaction, and the rates per village and township. The rules are
 * {@link ErrandPolicy}'s; its deadlines are stored with each errand so the rates are plain SQL comparisons.
 */
@Service
class ErrandService {

	public record ErrandInput(String requester, String content, String receivedAt, String handlerMemberId) {
	}

	public record CompleteInput(String at, String result, Integer version) {
	}

	public record DeferInput(String at, String reply, String promisedOn, Integer version) {
	}

	public record FeedbackInput(String satisfaction, Integer version) {
	}

	public record Errand(String id, String organizationId, String organizationName, String requester, String content,
			OffsetDateTime receivedAt, String handlerMemberId, String handlerName, ErrandStatus status,
			OffsetDateTime doneAt, String result, OffsetDateTime deferredAt, String reply, LocalDate promisedOn,
			Satisfaction satisfaction, boolean doneSameDay, boolean overnight, boolean overdue, int version) {

		ErrandPolicy.Facts facts() {
			return new ErrandPolicy.Facts(status, receivedAt.toInstant(), doneAt == null ? null : doneAt.toInstant(),
					deferredAt == null ? null : deferredAt.toInstant(), promisedOn);
		}
	}

	public record Summary(long received, long doneSameDay, long overnight, long overdue, Double satisfactionRate) {
	}

	public record ErrandList(List<Errand> items, Summary summary) {
	}

	/** One row of the rates table: an organization's subtree. */
	public record RateRow(String organizationId, String name, Summary summary) {
	}

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final AuditTrail audit;
	private final HouseholdService households;
	private final Clock clock;

	ErrandService(JdbcClient jdbc, DataScope scope, AuditTrail audit, HouseholdService households, Clock clock) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.audit = audit;
		this.households = households;
		this.clock = clock;
	}

	ErrandPolicy policy() {
		return new ErrandPolicy(clock);
	}

	@Transactional
	public Errand receive(long organizationId, ErrandInput in) {
		OrgRef org = households.requireWriterOf(organizationId);
		List<FieldProblem> problems = new ArrayList<>();
		String requester = HouseholdService.text(in.requester(), "requester", "群众姓名", 50, true, problems);
		String content = HouseholdService.text(in.content(), "content", "代办事项", 1000, true, problems);
		Instant receivedAt = instant(in.receivedAt(), "receivedAt", "受理时间", problems);
		Long handler = Ids.parseOptional(in.handlerMemberId(), "handlerMemberId", "党员");
		if (handler == null) {
			handler = scope.current().caller().memberId();
		}
		if (handler != null && !households.memberOfCounty(handler, org.countyId())) {
			problems.add(new FieldProblem("handlerMemberId", "代办人不存在"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("代办事项填写有误", problems);
		}
		refuseUnless(policy().receive(receivedAt));
		long id = jdbc.sql("""
				INSERT INTO errand (county_id, organization_id, requester, content, received_at, received_on, deadline_at,
				    handler_member_id, recorded_by)
				VALUES (:c, :o, :requester, :content, :at, :on, :deadline, :handler, :by) RETURNING id""")
			.param("c", org.countyId())
			.param("o", organizationId)
			.param("requester", requester)
			.param("content", content)
			.param("at", county(receivedAt))
			.param("on", ErrandPolicy.countyDay(receivedAt))
			.param("deadline", county(ErrandPolicy.deadline(receivedAt)))
			.param("handler", handler)
			.param("by", scope.current().caller().username())
			.query(Long.class)
			.single();
		Map<String, Object> fields = new LinkedHashMap<>();
		fields.put("organizationId", organizationId);
		fields.put("requester", requester);
		fields.put("content", content);
		fields.put("receivedAt", county(receivedAt).toString());
		fields.put("handlerMemberId", handler);
		audit.record("Errand", id, organizationId, "CREATE", AuditTrail.created(fields));
		return errand(id);
	}

	@Transactional
	public Errand complete(long errandId, CompleteInput in) {
		Errand e = lockedForWrite(errandId, in.version());
		List<FieldProblem> problems = new ArrayList<>();
		Instant at = instant(in.at(), "at", "办结时间", problems);
		String result = HouseholdService.text(in.result(), "result", "办理结果", 1000, true, problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("办结信息填写有误", problems);
		}
		if (e.status() == ErrandStatus.DONE) {
			throw new ConflictException("该事项已办结，不能重复办结");
		}
		refuseUnless(policy().complete(e.facts(), at));
		jdbc.sql("UPDATE errand SET status = 'DONE', done_at = :at, result = :result, version = version + 1 WHERE id = :id")
			.param("at", county(at))
			.param("result", result)
			.param("id", errandId)
			.update();
		audit.record("Errand", errandId, Long.parseLong(e.organizationId()), "COMPLETE",
				AuditTrail.diff(mapOf("status", e.status().name(), "doneAt", null, "result", null),
						mapOf("status", ErrandStatus.DONE.name(), "doneAt", county(at).toString(), "result", result)));
		return errand(errandId);
	}

	@Transactional
	public Errand defer(long errandId, DeferInput in) {
		Errand e = lockedForWrite(errandId, in.version());
		List<FieldProblem> problems = new ArrayList<>();
		Instant at = instant(in.at(), "at", "答复时间", problems);
		String reply = HouseholdService.text(in.reply(), "reply", "答复内容", 1000, true, problems);
		LocalDate promisedOn = HouseholdService.date(in.promisedOn(), "promisedOn", "承诺办结日期", problems);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("答复信息填写有误", problems);
		}
		if (e.status() == ErrandStatus.DONE) {
			throw new ConflictException("该事项已办结，无需再答复承诺办结日期");
		}
		refuseUnless(policy().defer(e.facts(), at, promisedOn));
		jdbc.sql("""
				UPDATE errand SET status = 'DEFERRED', deferred_at = :at, reply = :reply, promised_on = :p,
				    promise_end_at = :end, version = version + 1 WHERE id = :id""")
			.param("at", county(at))
			.param("reply", reply)
			.param("p", promisedOn)
			.param("end", county(ErrandPolicy.promiseEnd(promisedOn)))
			.param("id", errandId)
			.update();
		audit.record("Errand", errandId, Long.parseLong(e.organizationId()), "DEFER",
				AuditTrail.diff(mapOf("status", e.status().name(), "promisedOn", null, "reply", null),
						mapOf("status", ErrandStatus.DEFERRED.name(), "promisedOn", promisedOn, "reply", reply)));
		return errand(errandId);
	}

	@Transactional
	public Errand feedback(long errandId, FeedbackInput in) {
		Errand e = lockedForWrite(errandId, in.version());
		List<FieldProblem> problems = new ArrayList<>();
		Satisfaction s = FormInput.parseEnum(Satisfaction.class, in.satisfaction(), "satisfaction",
				"满意度应为 SATISFIED（满意）、BASIC（基本满意）或 UNSATISFIED（不满意）", problems, true);
		if (!problems.isEmpty()) {
			throw new InvalidInputException("满意度填写有误", problems);
		}
		refuseUnless(policy().feedback(e.facts()));
		jdbc.sql("UPDATE errand SET satisfaction = :s, version = version + 1 WHERE id = :id")
			.param("s", s.name())
			.param("id", errandId)
			.update();
		audit.record("Errand", errandId, Long.parseLong(e.organizationId()), "FEEDBACK",
				AuditTrail.diff(mapOf("satisfaction", e.satisfaction() == null ? null : e.satisfaction().name()),
						mapOf("satisfaction", s.name())));
		return errand(errandId);
	}

	@Transactional(readOnly = true)
	public Errand find(long errandId) {
		Errand e = errand(errandId);
		scope.requireOrganization(Long.parseLong(e.organizationId()));
		return e;
	}

	/** API.md errands list: the subtree's errands received between the dates (county days), with the summary. */
	@Transactional(readOnly = true)
	public ErrandList list(long organizationId, LocalDate from, LocalDate to, ErrandStatus status) {
		OrgRef org = households.requireReader(organizationId);
		refuseBackwards(from, to);
		ErrandPolicy policy = policy();
		List<Errand> items = jdbc.sql(SELECT + """
				 WHERE o.path LIKE :prefix AND e.received_on BETWEEN :from AND :to
				   AND (CAST(:status AS VARCHAR) IS NULL OR e.status = :status)
				ORDER BY e.received_at DESC, e.id DESC""")
			.param("prefix", org.path() + "%")
			.param("from", from)
			.param("to", to)
			.param("status", status == null ? null : status.name())
			.query((rs, i) -> map(rs, policy))
			.list();
		return new ErrandList(items, summaries(List.of(organizationId), from, to).get(0).summary());
	}

	/** The rates of the organization's subtree and of each child's subtree (villages under a township). */
	@Transactional(readOnly = true)
	public List<RateRow> rates(long organizationId, LocalDate from, LocalDate to) {
		households.requireReader(organizationId);
		refuseBackwards(from, to);
		List<Long> ids = new ArrayList<>();
		ids.add(organizationId);
		ids.addAll(jdbc.sql("SELECT id FROM organization WHERE parent_id = :o ORDER BY path")
			.param("o", organizationId)
			.query(Long.class)
			.list());
		return summaries(ids, from, to);
	}

	/**
	 * The API.md summary per subtree, in SQL with the same comparisons as {@link ErrandPolicy#flags}: done before the
	 * deadline; first answer (done or deferred) at or after it, or none yet and now past it; a promise end passed by
	 * the completion or, open, by now.
	 */
	private List<RateRow> summaries(List<Long> organizationIds, LocalDate from, LocalDate to) {
		Map<Long, RateRow> rows = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT c.id, c.name, count(e.id),
				       count(e.id) FILTER (WHERE e.done_at < e.deadline_at),
				       count(e.id) FILTER (WHERE coalesce(least(e.done_at, e.deferred_at), :now) >= e.deadline_at),
				       count(e.id) FILTER (WHERE e.promise_end_at IS NOT NULL AND coalesce(e.done_at, :now) >= e.promise_end_at),
				       count(e.id) FILTER (WHERE e.satisfaction = 'SATISFIED'),
				       count(e.id) FILTER (WHERE e.satisfaction = 'BASIC'),
				       count(e.id) FILTER (WHERE e.satisfaction = 'UNSATISFIED')
				FROM organization c
				LEFT JOIN organization o ON o.path LIKE c.path || '%'
				LEFT JOIN errand e ON e.organization_id = o.id AND e.received_on BETWEEN :from AND :to
				WHERE c.id IN (:ids)
				GROUP BY c.id, c.name""")
			.param("now", county(clock.instant()))
			.param("from", from)
			.param("to", to)
			.param("ids", organizationIds)
			.query((ResultSet rs) -> {
				rows.put(rs.getLong(1), new RateRow(Long.toString(rs.getLong(1)), rs.getString(2),
						new Summary(rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
								ErrandPolicy.satisfactionRate(rs.getLong(7), rs.getLong(8), rs.getLong(9)))));
			});
		List<RateRow> ordered = new ArrayList<>();
		for (Long id : organizationIds) {
			RateRow r = rows.get(id);
			if (r != null) {
				ordered.add(r);
			}
		}
		return ordered;
	}

	private Errand lockedForWrite(long errandId, Integer version) {
		Errand before = errand(errandId);
		households.requireWriterOf(Long.parseLong(before.organizationId()));
		jdbc.sql("SELECT id FROM errand WHERE id = :id FOR UPDATE").param("id", errandId).query(Long.class).single();
		Errand e = errand(errandId);
		if (version != null && version != e.version()) {
			throw new ConflictException("代办事项已被他人修改，请刷新后重试");
		}
		return e;
	}

	private Errand errand(long id) {
		ErrandPolicy policy = policy();
		return jdbc.sql(SELECT + " WHERE e.id = :id")
			.param("id", id)
			.query((rs, i) -> map(rs, policy))
			.optional()
			.orElseThrow(() -> new NotFoundException("代办事项不存在或不在您的管理范围内"));
	}

	private static final String SELECT = """
			SELECT e.id, e.organization_id, o.name, e.requester, e.content, e.received_at, e.handler_member_id, m.name,
			       e.status, e.done_at, e.result, e.deferred_at, e.reply, e.promised_on, e.satisfaction, e.version
			FROM errand e JOIN organization o ON o.id = e.organization_id
			LEFT JOIN member m ON m.id = e.handler_member_id""";

	private static Errand map(ResultSet rs, ErrandPolicy policy) throws SQLException {
		ErrandStatus status = ErrandStatus.valueOf(rs.getString(9));
		OffsetDateTime received = county(rs.getObject(6, OffsetDateTime.class));
		OffsetDateTime done = county(rs.getObject(10, OffsetDateTime.class));
		OffsetDateTime deferred = county(rs.getObject(12, OffsetDateTime.class));
		LocalDate promised = rs.getObject(14, LocalDate.class);
		String satisfaction = rs.getString(15);
		ErrandPolicy.Flags f = policy.flags(new ErrandPolicy.Facts(status, received.toInstant(),
				done == null ? null : done.toInstant(), deferred == null ? null : deferred.toInstant(), promised));
		return new Errand(Long.toString(rs.getLong(1)), Long.toString(rs.getLong(2)), rs.getString(3), rs.getString(4),
				rs.getString(5), received, Ids.str(rs.getObject(7, Long.class)), rs.getString(8), status, done,
				rs.getString(11), deferred, rs.getString(13), promised,
				satisfaction == null ? null : Satisfaction.valueOf(satisfaction), f.doneSameDay(), f.overnight(),
				f.overdue(), rs.getInt(16));
	}

	/** Instants travel with the county's offset (+08:00), whatever offset they came in with. */
	static OffsetDateTime county(Instant at) {
		return at == null ? null : at.atZone(ErrandPolicy.COUNTY).toOffsetDateTime();
	}

	private static OffsetDateTime county(OffsetDateTime at) {
		return at == null ? null : county(at.toInstant());
	}

	/** An ISO-8601 instant with its offset; one without an offset is refused (API.md, issue 15 item 9). */
	static Instant instant(String value, String field, String label, List<FieldProblem> problems) {
		if (value == null || value.isBlank()) {
			problems.add(new FieldProblem(field, "请填写" + label));
			return null;
		}
		try {
			return OffsetDateTime.parse(value.trim(), DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant();
		}
		catch (DateTimeParseException e) {
			problems.add(new FieldProblem(field, label + "须为带时区的时间，如 2025-03-01T09:30:00+08:00"));
			return null;
		}
	}

	private static void refuseUnless(ErrandPolicy.Decision d) {
		if (!d.allowed()) {
			throw new RuleViolationException(d.reason());
		}
	}

	private static void refuseBackwards(LocalDate from, LocalDate to) {
		if (to.isBefore(from)) {
			throw InvalidInputException.of("to", "结束日期不能早于开始日期");
		}
	}

	private static Map<String, Object> mapOf(Object... kv) {
		Map<String, Object> m = new LinkedHashMap<>();
		for (int i = 0; i < kv.length; i += 2) {
			m.put((String) kv[i], kv[i + 1]);
		}
		return m;
	}
}
