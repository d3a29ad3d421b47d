package org.footprintledger.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.portal.ApiClient;
import org.footprintledger.portal.PortalIntegrationTest;
import org.footprintledger.portal.UsageFeed;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The factor parts the tips use are those of the statement: for every line of a real statement, the value of its
 * factor set for its line type and technology, fixed part + grams per Go x octets / 10^9, gives back the statement's
 * exact grams; and the line names the technology of its records.
 */
class StatementContentTest extends PortalIntegrationTest {

    @Autowired
    FactorSets factorSets;

    @Test
    void the_tips_factor_parts_give_back_the_statement_figures() {
        String subscriber = "sc-" + UUID.randomUUID().toString().substring(0, 8);
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-1", subscriber, subscriber + "-mob", "2025-05-03", 12_999_999_999L, 0, false)
                .fixed(subscriber + "-2", subscriber, subscriber + "-box", "2025-05-03", 50_000_000_000L, 7).body());
        String path = "/api/v1/subscribers/" + subscriber + "/statements/2025-05";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            ApiClient.Response statement = as("auditor", "auditor").get(path);
            return statement.status() == 200 && statement.json().get("lines").size() == 2;
        });

        for (JsonNode line : as("auditor", "auditor").get(path).json().get("lines")) {
            FactorValue parts = factorSets.byId(line.get("factorSetId").asString()).orElseThrow()
                    .valueFor(LineType.valueOf(line.get("lineType").asString()),
                            Technology.fromCode(line.get("technology").asString()).orElseThrow());
            BigDecimal go = new BigDecimal(line.get("exact").get("bytes").asLong()).movePointLeft(9);
            BigDecimal grams = parts.gramsPerLineMonth().add(parts.gramsPerGo().multiply(go));
            assertThat(grams).as(line.get("lineId").asString())
                    .isEqualByComparingTo(new BigDecimal(line.get("exact").get("co2eGrams").asString()));
        }
    }
}
