package cn.jiceng.member;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

import cn.jiceng.common.FormInput;
import cn.jiceng.common.FieldProblem;
import cn.jiceng.common.TextRule;

import org.springframework.stereotype.Component;

import static cn.jiceng.common.FormInput.blankToNull;

/**
 * Field rules of a member record, shared by the API, the form and the Excel import so each says the same
 * thing about the same mistake. Organization placement and duplicates are checked by the callers.
 */
@Component
class MemberValidator {

	/** The party constitution admits members from 18. */
	static final int MIN_AGE_AT_JOINING = 18;

	private final Clock clock;

	MemberValidator(Clock clock) {
		this.clock = clock;
	}

	public record Checked(String name, Gender gender, IdNumber.IdCheck.Valid id, MemberCategory category,
			LocalDate joinedOn, LocalDate fullMemberOn, String ethnicity, String education, String phone) {
	}

	/** Returns the checked values, adding a problem for every field that fails; null when any did. */
	public Checked check(MemberInput in, List<FieldProblem> problems) {
		int before = problems.size();
		LocalDate today = LocalDate.now(clock);
		String name = in.name() == null ? "" : in.name().trim();
		if (name.isEmpty()) {
			problems.add(new FieldProblem("name", "请填写姓名"));
		}
		else if (name.length() > 50) {
			problems.add(new FieldProblem("name", "姓名不能超过50个字"));
		}
		else if (TextRule.problem(name).isPresent()) {
			// names also come from spreadsheet cells, which the request-level check does not see
			problems.add(new FieldProblem("name", "姓名" + TextRule.problem(name).get()));
		}
		Gender gender = FormInput.enumOrNull(Gender.class, in.gender());
		if (gender == null) {
			problems.add(new FieldProblem("gender", "性别应为 MALE（男）或 FEMALE（女）"));
		}
		IdNumber.IdCheck.Valid id = null;
		if (in.idNumber() == null || in.idNumber().isBlank()) {
			problems.add(new FieldProblem("idNumber", "请填写公民身份号码"));
		}
		else {
			IdNumber.IdCheck check = IdNumber.check(in.idNumber().trim(), today);
			if (check instanceof IdNumber.IdCheck.Valid v) {
				id = v;
				for (String p : IdNumber.consistencyProblems(v, null, gender)) {
					problems.add(new FieldProblem("idNumber", p));
				}
			}
			else {
				problems.add(new FieldProblem("idNumber", ((IdNumber.IdCheck.Invalid) check).reason()));
			}
		}
		MemberCategory category = FormInput.enumOrNull(MemberCategory.class, in.category());
		if (category == null) {
			problems.add(new FieldProblem("category", "人员类别应为 FULL（正式党员）或 PROBATIONARY（预备党员）"));
		}
		LocalDate joinedOn = in.joinedOn();
		if (joinedOn == null) {
			problems.add(new FieldProblem("joinedOn", "请填写加入党组织日期"));
		}
		else if (joinedOn.isAfter(today)) {
			problems.add(new FieldProblem("joinedOn", "加入党组织日期不能晚于今天"));
		}
		else if (id != null && joinedOn.isBefore(id.birthDate().plusYears(MIN_AGE_AT_JOINING))) {
			problems.add(new FieldProblem("joinedOn", "入党时应年满18岁"));
		}
		LocalDate fullOn = in.fullMemberOn();
		if (fullOn != null) {
			if (category == MemberCategory.PROBATIONARY) {
				problems.add(new FieldProblem("fullMemberOn", "预备党员不应填写转为正式党员日期"));
			}
			else if (joinedOn != null && fullOn.isBefore(joinedOn)) {
				problems.add(new FieldProblem("fullMemberOn", "转为正式党员日期不能早于加入党组织日期"));
			}
			else if (fullOn.isAfter(today)) {
				problems.add(new FieldProblem("fullMemberOn", "转为正式党员日期不能晚于今天"));
			}
		}
		String ethnicity = blankToNull(in.ethnicity());
		if (ethnicity != null) {
			var e = Ethnicity.byCode(ethnicity).or(() -> Ethnicity.byName(in.ethnicity().trim()));
			if (e.isEmpty()) {
				problems.add(new FieldProblem("ethnicity", "民族应为 GB 3304 代码（如 01 汉族）"));
			}
			else {
				ethnicity = e.get().code();
			}
		}
		String education = blankToNull(in.education());
		if (education != null) {
			var e = Education.byCode(education).or(() -> Education.byName(in.education().trim()));
			if (e.isEmpty()) {
				problems.add(new FieldProblem("education", "学历应为 GB/T 4658 代码（如 21 大学本科毕业）"));
			}
			else {
				education = e.get().code();
			}
		}
		String phone = blankToNull(in.phone());
		if (phone != null) {
			var p = PhoneNumber.problem(phone);
			if (p.isPresent()) {
				problems.add(new FieldProblem("phone", p.get()));
			}
		}
		if (problems.size() > before) {
			return null;
		}
		return new Checked(name, gender, id, category, joinedOn, fullOn, ethnicity, education, phone);
	}
}
