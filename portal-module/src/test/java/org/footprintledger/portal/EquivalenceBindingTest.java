package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.List;
import java.util.UUID;
import org.footprintledger.content.api.ChosenEquivalence;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.StatementLineRef;
import org.footprintledger.content.api.TipContext;
import org.footprintledger.vocabulary.LineType;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Equivalences shown with a statement are chosen once, bound to it, and keep their wording for ever. */
class EquivalenceBindingTest extends PortalIntegrationTest {

    private final ContentFixtures fixtures = new ContentFixtures(this);

    @Autowired
    private CustomerContent customerContent;

    @Test
    void a_statement_line_shows_two_or_three_equivalences_in_range_and_the_same_ones_on_every_read() {
        String subscriber = ContentFixtures.newSubscriber("eq");
        fixtures.usage(subscriber, 13_000_000_000L, 0);
        String path = "/api/v1/content/subscribers/" + subscriber + "/statements/" + ContentFixtures.LAST_MONTH;

        JsonNode first = as(subscriber, "demo").get(path).json();
        JsonNode again = as(subscriber, "demo").get(path).json();

        JsonNode equivalences = first.get("lines").get(0).get("equivalences");
        assertThat(equivalences.size()).isBetween(2, 3);
        for (JsonNode chosen : equivalences) {
            BigDecimal count = chosen.get("displayedCount").decimalValue();
            assertThat(count).isBetween(new BigDecimal("0.5"), new BigDecimal("1000"));
            assertThat(chosen.get("wordingFr").asString()).startsWith("≈ ");
            assertThat(chosen.get("version").asInt()).isPositive();
        }
        assertThat(again.get("lines").get(0).get("equivalences")).isEqualTo(equivalences);
    }

    @Test
    void an_old_statement_keeps_its_wording_after_the_catalogue_changes_a_corrected_one_takes_the_new_value() {
        // an entry so heavy that only it has a count in range for ten thousand tonnes
        String key = "test-heavy-" + UUID.randomUUID().toString().substring(0, 8);
        JsonNode created = fixtures.editor().postJson("/api/v1/content/equivalences",
                ContentFixtures.equivalence(key, "usine témoin", "10000000")).json();
        long itemId = created.get("itemId").asLong();
        assertThat(fixtures.publish(itemId, 1)).isEqualTo("PUBLISHED");
        StatementLineRef statement = line("642.0000000001", new BigDecimal("10000000000"));

        LineContent shown = customerContent.show(List.of(statement), false).get(0);
        assertThat(shown.equivalences()).singleElement().satisfies(c -> {
            assertThat(c.itemId()).isEqualTo(itemId);
            assertThat(c.version()).isEqualTo(1);
            assertThat(c.wordingFr()).isEqualTo("≈ 1 usine témoin");
        });

        ApiClient.Response edited = fixtures.editor().postJson("/api/v1/content/equivalences/" + itemId + "/versions",
                ContentFixtures.equivalence(key, "usine témoin", "5000000"));
        assertThat(edited.status()).isEqualTo(201);
        assertThat(edited.json().get("version").asInt()).isEqualTo(2);
        fixtures.publish(itemId, 2);

        ChosenEquivalence kept = customerContent.show(List.of(statement), false).get(0).equivalences().get(0);
        assertThat(kept.version()).isEqualTo(1);
        assertThat(kept.wordingFr()).isEqualTo("≈ 1 usine témoin");
        assertThat(customerContent.binding(statement.subscriberId(), statement.month().toString(),
                statement.lineId(), statement.statementRevision())).get()
                .satisfies(b -> assertThat(b.equivalences()).containsExactly(kept));

        StatementLineRef corrected = line("642.5", new BigDecimal("10000000000"));
        ChosenEquivalence fresh = customerContent.show(List.of(corrected), false).get(0).equivalences().get(0);
        assertThat(fresh.version()).isEqualTo(2);
        assertThat(fresh.wordingFr()).isEqualTo("≈ 2 usine témoin");

        JsonNode versions = fixtures.editor().get("/api/v1/content/equivalences/" + itemId + "/versions").json();
        assertThat(versions.size()).isEqualTo(2);
        assertThat(versions.get(0).get("status").asString()).isEqualTo("RETIRED");
        assertThat(versions.get(1).get("status").asString()).isEqualTo("PUBLISHED");
        fixtures.editor().postJson(ContentFixtures.transition(itemId, 2, "retire"), "");
    }

    private static StatementLineRef line(String revision, BigDecimal grams) {
        return new StatementLineRef("binding-test", YearMonth.of(2026, 3), "line-1", revision, grams,
                new TipContext(LineType.FIXED, null, 1, new BigDecimal("4100"), BigDecimal.ZERO));
    }
}
