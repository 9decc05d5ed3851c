package cn.jiceng.development;

import static cn.jiceng.development.DevelopmentStep.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import cn.jiceng.development.DevelopmentPolicy.Book;
import cn.jiceng.development.DevelopmentPolicy.Decision;
import cn.jiceng.development.DevelopmentPolicy.Entry;
import cn.jiceng.development.DevelopmentPolicy.Outcome;
import cn.jiceng.development.DevelopmentPolicy.Person;
import cn.jiceng.development.DevelopmentPolicy.Request;
import cn.jiceng.development.DevelopmentPolicy.Vote;
import cn.jiceng.settings.RuleCatalog;
import cn.jiceng.settings.RuleSettings;
import org.junit.jupiter.api.Test;

class DevelopmentPolicyTest {

	private static final LocalDate BIRTH = LocalDate.of(1990, 5, 1);
	private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
	private final DevelopmentPolicy policy = new DevelopmentPolicy(RuleSettings.defaults());

	private static Book book(Object... stepsAndDates) {
		List<Entry> entries = new ArrayList<>();
		for (int i = 0; i < stepsAndDates.length; i += 2) {
			entries.add(Entry.of((DevelopmentStep) stepsAndDates[i], LocalDate.parse((String) stepsAndDates[i + 1])));
		}
		return new Book(BIRTH, entries);
	}

	/** A book done up to and including {@code last}, one step a month from 2022-01-01, the activist year kept. */
	private static Book upTo(DevelopmentStep last) {
		List<Entry> entries = new ArrayList<>();
		LocalDate d = LocalDate.of(2022, 1, 1);
		for (DevelopmentStep s : DevelopmentStep.numberedSteps()) {
			if (s == CANDIDATE) {
				d = d.plusMonths(12);
			}
			entries.add(s == POLITICAL_REVIEW ? new Entry(s, d, "PASSED", null) : Entry.of(s, d));
			DevelopmentStep publicity = publicityBefore(shift(s, 1));
			if (publicity != null) {
				entries.add(new Entry(publicity, d.plusDays(1), null, null, d.plusDays(12)));
			}
			if (s == last) {
				break;
			}
			d = d.plusMonths(1);
		}
		return new Book(BIRTH, entries);
	}

	/** The numbered step {@code by} places after (or before) {@code s}; null past either end. */
	private static DevelopmentStep shift(DevelopmentStep s, int by) {
		List<DevelopmentStep> all = numberedSteps();
		int i = all.indexOf(s) + by;
		return i < 0 || i >= all.size() ? null : all.get(i);
	}

	private Decision record(Book b, Request r) {
		return policy.check(b, r, List.of(), true, TODAY);
	}

	private static Person full(long id) {
		return new Person(id, true, true, true, true);
	}

	// ---- the 25 steps ----

	@Test
	void thereAreTwentyFiveNumberedStepsInOrderOverFivePhases() {
		List<DevelopmentStep> steps = DevelopmentStep.numberedSteps();
		assertThat(steps).hasSize(25);
		for (int i = 0; i < 25; i++) {
			assertThat(steps.get(i).number()).isEqualTo(i + 1);
		}
		assertThat(steps).extracting(DevelopmentStep::phase).containsOnly(1, 2, 3, 4, 5);
		assertThat(ACCEPTANCE_VOTE.phase()).isEqualTo(4);
		assertThat(ARCHIVED.phase()).isEqualTo(5);
	}

	@Test
	void eachStepSaysWhatDataItNeeds() {
		assertThat(CONTACTS_ASSIGNED.needs()).isEqualTo(DevelopmentStep.Needs.MEMBERS);
		assertThat(INTRODUCERS.needs()).isEqualTo(DevelopmentStep.Needs.MEMBERS);
		assertThat(POLITICAL_REVIEW.needs()).isEqualTo(DevelopmentStep.Needs.CONCLUSION);
		assertThat(TRAINING.needs()).isEqualTo(DevelopmentStep.Needs.HOURS);
		assertThat(ACCEPTANCE_VOTE.needs()).isEqualTo(DevelopmentStep.Needs.VOTE);
		assertThat(CONVERSION_VOTE.needs()).isEqualTo(DevelopmentStep.Needs.VOTE);
		assertThat(TALK.needs()).isEqualTo(DevelopmentStep.Needs.NOTHING);
	}

	@Test
	void onlyPreReviewHigherTalkAndTheTwoApprovalsAreActsOfTheHigherCommittee() {
		assertThat(DevelopmentStep.numberedSteps().stream().filter(DevelopmentStep::higherCommittee))
			.containsExactly(PRE_REVIEW, HIGHER_TALK, ACCEPTANCE_APPROVAL, CONVERSION_APPROVAL);
	}

	@Test
	void stagesFollowTheStepsDone() {
		assertThat(policy.stage(upTo(APPLICATION))).isEqualTo(DevelopmentStage.APPLICANT);
		assertThat(policy.stage(upTo(TALK))).isEqualTo(DevelopmentStage.APPLICANT);
		assertThat(policy.stage(upTo(ACTIVIST))).isEqualTo(DevelopmentStage.ACTIVIST);
		assertThat(policy.stage(upTo(CANDIDATE))).isEqualTo(DevelopmentStage.CANDIDATE);
		assertThat(policy.stage(upTo(HIGHER_TALK))).isEqualTo(DevelopmentStage.CANDIDATE);
		assertThat(policy.stage(upTo(ACCEPTANCE_APPROVAL))).isEqualTo(DevelopmentStage.PROBATIONARY);
		assertThat(policy.stage(upTo(CONVERSION_VOTE))).isEqualTo(DevelopmentStage.PROBATIONARY);
		assertThat(policy.stage(upTo(CONVERSION_APPROVAL))).isEqualTo(DevelopmentStage.FULL);
	}

	@Test
	void aWithdrawnRecordIsCancelledAndHasNoNextStep() {
		Book b = upTo(TALK).with(new Entry(WITHDRAWN, LocalDate.of(2022, 5, 1), null, null));
		assertThat(policy.stage(b)).isEqualTo(DevelopmentStage.CANCELLED);
		assertThat(policy.nextStep(b)).isNull();
		assertThat(record(b, Request.of(ACTIVIST, TODAY)).outcome()).isEqualTo(Outcome.REFUSED);
	}

	@Test
	void theNextStepIsTheFirstNotDoneAndNullOnceArchived() {
		assertThat(policy.nextStep(upTo(APPLICATION))).isEqualTo(TALK);
		assertThat(policy.nextStep(upTo(CONTACTS_ASSIGNED))).isEqualTo(ACTIVIST_ASSESSMENT);
		assertThat(policy.nextStep(upTo(ACTIVIST_ASSESSMENT))).isEqualTo(CANDIDATE);
		assertThat(policy.nextStep(upTo(ARCHIVED))).isNull();
	}

	@Test
	void aStepBeforeItsPredecessorIsRefusedNamingTheMissingStep() {
		Decision d = record(upTo(APPLICATION), Request.of(ACTIVIST, TODAY));
		assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(d.reason()).contains("党组织派人谈话");
	}

	@Test
	void aStepDatedBeforeThePreviousOneIsRefused() {
		Book b = book(APPLICATION, "2025-01-10");
		Decision d = record(b, Request.of(TALK, LocalDate.of(2025, 1, 9)));
		assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(d.reason()).contains("2025-01-10");
		assertThat(record(b, Request.of(TALK, LocalDate.of(2025, 1, 10))).allowed()).isTrue();
	}

	@Test
	void aStepDatedAfterTodayIsRefused() {
		assertThat(record(book(APPLICATION, "2025-01-10"), Request.of(TALK, TODAY.plusDays(1))).outcome())
			.isEqualTo(Outcome.REFUSED);
	}

	@Test
	void aStepAlreadyRecordedIsAConflict() {
		assertThat(record(upTo(TALK), Request.of(TALK, TODAY)).outcome()).isEqualTo(Outcome.CONFLICT);
	}

	@Test
	void assessmentsRepeatUntilTheAcceptanceVoteWithoutMovingTheNextStepBack() {
		Book b = upTo(TRAINING);
		assertThat(record(b, Request.of(ACTIVIST_ASSESSMENT, TODAY)).allowed()).isTrue();
		Book again = b.with(Entry.of(ACTIVIST_ASSESSMENT, TODAY));
		assertThat(policy.nextStep(again)).isEqualTo(COMMITTEE_REVIEW);
		assertThat(record(upTo(ACCEPTANCE_VOTE), Request.of(ACTIVIST_ASSESSMENT, TODAY)).outcome())
			.isEqualTo(Outcome.REFUSED);
	}

	@Test
	void anAssessmentBeforeContactsAreAssignedIsRefused() {
		assertThat(record(upTo(ACTIVIST_FILED), Request.of(ACTIVIST_ASSESSMENT, TODAY)).reason()).contains("指定培养联系人");
	}

	// ---- hard rules ----

	@Test
	void anApplicantUnderEighteenOnTheApplicationDateIsRefused() {
		LocalDate birth = LocalDate.of(2008, 3, 15);
		Decision d = policy.application(birth, LocalDate.of(2026, 3, 14), TODAY);
		assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(d.reason()).contains("未满18周岁");
		assertThat(policy.application(birth, LocalDate.of(2026, 3, 15), TODAY).allowed()).isTrue();
	}

	@Test
	void theMinimumAgeFollowsTheCountysSetting() {
		DevelopmentPolicy older = new DevelopmentPolicy(RuleSettings.defaults().with(RuleCatalog.DEVELOPMENT_MIN_AGE.name(), 20));
		assertThat(older.application(LocalDate.of(2006, 1, 1), LocalDate.of(2025, 6, 1), TODAY).allowed()).isFalse();
	}

	@Test
	void aCandidateLessThanTwelveMonthsAfterBecomingAnActivistIsRefused() {
		Book b = book(APPLICATION, "2024-01-05", TALK, "2024-01-20", ACTIVIST, "2024-03-10", ACTIVIST_FILED,
				"2024-03-20", CONTACTS_ASSIGNED, "2024-03-25", ACTIVIST_ASSESSMENT, "2024-09-01", CANDIDATE_PUBLICITY,
				"2024-09-02");
		Decision early = record(b, Request.of(CANDIDATE, LocalDate.of(2025, 3, 9)));
		assertThat(early.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(early.reason()).contains("满12个月").contains("2025-03-10");
		assertThat(record(b, Request.of(CANDIDATE, LocalDate.of(2025, 3, 10))).allowed()).isTrue();
	}

	@Test
	void aCandidateNeedsAnAssessmentFirst() {
		Decision d = record(upTo(CONTACTS_ASSIGNED), Request.of(CANDIDATE, TODAY));
		assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(d.reason()).contains("培养教育考察");
	}

	@Test
	void anActivistTooSoonAfterTheApplicationIsRefusedOnlyWhereTheCountySetsAPeriod() {
		Book b = book(APPLICATION, "2025-01-10", TALK, "2025-01-20", ACTIVIST_PUBLICITY, "2025-01-21");
		assertThat(record(b, Request.of(ACTIVIST, LocalDate.of(2025, 2, 1))).allowed()).isTrue();
		DevelopmentPolicy local = new DevelopmentPolicy(
				RuleSettings.defaults().with(RuleCatalog.ACTIVIST_MONTHS_AFTER_APPLICATION.name(), 6));
		Decision d = local.check(b, Request.of(ACTIVIST, LocalDate.of(2025, 2, 1)), List.of(), true, TODAY);
		assertThat(d.reason()).contains("满6个月");
	}

	private static Request members(DevelopmentStep step, Long... ids) {
		return new Request(step, TODAY, List.of(ids), null, null, null, null, null);
	}

	@Test
	void contactsAreOneOrTwoFullMembersOfTheBranch() {
		Book b = upTo(ACTIVIST_FILED);
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED, 1L), List.of(full(1)), false, TODAY).allowed()).isTrue();
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED, 1L, 2L), List.of(full(1), full(2)), false, TODAY)
			.allowed()).isTrue();
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED, 1L, 2L, 3L), List.of(full(1), full(2), full(3)), false,
				TODAY).reason()).contains("1至2名");
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED, 1L), List.of(new Person(1, true, false, true, true)),
				false, TODAY).reason()).contains("正式党员");
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED, 1L), List.of(new Person(1, true, true, true, false)),
				false, TODAY).reason()).contains("本支部");
		assertThat(policy.check(b, members(CONTACTS_ASSIGNED), List.of(), false, TODAY).outcome())
			.isEqualTo(Outcome.MISSING);
	}

	@Test
	void introducersAreExactlyTwoFullMembersAnywhereInTheCounty() {
		Book b = upTo(CANDIDATE_FILED);
		Person elsewhere = new Person(2, true, true, true, false);
		assertThat(policy.check(b, members(INTRODUCERS, 1L, 2L), List.of(full(1), elsewhere), false, TODAY).allowed())
			.isTrue();
		assertThat(policy.check(b, members(INTRODUCERS, 1L), List.of(full(1)), false, TODAY).reason()).contains("2名");
		assertThat(policy.check(b, members(INTRODUCERS, 1L, 1L), List.of(full(1)), false, TODAY).reason())
			.contains("同一人");
		assertThat(policy.check(b, members(INTRODUCERS, 1L, 2L), List.of(full(1), new Person(2, true, true, false, true)),
				false, TODAY).reason()).contains("名册");
		assertThat(policy.check(b, members(INTRODUCERS, 1L, 2L), List.of(full(1), new Person(2, false, false, false, false)),
				false, TODAY).outcome()).isEqualTo(Outcome.REFUSED);
	}

	@Test
	void aReviewWithoutAConclusionIsMissingData() {
		assertThat(record(upTo(INTRODUCERS), Request.of(POLITICAL_REVIEW, TODAY)).outcome()).isEqualTo(Outcome.MISSING);
	}

	@Test
	void nothingFollowsAFailedPoliticalReviewButTheRecordMayBeWithdrawn() {
		Book b = upTo(INTRODUCERS).with(new Entry(POLITICAL_REVIEW, LocalDate.of(2024, 1, 1), "FAILED", null));
		assertThat(policy.nextStep(b)).isNull();
		assertThat(policy.stage(b)).isEqualTo(DevelopmentStage.CANDIDATE);
		Decision d = record(b, new Request(TRAINING, TODAY, null, null, 30, null, null, null));
		assertThat(d.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(d.reason()).contains("政治审查结论为不合格");
		assertThat(record(b, new Request(WITHDRAWN, TODAY, null, null, null, null, null, "政审不合格")).allowed()).isTrue();
	}

	@Test
	void trainingUnderTwentyFourHoursIsRefused() {
		Book b = upTo(POLITICAL_REVIEW);
		assertThat(record(b, new Request(TRAINING, TODAY, null, null, 23, null, null, null)).reason()).contains("24学时");
		assertThat(record(b, new Request(TRAINING, TODAY, null, null, 24, null, null, null)).allowed()).isTrue();
		assertThat(record(b, Request.of(TRAINING, TODAY)).outcome()).isEqualTo(Outcome.MISSING);
	}

	private Decision vote(int entitled, int entitledFull, int present, int yes) {
		return record(upTo(VOLUNTEER_FORM), new Request(ACCEPTANCE_VOTE, TODAY, null, null, null,
				new Vote(entitled, entitledFull, present, yes), null, null));
	}

	@Test
	void aVoteWhereNotMoreThanHalfOfThoseEntitledArePresentIsRefused() {
		assertThat(vote(10, 10, 5, 5).reason()).contains("未超过应到会人数");
		assertThat(vote(10, 10, 6, 6).allowed()).isTrue();
	}

	@Test
	void yesVotesCountAgainstTheFullMembersWhoShouldAttendNotThosePresent() {
		assertThat(vote(10, 10, 6, 5).reason()).contains("未通过");
		assertThat(vote(11, 9, 6, 5).allowed()).isTrue();
		assertThat(vote(10, 8, 6, 4).outcome()).isEqualTo(Outcome.REFUSED);
	}

	@Test
	void theConversionVoteHasTheSameQuorumAndMajority() {
		Book b = upTo(CONVERSION_APPLICATION);
		assertThat(record(b, new Request(CONVERSION_VOTE, TODAY, null, null, null, new Vote(9, 9, 4, 4), null, null))
			.outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(record(b, new Request(CONVERSION_VOTE, TODAY, null, null, null, new Vote(9, 9, 5, 5), null, null))
			.allowed()).isTrue();
	}

	@Test
	void impossibleVoteFiguresAreMissingDataNotARefusal() {
		assertThat(vote(10, 11, 6, 6).outcome()).isEqualTo(Outcome.MISSING);
		assertThat(vote(10, 10, 11, 6).outcome()).isEqualTo(Outcome.MISSING);
		assertThat(record(upTo(VOLUNTEER_FORM), Request.of(ACCEPTANCE_VOTE, TODAY)).outcome()).isEqualTo(Outcome.MISSING);
	}

	@Test
	void approvalsByABranchAccountAreForbidden() {
		Book b = upTo(HIGHER_TALK);
		assertThat(policy.check(b, Request.of(ACCEPTANCE_APPROVAL, TODAY), List.of(), false, TODAY).outcome())
			.isEqualTo(Outcome.FORBIDDEN);
		assertThat(policy.check(b, Request.of(ACCEPTANCE_APPROVAL, TODAY), List.of(), true, TODAY).allowed()).isTrue();
		assertThat(policy.check(upTo(CONVERSION_VOTE), Request.of(CONVERSION_APPROVAL, TODAY), List.of(), false, TODAY)
			.outcome()).isEqualTo(Outcome.FORBIDDEN);
	}

	@Test
	void anExpiredPoliticalReviewIsRefusedAtTheVoteWhereTheCountySetsAValidity() {
		DevelopmentPolicy local = new DevelopmentPolicy(
				RuleSettings.defaults().with(RuleCatalog.POLITICAL_REVIEW_VALID_MONTHS.name(), 6));
		Decision d = local.check(upTo(VOLUNTEER_FORM), new Request(ACCEPTANCE_VOTE, TODAY, null, null, null,
				new Vote(10, 10, 8, 8), null, null), List.of(), true, TODAY);
		assertThat(d.reason()).contains("有效期");
	}

	// ---- probation ----

	@Test
	void probationEndsTwelveMonthsAfterTheVoteOnTheSameDate() {
		Book b = book(ACCEPTANCE_VOTE, "2025-03-10", ACCEPTANCE_APPROVAL, "2025-04-01");
		assertThat(policy.probationEndsOn(b)).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(policy.joinedOn(b)).isEqualTo(LocalDate.of(2025, 3, 10));
	}

	@Test
	void anExtensionMovesTheEndOfProbationOnlyOnceTheHigherCommitteeApprovesIt() {
		Book b = book(ACCEPTANCE_VOTE, "2025-03-10", ACCEPTANCE_APPROVAL, "2025-04-01")
			.with(new Entry(PROBATION_EXTENDED, LocalDate.of(2026, 3, 12), null, 6));
		assertThat(policy.probationEndsOn(b)).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(b.pending(PROBATION_EXTENDED)).isTrue();
		Book approved = b.with(new Entry(EXTENSION_APPROVAL, LocalDate.of(2026, 3, 20), "PASSED", 6));
		assertThat(policy.probationEndsOn(approved)).isEqualTo(LocalDate.of(2026, 9, 10));
		Book refused = b.with(new Entry(EXTENSION_APPROVAL, LocalDate.of(2026, 3, 20), "FAILED", 6));
		assertThat(policy.probationEndsOn(refused)).isEqualTo(LocalDate.of(2026, 3, 10));
		assertThat(refused.pending(PROBATION_EXTENDED)).isFalse();
	}

	private static Request decide(DevelopmentStep approval, Boolean approved, String reason) {
		return new Request(approval, TODAY, null, null, null, null, null, reason, null, null, approved);
	}

	@Test
	void anExtensionOrCancellationIsDecidedByTheHigherCommitteeWithItsOpinion() {
		Book proposed = upTo(OATH).with(new Entry(PROBATION_EXTENDED, TODAY, null, 6));
		assertThat(policy.check(proposed, decide(EXTENSION_APPROVAL, true, "同意"), List.of(), false, TODAY).outcome())
			.isEqualTo(Outcome.FORBIDDEN);
		assertThat(record(proposed, decide(EXTENSION_APPROVAL, null, "同意")).field()).isEqualTo("approved");
		assertThat(record(proposed, decide(EXTENSION_APPROVAL, true, " ")).field()).isEqualTo("reason");
		assertThat(record(proposed, decide(EXTENSION_APPROVAL, true, "同意")).allowed()).isTrue();
		assertThat(record(proposed, decide(CANCELLATION_APPROVAL, true, "同意")).reason()).contains("没有待审批");
		assertThat(record(upTo(OATH), decide(EXTENSION_APPROVAL, true, "同意")).reason()).contains("没有待审批");
	}

	@Test
	void whileAProposalAwaitsApprovalNoOtherIsMadeAndConversionWaits() {
		Book proposed = upTo(CONVERSION_APPLICATION).with(new Entry(PROBATION_CANCELLED, TODAY, null, null));
		assertThat(policy.stage(proposed)).isEqualTo(DevelopmentStage.PROBATIONARY);
		assertThat(record(proposed, extend(6)).reason()).contains("审批后方可再提出");
		Request vote = new Request(CONVERSION_VOTE, TODAY, null, null, null, new Vote(10, 10, 8, 8), null, null);
		assertThat(record(proposed, vote).reason()).contains("待上级党委审批");
		Book refused = proposed.with(new Entry(CANCELLATION_APPROVAL, TODAY, "FAILED", null));
		assertThat(record(refused, vote).allowed()).isTrue();
		assertThat(record(refused, new Request(PROBATION_CANCELLED, TODAY, null, null, null, null, null, "再议")).allowed())
			.as("a refused proposal may be made again").isTrue();
	}

	// ---- publicity ----

	private static Request publicity(String from, String to, String place) {
		return new Request(PUBLICITY, LocalDate.parse(from), null, null, null, null, null, null, place,
				to == null ? null : LocalDate.parse(to), null);
	}

	/** Up to the volunteer form (2023-02-01 in {@link #upTo}), without the publicity. */
	private static Book beforePublicity() {
		return new Book(BIRTH, upTo(VOLUNTEER_FORM).entries().stream().filter(e -> e.step() != PUBLICITY).toList());
	}

	@Test
	void workingDaysCountMondayToFriday() {
		assertThat(DevelopmentPolicy.workingDays(LocalDate.of(2026, 6, 1), LocalDate.of(2026, 6, 5))).isEqualTo(5);
		assertThat(DevelopmentPolicy.workingDays(LocalDate.of(2026, 6, 5), LocalDate.of(2026, 6, 11))).isEqualTo(5);
		assertThat(DevelopmentPolicy.workingDays(LocalDate.of(2026, 6, 6), LocalDate.of(2026, 6, 7))).isZero();
	}

	@Test
	void theAcceptanceVoteNeedsAPublicityOfAtLeastFiveWorkingDaysFirst() {
		Book b = beforePublicity();
		LocalDate last = b.entries().get(b.entries().size() - 1).on();
		assertThat(policy.nextStep(b)).isEqualTo(PUBLICITY);
		Request vote = new Request(ACCEPTANCE_VOTE, last.plusDays(20), null, null, null, new Vote(10, 10, 8, 8), null,
				null);
		assertThat(record(b, vote).reason()).contains("请先记录公示");

		String from = last.plusDays(1).toString();
		assertThat(record(b, publicity(from, last.plusDays(3).toString(), "村务公开栏")).reason())
			.contains("不少于5个工作日");
		assertThat(record(b, publicity(from, last.plusDays(12).toString(), " ")).field()).isEqualTo("place");
		assertThat(record(b, publicity(from, null, "村务公开栏")).field()).isEqualTo("endsOn");
		Request enough = publicity(from, last.plusDays(12).toString(), "村务公开栏");
		assertThat(record(b, enough).allowed()).isTrue();
	}

	@Test
	void theVoteBeforeThePublicityEndsIsRefused() {
		Book b = beforePublicity();
		LocalDate last = b.entries().get(b.entries().size() - 1).on();
		Book published = b.with(new Entry(PUBLICITY, last.plusDays(1), null, null, last.plusDays(12)));
		assertThat(policy.nextStep(published)).isEqualTo(ACCEPTANCE_VOTE);
		Request onTheLastDay = new Request(ACCEPTANCE_VOTE, last.plusDays(12), null, null, null, new Vote(10, 10, 8, 8),
				null, null);
		assertThat(record(published, onTheLastDay).reason()).contains("公示期").contains("结束后");
		Request after = new Request(ACCEPTANCE_VOTE, last.plusDays(13), null, null, null, new Vote(10, 10, 8, 8), null,
				null);
		assertThat(record(published, after).allowed()).isTrue();
	}

	/**
	 * The four cases of a publicity guarding a step: missing, too short, the step on its last day, the step after it.
	 * The book is done up to the step before {@code guarded}, without the publicity; it starts on the first Wednesday
	 * on or after {@code notBefore} (Wednesday to the next Tuesday: five working days).
	 */
	private void publicityGuards(DevelopmentStep publicity, DevelopmentStep guarded, LocalDate notBefore, Vote vote) {
		Book b = new Book(BIRTH, upTo(shift(guarded, -1)).entries().stream().filter(e -> e.step() != publicity).toList());
		assertThat(policy.nextStep(b)).isEqualTo(publicity);
		LocalDate from = notBefore;
		while (from.getDayOfWeek() != java.time.DayOfWeek.WEDNESDAY) {
			from = from.plusDays(1);
		}
		LocalDate last = from.plusDays(6);
		Request missing = new Request(guarded, last.plusDays(1), null, null, null, vote, null, null);
		assertThat(record(b, missing).allowed()).isFalse();
		assertThat(record(b, missing).reason()).contains(publicity.label()).contains("请先记录公示");

		Request tooShort = new Request(publicity, from, null, null, null, null, null, null, "党务公开栏", last.minusDays(1),
				null);
		assertThat(record(b, tooShort).reason()).contains("不少于5个工作日");
		Request enough = new Request(publicity, from, null, null, null, null, null, null, "党务公开栏", last, null);
		assertThat(record(b, enough).allowed()).isTrue();

		Book published = b.with(new Entry(publicity, from, null, null, last));
		assertThat(policy.nextStep(published)).isEqualTo(guarded);
		Decision onTheLastDay = record(published, new Request(guarded, last, null, null, null, vote, null, null));
		assertThat(onTheLastDay.allowed()).isFalse();
		assertThat(onTheLastDay.reason()).contains("公示期").contains("结束后");
		assertThat(record(published, new Request(guarded, last.plusDays(1), null, null, null, vote, null, null))
			.allowed()).isTrue();
		assertThat(record(published.with(Entry.of(guarded, last.plusDays(1))), enough).reason()).contains("已记录");
	}

	@Test
	void anActivistIsConfirmedOnlyAfterAPublicityOfFiveWorkingDaysHasEnded() {
		Book b = upTo(TALK);
		publicityGuards(ACTIVIST_PUBLICITY, ACTIVIST, b.entries().get(b.entries().size() - 1).on().plusDays(1), null);
	}

	@Test
	void aCandidateIsConfirmedOnlyAfterAPublicityOfFiveWorkingDaysHasEnded() {
		// the activist year of upTo ends on 2023-03-01
		publicityGuards(CANDIDATE_PUBLICITY, CANDIDATE, LocalDate.of(2023, 2, 20), null);
	}

	@Test
	void theConversionVoteComesOnlyAfterAPublicityOfFiveWorkingDaysHasEnded() {
		Book b = upTo(CONVERSION_APPLICATION);
		publicityGuards(CONVERSION_PUBLICITY, CONVERSION_VOTE, b.entries().get(b.entries().size() - 1).on().plusDays(1),
				new Vote(10, 10, 8, 8));
	}

	@Test
	void aPublicityIsPostedOnlyInItsStage() {
		assertThat(record(upTo(TALK), new Request(CANDIDATE_PUBLICITY, TODAY, null, null, null, null, null, null,
				"党务公开栏", TODAY, null)).reason()).contains("确定入党积极分子");
		assertThat(record(upTo(OATH), new Request(CONVERSION_PUBLICITY, TODAY, null, null, null, null, null, null,
				"党务公开栏", TODAY, null)).reason()).contains("提出转正申请");
	}

	@Test
	void recordsAlreadyPastAGuardedStepAreNotAskedForItsPublicity() {
		// a book recorded before the four publicities: only the step being recorded now is checked
		Book old = new Book(BIRTH, upTo(CONVERSION_APPLICATION).entries().stream()
			.filter(e -> e.step() == PUBLICITY || e.step().numbered())
			.filter(e -> e.step() != CANDIDATE_PUBLICITY && e.step() != ACTIVIST_PUBLICITY)
			.toList());
		assertThat(policy.nextStep(old)).isEqualTo(CONVERSION_PUBLICITY);
		assertThat(policy.stage(old)).isEqualTo(DevelopmentStage.PROBATIONARY);
	}

	@Test
	void aCountyThatSetsZeroPublicityDaysVotesWithoutOne() {
		DevelopmentPolicy none = new DevelopmentPolicy(RuleSettings.defaults().with(RuleCatalog.PUBLICITY_DAYS.name(), 0));
		Book b = beforePublicity();
		assertThat(none.nextStep(b)).isEqualTo(ACCEPTANCE_VOTE);
		LocalDate last = b.entries().get(b.entries().size() - 1).on();
		assertThat(none.check(b, new Request(ACCEPTANCE_VOTE, last.plusDays(1), null, null, null, new Vote(10, 10, 8, 8),
				null, null), List.of(), true, TODAY).allowed()).isTrue();
	}

	private static Request extend(int months) {
		return new Request(PROBATION_EXTENDED, TODAY, null, null, null, null, months, "需继续考察");
	}

	@Test
	void probationIsExtendedOnceBySixToTwelveMonthsBetweenApprovalAndConversion() {
		Book accepted = upTo(ACCEPTANCE_APPROVAL);
		assertThat(record(accepted, extend(5)).reason()).contains("6个月");
		assertThat(record(accepted, extend(13)).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(record(accepted, extend(12)).allowed()).isTrue();
		Book extended = accepted.with(new Entry(PROBATION_EXTENDED, LocalDate.of(2025, 1, 1), null, 6))
			.with(new Entry(EXTENSION_APPROVAL, LocalDate.of(2025, 1, 2), "PASSED", 6));
		assertThat(record(extended, extend(6)).reason()).contains("只能延长一次");
		assertThat(record(upTo(ACCEPTANCE_VOTE), extend(6)).outcome()).isEqualTo(Outcome.REFUSED);
		assertThat(record(upTo(CONVERSION_APPROVAL), extend(6)).outcome()).isEqualTo(Outcome.REFUSED);
	}

	@Test
	void aProbationIsCancelledWithAReasonAndEndsTheRecord() {
		Book accepted = upTo(OATH);
		assertThat(record(accepted, new Request(PROBATION_CANCELLED, TODAY, null, null, null, null, null, null)).outcome())
			.isEqualTo(Outcome.MISSING);
		Request cancel = new Request(PROBATION_CANCELLED, TODAY, null, null, null, null, null, "违反纪律");
		assertThat(record(accepted, cancel).allowed()).isTrue();
		Book proposed = accepted.with(new Entry(PROBATION_CANCELLED, TODAY, null, null));
		assertThat(policy.stage(proposed)).isEqualTo(DevelopmentStage.PROBATIONARY);
		Book cancelled = proposed.with(new Entry(CANCELLATION_APPROVAL, TODAY, "PASSED", null));
		assertThat(policy.stage(cancelled)).isEqualTo(DevelopmentStage.CANCELLED);
	}

	@Test
	void aRecordIsNotWithdrawnAfterAcceptance() {
		assertThat(record(upTo(ACCEPTANCE_APPROVAL), new Request(WITHDRAWN, TODAY, null, null, null, null, null, "x"))
			.reason()).contains("取消预备党员资格");
	}

	// ---- warnings ----

	private List<String> warnings(Book b, LocalDate today) {
		return policy.warnings(b, today).stream().map(w -> w.code().name()).toList();
	}

	@Test
	void noTalkWithinThirtyDaysOfTheApplicationWarns() {
		Book b = book(APPLICATION, "2026-01-01");
		assertThat(warnings(b, LocalDate.of(2026, 1, 31))).isEmpty();
		assertThat(warnings(b, LocalDate.of(2026, 2, 1))).containsExactly("TALK_OVERDUE");
		assertThat(warnings(b.with(Entry.of(TALK, LocalDate.of(2026, 2, 2))), LocalDate.of(2026, 3, 1))).isEmpty();
	}

	@Test
	void anActivistOrCandidateWithoutAnAssessmentForSixMonthsWarns() {
		Book b = book(APPLICATION, "2025-01-01", TALK, "2025-01-05", ACTIVIST, "2025-02-01");
		assertThat(warnings(b, LocalDate.of(2025, 8, 1))).isEmpty();
		assertThat(warnings(b, LocalDate.of(2025, 8, 2))).containsExactly("ASSESSMENT_OVERDUE");
		Book assessed = b.with(Entry.of(ACTIVIST_ASSESSMENT, LocalDate.of(2025, 7, 1)));
		assertThat(warnings(assessed, LocalDate.of(2025, 8, 2))).isEmpty();
	}

	@Test
	void noApprovalThreeMonthsAfterAVoteWarnsAndSaysWhenSixArePast() {
		Book b = book(ACTIVIST, "2024-01-01", ACCEPTANCE_VOTE, "2025-03-10");
		assertThat(warnings(b, LocalDate.of(2025, 6, 10))).isEmpty();
		assertThat(warnings(b, LocalDate.of(2025, 6, 11))).containsExactly("APPROVAL_OVERDUE");
		assertThat(policy.warnings(b, LocalDate.of(2025, 9, 11)).get(0).message()).contains("重新履行程序");
	}

	@Test
	void probationEndedWithoutAConversionDecisionWarns() {
		Book b = book(ACTIVIST, "2023-01-01", ACCEPTANCE_VOTE, "2025-03-10", ACCEPTANCE_APPROVAL, "2025-04-01");
		assertThat(warnings(b, LocalDate.of(2026, 3, 10))).isEmpty();
		assertThat(warnings(b, LocalDate.of(2026, 3, 11))).containsExactly("CONVERSION_OVERDUE");
		assertThat(warnings(b.with(Entry.of(CONVERSION_VOTE, LocalDate.of(2026, 3, 11))), LocalDate.of(2026, 4, 1)))
			.isEmpty();
	}

	@Test
	void anEndedRecordHasNoWarnings() {
		Book b = book(APPLICATION, "2025-01-01").with(new Entry(WITHDRAWN, LocalDate.of(2025, 1, 2), null, null));
		assertThat(warnings(b, TODAY)).isEmpty();
	}
}
