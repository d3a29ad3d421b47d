package org.footprintledger.portal;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaMethod;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.List;
import java.util.function.Predicate;
import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.queryhandling.QueryHandler;
import org.axonframework.serialization.Revision;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The module boundaries are executable: a module may use another module's {@code api} package and nothing else of
 * it; the ledger knows none of the other modules, content knows no Axon; no two packages depend on each other; the
 * ledger's domain knows neither Spring nor persistence; messages are named for what they are (commands
 * {@code VerbNounCommand}, events {@code NounVerbedEvent}, queries {@code FetchXxxQuery}) and every event is a record
 * with a {@code @Revision}.
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
    void the_ledger_knows_none_of_the_other_modules() {
        noClasses().that().resideInAPackage(ROOT + ".footprint..")
                .should().dependOnClassesThat().resideInAnyPackage(ROOT + ".usage..", ROOT + ".content..",
                        ROOT + ".portal..")
                .check(classes);
    }

    @Test
    void the_shared_vocabulary_needs_only_the_jdk() {
        classes().that().resideInAPackage(ROOT + ".vocabulary..")
                .should().onlyDependOnClassesThat().resideInAnyPackage("java..", ROOT + ".vocabulary..")
                .check(classes);
    }

    @Test
    void content_knows_no_axon() {
        noClasses().that().resideInAPackage(ROOT + ".content..")
                .should().dependOnClassesThat().resideInAPackage("org.axonframework..")
                .check(classes);
    }

    @Test
    void no_two_packages_depend_on_each_other() {
        slices().matching(ROOT + ".(**)").should().beFreeOfCycles().check(classes);
    }

    @Test
    void every_event_is_a_record_with_a_revision_named_noun_verbed_event() {
        ArchCondition<JavaMethod> condition = firstParameterIs("a record with @Revision named NounVerbedEvent",
                type -> type.isRecord() && type.isAnnotatedWith(Revision.class)
                        && type.getSimpleName().matches(EVENT_NAME));
        methods().that().areAnnotatedWith(EventHandler.class).or().areAnnotatedWith(EventSourcingHandler.class)
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should(condition).check(classes);
        classes().that().haveSimpleNameEndingWith("Event").and().resideInAPackage(ROOT + "..")
                .should().haveNameMatching(".*\\." + EVENT_NAME).andShould().beRecords()
                .andShould().beAnnotatedWith(Revision.class).check(classes);
    }

    @Test
    void commands_are_named_verb_noun_command() {
        methods().that().areAnnotatedWith(CommandHandler.class)
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should(firstParameterIs("named VerbNounCommand", type -> type.getSimpleName().matches(COMMAND_NAME)))
                .check(classes);
        classes().that().haveSimpleNameEndingWith("Command").and().resideInAPackage(ROOT + "..")
                .should().haveNameMatching(".*\\." + COMMAND_NAME).check(classes);
    }

    @Test
    void queries_are_named_fetch_xxx_query() {
        methods().that().areAnnotatedWith(QueryHandler.class)
                .and().areDeclaredInClassesThat().resideInAPackage(ROOT + "..")
                .should(firstParameterIs("named FetchXxxQuery", type -> type.getSimpleName().matches(QUERY_NAME)))
                .check(classes);
        classes().that().haveSimpleNameEndingWith("Query").and().resideInAPackage(ROOT + "..")
                .should().haveNameMatching(".*\\." + QUERY_NAME).check(classes);
    }

    private static final String COMMAND_NAME = "[A-Z][a-z]+([A-Z][a-z0-9]*)+Command";
    private static final String EVENT_NAME = "([A-Z][a-z0-9]*)+[A-Z][a-z]*edEvent";
    private static final String QUERY_NAME = "Fetch([A-Z][a-z0-9]*)+Query";

    /** A handler method whose first parameter, the message's payload, is a class that {@code expected} holds for. */
    private static ArchCondition<JavaMethod> firstParameterIs(String description, Predicate<JavaClass> expected) {
        return new ArchCondition<>("take as payload a class " + description) {
            @Override
            public void check(JavaMethod method, ConditionEvents events) {
                List<JavaClass> parameters = method.getRawParameterTypes();
                if (parameters.isEmpty() || !expected.test(parameters.get(0))) {
                    events.add(SimpleConditionEvent.violated(method, method.getFullName() + " takes "
                            + (parameters.isEmpty() ? "no payload" : parameters.get(0).getName())
                            + ", not a class " + description));
                }
            }
        };
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

    /** A simulation reads; it has no way to write to the ledger (SimulationLeavesTheLedgerAloneTest shows it too). */
    @Test
    void simulations_cannot_reach_the_ledgers_write_side() {
        noClasses().that().haveFullyQualifiedName(ROOT + ".footprint.internal.LedgerSimulations")
                .or().haveFullyQualifiedName(ROOT + ".footprint.domain.SimulatedMonth")
                .should().dependOnClassesThat().resideInAnyPackage("org.axonframework..")
                .orShould().dependOnClassesThat().haveNameMatching(ROOT + ".footprint.api.*Command")
                .orShould().dependOnClassesThat().haveNameMatching(
                        ROOT + ".footprint.internal.(LedgerRestatements|LedgerBatchHandler|MonthCloser)")
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
    void the_offline_evidence_verifier_needs_no_application_database_or_axon() {
        noClasses().that().resideInAPackage(ROOT + ".portal.evidence..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "java.sql..",
                        "javax.sql..", "org.axonframework..", ROOT + ".portal.web..", ROOT + ".footprint.domain..",
                        ROOT + ".footprint.internal..")
                .check(classes);
    }

    @Test
    void each_audience_of_the_web_layer_keeps_to_its_own_package() {
        slices().matching(ROOT + ".portal.web.(*)..").should().notDependOnEachOther().check(classes);
    }

    @Test
    void the_modules_are_found() {
        org.assertj.core.api.Assertions.assertThat(classes.stream().map(c -> c.getPackageName()).distinct())
                .contains(ROOT + ".usage.internal", ROOT + ".usage.api", ROOT + ".usage.domain", ROOT + ".footprint.domain",
                        ROOT + ".footprint.api", ROOT + ".portal.web", ROOT + ".portal.web.customer",
                        ROOT + ".portal.web.audit", ROOT + ".portal.web.editor", ROOT + ".portal.web.ops",
                        ROOT + ".portal.web.feed", ROOT + ".content.api",
                        ROOT + ".content.domain", ROOT + ".content.internal", ROOT + ".vocabulary");
    }
}
