package cn.jiceng;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(JicengApplication.class);

	@Test
	void modulesRespectTheirDeclaredDependencies() {
		modules.verify();
	}

	/** What guards the modules: a module that uses another's internal package fails verification. */
	@Test
	void usingAnotherModulesInternalsFailsVerification() {
		ApplicationModules fixture = ApplicationModules.of(cn.jiceng.fixture.modularity.FixtureApplication.class, location -> true);

		assertThatThrownBy(fixture::verify).hasMessageContaining("AlphaInternal");
	}

	@Test
	void moduleDocumentationIsWritten() {
		new Documenter(modules).writeModulesAsPlantUml().writeIndividualModulesAsPlantUml();
	}
}
