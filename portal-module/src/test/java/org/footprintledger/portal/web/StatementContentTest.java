package org.footprintledger.portal.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.portal.ApiClient;
import org.footprintledger.portal.PortalIntegrationTest;
import org.footprintledger.portal.UsageFeed;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The factor parts the tips use are those of the statement: for every line of a real statement, fixed part + grams
 * per Go x octets / 10^9 gives back the statement's exact grams.
 */
class StatementContentTest extends PortalIntegrationTest {

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
            MethodFactors.Parts parts = MethodFactors.of(line.get("factorSetId").asString(),
                    LineType.valueOf(line.get("lineType").asString())).orElseThrow();
            BigDecimal go = new BigDecimal(line.get("exact").get("bytes").asLong()).movePointLeft(9);
            BigDecimal grams = parts.fixedGramsPerLineMonth().add(parts.gramsPerGo().multiply(go));
            assertThat(grams).as(line.get("lineId").asString())
                    .isEqualByComparingTo(new BigDecimal(line.get("exact").get("co2eGrams").asString()));
        }
    }
}
