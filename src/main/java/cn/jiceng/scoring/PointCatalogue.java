package cn.jiceng.scoring;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import cn.jiceng.access.Caller;
import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.Ids;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The county's point catalogue. Points and the veto flag of an item never change once defined (claims were filed
 * and approved at those points); a county changes an item's name or cap, retires it, or defines a new one.
 */
@Service
class PointCatalogue {

	public enum Kind {
		BONUS("加分"), DEDUCTION("扣分"), VETO("一票否决");

		private final String label;

		Kind(String label) {
			this.label = label;
		}

		public String label() {
			return label;
		}

		static Kind of(int points, boolean veto) {
			return veto ? VETO : points > 0 ? BONUS : DEDUCTION;
		}
	}

	public record ItemView(String id, String code, String name, int points, Integer yearlyCap, boolean veto,
			boolean active, Kind kind, boolean systemInput, int version) {

		public String kindLabel() {
			return kind.label();
		}

		PointItem toRule() {
			return new PointItem(code, name, points, yearlyCap, veto);
		}
	}

	public record NewItem(String code, String name, Integer points, Integer yearlyCap, Boolean veto) {
	}

	public record ItemPatch(String name, Integer yearlyCap, Boolean active, Integer version) {
	}

	private static final String SELECT = "SELECT id, code, name, points, yearly_cap, veto, active, version FROM point_item ";

	private final JdbcClient jdbc;
	private final DataScope scope;
	private final CurrentCaller currentCaller;
	private final AuditTrail audit;

	PointCatalogue(JdbcClient jdbc, DataScope scope, CurrentCaller currentCaller, AuditTrail audit) {
		this.jdbc = jdbc;
		this.scope = scope;
		this.currentCaller = currentCaller;
		this.audit = audit;
	}

	/** The caller's county catalogue, active items first. */
	@Transactional(readOnly = true)
	public List<ItemView> list() {
		return ofCounty(scope.current().caller().countyId());
	}

	@Transactional(readOnly = true)
	public List<ItemView> ofCounty(long countyId) {
		return jdbc.sql(SELECT + "WHERE county_id = :c ORDER BY active DESC, veto, points DESC, code")
			.param("c", countyId)
			.query(this::map)
			.list();
	}

	/** Active items by code, as the scoring rules and inputs see the catalogue. */
	@Transactional(readOnly = true)
	public Map<String, PointItem> activeItems(long countyId) {
		Map<String, PointItem> items = new LinkedHashMap<>();
		for (ItemView v : ofCounty(countyId)) {
			if (v.active()) {
				items.put(v.code(), v.toRule());
			}
		}
		return items;
	}

	@Transactional(readOnly = true)
	public Optional<ItemView> byCode(long countyId, String code) {
		return jdbc.sql(SELECT + "WHERE county_id = :c AND code = :code")
			.param("c", countyId)
			.param("code", code)
			.query(this::map)
			.optional();
	}

	@Transactional
	public ItemView create(NewItem in) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		Caller caller = scope.current().caller();
		List<FieldProblem> problems = new ArrayList<>();
		String code = in.code() == null ? null : in.code().trim();
		String name = in.name() == null ? null : in.name().trim();
		boolean veto = Boolean.TRUE.equals(in.veto());
		if (code == null || code.isEmpty()) {
			problems.add(new FieldProblem("code", "请填写项目代码"));
		}
		else if (!EntrySource.isValidCode(code) || code.length() > 40) {
			problems.add(new FieldProblem("code", "项目代码须为大写字母开头的大写字母、数字或下划线，最长40位"));
		}
		if (name == null || name.isEmpty()) {
			problems.add(new FieldProblem("name", "请填写项目名称"));
		}
		else if (name.length() > 100) {
			problems.add(new FieldProblem("name", "项目名称最长100字"));
		}
		if (in.points() == null) {
			problems.add(new FieldProblem("points", "请填写分值（加分为正，扣分为负）"));
		}
		else if (in.points() < -100 || in.points() > 100) {
			problems.add(new FieldProblem("points", "分值应在 -100 到 100 之间"));
		}
		else if (in.points() == 0 && !veto) {
			problems.add(new FieldProblem("points", "分值不能为 0（一票否决项目除外）"));
		}
		if (in.yearlyCap() != null && in.points() != null && (in.yearlyCap() < Math.abs(in.points()) || in.yearlyCap() > 1000)) {
			problems.add(new FieldProblem("yearlyCap", "年度上限应不小于单次分值的绝对值 " + Math.abs(in.points()) + "，且不超过1000"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("积分项目填写有误", problems);
		}
		PointItem rule = new PointItem(code, name, in.points(), in.yearlyCap(), veto);
		if (byCode(caller.countyId(), code).isPresent()) {
			throw new ConflictException("本县积分项目代码 " + code + " 已存在");
		}
		long id = jdbc.sql("""
				INSERT INTO point_item (county_id, code, name, points, yearly_cap, veto, created_by)
				VALUES (:c, :code, :name, :points, :cap, :veto, :by) RETURNING id""")
			.param("c", caller.countyId())
			.param("code", rule.code())
			.param("name", rule.name())
			.param("points", rule.points())
			.param("cap", rule.yearlyCap())
			.param("veto", rule.veto())
			.param("by", currentCaller.actorName())
			.query(Long.class)
			.single();
		ItemView created = get(id);
		audit.record("PointItem", id, caller.organizationId(), "CREATE", AuditTrail.created(describe(created)));
		return created;
	}

	@Transactional
	public ItemView patch(String itemId, ItemPatch in) {
		scope.requireWriter(Set.of(Role.COUNTY_ADMIN));
		Caller caller = scope.current().caller();
		long id = Ids.parse(itemId, "积分项目");
		ItemView before = get(id);
		List<FieldProblem> problems = new ArrayList<>();
		String name = in.name() == null ? before.name() : in.name().trim();
		if (name.isEmpty() || name.length() > 100) {
			problems.add(new FieldProblem("name", "项目名称不能为空，最长100字"));
		}
		Integer cap = in.yearlyCap() == null ? before.yearlyCap() : in.yearlyCap() == 0 ? null : in.yearlyCap();
		if (cap != null && (cap < Math.abs(before.points()) || cap > 1000)) {
			problems.add(new FieldProblem("yearlyCap", "年度上限应不小于单次分值的绝对值 " + Math.abs(before.points()) + "，且不超过1000（0 表示不设上限）"));
		}
		if (!problems.isEmpty()) {
			throw new InvalidInputException("积分项目填写有误", problems);
		}
		boolean active = in.active() == null ? before.active() : in.active();
		int version = in.version() == null ? before.version() : in.version();
		int updated = jdbc.sql("""
				UPDATE point_item SET name = :name, yearly_cap = :cap, active = :active, version = version + 1,
				       updated_at = now()
				WHERE id = :id AND version = :v""")
			.param("name", name)
			.param("cap", cap)
			.param("active", active)
			.param("id", id)
			.param("v", version)
			.update();
		if (updated == 0) {
			throw new ConflictException("积分项目已被他人修改，请刷新后重试");
		}
		ItemView after = get(id);
		audit.record("PointItem", id, caller.organizationId(), "UPDATE", AuditTrail.diff(describe(before), describe(after)));
		return after;
	}

	/** An item of the caller's county. */
	@Transactional(readOnly = true)
	public ItemView get(long id) {
		long county = scope.current().caller().countyId();
		return jdbc.sql(SELECT + "WHERE id = :id AND county_id = :c")
			.param("id", id)
			.param("c", county)
			.query(this::map)
			.optional()
			.orElseThrow(() -> new NotFoundException("积分项目不存在"));
	}

	private static Map<String, Object> describe(ItemView v) {
		Map<String, Object> m = new LinkedHashMap<>();
		m.put("code", v.code());
		m.put("name", v.name());
		m.put("points", v.points());
		m.put("yearlyCap", v.yearlyCap());
		m.put("veto", v.veto());
		m.put("active", v.active());
		return m;
	}

	private ItemView map(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
		int points = rs.getInt("points");
		boolean veto = rs.getBoolean("veto");
		String code = rs.getString("code");
		return new ItemView(Long.toString(rs.getLong("id")), code, rs.getString("name"), points,
				(Integer) rs.getObject("yearly_cap"), veto, rs.getBoolean("active"), Kind.of(points, veto),
				InputItems.isInputItem(code), rs.getInt("version"));
	}
}
