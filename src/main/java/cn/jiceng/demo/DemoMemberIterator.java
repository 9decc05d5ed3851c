package cn.jiceng.demo;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.BitSet;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.SplittableRandom;

import cn.jiceng.member.Gender;
import cn.jiceng.member.IdNumber;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.demo.DemoCounty.Mobility;
import cn.jiceng.demo.DemoCounty.Plan;
import cn.jiceng.demo.DemoCounty.PlannedMember;
import cn.jiceng.demo.DemoCounty.PlannedOrganization;
import cn.jiceng.demo.DemoCounty.Unit;

/** The demo county's members in branch order, regenerated identically on every pass (never all in memory). */
final class DemoMemberIterator implements Iterator<PlannedMember> {


private static final LocalDate EARLIEST_BIRTH = LocalDate.of(1940, 1, 1);
private static final LocalDate LATEST_BIRTH = LocalDate.of(2004, 12, 31);
private static final int BIRTH_DAYS = (int) ChronoUnit.DAYS.between(EARLIEST_BIRTH, LATEST_BIRTH) + 1;


	private final Plan plan;
	private final LocalDate today;
	private final SplittableRandom rng = new SplittableRandom(DemoCounty.SEED ^ 0x9E3779B97F4A7C15L);
	// one bit per (birth day, sequence number) for each area code: ID numbers are unique without a hash set
	private final BitSet[] taken = new BitSet[1 + DemoNames.OTHER_AREAS.size()];
	private int org = -1;
	private int left;

	DemoMemberIterator(Plan plan) {
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
