package org.childprotection.registry;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static org.assertj.core.api.Assertions.assertThat;

/** The domain is plain Java on Axon: no Spring, no SQL, no persistence annotations. */
class DomainArchitectureTest {

    private static JavaClasses domain;

    @BeforeAll
    static void importDomain() {
        domain = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages("org.childprotection.registry");
    }

    @Test
    void imports_the_main_classes_of_this_module_only() {
        assertThat(domain.contain("org.childprotection.registry.childcase.ChildCase")).isTrue();
        assertThat(domain.contain("org.childprotection.registry.registration.ResidentId")).isTrue();
        assertThat(domain.stream().map(c -> c.getName()))
                .noneMatch(name -> name.endsWith("Test") || name.endsWith("CaseExamples"));
    }

    @Test
    void the_domain_does_not_depend_on_spring() {
        ArchRule rule = noClasses().that().resideInAPackage("org.childprotection.registry..")
                .should().dependOnClassesThat().resideInAPackage("org.springframework..")
                .because("the domain is plain Java on Axon; Spring belongs to the api module");
        rule.check(domain);
    }

    @Test
    void the_domain_does_not_use_sql_or_persistence() {
        ArchRule rule = noClasses().that().resideInAPackage("org.childprotection.registry..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "java.sql..", "javax.sql..", "jakarta.persistence..", "javax.persistence..")
                .because("events are the only storage of the domain; tables belong to the query side");
        rule.check(domain);
    }

    @Test
    void the_feature_packages_are_free_of_cycles() {
        ArchRule rule = slices().matching("org.childprotection.registry.(*)..")
                .should().beFreeOfCycles()
                .because("a feature's rules live in its own package and never reach back into the case that"
                        + " routes to them; what several features share lives in kernel");
        rule.check(domain);
    }
}
