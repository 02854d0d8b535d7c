package org.milieu;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.modulith.core.ApplicationModules;
import org.springframework.modulith.docs.Documenter;

class ModularityTests {

	private final ApplicationModules modules = ApplicationModules.of(MilieuApplication.class);

	@Test
	void modulesRespectTheirDeclaredBoundaries() {
		modules.verify();
	}

	@Test
	void everyFeatureModuleIsDetected() {
		assertThat(modules.stream().map(m -> m.getIdentifier().toString()))
			.contains("shared", "platform", "identity", "residents", "levels");
	}

	@Test
	void writesModuleDocumentation() {
		new Documenter(modules, Documenter.Options.defaults().withOutputFolder("docs/modules"))
			.writeModulesAsPlantUml()
			.writeIndividualModulesAsPlantUml()
			.writeModuleCanvases();
		assertThat(new java.io.File("docs/modules/components.puml")).exists();
	}
}
