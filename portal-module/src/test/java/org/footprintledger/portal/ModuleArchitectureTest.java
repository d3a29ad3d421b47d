package org.footprintledger.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries are executable: a module may use another module's {@code api} package and nothing else of
 * it; the ledger's domain knows neither Spring nor persistence.
 */
class ModuleArchitectureTest {

    private static final String ROOT = "org.footprintledger";
    private static final List<String> MODULES = List.of("usage", "footprint", "content", "portal");
    private static JavaClasses classes;

    @BeforeAll
    static void importProductionClasses() {
        classes = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    static List<String[]> modulePairs() {
        return MODULES.stream()
                .flatMap(from -> MODULES.stream().filter(to -> !to.equals(from)).map(to -> new String[] {from, to}))
                .toList();
    }

    @ParameterizedTest(name = "{0} uses only the api of {1}")
    @MethodSource("modulePairs")
    void a_module_uses_only_the_api_of_another(String from, String to) {
        ArchRule rule = noClasses().that().resideInAPackage(ROOT + "." + from + "..")
                .should().dependOnClassesThat(
                        com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage(ROOT + "." + to + "..")
                                .and(com.tngtech.archunit.base.DescribedPredicate.not(
                                        com.tngtech.archunit.core.domain.JavaClass.Predicates
                                                .resideInAPackage(ROOT + "." + to + ".api.."))))
                .allowEmptyShould(true);
        rule.check(classes);
    }

    @Test
    void the_ledger_domain_is_free_of_spring_and_persistence() {
        noClasses().that().resideInAPackage(ROOT + ".footprint.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "java.sql..",
                        "javax.sql..", "org.hibernate..", "org.axonframework.spring..")
                .check(classes);
    }

    @Test
    void the_content_domain_is_free_of_spring_and_persistence() {
        noClasses().that().resideInAPackage(ROOT + ".content.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "jakarta.persistence..", "javax.persistence..", "java.sql..",
                        "javax.sql..", "org.hibernate..", "org.axonframework..", "io.micrometer..")
                .check(classes);
    }

    @Test
    void usage_speaks_to_the_ledger_through_its_port_never_through_axon() {
        noClasses().that().resideInAPackage(ROOT + ".usage..")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..")
                .check(classes);
    }

    @Test
    void the_usage_domain_is_free_of_spring_and_persistence() {
        noClasses().that().resideInAPackage(ROOT + ".usage.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "java.sql..", "javax.sql..", "org.postgresql..", "io.micrometer..",
                        "org.slf4j..", ROOT + ".usage.internal..")
                .check(classes);
    }

    @Test
    void the_content_api_is_plain_java() {
        noClasses().that().resideInAPackage(ROOT + ".content.api..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..")
                .check(classes);
    }

    @Test
    void api_packages_do_not_depend_on_module_internals() {
        noClasses().that().resideInAPackage(ROOT + ".*.api..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".*.internal..", ROOT + ".*.domain..")
                .check(classes);
    }

    @Test
    void the_modules_are_found() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains(ROOT + ".usage.internal", ROOT + ".usage.api", ROOT + ".usage.domain", ROOT + ".footprint.domain",
                        ROOT + ".footprint.api", ROOT + ".portal.web", ROOT + ".content.api",
                        ROOT + ".content.domain", ROOT + ".content.internal");
    }
}
