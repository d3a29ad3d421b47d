package org.footprintledger.footprint.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.serialization.upcasting.event.EventUpcasterChain;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.junit.jupiter.api.Test;

/** Events stored by the releases' default-typed serializer read as the events of this build, and keep their hashes. */
class DefaultTypingUpcasterTest {

    private static final String FACTOR_SET = "{\"id\":\"ADEME-2022\",\"name\":\"ADEME 2022\",\"method\":\"m\","
            + "\"validFrom\":\"2022-01-01\",\"validUntil\":null,\"octetsPerGo\":1000000000,\"values\":"
            + "[\"java.util.ImmutableCollections$List12\",[{\"lineType\":\"MOBILE\",\"technology\":null,"
            + "\"gramsPerLineMonth\":0,\"gramsPerGo\":49.4,\"source\":\"s\"},{\"lineType\":\"FIXED\","
            + "\"technology\":null,\"gramsPerLineMonth\":4100,\"gramsPerGo\":0,\"source\":\"s\"}]],"
            + "\"methodSummary\":\"summary\"}";

    private final StoredEvents stored = new StoredEvents(AxonConfiguration.jacksonSerializer(),
            new EventUpcasterChain(new DefaultTypingUpcaster()));

    @Test
    void a_statement_stored_with_type_wrappers_reads_with_its_lines_and_factor_values() {
        String json = "{\"ledgerId\":\"S1/2026-09\",\"subscriberId\":\"S1\",\"month\":\"2026-09\","
                + "\"issuedAt\":\"2026-12-01T19:43:25.541978Z\",\"factorSet\":" + FACTOR_SET + ",\"lines\":"
                + "[\"java.util.ImmutableCollections$List12\",[{\"lineId\":\"S1-M1\",\"lineType\":\"MOBILE\","
                + "\"technology\":\"MOBILE_4G\",\"bytes\":15602883387,\"records\":30,\"estimatedRecords\":0,"
                + "\"exactGo\":\"15.602883387\",\"exactGrams\":\"770.7824393178\",\"dataGo\":16,\"co2eGrams\":771}]],"
                + "\"previousHash\":\"p\",\"hash\":\"h\"}";

        StatementIssuedEvent issued = (StatementIssuedEvent) read(StatementIssuedEvent.class.getName(), "1", json)
                .getPayload();

        assertThat(issued.lines()).singleElement().satisfies(line -> {
            assertThat(line.lineId()).isEqualTo("S1-M1");
            assertThat(line.co2eGrams()).isEqualTo(771);
        });
        assertThat(issued.factorSet().values()).hasSize(2);
        assertThat(issued.factorSet().values().get(0).gramsPerGo()).isEqualByComparingTo("49.4");
        assertThat(issued.hash()).isEqualTo("h");
    }

    @Test
    void an_event_of_the_current_revision_is_read_as_stored() {
        String json = "{\"factorSet\":" + FACTOR_SET.replace("[\"java.util.ImmutableCollections$List12\",", "")
                .replace("}]],", "}],") + ",\"publishedAt\":\"2026-12-01T19:43:24.715391Z\"}";

        DomainEventMessage<?> event = read(FactorSetPublishedEvent.class.getName(), "2", json);

        assertThat(((FactorSetPublishedEvent) event.getPayload()).factorSet().values()).hasSize(2);
    }

    @Test
    void wrappers_are_dropped_at_any_depth_and_nothing_else_changes() throws Exception {
        var mapper = AxonConfiguration.axonObjectMapper();
        var typed = mapper.readTree("{\"a\":[\"java.util.ArrayList\",[[\"java.util.HashMap$Node\",{\"b\":1}],"
                + "\"org.example.NotAWrapper\"]],\"c\":[\"x\",[1]]}");

        assertThat(DefaultTypingUpcaster.untyped(typed).toString())
                .isEqualTo("{\"a\":[{\"b\":1},\"org.example.NotAWrapper\"],\"c\":[\"x\",[1]]}");
    }

    private DomainEventMessage<?> read(String type, String revision, String json) {
        GenericDomainEventEntry<byte[]> row = new GenericDomainEventEntry<>("SubscriberMonthLedger", "S1/2026-09", 0,
                "e-1", "2026-12-01T19:43:25.552Z", type, revision, json.getBytes(StandardCharsets.UTF_8),
                "{}".getBytes(StandardCharsets.UTF_8));
        return stored.messages(Stream.of(row)).next();
    }
}
