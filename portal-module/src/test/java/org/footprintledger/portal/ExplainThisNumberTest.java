package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.math.MathContext;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.footprint.api.FigureChecksum;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * "Explain this number": the trace of a figure, from the records by day and technology to the rounded grams, and a
 * checksum that an independent recomputation reproduces.
 */
class ExplainThisNumberTest extends LedgerIntegrationTest {

    private static final String MONTH = "2023-09";
    /** A month this class closes (no other test uses it). */
    private static final String CLOSED_MONTH = "2024-12";

    private JsonNode explanation() {
        return explanationOf(MONTH);
    }

    private JsonNode explanationOf(String month) {
        ApiClient.Response response = auditor.get(statementPath(month) + "/explanation");
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    @Test
    void a_figure_is_traced_to_its_records_factor_formula_rounding_and_ledger_events() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2023-09-01", 4_000_000_000L, 999_999_999L, false)
                .mobile(id("r2"), subscriber, id("mob"), "2023-09-01", 1_000_000_000L, 0, true)
                .record(id("r3"), subscriber, id("mob"), "MOBILE", "5G", "2023-09-02", 7_000_000_000L, 0, false,
                        null));
        statementWithGrams(MONTH, id("mob"), 642);

        JsonNode line = explanation().get("lines").get(0);
        assertThat(line.get("lineId").asString()).isEqualTo(id("mob"));
        assertThat(line.get("label").asString()).isEqualTo("internet mobile");

        JsonNode days = line.get("usageByDay");
        assertThat(days).hasSize(2);
        assertThat(days.get(0).get("usageDate").asString()).isEqualTo("2023-09-01");
        assertThat(days.get(0).get("technology").asString()).isEqualTo("4G");
        assertThat(days.get(0).get("records").asLong()).isEqualTo(2);
        assertThat(days.get(0).get("estimatedRecords").asLong()).isEqualTo(1);
        assertThat(days.get(0).get("bytes").asLong()).isEqualTo(5_999_999_999L);
        assertThat(days.get(1).get("technology").asString()).isEqualTo("5G");
        assertThat(days.get(1).get("bytes").asLong()).isEqualTo(7_000_000_000L);
        assertThat(line.get("usageMatchesLedger").asBoolean()).isTrue();

        JsonNode ledger = line.get("ledger");
        assertThat(ledger.get("factorSetId").asString()).isEqualTo("ADEME-2022");
        assertThat(ledger.get("factor").get("gramsPerGo").decimalValue()).isEqualByComparingTo("49.4");
        assertThat(ledger.get("factor").get("source").asString()).contains("Bouygues");
        assertThat(ledger.get("octetsPerGo").decimalValue()).isEqualByComparingTo("1000000000");
        assertThat(ledger.get("formula").asString()).contains("12999999999 octets").contains("49.4 g/Go")
                .contains("642.1999999506");
        assertThat(ledger.get("rounding").asString()).contains("642.1999999506 g → 642 g").contains("demi vers le haut");
        // an open month is provisional: the ledger is told of its usage at the close
        assertThat(ledger.get("ledgerEventIds")).isEmpty();
        assertThat(ledger.get("figures").get("estimatedRecords").asLong()).isEqualTo(1);
    }

    @Test
    void once_the_month_is_closed_the_figure_is_traced_to_the_ledger_event_that_issued_it() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), CLOSED_MONTH + "-03", 4_000_000_000L, 999_999_999L, false)
                .mobile(id("r2"), subscriber, id("mob"), CLOSED_MONTH + "-04", 8_000_000_000L, 0, false));
        statementWithGrams(CLOSED_MONTH, id("mob"), 642);
        close(CLOSED_MONTH);

        JsonNode line = explanationOf(CLOSED_MONTH).get("lines").get(0);
        assertThat(line.get("usageMatchesLedger").asBoolean()).isTrue();
        assertThat(line.get("ledger").get("ledgerEventIds")).hasSize(1);
        assertThat(line.get("ledger").get("formula").asString()).contains("12999999999 octets")
                .contains("642.1999999506");
        assertThat(line.get("ledger").get("checksum").asString()).hasSize(64);
    }

    @Test
    void the_checksum_is_reproduced_by_recomputing_the_figure_from_the_records_and_the_factor() {
        send(UsageFeed.batch()
                .mobile(id("r1"), subscriber, id("mob"), "2023-09-10", 3_333_333_333L, 3, false)
                .mobile(id("r2"), subscriber, id("mob"), "2023-09-11", 1, 0, false)
                .fixed(id("r3"), subscriber, id("box"), "2023-09-11", 5, 5));
        statementOnceItShows(MONTH, s -> hasLine(s, id("mob")) && hasLine(s, id("box"))
                && line(s, id("mob")).get("exact").get("bytes").asLong() == 3_333_333_337L);

        for (JsonNode line : explanation().get("lines")) {
            JsonNode ledger = line.get("ledger");
            long bytes = 0;
            long records = 0;
            for (JsonNode day : line.get("usageByDay")) {
                bytes += day.get("bytes").asLong();
                records += day.get("records").asLong();
            }
            BigDecimal octetsPerGo = ledger.get("octetsPerGo").decimalValue();
            JsonNode factorJson = ledger.get("factor");
            LineType type = LineType.valueOf(ledger.get("figures").get("lineType").asString());
            FactorValue factor = new FactorValue(type, null, factorJson.get("gramsPerLineMonth").decimalValue(),
                    factorJson.get("gramsPerGo").decimalValue(), factorJson.get("source").asString());
            // the rule, written again here: fixed part when used + grams per Go x octets / octets per Go
            BigDecimal go = new BigDecimal(bytes).divide(octetsPerGo, MathContext.UNLIMITED);
            BigDecimal grams = (records > 0 ? factor.gramsPerLineMonth() : BigDecimal.ZERO)
                    .add(factor.gramsPerGo().multiply(go));
            Technology technology = Technology.fromCode(line.get("usageByDay").get(0).get("technology").asString())
                    .orElseThrow();
            StatementFigures recomputed = new StatementFigures(line.get("lineId").asString(), type, technology,
                    bytes, records, 0, plain(go), plain(grams),
                    go.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact(),
                    grams.setScale(0, java.math.RoundingMode.HALF_UP).longValueExact());

            assertThat(recomputed.exactGrams()).isEqualTo(ledger.get("figures").get("exactGrams").asString());
            assertThat(FigureChecksum.of(recomputed, ledger.get("factorSetId").asString(), factor, octetsPerGo))
                    .isEqualTo(ledger.get("checksum").asString());
        }
    }

    @Test
    void a_subscriber_reads_the_explanation_of_its_own_statement_only() {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), "2023-09-20", 1_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 49);

        assertThat(as(subscriber, "demo").get(statementPath(MONTH) + "/explanation").status()).isEqualTo(200);
        assertThat(as(subscriber, "demo").get("/api/v1/subscribers/S0000000/statements/" + MONTH + "/explanation")
                .status()).isEqualTo(403);
        assertThat(feed.get(statementPath(MONTH) + "/explanation").status()).isEqualTo(403);
        assertThat(auditor.get(statementPath("2023-08") + "/explanation").status()).isEqualTo(404);
    }

    private static String plain(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

}
