package cn.jiceng.demo;

import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.jiceng.access.CurrentCaller;
import cn.jiceng.access.Role;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.demo.DemoCounty.Plan;
import cn.jiceng.demo.DemoCounty.PlannedMember;
import cn.jiceng.demo.DemoCounty.PlannedOrganization;
import cn.jiceng.identity.AccountService;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.ConnectionCallback;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Writes a {@link DemoCounty} plan under the county's root organization. Rows go in as one {@code unnest} insert
 * per chunk of arrays (a round trip per few thousand rows, not per row), all in one transaction so a failed
 * load leaves nothing behind and "the roster is empty" stays a reliable sign that no demo was loaded. The
 * audit trail gets one entry for the whole load rather than one per generated row.
 */
@Component
public class DemoLoader {

	/** Password of the demo accounts (township1, secretary1, member1, inspector1). */
	public static final String DEMO_PASSWORD = "Demo-2026";

	private static final int CHUNK = 5000;

	/** What a load wrote; {@code accounts} are the usernames created. */
	public record LoadResult(double scale, int organizations, int branches, int groups, int members,
			int mobileMembers, List<String> accounts, long millis) {
	}

	private final JdbcTemplate jdbc;
	private final TransactionTemplate tx;
	private final OrganizationService organizations;
	private final AccountService accounts;
	private final AuditTrail audit;
	private final CurrentCaller caller;
	private final Clock clock;

	DemoLoader(JdbcTemplate jdbc, TransactionTemplate tx, OrganizationService organizations, AccountService accounts,
			AuditTrail audit, CurrentCaller caller, Clock clock) {
		this.jdbc = jdbc;
		this.tx = tx;
		this.organizations = organizations;
		this.accounts = accounts;
		this.audit = audit;
		this.caller = caller;
		this.clock = clock;
	}

	public boolean rosterEmpty() {
		return !Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM member)", Boolean.class));
	}

	/**
	 * Loads the demo county at {@code scale} with the demo accounts township1, secretary1, member1, inspector1.
	 * Once per database: the plan is deterministic, so a second load repeats its ID numbers and is refused by
	 * the roster's unique key (nothing is written then).
	 */
	public LoadResult load(double scale) {
		return load(scale, "");
	}

	/**
	 * As {@link #load(double)}, with {@code usernamePrefix} before each demo username (tests sharing a database
	 * use it to stay clear of other accounts). Accounts whose username is taken are skipped.
	 */
	public LoadResult load(double scale, String usernamePrefix) {
		long started = System.nanoTime();
		Plan plan = DemoCounty.plan(scale, LocalDate.now(clock));
		LoadResult result = tx.execute(status -> write(plan, usernamePrefix == null ? "" : usernamePrefix));
		// fresh statistics so the first queries after a bulk load get sensible plans
		jdbc.execute("ANALYZE organization");
		jdbc.execute("ANALYZE member");
		jdbc.execute("ANALYZE member_mobility");
		long millis = (System.nanoTime() - started) / 1_000_000;
		return new LoadResult(result.scale(), result.organizations(), result.branches(), result.groups(),
				result.members(), result.mobileMembers(), result.accounts(), millis);
	}

	private LoadResult write(Plan plan, String prefix) {
		long root = organizations.rootId().orElseThrow(() -> new IllegalStateException("尚未创建县级党委，无法载入演示数据"));
		Map<String, Object> rootRow = jdbc.queryForMap("SELECT path, depth, county_id FROM organization WHERE id = ?", root);
		String rootPath = (String) rootRow.get("path");
		int rootDepth = ((Number) rootRow.get("depth")).intValue();
		long county = ((Number) rootRow.get("county_id")).longValue();

		List<PlannedOrganization> orgs = plan.organizations();
		long[] orgIds = reserveIds(orgs.size());
		String[] paths = new String[orgs.size()];
		for (int i = 0; i < orgs.size(); i++) {
			PlannedOrganization o = orgs.get(i);
			paths[i] = (o.parentIndex() < 0 ? rootPath : paths[o.parentIndex()]) + orgIds[i] + "/";
		}
		for (int from = 0; from < orgs.size(); from += CHUNK) {
			insertOrganizations(orgs.subList(from, Math.min(orgs.size(), from + CHUNK)), orgIds, paths, root, rootDepth,
					county);
		}

		String recordedBy = caller.actorName();
		int members = 0;
		int mobile = 0;
		List<Long> demoMembers = new ArrayList<>();
		Iterator<PlannedMember> it = plan.members();
		List<PlannedMember> chunk = new ArrayList<>(CHUNK);
		while (it.hasNext()) {
			chunk.clear();
			while (it.hasNext() && chunk.size() < CHUNK) {
				chunk.add(it.next());
			}
			long[] ids = reserveIds(chunk.size());
			insertMembers(chunk, ids, orgIds, county);
			mobile += insertMobility(chunk, ids, county, recordedBy);
			for (int i = 0; i < chunk.size() && demoMembers.size() < 2; i++) {
				if (chunk.get(i).branchIndex() == plan.demoBranch()) {
					demoMembers.add(ids[i]);
				}
			}
			members += chunk.size();
		}

		List<String> created = createAccounts(plan, prefix, county, root, orgIds, demoMembers);
		int branches = (int) plan.count(OrgKind.BRANCH);
		int groups = (int) plan.count(OrgKind.GROUP);
		Map<String, Object> summary = new LinkedHashMap<>();
		summary.put("scale", plan.scale());
		summary.put("organizations", orgs.size());
		summary.put("branches", branches);
		summary.put("groups", groups);
		summary.put("members", members);
		summary.put("mobileMembers", mobile);
		summary.put("accounts", created);
		audit.record("DemoCounty", root, root, "DEMO_LOAD", summary);
		return new LoadResult(plan.scale(), orgs.size(), branches, groups, members, mobile, created, 0);
	}

	private List<String> createAccounts(Plan plan, String prefix, long county, long root, long[] orgIds,
			List<Long> demoMembers) {
		List<String> created = new ArrayList<>();
		long township = orgIds[plan.townships().get(0)];
		createAccount(created, prefix + "township1", Role.TOWNSHIP_ADMIN, county, township, null);
		if (plan.demoBranch() >= 0 && demoMembers.size() == 2) {
			long branch = orgIds[plan.demoBranch()];
			// the secretary is the branch's first member; member1 is an ordinary member of the same branch
			createAccount(created, prefix + "secretary1", Role.BRANCH_SECRETARY, county, branch, demoMembers.get(0));
			createAccount(created, prefix + "member1", Role.MEMBER, county, branch, demoMembers.get(1));
		}
		createAccount(created, prefix + "inspector1", Role.INSPECTOR, county, root, null);
		return created;
	}

	private void createAccount(List<String> created, String username, Role role, long county, long organization,
			Long member) {
		if (Boolean.TRUE.equals(jdbc.queryForObject("SELECT EXISTS (SELECT 1 FROM account WHERE username = ?)",
				Boolean.class, username))) {
			return;
		}
		accounts.createSystemAccount(county, username, DEMO_PASSWORD, role, organization, member);
		created.add(username);
	}

	/** Ids come from the one entity sequence every table shares, reserved a block at a time. */
	private long[] reserveIds(int count) {
		List<Long> ids = jdbc.queryForList("SELECT nextval('entity_id_seq') FROM generate_series(1, ?)", Long.class,
				count);
		long[] out = new long[count];
		for (int i = 0; i < count; i++) {
			out[i] = ids.get(i);
		}
		return out;
	}

	private void insertOrganizations(List<PlannedOrganization> chunk, long[] orgIds, String[] paths, long root,
			int rootDepth, long county) {
		int n = chunk.size();
		Long[] ids = new Long[n];
		Long[] parents = new Long[n];
		String[] names = new String[n];
		String[] kinds = new String[n];
		String[] fields = new String[n];
		String[] chunkPaths = new String[n];
		Integer[] depths = new Integer[n];
		String[] termStarts = new String[n];
		Integer[] termYears = new Integer[n];
		for (int i = 0; i < n; i++) {
			PlannedOrganization o = chunk.get(i);
			ids[i] = orgIds[o.index()];
			parents[i] = o.parentIndex() < 0 ? root : orgIds[o.parentIndex()];
			names[i] = o.name();
			kinds[i] = o.kind().name();
			fields[i] = o.field().name();
			chunkPaths[i] = paths[o.index()];
			depths[i] = rootDepth + o.depth();
			termStarts[i] = text(o.termStartedOn());
			termYears[i] = o.termYears();
		}
		execute("""
				INSERT INTO organization (id, county_id, parent_id, name, kind, field, path, depth, term_started_on, term_years)
				SELECT u.id, ?, u.parent_id, u.name, u.kind, u.field, u.path, u.depth, u.term_started_on, u.term_years
				FROM unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::text[], ?::int4[], ?::date[], ?::int4[])
				     AS u(id, parent_id, name, kind, field, path, depth, term_started_on, term_years)""",
				county, array("int8", ids), array("int8", parents), array("text", names), array("text", kinds),
				array("text", fields), array("text", chunkPaths), array("int4", depths), array("date", termStarts),
				array("int4", termYears));
	}

	private void insertMembers(List<PlannedMember> chunk, long[] memberIds, long[] orgIds, long county) {
		int n = chunk.size();
		Long[] ids = new Long[n];
		Long[] orgs = new Long[n];
		String[] names = new String[n];
		String[] genders = new String[n];
		String[] idNumbers = new String[n];
		String[] births = new String[n];
		String[] categories = new String[n];
		String[] joined = new String[n];
		String[] full = new String[n];
		String[] ethnicities = new String[n];
		String[] educations = new String[n];
		String[] phones = new String[n];
		String[] statuses = new String[n];
		String[] changed = new String[n];
		for (int i = 0; i < n; i++) {
			PlannedMember m = chunk.get(i);
			ids[i] = memberIds[i];
			orgs[i] = orgIds[m.branchIndex()];
			names[i] = m.name();
			genders[i] = m.gender().name();
			idNumbers[i] = m.idNumber();
			births[i] = text(m.birthDate());
			categories[i] = m.category().name();
			joined[i] = text(m.joinedOn());
			full[i] = text(m.fullMemberOn());
			ethnicities[i] = m.ethnicity();
			educations[i] = m.education();
			phones[i] = m.phone();
			statuses[i] = m.status().name();
			changed[i] = text(m.statusChangedOn());
		}
		execute("""
				INSERT INTO member (id, county_id, organization_id, name, gender, id_number, birth_date, category,
				                    joined_on, full_member_on, ethnicity, education, phone, status, status_changed_on)
				SELECT u.id, ?, u.org, u.name, u.gender, u.id_number, u.birth, u.category, u.joined, u.full_on,
				       u.ethnicity, u.education, u.phone, u.status, u.changed
				FROM unnest(?::int8[], ?::int8[], ?::text[], ?::text[], ?::text[], ?::date[], ?::text[], ?::date[],
				            ?::date[], ?::text[], ?::text[], ?::text[], ?::text[], ?::date[])
				     AS u(id, org, name, gender, id_number, birth, category, joined, full_on, ethnicity, education,
				          phone, status, changed)""",
				county, array("int8", ids), array("int8", orgs), array("text", names), array("text", genders),
				array("text", idNumbers), array("date", births), array("text", categories), array("date", joined),
				array("date", full), array("text", ethnicities), array("text", educations), array("text", phones),
				array("text", statuses), array("date", changed));
	}

	private int insertMobility(List<PlannedMember> chunk, long[] memberIds, long county, String recordedBy) {
		List<Long> ids = new ArrayList<>();
		List<String> destinations = new ArrayList<>();
		List<String> starts = new ArrayList<>();
		for (int i = 0; i < chunk.size(); i++) {
			DemoCounty.Mobility mobility = chunk.get(i).mobility();
			if (mobility != null) {
				ids.add(memberIds[i]);
				destinations.add(mobility.destination());
				starts.add(text(mobility.startedOn()));
			}
		}
		if (ids.isEmpty()) {
			return 0;
		}
		execute("""
				INSERT INTO member_mobility (county_id, member_id, destination, started_on, recorded_by)
				SELECT ?, u.member_id, u.destination, u.started_on, ?
				FROM unnest(?::int8[], ?::text[], ?::date[]) AS u(member_id, destination, started_on)""",
				county, recordedBy, array("int8", ids.toArray(Long[]::new)),
				array("text", destinations.toArray(String[]::new)), array("date", starts.toArray(String[]::new)));
		return ids.size();
	}

	private record ArrayParam(String type, Object[] values) {
	}

	private static ArrayParam array(String type, Object[] values) {
		return new ArrayParam(type, values);
	}

	private static String text(LocalDate date) {
		return date == null ? null : date.toString();
	}

	private void execute(String sql, Object... params) {
		jdbc.execute((ConnectionCallback<Void>) connection -> {
			List<Array> arrays = new ArrayList<>();
			try (PreparedStatement ps = connection.prepareStatement(sql)) {
				for (int i = 0; i < params.length; i++) {
					ps.setObject(i + 1, bind(connection, params[i], arrays));
				}
				ps.executeUpdate();
			}
			finally {
				for (Array a : arrays) {
					a.free();
				}
			}
			return null;
		});
	}

	private static Object bind(Connection connection, Object param, List<Array> arrays) throws SQLException {
		if (param instanceof ArrayParam a) {
			Array array = connection.createArrayOf(a.type(), a.values());
			arrays.add(array);
			return array;
		}
		return param;
	}
}
