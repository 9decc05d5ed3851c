package cn.jiceng.orglife;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import cn.jiceng.member.MemberStatus;
import cn.jiceng.member.RollMembership;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Loads {@link MembershipPeriods} from the roster: the creating branch (the first transfer's origin, or the
 * current branch when never transferred) from {@code joinedOn}, each transfer's branch from its date, and the
 * end of membership when the member was transferred out of the county or died ({@code status_changed_on}).
 * {@link MembershipSql} states the same rule in SQL for the set-based reads; the API tests hold them together.
 */
@Component
class Memberships {

	/** A member with their stays; {@code periods} is empty when the membership ended before it began. */
	record Membership(long memberId, String name, long currentBranchId, String category, LocalDate fullMemberOn,
			Optional<MembershipPeriods> periods) {

		boolean inBranchOn(long branchId, LocalDate date) {
			return periods.map(p -> p.isInBranchOn(branchId, date)).orElse(false);
		}

		boolean touchesYear(long branchId, int year) {
			LocalDate start = LocalDate.of(year, 1, 1);
			LocalDate end = LocalDate.of(year, 12, 31);
			return periods.map(p -> p.stays().stream().anyMatch(s -> s.branchId() == branchId
					&& !s.from().isAfter(end) && (s.to() == null || s.to().isAfter(start)))).orElse(false);
		}
	}

	private final JdbcClient jdbc;

	Memberships(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/** Everyone who was ever in the branch: its current members and anyone transferred into or out of it. */
	List<Membership> everInBranch(long branchId) {
		return load("""
				m.organization_id = :b OR m.id IN (SELECT t.member_id FROM member_transfer t
				WHERE t.from_org_id = :b OR t.to_org_id = :b)""", Map.of("b", branchId));
	}

	/**
	 * Everyone who was ever in a branch of the subtree of {@code rootId}: the branches' current members and anyone
	 * transferred into or out of one of them.
	 */
	List<Membership> everInBranchesUnder(long rootId) {
		return load("""
				m.organization_id IN (SELECT o.id FROM organization o WHERE o.kind = 'BRANCH'
				  AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%')
				OR m.id IN (SELECT t.member_id FROM member_transfer t JOIN organization o
				  ON o.id = t.from_org_id OR o.id = t.to_org_id
				  WHERE o.kind = 'BRANCH' AND o.path LIKE (SELECT path FROM organization WHERE id = :root) || '%')""",
				Map.of("root", rootId));
	}

	Optional<Membership> of(long memberId) {
		return load("m.id = :id", Map.of("id", memberId)).stream().findFirst();
	}

	List<Membership> of(Collection<Long> memberIds) {
		if (memberIds.isEmpty()) {
			return List.of();
		}
		return load("m.id IN (:ids)", Map.of("ids", memberIds));
	}

	private record Row(long id, String name, long orgId, LocalDate joinedOn, String status, LocalDate statusChangedOn,
			String category, LocalDate fullMemberOn) {
	}

	private List<Membership> load(String condition, Map<String, ?> params) {
		List<Row> rows = jdbc.sql("SELECT m.id, m.name, m.organization_id, m.joined_on, m.status, m.status_changed_on, "
				+ "m.category, m.full_member_on FROM member m WHERE " + condition + " ORDER BY m.name, m.id")
			.params(params)
			.query((rs, i) -> new Row(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getObject(4, LocalDate.class),
					rs.getString(5), rs.getObject(6, LocalDate.class), rs.getString(7),
					rs.getObject(8, LocalDate.class)))
			.list();
		if (rows.isEmpty()) {
			return List.of();
		}
		Map<Long, List<TransferRow>> transfers = new LinkedHashMap<>();
		List<Long> ids = rows.stream().map(Row::id).toList();
		// in chunks: a subtree's members would exceed the driver's limit of bind parameters in one IN list
		for (int from = 0; from < ids.size(); from += 10_000) {
			jdbc.sql("SELECT member_id, from_org_id, to_org_id, transferred_on FROM member_transfer "
					+ "WHERE member_id IN (:ids) ORDER BY member_id, transferred_on, id")
				.param("ids", ids.subList(from, Math.min(ids.size(), from + 10_000)))
				.query((rs, i) -> new TransferRow(rs.getLong(1), rs.getLong(2), rs.getLong(3),
						rs.getObject(4, LocalDate.class)))
				.list()
				.forEach(t -> transfers.computeIfAbsent(t.memberId(), k -> new ArrayList<>()).add(t));
		}
		List<Membership> result = new ArrayList<>(rows.size());
		for (Row r : rows) {
			List<TransferRow> ts = transfers.getOrDefault(r.id(), List.of());
			result.add(new Membership(r.id(), r.name(), r.orgId(), r.category(), r.fullMemberOn(), periods(r, ts)));
		}
		return result;
	}

	record TransferRow(long memberId, long fromOrgId, long toOrgId, LocalDate transferredOn) {
	}

	private static Optional<MembershipPeriods> periods(Row r, List<TransferRow> transfers) {
		RollMembership roll = RollMembership.of(r.joinedOn(), MemberStatus.valueOf(r.status()), r.statusChangedOn());
		if (roll.isEmpty()) {
			return Optional.empty();
		}
		LocalDate leftOn = roll.leftOn();
		long first = transfers.isEmpty() ? r.orgId() : transfers.get(0).fromOrgId();
		List<MembershipPeriods.Transfer> kept = new ArrayList<>();
		for (TransferRow t : transfers) {
			// A transfer recorded on or after the day membership ended cannot move the member any more.
			if (leftOn == null || t.transferredOn().isBefore(leftOn)) {
				kept.add(new MembershipPeriods.Transfer(t.toOrgId(), t.transferredOn().isBefore(r.joinedOn())
						? r.joinedOn() : t.transferredOn()));
			}
		}
		return Optional.of(MembershipPeriods.of(first, r.joinedOn(), kept, leftOn));
	}
}
