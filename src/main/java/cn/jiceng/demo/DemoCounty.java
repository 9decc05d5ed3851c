package cn.jiceng.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Set;
import java.util.SplittableRandom;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.TermPolicy;
import cn.jiceng.settings.RuleSettings;

/**
 * Generates the demo county: a pure function of the scale and "today". Scale 1.0 is a county shaped like the
 * seed reports (12 townships, about 100 villages and communities, about 800 branches, about 20,000 members);
 * the scale multiplies units and members, so 50 gives about a million members for benchmarks.
 *
 * <p>Organizations are produced in pre-order (every parent before its children) so they can be inserted in
 * order. Members are not kept in memory: {@link Plan#members()} regenerates the same sequence on every call.
 */
public final class DemoCounty {

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
			return new MemberIterator(this);
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
		return new OrganizationBuilder(scale, today).build();
	}

	// ---------------------------------------------------------------------------------------------------------
	// Organizations

	private static final class OrganizationBuilder {

		private final double scale;
		private final LocalDate today;
		private final SplittableRandom rng = new SplittableRandom(SEED);
		private final TermPolicy terms = new TermPolicy(RuleSettings.defaults());
		private final List<PlannedOrganization> orgs = new ArrayList<>();
		private final List<Integer> townships = new ArrayList<>();

		OrganizationBuilder(double scale, LocalDate today) {
			this.scale = scale;
			this.today = today;
		}

		Plan build() {
			// Beyond scale 1 the county grows in sections of 12 townships (and one set of county committees)
			// so that no township holds hundreds of villages and no committee thousands of children.
			int sections = scale <= 1 ? 1 : (int) Math.round(Math.sqrt(scale));
			int townshipCount = 12 * sections;
			List<String> townshipNames = townshipNames(townshipCount);
			double[] villageWeights = new double[townshipCount];
			double[] communityWeights = new double[townshipCount];
			double[] equal = new double[townshipCount];
			for (int t = 0; t < townshipCount; t++) {
				DemoNames.TownshipProfile p = DemoNames.TOWNSHIPS.get(t % 12);
				villageWeights[t] = p.villages();
				communityWeights[t] = p.communities();
				equal[t] = 1;
			}
			int[] villages = allocate(units(77), villageWeights);
			int[] communities = allocate(units(23), communityWeights);
			int[] institutions = allocate(units(36), equal);
			int[] enterprises = allocate(units(36), equal);
			int[] socials = allocate(units(6), equal);
			int[] mobiles = allocate(Math.max(1, units(2)), equal);
			// one 机关党支部 per township; below scale 1 only as many as the scale allows, so small test
			// counties shrink in proportion
			int[] agencies = allocate(Math.min(townshipCount, Math.max(1, units(12))), equal);
			for (int t = 0; t < townshipCount; t++) {
				township(t, townshipNames.get(t), DemoNames.TOWNSHIPS.get(t % 12).street(), agencies[t] > 0, villages[t],
						communities[t], institutions[t], enterprises[t], socials[t], mobiles[t]);
			}
			double[] perSection = new double[sections];
			java.util.Arrays.fill(perSection, 1);
			int[] departments = allocate(units(76), perSection);
			int[] schools = allocate(units(60), perSection);
			int[] hospitals = allocate(units(20), perSection);
			int[] stateEnterprises = allocate(units(16), perSection);
			int[] privateEnterprises = allocate(units(110), perSection);
			int[] socialOrganizations = allocate(units(25), perSection);
			int[] retired = allocate(units(25), perSection);
			for (int s = 0; s < sections; s++) {
				String suffix = s == 0 ? "" : "（第" + DemoNames.ordinal(s + 1) + "片区）";
				agencies(suffix, departments[s]);
				schools(suffix, schools[s]);
				hospitals(suffix, hospitals[s]);
				stateEnterprises(suffix, stateEnterprises[s]);
				twoNew(suffix, privateEnterprises[s], socialOrganizations[s]);
				retired(suffix, retired[s]);
			}
			int temporary = Math.max(1, units(3));
			for (int i = 0; i < temporary; i++) {
				String project = DemoNames.KEY_PROJECTS.get(i % DemoNames.KEY_PROJECTS.size());
				String round = i < DemoNames.KEY_PROJECTS.size() ? "" : "第" + DemoNames.ordinal(i / DemoNames.KEY_PROJECTS.size() + 1) + "期";
				branch(-1, "县" + project + round + "扛旗攻坚临时党支部", Field.TEMPORARY, Unit.TEMPORARY, true,
						size(5, 15), null);
			}
			return new Plan(scale, today, orgs, townships);
		}

		private int units(double atScaleOne) {
			return (int) Math.round(atScaleOne * scale);
		}

		private List<String> townshipNames(int count) {
			List<String> names = new ArrayList<>();
			Set<String> used = new HashSet<>();
			for (int t = 0; t < Math.min(12, count); t++) {
				names.add(DemoNames.TOWNSHIPS.get(t).name());
				used.add(names.get(t));
			}
			SplittableRandom names2 = new SplittableRandom(SEED + 7);
			int a = DemoNames.TOWNSHIP_FIRST.length();
			int b = DemoNames.TOWNSHIP_SECOND.length();
			for (int t = 12; t < count; t++) {
				boolean street = DemoNames.TOWNSHIPS.get(t % 12).street();
				String name = null;
				for (int attempt = 0; attempt < 50 && (name == null || used.contains(name)); attempt++) {
					name = "" + DemoNames.TOWNSHIP_FIRST.charAt(names2.nextInt(a))
							+ DemoNames.TOWNSHIP_SECOND.charAt(names2.nextInt(b)) + (street ? "街道" : t % 3 == 0 ? "乡" : "镇");
				}
				if (used.contains(name)) {
					name = name.substring(0, 2) + DemoNames.ordinal(t / 12 + 1) + name.substring(2);
				}
				used.add(name);
				names.add(name);
			}
			return names;
		}

		private void township(int t, String name, boolean street, boolean agency, int villages, int communities,
				int institutions, int enterprises, int socials, int mobiles) {
			Field field = street ? Field.COMMUNITY : Field.RURAL;
			int tw = add(-1, name + (street ? "党工委" : "党委"), OrgKind.COMMITTEE, field, Unit.TOWNSHIP, true, 0, null);
			townships.add(tw);
			String shortName = name.replace("街道", "").replace("镇", "").replace("乡", "");
			if (agency) {
				branch(tw, name + "机关党支部", Field.AGENCY, Unit.TOWNSHIP_AGENCY, true, size(15, 40), null);
			}
			Set<String> usedPlaces = new HashSet<>();
			for (int i = 0; i < villages; i++) {
				village(tw, place(usedPlaces) + "村");
			}
			for (int i = 0; i < communities; i++) {
				String c = i == 0 && !street ? shortName
						: DemoNames.COMMUNITY_NAMES.get((t * 7 + i) % DemoNames.COMMUNITY_NAMES.size())
								+ (i >= DemoNames.COMMUNITY_NAMES.size() ? DemoNames.ordinal(i / DemoNames.COMMUNITY_NAMES.size() + 1) : "");
				community(tw, c + "社区");
			}
			for (int i = 0; i < institutions; i++) {
				String unit = switch (i % 4) {
					case 0 -> "中心学校";
					case 1 -> "卫生院";
					case 2 -> "中心幼儿园";
					default -> "农业综合服务中心";
				};
				branch(tw, name + unit + (i >= 4 ? DemoNames.ordinal(i / 4 + 1) : "") + "党支部", Field.INSTITUTION,
						i % 4 == 1 ? Unit.HOSPITAL : Unit.SCHOOL, true, size(10, 40), null);
			}
			for (int i = 0; i < enterprises; i++) {
				branch(tw, shortName + company() + "党支部", Field.ENTERPRISE, Unit.PRIVATE_ENTERPRISE, true,
						privateSize(), null);
			}
			for (int i = 0; i < socials; i++) {
				branch(tw, name + (i % 2 == 0 ? "志愿服务协会" : "乡贤联谊会") + (i >= 2 ? DemoNames.ordinal(i / 2 + 1) : "")
						+ "党支部", Field.SOCIAL, Unit.SOCIAL, true, socialSize(), null);
			}
			for (int i = 0; i < mobiles; i++) {
				int k = (t + i) % DemoNames.MOBILE_CITIES.size();
				String city = DemoNames.MOBILE_CITIES.get(k);
				String destination = DemoNames.MOBILE_DESTINATIONS.get(k);
				branch(tw, name + "驻" + city + "流动党员党支部" + (i >= DemoNames.MOBILE_CITIES.size() ? DemoNames.ordinal(i / 6 + 1) : ""),
						Field.MOBILE, Unit.MOBILE, true, size(12, 35), destination);
			}
		}

		private String place(Set<String> used) {
			int a = DemoNames.PLACE_FIRST.length();
			int b = DemoNames.PLACE_SECOND.length();
			String name = null;
			for (int attempt = 0; attempt < 40 && (name == null || used.contains(name)); attempt++) {
				char first = DemoNames.PLACE_FIRST.charAt(rng.nextInt(a));
				char second = DemoNames.PLACE_SECOND.charAt(rng.nextInt(b));
				name = first == second ? null : "" + first + second;
			}
			if (name == null) {
				name = "新村";
			}
			int n = 2;
			String base = name;
			while (used.contains(name)) {
				name = base + DemoNames.ordinal(n++);
			}
			used.add(name);
			return name;
		}

		private void village(int township, String name) {
			double r = rng.nextDouble();
			if (r < 0.70) {
				branch(township, name + "党支部", Field.RURAL, Unit.VILLAGE, true, size(20, 80), null);
				return;
			}
			boolean committee = r >= 0.88;
			int head = add(township, name + (committee ? "党委" : "党总支"), committee ? OrgKind.COMMITTEE : OrgKind.GENERAL_BRANCH,
					Field.RURAL, Unit.VILLAGE, true, 0, null);
			int branches = committee ? 4 + rng.nextInt(3) : 3 + rng.nextInt(2);
			Set<String> used = new HashSet<>();
			for (int i = 0; i < branches; i++) {
				String sub = i == branches - 1 && rng.nextBoolean() ? "老年党员" : place(used);
				branch(head, name + sub + "党支部", Field.RURAL, Unit.VILLAGE, false, size(15, 45), null);
			}
		}

		private void community(int township, String name) {
			double r = rng.nextDouble();
			if (r < 0.45) {
				branch(township, name + "党支部", Field.COMMUNITY, Unit.COMMUNITY, true, size(10, 50), null);
				return;
			}
			boolean committee = r >= 0.75;
			int head = add(township, name + (committee ? "党委" : "党总支"), committee ? OrgKind.COMMITTEE : OrgKind.GENERAL_BRANCH,
					Field.COMMUNITY, Unit.COMMUNITY, true, 0, null);
			int branches = committee ? 4 + rng.nextInt(3) : 3 + rng.nextInt(2);
			for (int i = 0; i < branches; i++) {
				String sub = switch (i % 3) {
					case 0 -> "第" + DemoNames.ordinal(i / 3 + 1) + "网格";
					case 1 -> DemoNames.ESTATES.get(rng.nextInt(DemoNames.ESTATES.size())) + "小区" + (i > 3 ? DemoNames.ordinal(i / 3 + 1) : "");
					default -> i == 2 ? "退休党员" : "在职党员" + DemoNames.ordinal(i / 3);
				};
				branch(head, name + sub + "党支部", Field.COMMUNITY, Unit.COMMUNITY, false, size(10, 45), null);
			}
		}

		private void agencies(String suffix, int departments) {
			if (departments == 0) {
				return;
			}
			int gw = add(-1, "县直机关工委" + suffix, OrgKind.COMMITTEE, Field.AGENCY, Unit.COUNTY_COMMITTEE, true, 0, null);
			for (int i = 0; i < departments; i++) {
				String dept = cycled(DemoNames.DEPARTMENTS, i);
				double r = rng.nextDouble();
				if (r < 0.60) {
					branch(gw, dept + "党支部", Field.AGENCY, Unit.AGENCY, true, size(12, 45), null);
					continue;
				}
				boolean committee = r >= 0.85;
				int head = add(gw, dept + (committee ? "机关党委" : "党总支"), committee ? OrgKind.COMMITTEE : OrgKind.GENERAL_BRANCH,
						Field.AGENCY, Unit.AGENCY, true, 0, null);
				int branches = committee ? 3 + rng.nextInt(4) : 2 + rng.nextInt(3);
				for (int b = 0; b < branches; b++) {
					String sub = b == branches - 1 && branches > 2 ? "离退休干部" : "第" + DemoNames.ordinal(b + 1);
					branch(head, dept + sub + "党支部", Field.AGENCY, Unit.AGENCY, false, size(10, 40), null);
				}
			}
		}

		private void schools(String suffix, int schools) {
			if (schools == 0) {
				return;
			}
			int committee = add(-1, "县教育系统党委" + suffix, OrgKind.COMMITTEE, Field.INSTITUTION, Unit.COUNTY_COMMITTEE,
					true, 0, null);
			for (int i = 0; i < schools; i++) {
				String school = i < DemoNames.SCHOOLS.size() ? DemoNames.SCHOOLS.get(i)
						: "县第" + DemoNames.ordinal(i - DemoNames.SCHOOLS.size() + 1) + (i % 2 == 0 ? "小学" : "初级中学");
				if (rng.nextDouble() < 0.75) {
					branch(committee, school + "党支部", Field.INSTITUTION, Unit.SCHOOL, true, size(10, 55), null);
					continue;
				}
				int head = add(committee, school + "党总支", OrgKind.GENERAL_BRANCH, Field.INSTITUTION, Unit.SCHOOL, true, 0, null);
				int branches = 2 + rng.nextInt(3);
				for (int b = 0; b < branches; b++) {
					String sub = b == branches - 1 ? "退休教师" : "第" + DemoNames.ordinal(b + 1);
					branch(head, school + sub + "党支部", Field.INSTITUTION, Unit.SCHOOL, false, size(10, 40), null);
				}
			}
		}

		private void hospitals(String suffix, int hospitals) {
			if (hospitals == 0) {
				return;
			}
			int committee = add(-1, "县卫生健康系统党委" + suffix, OrgKind.COMMITTEE, Field.INSTITUTION,
					Unit.COUNTY_COMMITTEE, true, 0, null);
			String[] wards = { "内科", "外科", "护理", "医技", "行政后勤", "急诊", "妇产儿科", "离退休" };
			for (int i = 0; i < hospitals; i++) {
				String unit = i < DemoNames.HOSPITALS.size() ? DemoNames.HOSPITALS.get(i)
						: "县社区卫生服务中心" + DemoNames.ordinal(i - DemoNames.HOSPITALS.size() + 1);
				int branches = i % DemoNames.HOSPITALS.size() < 2 ? 5 + rng.nextInt(4)
						: i % DemoNames.HOSPITALS.size() < 5 ? 2 + rng.nextInt(3) : 1;
				if (branches == 1) {
					branch(committee, unit + "党支部", Field.INSTITUTION, Unit.HOSPITAL, true, size(10, 45), null);
					continue;
				}
				boolean big = branches > 4;
				int head = add(committee, unit + (big ? "党委" : "党总支"), big ? OrgKind.COMMITTEE : OrgKind.GENERAL_BRANCH,
						Field.INSTITUTION, Unit.HOSPITAL, true, 0, null);
				for (int b = 0; b < branches; b++) {
					branch(head, unit + wards[b % wards.length] + "党支部", Field.INSTITUTION, Unit.HOSPITAL, false,
							size(15, 50), null);
				}
			}
		}

		private void stateEnterprises(String suffix, int count) {
			if (count == 0) {
				return;
			}
			int committee = add(-1, "县国有企业党委" + suffix, OrgKind.COMMITTEE, Field.ENTERPRISE, Unit.COUNTY_COMMITTEE,
					true, 0, null);
			for (int i = 0; i < count; i++) {
				String company = cycled(DemoNames.STATE_ENTERPRISES, i);
				double r = rng.nextDouble();
				if (r < 0.45) {
					branch(committee, company + "党支部", Field.ENTERPRISE, Unit.STATE_ENTERPRISE, true, size(8, 40), null);
					continue;
				}
				boolean big = r >= 0.8;
				int head = add(committee, company + (big ? "党委" : "党总支"), big ? OrgKind.COMMITTEE : OrgKind.GENERAL_BRANCH,
						Field.ENTERPRISE, Unit.STATE_ENTERPRISE, true, 0, null);
				int branches = big ? 3 + rng.nextInt(3) : 2 + rng.nextInt(2);
				for (int b = 0; b < branches; b++) {
					branch(head, company + "第" + DemoNames.ordinal(b + 1) + "党支部", Field.ENTERPRISE,
							Unit.STATE_ENTERPRISE, false, size(8, 35), null);
				}
			}
		}

		private void twoNew(String suffix, int enterprises, int socials) {
			if (enterprises + socials == 0) {
				return;
			}
			int committee = add(-1, "县两新工委" + suffix, OrgKind.COMMITTEE, Field.ENTERPRISE, Unit.COUNTY_COMMITTEE,
					true, 0, null);
			for (int i = 0; i < enterprises; i++) {
				branch(committee, "县" + company() + "党支部", Field.ENTERPRISE, Unit.PRIVATE_ENTERPRISE, true,
						privateSize(), null);
			}
			for (int i = 0; i < socials; i++) {
				branch(committee, cycled(DemoNames.SOCIAL_ORGANIZATIONS, i) + "党支部", Field.SOCIAL, Unit.SOCIAL, true,
						socialSize(), null);
			}
		}

		private void retired(String suffix, int count) {
			if (count == 0) {
				return;
			}
			int committee = add(-1, "县离退休干部党委" + suffix, OrgKind.COMMITTEE, Field.AGENCY, Unit.COUNTY_COMMITTEE,
					true, 0, null);
			for (int i = 0; i < count; i++) {
				branch(committee, "县离退休干部第" + DemoNames.ordinal(i + 1) + "党支部", Field.AGENCY, Unit.RETIRED, true,
						size(20, 60), null);
			}
		}

		private String company() {
			String first = DemoNames.COMPANY_FIRST;
			return "" + first.charAt(rng.nextInt(first.length())) + first.charAt(rng.nextInt(first.length()))
					+ DemoNames.COMPANY_TRADES.get(rng.nextInt(DemoNames.COMPANY_TRADES.size())) + "有限公司";
		}

		/** Non-public enterprises are small, and some are too small for a branch of their own (JOIN_BRANCH advice). */
		private int privateSize() {
			return rng.nextDouble() < 0.07 ? 1 + rng.nextInt(2) : 3 + (int) (20 * StrictMath.pow(rng.nextDouble(), 1.6));
		}

		private int socialSize() {
			return rng.nextDouble() < 0.10 ? 2 : 3 + rng.nextInt(9);
		}

		/** Roughly triangular between min and max, peaking in the middle. */
		private int size(int min, int max) {
			double u = (rng.nextDouble() + rng.nextDouble()) / 2;
			return min + (int) Math.round((max - min) * u);
		}

		private int branch(int parent, String name, Field field, Unit unit, boolean head, int members, String destination) {
			int b = add(parent, name, OrgKind.BRANCH, field, unit, head, members, destination);
			// bigger branches of villages, communities and institutions meet in party groups (党小组)
			if (members >= 30 && unit != Unit.MOBILE && unit != Unit.TEMPORARY
					&& rng.nextDouble() < (unit == Unit.VILLAGE || unit == Unit.COMMUNITY ? 0.7 : 0.35)) {
				int groups = 2 + rng.nextInt(members >= 60 ? 3 : 2);
				for (int g = 0; g < groups; g++) {
					add(b, "第" + DemoNames.ordinal(g + 1) + "党小组", OrgKind.GROUP, field, unit, false, 0, null);
				}
			}
			return b;
		}

		private int add(int parent, String name, OrgKind kind, Field field, Unit unit, boolean head, int members,
				String destination) {
			int index = orgs.size();
			int depth = parent < 0 ? 1 : orgs.get(parent).depth() + 1;
			LocalDate start = null;
			Integer years = null;
			if (kind != OrgKind.GROUP && rng.nextDouble() >= 0.02) {
				years = terms.defaultTermYears(kind, field).getAsInt();
				start = termStart(years);
			}
			orgs.add(new PlannedOrganization(index, parent, depth, name, kind, field, unit, head, start, years, members,
					destination));
			return index;
		}

		/** Mostly mid-term; about 9% end within six months (TERM_EXPIRING) and 3% are past due (TERM_OVERDUE). */
		private LocalDate termStart(int years) {
			double r = rng.nextDouble();
			if (r < 0.03) {
				return today.minusYears(years).minusDays(1 + rng.nextInt(300));
			}
			if (r < 0.12) {
				long window = ChronoUnit.DAYS.between(today, today.plusMonths(6));
				return today.plusDays(1 + rng.nextLong(window)).minusYears(years);
			}
			LocalDate earliest = today.plusMonths(6).plusDays(7).minusYears(years);
			LocalDate latest = today.minusDays(30);
			return earliest.plusDays(rng.nextLong(ChronoUnit.DAYS.between(earliest, latest) + 1));
		}

		private static String cycled(List<String> names, int i) {
			String name = names.get(i % names.size());
			return i < names.size() ? name : name + "（" + DemoNames.ordinal(i / names.size() + 1) + "）";
		}
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

	// ---------------------------------------------------------------------------------------------------------
	// Members

	private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1940, 1, 1);
	private static final LocalDate LATEST_BIRTH = LocalDate.of(2004, 12, 31);
	private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, LATEST_BIRTH) + 1;

	private static final class MemberIterator implements Iterator<PlannedMember> {

		private final Plan plan;
		private final LocalDate today;
		private final SplittableRandom rng = new SplittableRandom(SEED ^ 0x9E3779B97F4A7C15L);
		// one bit per (birth day, sequence number) for each area code: ID numbers are unique without a hash set
		private final BitSet[] taken = new BitSet[1 + DemoNames.OTHER_AREAS.size()];
		private int org = -1;
		private int left;

		MemberIterator(Plan plan) {
			this.plan = plan;
			this.today = plan.today();
			advance();
		}

		private void advance() {
			while (left == 0 && org + 1 < plan.organizations().size()) {
				org++;
				left = plan.organizations().get(org).memberCount();
			}
		}

		@Override
		public boolean hasNext() {
			return left > 0;
		}

		@Override
		public PlannedMember next() {
			if (left == 0) {
				throw new NoSuchElementException();
			}
			PlannedMember m = member(plan.organizations().get(org));
			left--;
			advance();
			return m;
		}

		private PlannedMember member(PlannedOrganization branch) {
			Unit unit = branch.unit();
			Gender gender = rng.nextDouble() < maleShare(unit) ? Gender.MALE : Gender.FEMALE;
			boolean probationary = unit != Unit.RETIRED && rng.nextDouble() < 0.055;
			LocalDate birth = probationary ? birthDate(1984, 2004, 1.0) : birthDate(unit);
			int area = areaIndex(unit);
			int day = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, birth);
			int sequence = freeSequence(area, day, gender);
			while (sequence < 0) {
				// every sequence number of that day is taken: move to the next day
				day = (day + 1) % BIRTH_DAYS;
				sequence = freeSequence(area, day, gender);
			}
			birth = EARLIEST_BIRTH.plusDays(day);
			String areaCode = area == 0 ? DemoNames.COUNTY_AREA : DemoNames.OTHER_AREAS.get(area - 1);
			String idNumber = IdNumber.generate(areaCode, birth, sequence, gender);

			LocalDate adult = birth.plusYears(18);
			LocalDate joinedOn;
			LocalDate fullOn;
			MemberCategory category;
			if (probationary) {
				category = MemberCategory.PROBATIONARY;
				joinedOn = today.minusDays(1 + rng.nextInt(360));
				if (joinedOn.isBefore(adult)) {
					joinedOn = adult;
				}
				fullOn = null;
			}
			else {
				category = MemberCategory.FULL;
				LocalDate latest = today.minusYears(1);
				int joinAge = 18 + (int) (32 * StrictMath.pow(rng.nextDouble(), 1.7));
				joinedOn = birth.plusYears(joinAge).plusDays(rng.nextInt(365));
				if (joinedOn.isAfter(latest)) {
					joinedOn = adult.plusDays(rng.nextLong(ChronoUnit.DAYS.between(adult, latest) + 1));
				}
				fullOn = joinedOn.plusYears(1);
			}

			MemberStatus status = MemberStatus.NORMAL;
			LocalDate statusChangedOn = null;
			Mobility mobility = null;
			if (rng.nextDouble() < lostShare(unit)) {
				status = MemberStatus.LOST_CONTACT;
				statusChangedOn = later(joinedOn.plusDays(1), today.minusDays(30 + rng.nextInt(900)));
			}
			else if (branch.mobileDestination() != null || rng.nextDouble() < mobileShare(unit)) {
				String destination = branch.mobileDestination() != null ? branch.mobileDestination()
						: DemoNames.MOBILE_DESTINATIONS.get(rng.nextInt(DemoNames.MOBILE_DESTINATIONS.size()));
				mobility = new Mobility(destination, later(joinedOn, today.minusDays(20 + rng.nextInt(1800))));
			}
			String phone = birth.getYear() < 1955 && rng.nextDouble() < 0.25 ? null : phone();
			return new PlannedMember(branch.index(), name(gender), gender, idNumber, birth, category, joinedOn, fullOn,
					ethnicity(), education(unit, birth.getYear()), phone, status, statusChangedOn, mobility);
		}

		private int freeSequence(int area, int day, Gender gender) {
			BitSet bits = taken[area];
			if (bits == null) {
				bits = new BitSet();
				taken[area] = bits;
			}
			int parity = gender == Gender.MALE ? 1 : 0;
			int start = (rng.nextInt(1000) & ~1) | parity;
			for (int i = 0; i < 500; i++) {
				int sequence = (start + 2 * i) % 1000;
				int key = day * 1000 + sequence;
				if (!bits.get(key)) {
					bits.set(key);
					return sequence;
				}
			}
			return -1;
		}

		private LocalDate birthDate(Unit unit) {
			return switch (unit) {
				case VILLAGE -> birthDate(1940, 2004, 1.35);
				case COMMUNITY -> birthDate(1943, 2004, 1.1);
				case RETIRED -> birthDate(1940, 1965, 1.0);
				case AGENCY, TOWNSHIP_AGENCY -> birthDate(1966, 2002, 1.0);
				case SCHOOL, HOSPITAL -> birthDate(1964, 2002, 0.9);
				case STATE_ENTERPRISE, PRIVATE_ENTERPRISE -> birthDate(1965, 2003, 1.0);
				case SOCIAL, MOBILE -> birthDate(1970, 2003, 1.0);
				default -> birthDate(1966, 2000, 1.0);
			};
		}

		/** Years from {@code from} to {@code to}; a power above 1 leans towards the earlier years. */
		private LocalDate birthDate(int from, int to, double power) {
			int year = from + (int) ((to - from + 1) * StrictMath.pow(rng.nextDouble(), power));
			LocalDate first = LocalDate.of(Math.min(year, to), 1, 1);
			return first.plusDays(rng.nextInt(first.lengthOfYear()));
		}

		private static double maleShare(Unit unit) {
			return switch (unit) {
				case VILLAGE -> 0.74;
				case COMMUNITY, SOCIAL -> 0.52;
				case SCHOOL, HOSPITAL -> 0.42;
				case TEMPORARY, MOBILE -> 0.8;
				case RETIRED -> 0.7;
				default -> 0.62;
			};
		}

		private static double lostShare(Unit unit) {
			return switch (unit) {
				case VILLAGE -> 0.006;
				case PRIVATE_ENTERPRISE, MOBILE -> 0.012;
				case COMMUNITY -> 0.004;
				default -> 0;
			};
		}

		private static double mobileShare(Unit unit) {
			return switch (unit) {
				case VILLAGE -> 0.07;
				case COMMUNITY -> 0.03;
				case PRIVATE_ENTERPRISE, SOCIAL -> 0.02;
				case RETIRED, AGENCY, TOWNSHIP_AGENCY -> 0.002;
				default -> 0.005;
			};
		}

		private int areaIndex(Unit unit) {
			double local = switch (unit) {
				case VILLAGE, COMMUNITY, MOBILE, TOWNSHIP -> 0.94;
				case PRIVATE_ENTERPRISE, SOCIAL -> 0.85;
				default -> 0.75;
			};
			return rng.nextDouble() < local ? 0 : 1 + rng.nextInt(DemoNames.OTHER_AREAS.size());
		}

		private String name(Gender gender) {
			String surnames = DemoNames.SURNAMES;
			StringBuilder sb = new StringBuilder(3);
			sb.append(surnames.charAt((int) (surnames.length() * StrictMath.pow(rng.nextDouble(), 2.0))));
			String given = gender == Gender.MALE ? DemoNames.MALE_GIVEN : DemoNames.FEMALE_GIVEN;
			sb.append(given.charAt(rng.nextInt(given.length())));
			if (rng.nextDouble() < 0.8) {
				sb.append(given.charAt(rng.nextInt(given.length())));
			}
			return sb.toString();
		}

		private String ethnicity() {
			double r = rng.nextDouble();
			if (r < 0.94) {
				return "01";
			}
			if (r < 0.975) {
				return "22"; // 畲族, the largest minority of southern Zhejiang
			}
			if (r < 0.985) {
				return "03";
			}
			if (r < 0.992) {
				return "07";
			}
			return r < 0.996 ? "06" : "15";
		}

		private String education(Unit unit, int born) {
			double r = rng.nextDouble();
			switch (unit) {
				case AGENCY, TOWNSHIP_AGENCY, SCHOOL, HOSPITAL -> {
					if (born < 1965) {
						return pick(r, new double[] { 0.2, 0.6 }, "41", "31", "21");
					}
					return pick(r, new double[] { 0.02, 0.2, 0.8 }, "11", "14", "21", "31");
				}
				case RETIRED -> {
					return pick(r, new double[] { 0.15, 0.45, 0.75 }, "61", "41", "31", "21");
				}
				case VILLAGE, COMMUNITY -> {
					if (born < 1960) {
						return pick(r, new double[] { 0.4, 0.8, 0.95 }, "81", "71", "61", "41");
					}
					if (born < 1980) {
						return pick(r, new double[] { 0.45, 0.75, 0.85, 0.95 }, "71", "61", "41", "31", "21");
					}
					return pick(r, new double[] { 0.05, 0.25, 0.6 }, "71", "61", "31", "21");
				}
				default -> {
					return pick(r, new double[] { 0.1, 0.35, 0.4, 0.7 }, "71", "61", "44", "31", "21");
				}
			}
		}

		private static String pick(double r, double[] bounds, String... codes) {
			for (int i = 0; i < bounds.length; i++) {
				if (r < bounds[i]) {
					return codes[i];
				}
			}
			return codes[codes.length - 1];
		}

		private String phone() {
			String prefix = DemoNames.MOBILE_PREFIXES[rng.nextInt(DemoNames.MOBILE_PREFIXES.length)];
			return prefix + String.format("%08d", rng.nextInt(100_000_000));
		}

		private static LocalDate later(LocalDate a, LocalDate b) {
			return a.isAfter(b) ? a : b;
		}
	}
}
