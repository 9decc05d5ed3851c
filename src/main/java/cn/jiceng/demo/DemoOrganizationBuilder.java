package cn.jiceng.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.TermPolicy;
import cn.jiceng.settings.RuleSettings;
import cn.jiceng.demo.DemoCounty.Plan;
import cn.jiceng.demo.DemoCounty.PlannedOrganization;
import cn.jiceng.demo.DemoCounty.Unit;

/** The organizations of the demo county in pre-order (every parent before its children). */
final class DemoOrganizationBuilder {

	private final double scale;
	private final LocalDate today;
	private final SplittableRandom rng = new SplittableRandom(DemoCounty.SEED);
	private final TermPolicy terms = new TermPolicy(RuleSettings.defaults());
	private final List<PlannedOrganization> orgs = new ArrayList<>();
	private final List<Integer> townships = new ArrayList<>();

	DemoOrganizationBuilder(double scale, LocalDate today) {
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
		int[] villages = DemoCounty.allocate(units(77), villageWeights);
		int[] communities = DemoCounty.allocate(units(23), communityWeights);
		int[] institutions = DemoCounty.allocate(units(36), equal);
		int[] enterprises = DemoCounty.allocate(units(36), equal);
		int[] socials = DemoCounty.allocate(units(6), equal);
		int[] mobiles = DemoCounty.allocate(Math.max(1, units(2)), equal);
		// one 机关党支部 per township; below scale 1 only as many as the scale allows, so small test
		// counties shrink in proportion
		int[] agencies = DemoCounty.allocate(Math.min(townshipCount, Math.max(1, units(12))), equal);
		for (int t = 0; t < townshipCount; t++) {
			township(t, townshipNames.get(t), DemoNames.TOWNSHIPS.get(t % 12).street(), agencies[t] > 0, villages[t],
					communities[t], institutions[t], enterprises[t], socials[t], mobiles[t]);
		}
		double[] perSection = new double[sections];
		java.util.Arrays.fill(perSection, 1);
		int[] departments = DemoCounty.allocate(units(76), perSection);
		int[] schools = DemoCounty.allocate(units(60), perSection);
		int[] hospitals = DemoCounty.allocate(units(20), perSection);
		int[] stateEnterprises = DemoCounty.allocate(units(16), perSection);
		int[] privateEnterprises = DemoCounty.allocate(units(110), perSection);
		int[] socialOrganizations = DemoCounty.allocate(units(25), perSection);
		int[] retired = DemoCounty.allocate(units(25), perSection);
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
		SplittableRandom names2 = new SplittableRandom(DemoCounty.SEED + 7);
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
