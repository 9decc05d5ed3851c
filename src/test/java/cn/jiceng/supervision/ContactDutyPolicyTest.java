package cn.jiceng.supervision;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import cn.jiceng.organization.Field;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

/** 挂联包帮: targets, the "五个一" and the other kinds' yearly duties, effectiveness at the year's end. */
class ContactDutyPolicyTest {

	private static final Map<String, Integer> DEFAULTS = RuleSettings.defaults().get(RuleCatalog.CONTACT_DUTIES);

	@Test
	void aCountyLeaderOwesTheFiveOnes() {
		assertThat(ContactDutyPolicy.duties(ContactKind.LEADER_TO_TOWNSHIP, DEFAULTS)).containsExactly(
				Map.entry(ContactActivityKind.RESEARCH_DAY, 24), Map.entry(ContactActivityKind.DISPATCH_MEETING, 12),
				Map.entry(ContactActivityKind.PROBLEM_SOLVED, 4), Map.entry(ContactActivityKind.RESEARCH_REPORT, 2),
				Map.entry(ContactActivityKind.LIFE_MEETING_GUIDED, 1));
	}

	@Test
	void aFirstSecretaryOwesVisitsProblemsAndAReport() {
		assertThat(ContactDutyPolicy.duties(ContactKind.FIRST_SECRETARY_TO_VILLAGE, DEFAULTS)).containsExactly(
				Map.entry(ContactActivityKind.PROBLEM_SOLVED, 4), Map.entry(ContactActivityKind.RESEARCH_REPORT, 1),
				Map.entry(ContactActivityKind.VISIT, 12));
	}

	@Test
	void aCountyLeaderContactsOnlyATownship() {
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.LEADER_TO_TOWNSHIP,
				new ContactDutyPolicy.Target(OrgKind.COMMITTEE, Field.RURAL, true))).isNull();
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.LEADER_TO_TOWNSHIP,
				new ContactDutyPolicy.Target(OrgKind.BRANCH, Field.RURAL, false))).contains("乡镇");
	}

	@Test
	void aDepartmentContactsAVillageAndATownshipMemberABranch() {
		var village = new ContactDutyPolicy.Target(OrgKind.BRANCH, Field.RURAL, false);
		var agency = new ContactDutyPolicy.Target(OrgKind.BRANCH, Field.AGENCY, false);
		var township = new ContactDutyPolicy.Target(OrgKind.COMMITTEE, Field.RURAL, true);
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.DEPARTMENT_TO_VILLAGE, village)).isNull();
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.DEPARTMENT_TO_VILLAGE, agency)).isNotNull();
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.FIRST_SECRETARY_TO_VILLAGE, township)).isNotNull();
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.TOWNSHIP_MEMBER_TO_BRANCH, agency)).isNull();
		assertThat(ContactDutyPolicy.targetRefusal(ContactKind.TOWNSHIP_MEMBER_TO_BRANCH, township)).isNotNull();
	}

	@Test
	void anAssignmentIsEffectiveOnlyWhenEveryDutyIsMetByTheYearsEnd() {
		var required = ContactDutyPolicy.duties(ContactKind.DEPARTMENT_TO_VILLAGE, DEFAULTS);
		var met = Map.of(ContactActivityKind.VISIT, 5, ContactActivityKind.PROBLEM_SOLVED, 2);
		var short1 = Map.of(ContactActivityKind.VISIT, 5, ContactActivityKind.PROBLEM_SOLVED, 1);
		assertThat(ContactDutyPolicy.effective(required, met, true)).isTrue();
		assertThat(ContactDutyPolicy.effective(required, short1, true)).isFalse();
	}

	@Test
	void whileTheYearRunsEffectivenessIsUnknown() {
		var required = ContactDutyPolicy.duties(ContactKind.DEPARTMENT_TO_VILLAGE, DEFAULTS);
		assertThat(ContactDutyPolicy.effective(required, Map.of(), false)).isNull();
	}
}
