package cn.jiceng.demo;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import cn.jiceng.demo.DemoCounty.Plan;
import cn.jiceng.demo.DemoCounty.PlannedMember;
import cn.jiceng.demo.DemoCounty.PlannedOrganization;
import cn.jiceng.member.Education;
import cn.jiceng.member.Ethnicity;
import cn.jiceng.member.IdNumber;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.PhoneNumber;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.organization.TermPolicy;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoCountyTest {

	private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

	private static Plan county;
	private static List<PlannedMember> members;

	@BeforeAll
	static void generateTheCountyOnce() {
		county = DemoCounty.plan(1.0, TODAY);
		members = list(county);
	}

	private static List<PlannedMember> list(Plan plan) {
		List<PlannedMember> out = new ArrayList<>();
		plan.members().forEachRemaining(out::add);
		return out;
	}

	@Test
	void twoRunsProduceTheSameCounty() {
		Plan again = DemoCounty.plan(1.0, TODAY);

		assertThat(again.organizations()).isEqualTo(county.organizations());
		assertThat(list(again)).isEqualTo(members);
	}

	@Test
	void iteratingTheMembersTwiceGivesTheSameSequence() {
		assertThat(list(county)).isEqualTo(members);
	}

	@Test
	void scaleOneIsACountyShapedLikeTheReports() {
		assertThat(county.townships()).hasSize(12);
		assertThat(county.villagesAndCommunities()).isBetween(90L, 110L);
		assertThat(county.count(OrgKind.BRANCH)).isBetween(700L, 900L);
		assertThat(members).hasSizeBetween(18_000, 22_000);
		assertThat(county.memberCount()).isEqualTo(members.size());
	}

	@Test
	void townshipsAreCommitteesOfRuralTownsOrStreetCommunities() {
		for (int t : county.townships()) {
			PlannedOrganization township = county.organizations().get(t);
			assertThat(township.kind()).isEqualTo(OrgKind.COMMITTEE);
			assertThat(township.parentIndex()).isEqualTo(-1);
			assertThat(township.field()).isIn(Field.RURAL, Field.COMMUNITY);
			if (township.name().contains("街道")) {
				assertThat(township.field()).isEqualTo(Field.COMMUNITY);
				assertThat(township.name()).endsWith("党工委");
			}
			else {
				assertThat(township.field()).isEqualTo(Field.RURAL);
			}
		}
	}

	@Test
	void theCountyHasEveryFieldAnAgencyWorkCommitteeAndBothBigAndTinyBranches() {
		Set<Field> fields = new HashSet<>();
		county.organizations().forEach(o -> fields.add(o.field()));
		assertThat(fields).containsExactlyInAnyOrder(Field.values());
		assertThat(county.organizations()).anyMatch(o -> o.name().equals("县直机关工委") && o.kind() == OrgKind.COMMITTEE
				&& o.field() == Field.AGENCY && o.parentIndex() == -1);
		assertThat(county.organizations()).anyMatch(o -> o.field() == Field.TEMPORARY && o.name().contains("扛旗攻坚"));
		assertThat(county.organizations()).anyMatch(o -> o.field() == Field.MOBILE && o.name().endsWith("流动党员党支部"));

		Map<Integer, Integer> fullMembers = new HashMap<>();
		for (PlannedMember m : members) {
			if (m.category() == MemberCategory.FULL) {
				fullMembers.merge(m.branchIndex(), 1, Integer::sum);
			}
		}
		long tiny = county.organizations().stream()
			.filter(o -> o.kind() == OrgKind.BRANCH && fullMembers.getOrDefault(o.index(), 0) < 3)
			.count();
		long large = county.organizations().stream().filter(o -> o.memberCount() > 50).count();
		assertThat(tiny).isBetween(3L, 40L);
		assertThat(large).isBetween(3L, 60L);
	}

	@Test
	void everyOrganizationComesAfterItsParentAndFitsTheTreeRules() {
		List<PlannedOrganization> orgs = county.organizations();
		for (PlannedOrganization o : orgs) {
			assertThat(o.index()).isEqualTo(orgs.indexOf(o));
			if (o.parentIndex() < 0) {
				assertThat(o.depth()).isEqualTo(1);
				continue;
			}
			PlannedOrganization parent = orgs.get(o.parentIndex());
			assertThat(o.parentIndex()).isLessThan(o.index());
			assertThat(o.depth()).isEqualTo(parent.depth() + 1);
			switch (parent.kind()) {
				case BRANCH -> assertThat(o.kind()).isEqualTo(OrgKind.GROUP);
				case GENERAL_BRANCH -> assertThat(o.kind()).isEqualTo(OrgKind.BRANCH);
				case COMMITTEE -> assertThat(o.kind()).isNotEqualTo(OrgKind.GROUP);
				case GROUP -> throw new AssertionError("a group has a child: " + o.name());
			}
			if (o.kind() != OrgKind.BRANCH) {
				assertThat(o.memberCount()).isZero();
			}
		}
		assertThat(county.count(OrgKind.GROUP)).isPositive();
		assertThat(county.count(OrgKind.GENERAL_BRANCH)).isPositive();
	}

	@Test
	void everyMemberBelongsToABranch() {
		for (PlannedMember m : members) {
			assertThat(county.organizations().get(m.branchIndex()).kind()).isEqualTo(OrgKind.BRANCH);
		}
	}

	@Test
	void idNumbersAreValidUniqueAndAgreeWithBirthDateAndGender() {
		Set<String> seen = new HashSet<>();
		for (PlannedMember m : members) {
			IdNumber.IdCheck check = IdNumber.check(m.idNumber(), TODAY);
			assertThat(check).isInstanceOf(IdNumber.IdCheck.Valid.class);
			var valid = (IdNumber.IdCheck.Valid) check;
			assertThat(IdNumber.consistencyProblems(valid, m.birthDate(), m.gender())).isEmpty();
			assertThat(seen.add(m.idNumber())).as("duplicate %s", m.idNumber()).isTrue();
		}
	}

	@Test
	void memberFieldsPassTheRosterRules() {
		for (PlannedMember m : members) {
			assertThat(m.name()).hasSizeBetween(2, 3);
			assertThat(m.birthDate()).isBetween(LocalDate.of(1940, 1, 1), LocalDate.of(2004, 12, 31));
			assertThat(m.joinedOn()).isAfterOrEqualTo(m.birthDate().plusYears(18)).isBeforeOrEqualTo(TODAY);
			if (m.category() == MemberCategory.FULL) {
				assertThat(m.fullMemberOn()).isEqualTo(m.joinedOn().plusYears(1)).isBeforeOrEqualTo(TODAY);
			}
			else {
				assertThat(m.fullMemberOn()).isNull();
			}
			assertThat(Ethnicity.byCode(m.ethnicity())).isPresent();
			assertThat(Education.byCode(m.education())).isPresent();
			if (m.phone() != null) {
				assertThat(PhoneNumber.problem(m.phone())).isEmpty();
				assertThat(m.phone()).matches("1[3-9]\\d{9}");
			}
			if (m.mobility() != null) {
				assertThat(m.mobility().startedOn()).isAfterOrEqualTo(m.joinedOn()).isBeforeOrEqualTo(TODAY);
			}
		}
	}

	@Test
	void sharesOfProbationaryMobileMinorityAndLostContactMembersAreRealistic() {
		double n = members.size();
		assertThat(members.stream().filter(m -> m.category() == MemberCategory.PROBATIONARY).count() / n)
			.isBetween(0.03, 0.07);
		assertThat(members.stream().filter(m -> m.mobility() != null).count() / n).isBetween(0.02, 0.05);
		assertThat(members.stream().filter(m -> !m.ethnicity().equals("01")).count() / n).isBetween(0.02, 0.1);
		assertThat(members.stream().filter(m -> m.status().name().equals("LOST_CONTACT")).count()).isBetween(5L, 200L);
	}

	@Test
	void someTermsAreAboutToExpireAndAFewAreOverdue() {
		TermPolicy policy = new TermPolicy(RuleSettings.defaults());
		Map<TermPolicy.TermStatus, Integer> counts = new HashMap<>();
		for (PlannedOrganization o : county.organizations()) {
			if (o.kind() == OrgKind.GROUP) {
				assertThat(o.termStartedOn()).isNull();
				continue;
			}
			if (o.termStartedOn() != null) {
				assertThat(o.termStartedOn()).isBeforeOrEqualTo(TODAY);
				assertThat(o.termYears()).isEqualTo(policy.defaultTermYears(o.kind(), o.field()).getAsInt());
			}
			LocalDate ends = o.termStartedOn() == null ? null : TermPolicy.termEndsOn(o.termStartedOn(), o.termYears());
			counts.merge(policy.status(ends, TODAY).status(), 1, Integer::sum);
		}
		assertThat(counts.getOrDefault(TermPolicy.TermStatus.EXPIRING, 0)).isBetween(20, 200);
		assertThat(counts.getOrDefault(TermPolicy.TermStatus.OVERDUE, 0)).isBetween(5, 80);
		assertThat(counts.get(TermPolicy.TermStatus.CURRENT)).isGreaterThan(500);
	}

	@Test
	void theDemoBranchIsAVillageBranchOfTheFirstTownship() {
		PlannedOrganization branch = county.organizations().get(county.demoBranch());
		assertThat(branch.kind()).isEqualTo(OrgKind.BRANCH);
		assertThat(branch.unit()).isEqualTo(DemoCounty.Unit.VILLAGE);
		assertThat(branch.memberCount()).isGreaterThanOrEqualTo(3);
		int ancestor = branch.parentIndex();
		while (county.organizations().get(ancestor).parentIndex() >= 0) {
			ancestor = county.organizations().get(ancestor).parentIndex();
		}
		assertThat(ancestor).isEqualTo(county.townships().get(0));
	}

	@Test
	void aTenthOfTheScaleGivesAboutTwoThousandMembersInTwelveTownships() {
		Plan small = DemoCounty.plan(0.1, TODAY);

		assertThat(small.townships()).hasSize(12);
		assertThat(small.memberCount()).isBetween(1_700, 2_500);
		assertThat(list(small)).hasSize(small.memberCount());
	}

	@Test
	void scaleFiftyPlansAboutAMillionMembersInAboutFortyThousandBranches() {
		Plan large = DemoCounty.plan(50, TODAY);

		assertThat(large.memberCount()).isBetween(900_000, 1_100_000);
		assertThat(large.count(OrgKind.BRANCH)).isBetween(35_000L, 45_000L);
		assertThat(large.townships().size()).isGreaterThan(12);
		assertThat(large.organizations().stream().map(PlannedOrganization::name).filter(n -> n.length() > 100)).isEmpty();
	}

	@Test
	void aScaleOutOfRangeIsRefused() {
		assertThatThrownBy(() -> DemoCounty.plan(0, TODAY)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DemoCounty.plan(101, TODAY)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> DemoCounty.plan(Double.NaN, TODAY)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void allocationKeepsTheTotalAndFollowsTheWeights() {
		assertThat(DemoCounty.allocate(10, new double[] { 3, 1, 1 })).containsExactly(6, 2, 2);
		assertThat(DemoCounty.allocate(1, new double[] { 1, 1, 1 })).containsExactly(1, 0, 0);
		assertThat(DemoCounty.allocate(5, new double[] { 0, 2, 0 })).containsExactly(0, 5, 0);
	}
}
