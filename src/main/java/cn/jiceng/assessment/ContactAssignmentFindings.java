package cn.jiceng.assessment;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * The finding on a cadre's contact assignments of a year, asking every {@link ContactAssignmentEffectiveness} bean:
 * the first ineffective one wins; with no bean, {@link ContactAssignmentEffectiveness#NO_INFORMATION}.
 */
@Component
class ContactAssignmentFindings {

	private final ObjectProvider<ContactAssignmentEffectiveness> sources;

	ContactAssignmentFindings(ObjectProvider<ContactAssignmentEffectiveness> sources) {
		this.sources = sources;
	}

	ContactAssignmentEffectiveness.Finding of(long memberId, int year) {
		ContactAssignmentEffectiveness.Finding best = ContactAssignmentEffectiveness.NO_INFORMATION.of(memberId, year);
		for (ContactAssignmentEffectiveness source : sources.orderedStream().toList()) {
			ContactAssignmentEffectiveness.Finding f = source.of(memberId, year);
			if (f != null && f.ineffective()) {
				return f;
			}
			if (f != null && f.verdict() == ContactAssignmentEffectiveness.Verdict.EFFECTIVE) {
				best = f;
			}
		}
		return best;
	}
}
