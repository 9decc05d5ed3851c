package cn.jiceng.organization;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OrgKindTest {

	@Test
	void aCommitteeHoldsCommitteesGeneralBranchesAndBranchesButNoGroup() {
		assertThat(OrgKind.COMMITTEE.childKinds()).containsExactly(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH,
				OrgKind.BRANCH);
	}

	@Test
	void aGeneralBranchHoldsOnlyBranches() {
		assertThat(OrgKind.GENERAL_BRANCH.childKinds()).containsExactly(OrgKind.BRANCH);
	}

	@Test
	void aGroupSitsOnlyUnderABranchAndHoldsNothing() {
		assertThat(OrgKind.GROUP.parentKinds()).containsExactly(OrgKind.BRANCH);
		assertThat(OrgKind.GROUP.childKinds()).isEmpty();
		assertThat(OrgKind.BRANCH.childKinds()).containsExactly(OrgKind.GROUP);
	}

	@Test
	void aBranchMovesUnderACommitteeOrAGeneralBranch() {
		assertThat(OrgKind.BRANCH.parentKinds()).containsExactly(OrgKind.COMMITTEE, OrgKind.GENERAL_BRANCH);
	}
}
