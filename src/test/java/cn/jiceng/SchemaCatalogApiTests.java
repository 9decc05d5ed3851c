package cn.jiceng;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.jiceng.access.Role;
import cn.jiceng.assessment.CadreGrade;
import cn.jiceng.assessment.DemocraticGrade;
import cn.jiceng.assessment.AppraisalAward;
import cn.jiceng.assessment.InspectionKind;
import cn.jiceng.assessment.InterviewSource;
import cn.jiceng.assessment.SecretaryGrade;
import cn.jiceng.assessment.StarIndicator;
import cn.jiceng.assessment.StarStatus;
import cn.jiceng.dues.DuesCategory;
import cn.jiceng.dues.PaymentChannel;
import cn.jiceng.masswork.ErrandStatus;
import cn.jiceng.masswork.FiveQuestion;
import cn.jiceng.masswork.HouseholdTag;
import cn.jiceng.masswork.Satisfaction;
import cn.jiceng.member.Gender;
import cn.jiceng.member.MemberCategory;
import cn.jiceng.member.MemberStatus;
import cn.jiceng.organization.AdviceCode;
import cn.jiceng.organization.Field;
import cn.jiceng.organization.Office;
import cn.jiceng.organization.OrgKind;
import cn.jiceng.orglife.AttendanceStatus;
import cn.jiceng.orglife.GeneralMeeting;
import cn.jiceng.orglife.MeetingType;
import cn.jiceng.orglife.RemoteChannel;
import cn.jiceng.scoring.ClaimStatus;
import cn.jiceng.scoring.Grade;
import cn.jiceng.supervision.ContactActivityKind;
import cn.jiceng.supervision.ContactKind;
import cn.jiceng.supervision.PairingActivityKind;
import cn.jiceng.supervision.WishStatus;
import cn.jiceng.supervision.DutyListKind;
import cn.jiceng.supervision.FollowUpKind;
import cn.jiceng.supervision.ProblemStatus;
import cn.jiceng.supervision.ProblemStep;
import cn.jiceng.support.ApiTest;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The migrated schema, read from PostgreSQL's catalog: the keys a province sharded by county needs (SPEC.md §8,
 * docs/architecture.md "Distribution"), the naming rule of constraints, and CHECKs that allow exactly the constants
 * of the Java enums whose codes SQL matches by string.
 */
@ApiTest
class SchemaCatalogApiTests {

	/** Tables that are not distributed by county (see the distribution plan); every other table is county-owned. */
	static final Set<String> NOT_COUNTY_OWNED = Set.of("event_publication", "flyway_schema_history");

	/** The column whose CHECK lists allowed codes → the enum those codes are the constants of. */
	static final Map<String, Class<? extends Enum<?>>> CODE_COLUMNS = new LinkedHashMap<>();

	static {
		CODE_COLUMNS.put("organization.kind", OrgKind.class);
		CODE_COLUMNS.put("organization.field", Field.class);
		CODE_COLUMNS.put("member.gender", Gender.class);
		CODE_COLUMNS.put("member.category", MemberCategory.class);
		CODE_COLUMNS.put("member.status", MemberStatus.class);
		CODE_COLUMNS.put("account.role", Role.class);
		CODE_COLUMNS.put("meeting.type", MeetingType.class);
		CODE_COLUMNS.put("meeting.general_meeting", GeneralMeeting.class);
		CODE_COLUMNS.put("meeting_attendance.status", AttendanceStatus.class);
		CODE_COLUMNS.put("meeting_attendance.listed_status", AttendanceStatus.class);
		CODE_COLUMNS.put("remote_report.channel", RemoteChannel.class);
		CODE_COLUMNS.put("dues_base.category", DuesCategory.class);
		CODE_COLUMNS.put("dues_payment.channel", PaymentChannel.class);
		CODE_COLUMNS.put("advice_handling.code", AdviceCode.class);
		CODE_COLUMNS.put("point_claim.status", ClaimStatus.class);
		CODE_COLUMNS.put("vanguard_index.grade", Grade.class);
		CODE_COLUMNS.put("org_office.office", Office.class);
		CODE_COLUMNS.put("star_standard_item.indicator", StarIndicator.class);
		CODE_COLUMNS.put("star_assessment.status", StarStatus.class);
		CODE_COLUMNS.put("commendation.award", internalEnum("cn.jiceng.assessment.Commendations$Award"));
		CODE_COLUMNS.put("commendation.level", internalEnum("cn.jiceng.assessment.Commendations$Level"));
		CODE_COLUMNS.put("cadre_appraisal.grade", CadreGrade.class);
		CODE_COLUMNS.put("democratic_appraisal.grade", DemocraticGrade.class);
		CODE_COLUMNS.put("inspection_round.kind", InspectionKind.class);
		CODE_COLUMNS.put("secretary_appraisal.grade", SecretaryGrade.class);
		CODE_COLUMNS.put("secretary_appraisal.award", AppraisalAward.class);
		CODE_COLUMNS.put("interview.source", InterviewSource.class);
		CODE_COLUMNS.put("interview.office", Office.class);
		CODE_COLUMNS.put("problem.status", ProblemStatus.class);
		CODE_COLUMNS.put("problem_follow_up.kind", FollowUpKind.class);
		CODE_COLUMNS.put("problem_step.step", ProblemStep.class);
		CODE_COLUMNS.put("duty_list.kind", DutyListKind.class);
		CODE_COLUMNS.put("contact_assignment.kind", ContactKind.class);
		CODE_COLUMNS.put("contact_activity.kind", ContactActivityKind.class);
		CODE_COLUMNS.put("pairing_activity.kind", PairingActivityKind.class);
		CODE_COLUMNS.put("micro_wish.status", WishStatus.class);
		CODE_COLUMNS.put("household.tags", HouseholdTag.class);
		CODE_COLUMNS.put("household_visit.questions", FiveQuestion.class);
		CODE_COLUMNS.put("errand.status", ErrandStatus.class);
		CODE_COLUMNS.put("errand.satisfaction", Satisfaction.class);
		CODE_COLUMNS.put("decision.category", cn.jiceng.masswork.DecisionCategory.class);
		CODE_COLUMNS.put("decision.next_step", cn.jiceng.masswork.DecisionStep.class);
		CODE_COLUMNS.put("decision_step.step", cn.jiceng.masswork.DecisionStep.class);
		CODE_COLUMNS.put("decision_step.body", cn.jiceng.masswork.ResolutionBody.class);
		CODE_COLUMNS.put("village_body.kind", cn.jiceng.masswork.VillageBodyKind.class);
		CODE_COLUMNS.put("member_commitment.post", cn.jiceng.masswork.CommitmentPost.class);
		CODE_COLUMNS.put("study_session.form", cn.jiceng.publicity.StudyForm.class);
		CODE_COLUMNS.put("story.status", cn.jiceng.publicity.StoryStatus.class);
		CODE_COLUMNS.put("care_fund_movement.kind", cn.jiceng.publicity.MovementKind.class);
		CODE_COLUMNS.put("care_fund_movement.source", cn.jiceng.publicity.CareSource.class);
		CODE_COLUMNS.put("care_fund_movement.reason", cn.jiceng.publicity.CareReason.class);
		CODE_COLUMNS.put("development_record.gender", Gender.class);
		CODE_COLUMNS.put("development_record.stage", cn.jiceng.development.DevelopmentStage.class);
		CODE_COLUMNS.put("development_record.next_step", cn.jiceng.development.DevelopmentStep.class);
		CODE_COLUMNS.put("development_step.step", cn.jiceng.development.DevelopmentStep.class);
		CODE_COLUMNS.put("development_step.conclusion", cn.jiceng.development.ReviewConclusion.class);
		CODE_COLUMNS.put("development_warning_sent.code", cn.jiceng.development.WarningCode.class);
		CODE_COLUMNS.put("weak_lax.status", cn.jiceng.supervision.WeakLaxStatus.class);
		CODE_COLUMNS.put("weak_lax_measure.kind", cn.jiceng.supervision.WeakLaxMeasureKind.class);
	}

	/** An enum kept package-private in its module: its constants are still the codes its CHECK must allow. */
	@SuppressWarnings("unchecked")
	private static Class<? extends Enum<?>> internalEnum(String name) {
		try {
			return (Class<? extends Enum<?>>) Class.forName(name);
		}
		catch (ClassNotFoundException e) {
			throw new IllegalStateException(name, e);
		}
	}

	@Autowired
	JdbcClient jdbc;

	record Constraint(String table, String name, String type, List<String> columns, String referencedTable,
			List<String> referencedColumns, String definition) {
	}

	private List<Constraint> constraints() {
		return jdbc.sql("""
				SELECT c.conrelid::regclass::text, c.conname, c.contype,
				       ARRAY(SELECT a.attname::text FROM unnest(c.conkey) k JOIN pg_attribute a
				             ON a.attrelid = c.conrelid AND a.attnum = k ORDER BY array_position(c.conkey, k)),
				       c.confrelid::regclass::text,
				       ARRAY(SELECT a.attname::text FROM unnest(c.confkey) k JOIN pg_attribute a
				             ON a.attrelid = c.confrelid AND a.attnum = k ORDER BY array_position(c.confkey, k)),
				       pg_get_constraintdef(c.oid)
				FROM pg_constraint c
				WHERE c.connamespace = 'public'::regnamespace AND c.contype IN ('p', 'u', 'f', 'c')
				ORDER BY 1, 2""")
			.query((rs, i) -> new Constraint(rs.getString(1), rs.getString(2), rs.getString(3),
					Arrays.asList((String[]) rs.getArray(4).getArray()), rs.getString(5),
					Arrays.asList((String[]) rs.getArray(6).getArray()), rs.getString(7)))
			.list();
	}

	private List<String> tables() {
		return jdbc.sql("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' "
				+ "AND table_type = 'BASE TABLE' ORDER BY 1")
			.query(String.class)
			.list();
	}

	@Test
	void everyCountyOwnedTableHasTheCountyIdInEveryPrimaryUniqueAndForeignKey() {
		Set<String> withCounty = new TreeSet<>(jdbc.sql("SELECT table_name FROM information_schema.columns "
				+ "WHERE table_schema = 'public' AND column_name = 'county_id'").query(String.class).list());
		List<String> problems = new ArrayList<>();
		for (String table : tables()) {
			if (!NOT_COUNTY_OWNED.contains(table) && !withCounty.contains(table)) {
				problems.add(table + " has no county_id");
			}
		}
		for (Constraint c : constraints()) {
			if (NOT_COUNTY_OWNED.contains(c.table()) || c.type().equals("c")) {
				continue;
			}
			if (!c.columns().contains("county_id")) {
				problems.add(c.name() + " on " + c.table() + c.columns() + " lacks county_id");
			}
			if (c.type().equals("f")) {
				if (NOT_COUNTY_OWNED.contains(c.referencedTable())) {
					problems.add(c.name() + " references " + c.referencedTable() + ", which is not distributed by county");
				}
				int local = c.columns().indexOf("county_id");
				if (local < 0 || !"county_id".equals(c.referencedColumns().get(local))) {
					problems.add(c.name() + " does not match county_id with " + c.referencedTable() + ".county_id");
				}
			}
		}
		assertThat(problems).isEmpty();
		assertThat(withCounty).contains("api_token", "notification_read", "job_run");
	}

	@Test
	void constraintsAreNamedByOneRule() {
		List<String> problems = new ArrayList<>();
		for (Constraint c : constraints()) {
			String expected = switch (c.type()) {
				case "p" -> c.table() + "_pk";
				case "u" -> c.table() + "_" + withoutCounty(c.columns()) + "_uk";
				case "f" -> c.table() + "_" + withoutCounty(c.columns()) + "_fk";
				default -> null;
			};
			if (expected != null && !c.name().equals(expected)) {
				problems.add(c.name() + " should be " + expected);
			}
			if (expected == null && !(c.name().startsWith(c.table() + "_") && c.name().endsWith("_ck"))) {
				problems.add(c.name() + " should be " + c.table() + "_<column>_ck");
			}
		}
		assertThat(problems).isEmpty();
	}

	@Test
	void everyCheckOfCodesAllowsExactlyTheConstantsOfItsEnum() {
		Map<String, Constraint> checks = new LinkedHashMap<>();
		constraints().stream().filter(c -> c.type().equals("c")).forEach(c -> checks.put(c.name(), c));
		Pattern code = Pattern.compile("'([^']*)'");
		Set<String> paired = new TreeSet<>();
		CODE_COLUMNS.forEach((column, type) -> {
			String name = column.replace('.', '_') + "_ck";
			Constraint check = checks.get(name);
			assertThat(check).as("a CHECK named %s", name).isNotNull();
			List<String> allowed = new ArrayList<>();
			Matcher m = code.matcher(check.definition());
			while (m.find()) {
				allowed.add(m.group(1));
			}
			List<String> constants = Arrays.stream(type.getEnumConstants()).map(Enum::name).toList();
			assertThat(allowed).as("%s: %s", name, check.definition()).containsExactlyInAnyOrderElementsOf(constants);
			paired.add(name);
		});
		// A new CHECK of string codes must be paired with its enum above.
		checks.values().stream()
			.filter(c -> c.definition().contains("ARRAY["))
			.forEach(c -> assertThat(paired).as("the enum of %s is named in CODE_COLUMNS", c.name()).contains(c.name()));
	}

	private static String withoutCounty(List<String> columns) {
		List<String> rest = new ArrayList<>(columns);
		rest.remove("county_id");
		return String.join("_", rest);
	}
}
