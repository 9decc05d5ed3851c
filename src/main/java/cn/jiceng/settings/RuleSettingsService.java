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
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Stores only what a county changed for a year; everything else is the default. Readers always get a whole
 * {@link RuleSettings}, so a rule never needs to know whether a number was overridden.
 */
@Service
public class RuleSettingsService {

	private static final Set<String> STATUS_KEYS = Set.of("LEAVE", "LATE_OR_EARLY", "ABSENT");

	private final JdbcClient jdbc;
	private final JsonMapper json;
	private final AuditTrail audit;
	private final CurrentCaller currentCaller;
	private final DataScope scope;

	RuleSettingsService(JdbcClient jdbc, JsonMapper json, AuditTrail audit, CurrentCaller currentCaller,
			DataScope scope) {
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

	@Transactional(readOnly = true)
	public RuleSettings forCountyYear(long countyId, int year) {
		Map<String, Object> merged = defaultsAsMap();
		merged.putAll(overrides(countyId, year));
		return json.convertValue(merged, RuleSettings.class);
	}

	public Map<String, Object> asMap(RuleSettings settings) {
		return json.convertValue(settings, new TypeReference<LinkedHashMap<String, Object>>() {
		});
	}

	@Transactional
	public RuleSettings patch(int year, Map<String, Object> changes) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		if (year < 2000 || year > 2100) {
			throw InvalidInputException.of("year", "年份不正确");
		}
		long county = countyOfCaller();
		Map<String, Object> defaults = defaultsAsMap();
		List<FieldProblem> problems = new ArrayList<>();
		for (var e : changes.entrySet()) {
			validate(e.getKey(), e.getValue(), defaults, problems);
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("规则参数不正确", problems);
		}
		Map<String, Object> before = overrides(county, year);
		Map<String, Object> after = new LinkedHashMap<>(before);
		after.putAll(changes);
		RuleSettings result;
		try {
			Map<String, Object> merged = new LinkedHashMap<>(defaults);
			merged.putAll(after);
			result = json.convertValue(merged, RuleSettings.class);
		}
		catch (JacksonException e) {
			throw new InvalidInputException("规则参数不正确", List.of(new FieldProblem("settings", "规则参数类型不正确")));
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

	private void validate(String key, Object value, Map<String, Object> defaults, List<FieldProblem> problems) {
		if (!defaults.containsKey(key)) {
			problems.add(new FieldProblem(key, "未知的规则参数：" + key));
			return;
		}
		Object def = defaults.get(key);
		if (def instanceof Number) {
			if (!(value instanceof Integer || value instanceof Long) || ((Number) value).longValue() < 0
					|| ((Number) value).longValue() > 100000) {
				problems.add(new FieldProblem(key, "应为0到100000之间的整数"));
			}
		}
		else if (def instanceof Map) {
			if (!(value instanceof Map<?, ?> m)) {
				problems.add(new FieldProblem(key, "应为按出勤状态给出扣分的对象，如 {\"ABSENT\": -10}"));
				return;
			}
			for (var e : m.entrySet()) {
				if (!STATUS_KEYS.contains(String.valueOf(e.getKey()))) {
					problems.add(new FieldProblem(key, "未知的出勤状态：" + e.getKey()));
				}
				else if (!(e.getValue() instanceof Integer i) || i > 0 || i < -100) {
					problems.add(new FieldProblem(key, "扣分应为-100到0之间的整数"));
				}
			}
		}
		else if (def instanceof String) {
			if (!(value instanceof String s) || !(s.equals(RuleSettings.PERIOD_QUARTER) || s.equals(RuleSettings.PERIOD_YEAR))) {
				problems.add(new FieldProblem(key, "应为 QUARTER 或 YEAR"));
			}
		}
	}

	private Map<String, Object> defaultsAsMap() {
		return asMap(RuleSettings.defaults());
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
