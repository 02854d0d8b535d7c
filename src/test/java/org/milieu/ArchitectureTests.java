package org.milieu;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noFields;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The shape rules of STYLE.md; ArchUnit's fail-on-empty is on (archunit.properties), so none can pass vacuously. */
class ArchitectureTests {

	private static final JavaClasses CLASSES = new ClassFileImporter()
		.withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
		.importPackages("org.milieu");

	@Test
	void webCodeTouchesNoRepository() {
		noClasses().that().resideInAPackage("..web..")
			.should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class)
			.check(CLASSES);
	}

	@Test
	void onlyWebCodeTouchesServletAndMvcTypes() {
		noClasses().that().resideOutsideOfPackage("..web..")
			.and().resideInAPackage("org.milieu..")
			.should().dependOnClassesThat().resideInAnyPackage("jakarta.servlet..", "org.springframework.web.servlet..",
					"org.springframework.web.bind..", "org.springframework.ui..")
			.check(CLASSES);
	}

	@Test
	void domainCodeAsksTheInjectedClockForTheTime() {
		noClasses().that().resideInAPackage("org.milieu..")
			.should().callMethod(java.time.Instant.class, "now")
			.orShould().callMethod(java.time.LocalDate.class, "now")
			.orShould().callMethod(java.time.LocalDateTime.class, "now")
			.orShould().callMethod(java.time.ZonedDateTime.class, "now")
			.orShould().callMethod(System.class, "currentTimeMillis")
			.check(CLASSES);
	}

	@Test
	void noFieldInjection() {
		noFields().that().areDeclaredInClassesThat().resideInAPackage("org.milieu..")
			.should().beAnnotatedWith(org.springframework.beans.factory.annotation.Autowired.class)
			.orShould().beAnnotatedWith(org.springframework.beans.factory.annotation.Value.class)
			.check(CLASSES);
	}
}
