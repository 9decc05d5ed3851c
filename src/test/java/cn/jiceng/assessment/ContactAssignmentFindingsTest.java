package cn.jiceng.assessment;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.support.StaticListableBeanFactory;

class ContactAssignmentFindingsTest {

	@Test
	void withoutASupervisionModuleThereIsNoInformation() {
		ContactAssignmentFindings findings = new ContactAssignmentFindings(
				new StaticListableBeanFactory().getBeanProvider(ContactAssignmentEffectiveness.class));
		assertThat(findings.of(1L, 2025).verdict()).isEqualTo(ContactAssignmentEffectiveness.Verdict.NO_INFORMATION);
	}

	@Test
	void anyIneffectiveFindingWins() {
		StaticListableBeanFactory beans = new StaticListableBeanFactory();
		beans.addBean("effective", (ContactAssignmentEffectiveness) (m, y) -> new ContactAssignmentEffectiveness.Finding(
				ContactAssignmentEffectiveness.Verdict.EFFECTIVE, null));
		beans.addBean("ineffective", (ContactAssignmentEffectiveness) (m, y) -> m == 7L
				? ContactAssignmentEffectiveness.Finding.ineffective("微心愿未落实") : ContactAssignmentEffectiveness.Finding.NONE);
		ContactAssignmentFindings findings = new ContactAssignmentFindings(
				beans.getBeanProvider(ContactAssignmentEffectiveness.class));
		assertThat(findings.of(7L, 2025).reason()).isEqualTo("微心愿未落实");
		assertThat(findings.of(8L, 2025).verdict()).isEqualTo(ContactAssignmentEffectiveness.Verdict.EFFECTIVE);
	}
}
