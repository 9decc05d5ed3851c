package cn.jiceng.member;

import java.io.OutputStream;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import javax.sql.DataSource;

import cn.jiceng.access.Caller;
import cn.jiceng.access.DataScope;
import cn.jiceng.access.Role;
import cn.jiceng.common.ForbiddenException;
import cn.jiceng.common.NotFoundException;
import cn.jiceng.organization.OrgRef;
import cn.jiceng.organization.OrganizationService;

import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The import template and the roster export, both in {@link MemberExcelTemplate}'s layout so an export can be
 * imported again. The export streams rows from a server-side cursor into FastExcel's streaming writer, so a
 * county's roster never sits in memory whole.
 */
@Service
class MemberExportService {

	static final String EXPORT_FILENAME = "党员名册.xlsx";
	static final String TEMPLATE_FILENAME = "党员导入模板.xlsx";

	private static final int BATCH = 1000;

	private final DataScope scope;
	private final OrganizationService organizations;
	private final JdbcTemplate cursor;
	private final MemberService members;

	MemberExportService(DataScope scope, OrganizationService organizations, DataSource dataSource,
			MemberService members) {
		this.scope = scope;
		this.members = members;
		this.organizations = organizations;
		// PostgreSQL streams only inside a transaction and with a fetch size; otherwise it loads every row.
		this.cursor = new JdbcTemplate(dataSource);
		this.cursor.setFetchSize(BATCH);
	}

	/** The organization whose branches fill the template's drop-down (the caller's own by default). */
	public long templateRoot(Long organizationId) {
		Caller caller = scope.current().caller();
		long root = organizationId != null ? organizationId : caller.organizationId();
		scope.requireOrganization(root);
		return root;
	}

	@Transactional(readOnly = true)
	public void writeTemplate(long rootId, OutputStream out) {
		var opened = MemberExcelTemplate.open(out, branchLabels(rootId));
		opened.write(List.of());
		opened.finish();
	}

	/** Checks role and scope before any byte is written, so a refusal is still a clean error response. */
	public OrgRef exportRoot(Long organizationId) {
		Caller caller = scope.current().caller();
		if (caller.isMemberOnly()) {
			throw new ForbiddenException("当前角色（" + caller.role().label() + "）无权导出党员名册");
		}
		long root = organizationId != null ? organizationId : caller.organizationId();
		scope.requireOrganization(root);
		return organizations.ref(root).orElseThrow(() -> new NotFoundException("党组织不存在"));
	}

	/** Members still on the roll in the subtree; full ID numbers and phones only for roles that need them. */
	@Transactional(readOnly = true)
	public void writeExport(OrgRef root, OutputStream out) {
		writeExport(root, new MemberService.MemberFilter(root.id(), true, null, null, null), out);
	}

	/**
	 * The members the list's filter keeps (the same condition as the list, {@link MemberService#where}), in the
	 * template's layout; full ID numbers and phones only for roles that need them.
	 */
	@Transactional(readOnly = true)
	public void writeExport(OrgRef root, MemberService.MemberFilter filter, OutputStream out) {
		Role role = scope.current().caller().role();
		boolean full = MemberService.EXPORTS_PERSONAL_DATA.contains(role);
		MemberService.Where where = members.where(filter);
		var opened = MemberExcelTemplate.open(out, branchLabels(root.id()));
		List<List<Object>> batch = new ArrayList<>(BATCH);
		new NamedParameterJdbcTemplate(cursor).query("""
				SELECT m.name, m.gender, m.id_number, o.name AS org_name, o.id AS org_id, m.category, m.joined_on,
				       m.full_member_on, m.ethnicity, m.education, m.phone
				FROM member m JOIN organization o ON o.id = m.organization_id""" + where.sql()
				+ " ORDER BY o.path, m.name, m.id", where.params(), (RowCallbackHandler) rs -> {
					batch.add(row(rs, full));
					if (batch.size() == BATCH) {
						opened.write(batch);
						batch.clear();
					}
				});
		opened.write(batch);
		opened.finish();
	}

	private static List<Object> row(ResultSet rs, boolean full) throws SQLException {
		String id = rs.getString("id_number");
		String phone = rs.getString("phone");
		List<Object> row = new ArrayList<>(MemberExcelTemplate.Column.TEMPLATE.size());
		row.add(rs.getString("name"));
		row.add(Gender.valueOf(rs.getString("gender")).label());
		row.add(full ? id : IdNumber.mask(id));
		row.add(MemberExcelTemplate.branchLabel(rs.getString("org_name"), rs.getLong("org_id")));
		row.add(MemberCategory.valueOf(rs.getString("category")).label());
		row.add(date(rs.getObject("joined_on", LocalDate.class)));
		row.add(date(rs.getObject("full_member_on", LocalDate.class)));
		String ethnicity = rs.getString("ethnicity");
		row.add(ethnicity == null ? "" : Ethnicity.byCode(ethnicity).map(Ethnicity::label).orElse(ethnicity));
		String education = rs.getString("education");
		row.add(education == null ? "" : Education.byCode(education).map(Education::label).orElse(education));
		row.add(phone == null ? "" : full ? phone : PhoneNumber.mask(phone));
		return row;
	}

	// Dates as text in the template's YYYY-MM-DD form, which the import reads back without locale surprises.
	private static String date(LocalDate d) {
		return d == null ? "" : d.toString();
	}

	private List<String> branchLabels(long rootId) {
		return organizations.branchesInSubtree(rootId)
			.stream()
			.map(b -> MemberExcelTemplate.branchLabel(b.name(), b.id()))
			.toList();
	}
}
