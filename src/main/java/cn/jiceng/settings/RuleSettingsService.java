package cn.jiceng.settings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.InvalidInputException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores only what a county changed for a year; everything else is the default. Readers always get a whole
 * {@link RuleSettings}, so a rule never needs to know whether a number was overridden.
 */
@Service
public class RuleSettingsService {

	private static final Logger log = LoggerFactory.getLogger(RuleSettingsService.class);

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final CurrentCaller currentCaller;
	private final DataScope scope;
	private final ObjectProvider<SettingsConsequences> consequences;

	RuleSettingsService(JdbcClient jdbc, JsonMapper json, AuditTrail audit, CurrentCaller currentCaller,
			DataScope scope, ObjectProvider<SettingsConsequences> consequences) {
		this.consequences = consequences;
		this.jdbc = jdbc;
		this.json = json;
		this.audit = audit;
		this.currentCaller = currentCaller;
		this.scope = scope;
	}

	/** Settings in force for the caller's county in a year. */
	@Transactional(readOnly = true)
	public RuleSettings forYear(int year) {
		return forCountyYear(countyOfCaller(), year);
	}

	/**
	 * A stored change that no longer fits its setting (a range tightened in a later release) is ignored with a
	 * warning rather than breaking every computation of that year.
	 */
	@Transactional(readOnly = true)
	public RuleSettings forCountyYear(long countyId, int year) {
		RuleSettings.Overlay overlay = RuleSettings.overlay(overrides(countyId, year));
		if (!overlay.problems().isEmpty()) {
			log.warn("Stored rule settings of county {} for {} not applied: {}", countyId, year, overlay.problems());
		}
		return overlay.settings();
	}

	public Map<String, Object> asMap(RuleSettings settings) {
		return settings.asMap();
	}

	/** A checked change: the settings it would give and what it would change in computed results. */
	public record Preview(RuleSettings current, RuleSettings proposed, List<String> consequences) {
	}

	/**
	 * What saving {@code changes} would do, checked as {@link #patch} checks it, without saving: every module that
	 * computes from settings says which of its results would change.
	 */
	// No transaction of its own: a module may first bring its stale results up to date in its own transaction.
	public Preview preview(int year, Map<String, Object> changes) {
		Checked c = check(year, changes);
		RuleSettings current = forCountyYear(c.county(), year);
		List<String> consequences = new ArrayList<>();
		this.consequences.orderedStream().forEach(m -> consequences.addAll(m.of(c.county(), year, current, c.result())));
		return new Preview(current, c.result(), consequences);
	}

	private record Checked(long county, Map<String, Object> before, RuleSettings result) {
	}

	private Checked check(int year, Map<String, Object> changes) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		long county = countyOfCaller();
		Map<String, Object> before = overrides(county, year);
		Map<String, Object> requested = new LinkedHashMap<>(before);
		requested.putAll(changes);
		RuleSettings.Overlay overlay = RuleSettings.overlay(requested);
		// Problems of values stored earlier are not the caller's to fix unless this change touches them.
		List<FieldProblem> problems = overlay.problems()
			.stream()
			.filter(p -> changes.containsKey(p.field()) || isRelationProblem(p, changes))
			.toList();
		if (!problems.isEmpty()) {
			throw new InvalidInputException("规则参数不正确", problems);
		}
		return new Checked(county, before, overlay.settings());
	}

	@Transactional
	public RuleSettings patch(int year, Map<String, Object> changes) {
		Checked c = check(year, changes);
		long county = c.county();
		Map<String, Object> before = c.before();
		RuleSettings result = c.result();
		Map<String, Object> after = result.changesFromDefaults();
		if (after.equals(before)) {
			return result;
		}
		int updated = jdbc.sql("UPDATE rule_setting SET overrides = :o, version = version + 1, updated_at = now() "
				+ "WHERE county_id = :c AND year = :y")
			.param("o", json.writeValueAsString(after))
			.param("c", county)
			.param("y", year)
			.update();
		if (updated == 0) {
			jdbc.sql("INSERT INTO rule_setting (county_id, year, overrides) VALUES (:c, :y, :o)")
				.param("o", json.writeValueAsString(after))
				.param("c", county)
				.param("y", year)
				.update();
		}
		Map<String, Object> diff = AuditTrail.diff(before, after);
		audit.record("RuleSettings", county + "/" + year, county, "UPDATE", diff);
		return result;
	}

	/** A relation problem concerns this change when either of its two settings is being changed. */
	private static boolean isRelationProblem(FieldProblem problem, Map<String, Object> changes) {
		return RuleCatalog.RELATIONS.stream()
			.anyMatch(r -> r.higher().name().equals(problem.field())
					&& (changes.containsKey(r.higher().name()) || changes.containsKey(r.lower().name())));
	}

	private Map<String, Object> overrides(long county, int year) {
		return jdbc.sql("SELECT overrides FROM rule_setting WHERE county_id = :c AND year = :y")
			.param("c", county)
			.param("y", year)
			.query(String.class)
			.optional()
			.map(s -> json.readValue(s, new TypeReference<LinkedHashMap<String, Object>>() {
			}))
			.orElseGet(LinkedHashMap::new);
	}

	private long countyOfCaller() {
		return currentCaller.find()
			.map(Caller::countyId)
			.orElseGet(() -> jdbc.sql("SELECT coalesce(min(id), 0) FROM organization WHERE parent_id IS NULL")
				.query(Long.class)
				.single());
	}
}
