package cn.jiceng.member;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import cn.idev.excel.FastExcel;
import cn.idev.excel.enums.ReadDefaultReturnEnum;
import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.audit.AuditTrail;
import cn.jiceng.common.ConflictException;
import cn.jiceng.common.InvalidInputException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.member.MemberExcelTemplate.Column;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel import of the roster. The sheet is streamed row by row (never loaded whole); every row is checked
 * with the same {@link MemberValidator} as the API, plus branch placement, duplicates in the file and ID
 * numbers already on the roll. Only a file without a single problem is saved, in one transaction with
 * batched inserts and one audit entry per member, so an import is all or nothing.
 */
@Service
class MemberImportService {

	private static final Logger log = LoggerFactory.getLogger(MemberImportService.class);

	/** Larger files are refused rather than risking the heap; a county has 30–70k members. */
	static final int MAX_ROWS = 200_000;

	/** Errors returned to the caller; the total is always reported. */
	static final int MAX_ERRORS = 1000;

	private static final int CHUNK = 1000;

	private static final int WHOLE_COUNTY_CHECK = 5000;

	private static final int ANALYZE_AFTER = 5000;

	private static final String ALREADY_ON_ROLL = "该公民身份号码已在党员名册中";

	// One statement per chunk: the rows travel as arrays and unnest turns them back into rows, which is many times
	// faster than a JDBC batch of single-row inserts and needs no driver-specific API.
	private static final String INSERT_MEMBERS = """
			INSERT INTO member (id, county_id, organization_id, name, gender, id_number, birth_date, category, joined_on,
			                    full_member_on, ethnicity, education, phone, status)
			SELECT u.id, ?, u.org, u.name, u.gender, u.id_number, u.birth::date, u.category, u.joined::date,
			       u.full_on::date, u.ethnicity, u.education, u.phone, 'NORMAL'
			FROM unnest(?::bigint[], ?::bigint[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[],
			            ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[], ?::varchar[])
			     AS u(id, org, name, gender, id_number, birth, category, joined, full_on, ethnicity, education, phone)""";

	private final DataScope scope;
	private final OrganizationService organizations;
	private final MemberValidator validator;
	private final JdbcClient jdbc;
	private final JdbcTemplate jdbcTemplate;
	private final TransactionTemplate tx;
	private final TransactionTemplate readOnlyTx;
	private final JdbcTemplate cursor;
	private final AuditTrail audit;

	MemberImportService(DataScope scope, OrganizationService organizations, MemberValidator validator, JdbcClient jdbc,
			JdbcTemplate jdbcTemplate, PlatformTransactionManager transactions, AuditTrail audit) {
		this.scope = scope;
		this.organizations = organizations;
		this.validator = validator;
		this.jdbc = jdbc;
		this.jdbcTemplate = jdbcTemplate;
		this.tx = new TransactionTemplate(transactions);
		this.readOnlyTx = new TransactionTemplate(transactions);
		this.readOnlyTx.setReadOnly(true);
		// PostgreSQL streams a result only inside a transaction and with a fetch size.
		this.cursor = new JdbcTemplate(jdbcTemplate.getDataSource());
		this.cursor.setFetchSize(CHUNK);
		this.audit = audit;
	}

	/** Who may import where: checked before the file is read, so the page can refuse at once. */
	public OrgRef target(long organizationId) {
		scope.requireWriter(MemberService.ROSTER_EDITORS);
		scope.requireOrganization(organizationId);
		OrgRef org = organizations.ref(organizationId).orElseThrow(() -> new NotFoundException("党组织不存在"));
		if (org.kind() == OrgKind.GROUP) {
			throw InvalidInputException.of("organizationId", "党员只能编入党支部，请选择党支部或其上级党组织（所选为党小组）");
		}
		return org;
	}

	/** Refuses an empty upload or one that is not an .xlsx file (an .xlsx is a zip archive: "PK\3\4"). */
	public static void checkFormat(Path file) {
		byte[] magic = new byte[8];
		int n;
		try (InputStream in = Files.newInputStream(file)) {
			n = in.readNBytes(magic, 0, magic.length);
		}
		catch (IOException e) {
			throw unreadable();
		}
		if (n == 0) {
			throw InvalidInputException.of("file", "上传的文件是空的，请选择填写好的导入模板");
		}
		if (n >= 4 && (magic[0] & 0xff) == 0xD0 && (magic[1] & 0xff) == 0xCF && (magic[2] & 0xff) == 0x11
				&& (magic[3] & 0xff) == 0xE0) {
			throw InvalidInputException.of("file", "不支持旧版 .xls 文件，请在 Excel 中另存为 .xlsx 后再导入");
		}
		if (n < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
			throw unreadable();
		}
	}

	private static InvalidInputException unreadable() {
		return InvalidInputException.of("file", "无法读取该文件，请上传 .xlsx 格式的 Excel 文件（可先下载导入模板）");
	}

	/**
	 * Checks every row of the first sheet and saves the members only when none has a problem. Runs with the
	 * uploader's security context (also on the page's worker thread) so scope and audit name the right person.
	 */
	public MemberImportResult importFile(long organizationId, Path file, MemberImportProgress progress) {
		OrgRef target = target(organizationId);
		checkFormat(file);
		Caller caller = scope.current().caller();
		MemberImportRowReader.Subtree subtree = target.isBranch() ? null : loadSubtree(target);
		MemberImportRowReader reader = new MemberImportRowReader(validator, target, subtree, progress);
		long started = System.nanoTime();
		try {
			FastExcel.read(file.toFile(), reader)
				.readDefaultReturn(ReadDefaultReturnEnum.READ_CELL_DATA)
				.headRowNumber(1)
				.ignoreEmptyRow(true)
				.sheet(0)
				.doRead();
		}
		catch (RuntimeException e) {
			if (reader.bug != null) {
				throw reader.bug;
			}
			throw unreadable();
		}
		if (reader.headerProblem != null) {
			throw InvalidInputException.of("file", reader.headerProblem);
		}
		if (reader.tooMany) {
			throw InvalidInputException.of("file", "单次最多导入 " + MAX_ROWS + " 行，请拆分文件后分批导入");
		}
		if (reader.rows == 0) {
			throw InvalidInputException.of("file", "文件中没有党员数据：第1行是表头，请从第2行起每行填写一名党员");
		}
		progress.checking(reader.rows, reader.rows);
		long read = System.nanoTime();
		checkAlreadyOnRoll(target.countyId(), reader);
		long checked = System.nanoTime();
		List<MemberImportResult.RowError> errors = reader.errors;
		if (!errors.isEmpty()) {
			errors.sort(Comparator.comparingInt(MemberImportResult.RowError::row)
				.thenComparingInt(e -> Column.byField(e.field()) == null ? 99 : Column.byField(e.field()).ordinal()));
			List<MemberImportResult.RowError> shown = List.copyOf(errors.subList(0, Math.min(MAX_ERRORS, errors.size())));
			log.info("Member import into {}: {} rows, {} problems, nothing saved (read {} ms, roll check {} ms)",
					target.id(), reader.rows, errors.size(), ms(started, read), ms(read, checked));
			return new MemberImportResult(0, reader.rows, errors.size(), shown);
		}
		save(target, caller, reader.parsed, progress);
		log.info("Member import into {}: {} rows saved (read and check {} ms, roll check {} ms, save {} ms)", target.id(),
				reader.parsed.size(), ms(started, read), ms(read, checked), ms(checked, System.nanoTime()));
		return new MemberImportResult(reader.parsed.size(), reader.rows, 0, List.of());
	}

	private static long ms(long from, long to) {
		return (to - from) / 1_000_000;
	}

	/**
	 * Numbers already on the roll. A large file is compared against one pass over the county's numbers, whose
	 * cost does not depend on the planner; a small one asks the (county_id, id_number) index a thousand at a
	 * time. (Right after a bulk load the statistics are stale, and a thousand-value IN list may then be
	 * filtered linearly row by row.)
	 */
	private void checkAlreadyOnRoll(long countyId, MemberImportRowReader reader) {
		Map<String, Integer> rowOf = reader.firstRowOfId;
		if (rowOf.size() >= WHOLE_COUNTY_CHECK) {
			List<String> found = new ArrayList<>();
			readOnlyTx.executeWithoutResult(status -> cursor.query("SELECT id_number FROM member WHERE county_id = ?",
					(RowCallbackHandler) rs -> {
						String id = rs.getString(1);
						if (rowOf.containsKey(id)) {
							found.add(id);
						}
					}, countyId));
			found.forEach(id -> reader.error(rowOf.get(id), Column.ID_NUMBER, ALREADY_ON_ROLL));
			return;
		}
		List<String> ids = new ArrayList<>(rowOf.keySet());
		for (int from = 0; from < ids.size(); from += CHUNK) {
			List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
			jdbc.sql("SELECT id_number FROM member WHERE county_id = :c AND id_number IN (:ids)")
				.param("c", countyId)
				.param("ids", chunk)
				.query(String.class)
				.list()
				.forEach(id -> reader.error(rowOf.get(id), Column.ID_NUMBER, ALREADY_ON_ROLL));
		}
	}

	private void save(OrgRef target, Caller caller, List<ParsedRow> rows, MemberImportProgress progress) {
		int total = rows.size();
		progress.saving(0, total);
		try {
			tx.executeWithoutResult(status -> {
				for (int from = 0; from < total; from += CHUNK) {
					List<ParsedRow> chunk = rows.subList(from, Math.min(total, from + CHUNK));
					// ids drawn up front (the column's own sequence) so member rows and audit rows are batched alike
					List<Long> ids = jdbc.sql("SELECT nextval('entity_id_seq') FROM generate_series(1, :n)")
						.param("n", chunk.size())
						.query(Long.class)
						.list();
					insertMembers(target.countyId(), chunk, ids);
					insertAudit(target.countyId(), chunk, ids);
					progress.saving(from + chunk.size(), total);
				}
				Map<String, Object> summary = new LinkedHashMap<>();
				summary.put("imported", total);
				audit.record("Organization", target.id(), target.id(), "IMPORT_MEMBERS", AuditTrail.created(summary));
			});
		}
		catch (DuplicateKeyException e) {
			throw new ConflictException("有公民身份号码刚被他人录入党员名册，本次导入未保存任何数据，请重新导入");
		}
		if (total >= ANALYZE_AFTER) {
			// Fresh statistics right after a bulk load, instead of bad plans until autovacuum gets round to it.
			try {
				jdbcTemplate.execute("ANALYZE member, audit_entry");
			}
			catch (RuntimeException e) {
				log.warn("ANALYZE after member import failed: {}", e.getMessage());
			}
		}
	}

	private void insertMembers(long countyId, List<ParsedRow> chunk, List<Long> ids) {
		int n = chunk.size();
		Long[] orgs = new Long[n];
		String[][] text = new String[10][n];
		for (int i = 0; i < n; i++) {
			ParsedRow r = chunk.get(i);
			MemberValidator.Checked c = r.checked();
			orgs[i] = r.branchId();
			text[0][i] = c.name();
			text[1][i] = c.gender().name();
			text[2][i] = c.id().value();
			text[3][i] = c.id().birthDate().toString();
			text[4][i] = c.category().name();
			text[5][i] = c.joinedOn().toString();
			text[6][i] = c.fullMemberOn() == null ? null : c.fullMemberOn().toString();
			text[7][i] = c.ethnicity();
			text[8][i] = c.education();
			text[9][i] = c.phone();
		}
		jdbcTemplate.update(con -> {
			PreparedStatement ps = con.prepareStatement(INSERT_MEMBERS);
			ps.setLong(1, countyId);
			ps.setArray(2, con.createArrayOf("bigint", ids.toArray(Long[]::new)));
			ps.setArray(3, con.createArrayOf("bigint", orgs));
			for (int k = 0; k < text.length; k++) {
				ps.setArray(4 + k, con.createArrayOf("varchar", text[k]));
			}
			return ps;
		});
	}

	private void insertAudit(long memberCountyId, List<ParsedRow> chunk, List<Long> ids) {
		List<AuditTrail.Entry> entries = new ArrayList<>(chunk.size());
		for (int i = 0; i < chunk.size(); i++) {
			ParsedRow r = chunk.get(i);
			MemberValidator.Checked c = r.checked();
			Member m = new Member(ids.get(i), memberCountyId, r.branchId(), c.name(), c.gender(), c.id().value(),
					c.id().birthDate(), c.category(), c.joinedOn(), c.fullMemberOn(), c.ethnicity(), c.education(),
					c.phone(), MemberStatus.NORMAL, null, 0);
			entries.add(new AuditTrail.Entry(ids.get(i), r.branchId(), AuditTrail.created(MemberService.snapshot(m))));
		}
		audit.recordAll("Member", "IMPORT", entries);
	}

	record ParsedRow(int row, MemberValidator.Checked checked, long branchId) {
	}

	private MemberImportRowReader.Subtree loadSubtree(OrgRef root) {
		Map<Long, MemberImportRowReader.Org> byId = new HashMap<>();
		Map<String, List<MemberImportRowReader.Org>> byName = new HashMap<>();
		jdbc.sql("SELECT id, name, kind FROM organization WHERE path LIKE :prefix")
			.param("prefix", root.path() + "%")
			.query((rs, i) -> new MemberImportRowReader.Org(rs.getLong(1), rs.getString(2), OrgKind.valueOf(rs.getString(3))))
			.list()
			.forEach(o -> {
				byId.put(o.id(), o);
				byName.computeIfAbsent(o.name(), k -> new ArrayList<>(1)).add(o);
			});
		return new MemberImportRowReader.Subtree(root, byId, byName);
	}

}
