package org.footprintledger.footprint.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.footprintledger.footprint.api.PublishFactorSetCommand;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PublishedFactorSetTest {

    private static final Instant PUBLISHED_AT = Instant.parse("2022-01-01T00:00:00Z");
    private FixtureConfiguration<PublishedFactorSet> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(PublishedFactorSet.class);
    }

    @Test
    void publishing_a_set_records_it_with_its_publication_time() {
        fixture.givenNoPriorActivity()
                .when(PublishFactorSetCommand.of(FactorRegistry.ADEME_2022, PUBLISHED_AT))
                .expectEvents(new FactorSetPublishedEvent(FactorRegistry.ADEME_2022, PUBLISHED_AT));
    }

    @Test
    void publishing_the_same_set_again_changes_nothing() {
        fixture.given(new FactorSetPublishedEvent(FactorRegistry.ADEME_2022, PUBLISHED_AT))
                .when(PublishFactorSetCommand.of(FactorRegistry.ADEME_2022, PUBLISHED_AT.plusSeconds(60)))
                .expectSuccessfulHandlerExecution()
                .expectNoEvents();
    }

    @Test
    void a_published_set_never_changes_other_values_under_its_id_are_refused() {
        FactorSet altered = LineMonthFootprintTest.operatorSet("ADEME-2022", LocalDate.of(2022, 1, 1), "50");
        fixture.given(new FactorSetPublishedEvent(FactorRegistry.ADEME_2022, PUBLISHED_AT))
                .when(PublishFactorSetCommand.of(altered, PUBLISHED_AT.plusSeconds(60)))
                .expectException(FactorSetConflictException.class)
                .expectNoEvents();
    }

    @Test
    void the_command_must_name_the_set_it_carries() {
        fixture.givenNoPriorActivity()
                .when(new PublishFactorSetCommand("OTHER", FactorRegistry.ADEME_2022, PUBLISHED_AT))
                .expectException(IllegalArgumentException.class)
                .expectNoEvents();
    }
}
