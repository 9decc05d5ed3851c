package cn.jiceng.demo;

import java.time.LocalDate;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;

import cn.jiceng.member.Gender;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;

/**
 * Generates the demo county: a pure function of the scale and "today". Scale 1.0 is a county shaped like the
 * seed reports (12 townships, about 100 villages and communities, about 800 branches, about 20,000 members);
 * the scale multiplies units and members, so 50 gives about a million members for benchmarks.
 *
 * <p>Organizations are produced in pre-order (every parent before its children) so they can be inserted in
 * order. Members are not kept in memory: {@link Plan#members()} regenerates the same sequence on every call.
 */
final class DemoCounty {

	public static final long SEED = 0x4A4943454E47L;
	public static final double MAX_SCALE = 100.0;

	/** What a demo organization stands for; every organization in a unit's subtree carries the unit's value. */
	public enum Unit {
		COUNTY_COMMITTEE, TOWNSHIP, TOWNSHIP_AGENCY, VILLAGE, COMMUNITY, AGENCY, SCHOOL, HOSPITAL,
		STATE_ENTERPRISE, PRIVATE_ENTERPRISE, SOCIAL, RETIRED, TEMPORARY, MOBILE
	}

	/**
	 * {@code parentIndex} is -1 for children of the county's root organization; {@code depth} counts from the
	 * root (a township is 1). {@code unitHead} marks the top organization of a unit (a village's 党总支, not its
	 * branches). {@code memberCount} is non-zero only for branches.
	 */
	public record PlannedOrganization(int index, int parentIndex, int depth, String name, OrgKind kind, Field field,
			Unit unit, boolean unitHead, LocalDate termStartedOn, Integer termYears, int memberCount,
			String mobileDestination) {
	}

	public record Mobility(String destination, LocalDate startedOn) {
	}

	/** {@code mobility} is null for members who are not mobile. */
	public record PlannedMember(int branchIndex, String name, Gender gender, String idNumber, LocalDate birthDate,
			MemberCategory category, LocalDate joinedOn, LocalDate fullMemberOn, String ethnicity, String education,
			String phone, MemberStatus status, LocalDate statusChangedOn, Mobility mobility) {
	}

	/** The generated county: organizations in pre-order, and members regenerated on demand. */
	public static final class Plan {

		private final double scale;
		private final LocalDate today;
		private final List<PlannedOrganization> organizations;
		private final List<Integer> townships;
		private final int memberCount;
		private final int demoBranch;

		Plan(double scale, LocalDate today, List<PlannedOrganization> organizations, List<Integer> townships) {
			this.scale = scale;
			this.today = today;
			this.organizations = List.copyOf(organizations);
			this.townships = List.copyOf(townships);
			this.memberCount = organizations.stream().mapToInt(PlannedOrganization::memberCount).sum();
			this.demoBranch = pickDemoBranch(this.organizations, this.townships.get(0));
		}

		public double scale() {
			return scale;
		}

		public LocalDate today() {
			return today;
		}

		public List<PlannedOrganization> organizations() {
			return organizations;
		}

		/** Indexes of the township and street committees, the first being the demo township. */
		public List<Integer> townships() {
			return townships;
		}

		public int memberCount() {
			return memberCount;
		}

		public long count(OrgKind kind) {
			return organizations.stream().filter(o -> o.kind() == kind).count();
		}

		/** Villages and communities (村, 社区) as units, whatever their own kind. */
		public long villagesAndCommunities() {
			return organizations.stream()
				.filter(o -> o.unitHead() && (o.unit() == Unit.VILLAGE || o.unit() == Unit.COMMUNITY))
				.count();
		}

		/** The village branch whose secretary and first member get demo accounts. */
		public int demoBranch() {
			return demoBranch;
		}

		/** Members in branch order; every call yields the same sequence. */
		public Iterator<PlannedMember> members() {
			return new DemoMemberIterator(this);
		}

		private static int pickDemoBranch(List<PlannedOrganization> orgs, int township) {
			int fallback = -1;
			for (PlannedOrganization o : orgs) {
				if (o.kind() != OrgKind.BRANCH || o.memberCount() < 3 || !descends(orgs, o.index(), township)) {
					continue;
				}
				if (o.unit() == Unit.VILLAGE) {
					return o.index();
				}
				if (fallback < 0) {
					fallback = o.index();
				}
			}
			return fallback;
		}

		private static boolean descends(List<PlannedOrganization> orgs, int index, int ancestor) {
			for (int i = index; i >= 0; i = orgs.get(i).parentIndex()) {
				if (i == ancestor) {
					return true;
				}
			}
			return false;
		}
	}

	private DemoCounty() {
	}

	/** The county at {@code scale} (0 &lt; scale ≤ 100) with dates relative to {@code today}. */
	public static Plan plan(double scale, LocalDate today) {
		Objects.requireNonNull(today, "today");
		if (!(scale > 0) || scale > MAX_SCALE) {
			throw new IllegalArgumentException("演示数据规模应在0到" + MAX_SCALE + "之间: " + scale);
		}
		if (today.isBefore(LocalDate.of(2024, 1, 1))) {
			// the youngest members are born in 2004 and must be 18 and a year in the party
			throw new IllegalArgumentException("演示数据的基准日期不能早于2024年: " + today);
		}
		return new DemoOrganizationBuilder(scale, today).build();
	}

	/** Largest-remainder allocation of {@code total} over {@code weights}; ties go to the earlier entry. */
	static int[] allocate(int total, double[] weights) {
		double sum = 0;
		for (double w : weights) {
			sum += w;
		}
		int[] out = new int[weights.length];
		if (total <= 0 || sum <= 0) {
			return out;
		}
		double[] remainder = new double[weights.length];
		int given = 0;
		for (int i = 0; i < weights.length; i++) {
			double exact = total * weights[i] / sum;
			out[i] = (int) Math.floor(exact);
			remainder[i] = exact - out[i];
			given += out[i];
		}
		while (given < total) {
			int best = -1;
			for (int i = 0; i < weights.length; i++) {
				if (weights[i] > 0 && (best < 0 || remainder[i] > remainder[best])) {
					best = i;
				}
			}
			out[best]++;
			remainder[best] = -1;
			given++;
		}
		return out;
	}
}
