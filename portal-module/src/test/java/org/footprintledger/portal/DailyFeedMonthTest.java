package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import tools.jackson.databind.JsonNode;

/**
 * A month fed a delivery a day, as an operator's mediation sends it: the figures grow day by day while the month is
 * open (provisional, from the usage counted), the close states the month in the ledger once, and what the customer
 * saw at any instant is still there afterwards. Every figure below is computed by hand: mobile 49.4 g per Go, fixed
 * 4 100 g a month, 1 Go = 10^9 octets, shown rounded half-up.
 */
class DailyFeedMonthTest extends LedgerIntegrationTest {

    /** A month no other test uses (this one closes it). */
    private static final String MONTH = "2024-07";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void a_month_fed_daily_grows_provisionally_is_stated_once_at_the_close_and_corrected_after_it() throws Exception {
        // day 1: 1.2 Go on the mobile line (59.28 g), the box used (4 100 g)
        send(UsageFeed.batch()
                .mobile(id("m1"), subscriber, id("mob"), MONTH + "-01", 1_000_000_000L, 200_000_000L, false)
                .fixed(id("f1"), subscriber, id("box"), MONTH + "-01", 50_000_000_000L, 1_000_000_000L));
        Instant afterDay1 = instantBetweenDeliveries();
        // day 2: 0.8 Go more, 2 Go in all (98.8 g)
        send(UsageFeed.batch().mobile(id("m2"), subscriber, id("mob"), MONTH + "-02", 800_000_000L, 0, false));
        Instant afterDay2 = instantBetweenDeliveries();
        // day 3: 2.5 Go more, estimated: 4.5 Go in all, shown 5 Go, 222.3 g shown 222 g, "données estimées"
        send(UsageFeed.batch().mobile(id("m3"), subscriber, id("mob"), MONTH + "-03", 2_500_000_000L, 0, true));
        Instant afterDay3 = instantBetweenDeliveries();

        JsonNode open = auditor.get(statementPath(MONTH)).json();
        assertThat(open.get("status").asString()).isEqualTo("OPEN");
        assertLine(open, "mob", 5, true, 222, "222.3");
        assertLine(open, "box", 51, false, 4100, "4100");
        assertThat(ledgerEvents()).as("an open month is not in the ledger yet").isZero();

        close(MONTH);
        JsonNode closed = statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()));
        Instant afterClose = instantBetweenDeliveries();
        assertLine(closed, "mob", 5, true, 222, "222.3");
        assertLine(closed, "box", 51, false, 4100, "4100");
        assertThat(ledgerEvents()).as("one event states the whole month").isEqualTo(1);

        // a record of the 30th arrives after the close: 5.5 Go, 271.7 g shown 272 g, as a correction
        send(UsageFeed.batch().mobile(id("m30"), subscriber, id("mob"), MONTH + "-30", 1_000_000_000L, 0, false));
        JsonNode corrected = statementWithGrams(MONTH, id("mob"), 272);
        JsonNode correction = line(corrected, id("mob")).get("corrections").get(0);
        assertThat(correction.get("fromGrams").asLong()).isEqualTo(222);
        assertThat(correction.get("toGrams").asLong()).isEqualTo(272);
        assertThat(correction.get("reason").asString()).contains("après la clôture");
        assertThat(ledgerEvents()).as("the late usage and its correction").isEqualTo(3);

        JsonNode seenDay1 = asOf(afterDay1);
        assertThat(seenDay1.get("status").asString()).isEqualTo("OPEN");
        assertLine(seenDay1, "mob", 1, false, 59, "59.28");
        assertLine(seenDay1, "box", 51, false, 4100, "4100");
        assertLine(asOf(afterDay2), "mob", 2, false, 99, "98.8");
        assertLine(asOf(afterDay3), "mob", 5, true, 222, "222.3");
        JsonNode seenAfterClose = asOf(afterClose);
        assertThat(seenAfterClose.get("status").asString()).isEqualTo("CLOSED");
        assertLine(seenAfterClose, "mob", 5, true, 222, "222.3");
        assertThat(line(seenAfterClose, id("mob")).get("corrections")).isEmpty();
    }

    private void assertLine(JsonNode statement, String suffix, long go, boolean estimated, long grams, String exact) {
        JsonNode line = line(statement, id(suffix));
        assertThat(line.get("dataGo").asLong()).as(suffix + " Go").isEqualTo(go);
        assertThat(line.get("estimated").asBoolean()).as(suffix + " estimated").isEqualTo(estimated);
        assertThat(line.get("co2eGrams").asLong()).as(suffix + " g").isEqualTo(grams);
        assertThat(line.get("exact").get("co2eGrams").asString()).as(suffix + " exact g").isEqualTo(exact);
    }

    private JsonNode asOf(Instant instant) {
        ApiClient.Response response = auditor.get(statementPath(MONTH) + "?asOf=" + instant);
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return response.json();
    }

    private long ledgerEvents() {
        // no key before the close: the ledger has never heard of the subscriber
        return subscriberKeys.keyOf(subscriber).isEmpty() ? 0 : jdbc.queryForObject("SELECT count(*) "
                + "FROM domain_event_entry WHERE aggregate_identifier = ?", Long.class, ledgerId(MONTH));
    }

    /** An instant after the delivery just stored and before the next one. */
    private static Instant instantBetweenDeliveries() throws InterruptedException {
        Thread.sleep(20);
        Instant between = Instant.now();
        Thread.sleep(20);
        return between;
    }
}
