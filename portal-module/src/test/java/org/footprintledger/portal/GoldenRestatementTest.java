package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * A restatement computed by hand, from ADEME 2022 to operator sets with values per technology, over January and
 * February 2026 (months no other test uses: the simulation's totals are the whole month's, so only this subscriber's
 * lines are in them).
 *
 * <p>The subscriber's usage, 1 Go = 10^9 octets:
 * <ul>
 * <li>January: mobile 4G 10 Go, mobile 5G 5 Go, FTTH 200 Go; closed under ADEME 2022 before the operator set exists:
 * 4G 10 × 49.4 = 494 g, 5G 5 × 49.4 = 247 g, FTTH 4 100 g (fixed part only); total 4 841 g.</li>
 * <li>February: mobile 4G 2 Go, FTTH 100 Go; closed after OP-1 was published, so under OP-1 already.</li>
 * </ul>
 * OP-1: 4G 30 g/Go, 5G 20 g/Go (mobile default 40 g/Go), FTTH 2 000 g per line-month + 1.5 g/Go (fixed default 4 100).
 * OP-2: OP-1 with 4G at 60 g/Go. OP-3: OP-1 with 4G at 61 g/Go.
 */
class GoldenRestatementTest extends AuditJobsTest {

    private static final String JAN = "2026-01";
    private static final String FEB = "2026-02";
    private static final String UNTIL = "2026-03-01";

    private static Map<String, Object> operatorSet(String id, String perGo4g) {
        return set(id, "2026-01-01", UNTIL, List.of(
                value("MOBILE", null, 0, 40), value("MOBILE", "MOBILE_4G", 0, perGo4g), value("MOBILE", "MOBILE_5G", 0, 20),
                value("FIXED", null, 4100, 0), value("FIXED", "FTTH", 2000, "1.5")));
    }

    @Test
    void ademe_to_an_operator_set_then_a_second_restatement_then_a_forced_one_below_the_threshold() throws Exception {
        String mob4g = id("4g");
        String mob5g = id("5g");
        String ftth = id("ftth");
        send(UsageFeed.batch()
                .record(id("j1"), subscriber, mob4g, "MOBILE", "4G", "2026-01-10", 9_000_000_000L, 1_000_000_000L,
                        false, null)
                .record(id("j2"), subscriber, mob5g, "MOBILE", "5G", "2026-01-11", 5_000_000_000L, 0, false, null)
                .fixed(id("j3"), subscriber, ftth, "2026-01-12", 150_000_000_000L, 50_000_000_000L)
                .record(id("f1"), subscriber, mob4g, "MOBILE", "4G", "2026-02-10", 2_000_000_000L, 0, false, null)
                .fixed(id("f2"), subscriber, ftth, "2026-02-12", 100_000_000_000L, 0));
        statementWithGrams(JAN, ftth, 4100);
        statementWithGrams(FEB, ftth, 4100);
        close(JAN);
        statementOnceItShows(JAN, s -> s.get("status").asString().equals("CLOSED"));
        assertThat(gramsOf(JAN, mob4g)).isEqualTo(494);
        assertThat(gramsOf(JAN, mob5g)).isEqualTo(247);

        publish(operatorSet("GOLDEN-OP-1", "30"));
        close(FEB);
        // February closed under OP-1: 4G 2 × 30 = 60 g; FTTH 2 000 + 100 × 1.5 = 2 150 g
        statementOnceItShows(FEB, s -> s.get("status").asString().equals("CLOSED"));
        assertThat(gramsOf(FEB, mob4g)).isEqualTo(60);
        assertThat(gramsOf(FEB, ftth)).isEqualTo(2150);
        Thread.sleep(5);
        Instant beforeRestatements = Instant.now();
        Thread.sleep(5);

        // --- first simulation: OP-1 over January and February
        JsonNode op1 = simulate(published("GOLDEN-OP-1", JAN, FEB));
        JsonNode january = month(op1, JAN);
        // after: 4G 10 × 30 = 300, 5G 5 × 20 = 100, FTTH 2 000 + 200 × 1.5 = 2 300; total 2 700 (before 4 841)
        assertThat(january.get("exactGramsBefore").asString()).isEqualTo("4841");
        assertThat(january.get("exactGramsAfter").asString()).isEqualTo("2700");
        assertThat(january.get("exactDifference").asString()).isEqualTo("-2141");
        // -2 141 / 4 841 × 100 = -44.22640…, half-up to 4 decimals
        assertThat(january.get("changePercent").asString()).isEqualTo("-44.2264");
        assertThat(january.get("linesCompared").asLong()).isEqualTo(3);
        assertThat(january.get("linesChanged").asLong()).isEqualTo(3);
        assertThat(january.get("statementsChanged").asLong()).isEqualTo(1);
        // differences: 4G -194, 5G -147, FTTH -1 800; sorted -1800, -194, -147; nearest rank ceil(q × 3)
        JsonNode grams = january.get("differenceGrams");
        assertThat(grams.get("min").asString()).isEqualTo("-1800");
        assertThat(grams.get("q1").asString()).isEqualTo("-1800");
        assertThat(grams.get("median").asString()).isEqualTo("-194");
        assertThat(grams.get("q3").asString()).isEqualTo("-147");
        assertThat(grams.get("p95").asString()).isEqualTo("-147");
        assertThat(grams.get("max").asString()).isEqualTo("-147");
        // percents: 4G -194/494 = -39.2713 %, 5G -147/247 = -59.5142 %, FTTH -1800/4100 = -43.9024 %
        JsonNode percents = january.get("differencePercent");
        assertThat(percents.get("min").asString()).isEqualTo("-59.5142");
        assertThat(percents.get("median").asString()).isEqualTo("-43.9024");
        assertThat(percents.get("max").asString()).isEqualTo("-39.2713");
        assertThat(january.get("largestChanges").get(0).get("lineId").asString()).as("the line's ledger key")
                .isEqualTo(lineKey(ftth));
        // February was closed under OP-1: nothing changes
        JsonNode february = month(op1, FEB);
        assertThat(february.get("exactGramsBefore").asString()).isEqualTo("2210");
        assertThat(february.get("linesChanged").asLong()).isZero();
        // nothing was restated by simulating
        assertThat(gramsOf(JAN, mob4g)).isEqualTo(494);

        ApiClient.Response csv = auditor.get("/api/v1/audit/simulations/"
                + op1.get("simulation").get("simulationId").asString() + "/report?format=csv");
        assertThat(csv.status()).isEqualTo(200);
        // the per-line results name the subscriber and its lines by their ledger keys, never by their ids
        assertThat(csv.body()).startsWith("\uFEFFmonth,subscriber_key,line_key,").doesNotContain(subscriber);
        assertThat(csv.body()).contains(JAN + "," + subscriberKeys.keyOf(subscriber).orElseThrow() + ","
                + lineKey(mob4g) + ",MOBILE,4G,10000000000,1,ADEME-2022,"
                + "494,494,GOLDEN-OP-1,300,300,'-194,'-39.2713");

        // --- restatement from it: January applied (44 % is over the 5 % threshold), February unchanged
        JsonNode first = restate(op1, "valeurs opérateur par technologie", false);
        assertThat(month(first, JAN).get("decision").asString()).isEqualTo("APPLY");
        assertThat(month(first, JAN).get("state").asString()).isEqualTo("DONE");
        assertThat(month(first, FEB).get("decision").asString()).isEqualTo("UNCHANGED");
        assertThat(month(first, FEB).get("state").asString()).isEqualTo("SKIPPED");
        statementWithGrams(JAN, ftth, 2300);
        assertThat(gramsOf(JAN, mob4g)).isEqualTo(300);
        assertThat(gramsOf(JAN, mob5g)).isEqualTo(100);
        JsonNode correction = correctionsOf(JAN, mob4g);
        assertThat(correction).hasSize(1);
        assertThat(correction.get(0).get("fromGrams").asLong()).isEqualTo(494);
        assertThat(correction.get(0).get("toGrams").asLong()).isEqualTo(300);
        assertThat(correction.get(0).get("reason").asString())
                .isEqualTo("valeurs opérateur par technologie (GOLDEN-OP-1)");
        assertThat(correctionsOf(FEB, mob4g)).isEmpty();
        // the customer sees the correction on the espace client
        Browser customer = new Browser(port);
        customer.logIn(subscriber, "demo");
        assertThat(customer.open("/espace-client?mois=" + JAN))
                .contains("valeurs opérateur par technologie (GOLDEN-OP-1)");
        // what the customer saw before the restatement is still what asOf answers
        JsonNode asShown = auditor.get(statementPath(JAN) + "?asOf=" + beforeRestatements).json();
        assertThat(line(asShown, mob4g).get("co2eGrams").asLong()).isEqualTo(494);
        assertThat(line(asShown, ftth).get("co2eGrams").asLong()).isEqualTo(4100);

        // --- the same restatement again changes nothing
        restate(op1, "valeurs opérateur par technologie", false);
        assertThat(correctionsOf(JAN, mob4g)).hasSize(1);
        assertThat(correctionsOf(JAN, ftth)).hasSize(1);

        // --- a second restatement on top of the first: OP-2, 4G at 60 g/Go
        publish(operatorSet("GOLDEN-OP-2", "60"));
        JsonNode op2 = simulate(published("GOLDEN-OP-2", JAN, FEB));
        // January: 4G 10 × 60 = 600; total 600 + 100 + 2 300 = 3 000, +300 / 2 700 = +11.1111 %
        assertThat(month(op2, JAN).get("exactGramsBefore").asString()).isEqualTo("2700");
        assertThat(month(op2, JAN).get("exactGramsAfter").asString()).isEqualTo("3000");
        assertThat(month(op2, JAN).get("changePercent").asString()).isEqualTo("11.1111");
        // February: 4G 2 × 60 = 120; total 120 + 2 150 = 2 270, +60 / 2 210 = +2.7149 %: below 5 %
        assertThat(month(op2, FEB).get("exactGramsAfter").asString()).isEqualTo("2270");
        assertThat(month(op2, FEB).get("changePercent").asString()).isEqualTo("2.7149");
        JsonNode second = restate(op2, "révision 2 des valeurs 4G", false);
        assertThat(month(second, JAN).get("decision").asString()).isEqualTo("APPLY");
        assertThat(month(second, FEB).get("decision").asString()).isEqualTo("BELOW_THRESHOLD");
        assertThat(month(second, FEB).get("state").asString()).isEqualTo("SKIPPED");
        statementWithGrams(JAN, mob4g, 600);
        assertThat(correctionsOf(JAN, mob4g)).hasSize(2);
        assertThat(correctionsOf(JAN, mob4g).get(1).get("fromGrams").asLong()).isEqualTo(300);
        assertThat(gramsOf(FEB, mob4g)).isEqualTo(60);

        JsonNode compared = auditor.get("/api/v1/audit/simulations?compare="
                + op1.get("simulation").get("simulationId").asString() + ","
                + op2.get("simulation").get("simulationId").asString()).json();
        assertThat(month(compared, JAN).get("exactGramsAfterBMinusA").asString()).isEqualTo("300");

        // --- OP-3, 4G at 61 g/Go: January 3 000 -> 3 010 (+0.3333 %), February 2 210 -> 2 272 (+2.8054 %)
        publish(operatorSet("GOLDEN-OP-3", "61"));
        JsonNode op3 = simulate(published("GOLDEN-OP-3", JAN, FEB));
        assertThat(month(op3, JAN).get("changePercent").asString()).isEqualTo("0.3333");
        assertThat(month(op3, FEB).get("changePercent").asString()).isEqualTo("2.8054");
        JsonNode refused = restate(op3, "révision 3", false);
        assertThat(month(refused, JAN).get("decision").asString()).isEqualTo("BELOW_THRESHOLD");
        assertThat(month(refused, FEB).get("decision").asString()).isEqualTo("BELOW_THRESHOLD");
        assertThat(gramsOf(JAN, mob4g)).isEqualTo(600);
        JsonNode forced = restate(op3, "révision 3", true);
        assertThat(month(forced, JAN).get("decision").asString()).isEqualTo("FORCED");
        assertThat(month(forced, FEB).get("decision").asString()).isEqualTo("FORCED");
        // January 4G 10 × 61 = 610; February 4G 2 × 61 = 122, FTTH unchanged at 2 150
        statementWithGrams(JAN, mob4g, 610);
        statementWithGrams(FEB, mob4g, 122);
        assertThat(gramsOf(FEB, ftth)).isEqualTo(2150);
        assertThat(correctionsOf(JAN, mob4g)).hasSize(3);
        assertThat(correctionsOf(FEB, mob4g).get(0).get("reason").asString()).isEqualTo("révision 3 (GOLDEN-OP-3)");
    }
}
