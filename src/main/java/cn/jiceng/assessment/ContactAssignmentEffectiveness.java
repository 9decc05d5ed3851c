package cn.jiceng.assessment;

import java.util.Objects;

/**
 * Whether a cadre's contact assignments (挂联包帮, SPEC.md §4.8) were effective in a year: an ineffective one caps the
 * cadre appraisal at {@code GOOD} (挂钩帮扶不力的不得评为优秀). The supervision module that keeps contact assignments
 * will provide it (it depends on assessment, not the other way round); until a bean of this type exists the answer is
 * {@link #NO_INFORMATION}: nothing is known, nothing is capped.
 */
public interface ContactAssignmentEffectiveness {

	/** The default implementation, used while no module provides one. */
	ContactAssignmentEffectiveness NO_INFORMATION = (memberId, year) -> Finding.NONE;

	Finding of(long memberId, int year);

	enum Verdict {
		EFFECTIVE, INEFFECTIVE, NO_INFORMATION
	}

	/** A verdict and, for an ineffective assignment, why (in Chinese, shown with the capped grade). */
	record Finding(Verdict verdict, String reason) {

		public static final Finding NONE = new Finding(Verdict.NO_INFORMATION, null);

		public Finding {
			Objects.requireNonNull(verdict, "verdict");
		}

		public static Finding ineffective(String reason) {
			return new Finding(Verdict.INEFFECTIVE, reason);
		}

		public boolean ineffective() {
			return verdict == Verdict.INEFFECTIVE;
		}
	}
}
