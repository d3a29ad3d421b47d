package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

/**
 * The customer page is assembled from the read models in a bounded number of SQL statements: a subscriber with two
 * lines over four months (three closed, one corrected) costs the same as one with one line in one month (no per-line or per-month round trip, no
 * write on the request path once the equivalences are bound).
 */
class CustomerAreaQueryCountTest extends PortalIntegrationTest {

    /** Statements, sessions aside: statements (2), content (bindings, tips), usage by technology, devices, survey. */
    private static final long BOUND = 12;

    @Test
    void the_page_costs_the_same_statements_whatever_the_number_of_lines_and_months() {
        String newcomer = "qc-" + System.nanoTime();
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(newcomer + "-1", newcomer, newcomer + "-mob", lastMonth.atDay(3).toString(), 2_000_000_000L, 0,
                        false).body());
        await().atMost(Duration.ofSeconds(30)).until(() -> as("auditor", "auditor")
                .get("/api/v1/subscribers/" + newcomer + "/statements/" + lastMonth).status() == 200);
        Browser many = new Browser(port);
        Browser one = new Browser(port);
        many.logIn(CustomerAreaData.customer(this), "demo");
        one.logIn(newcomer, "demo");

        long forTwoLinesOverFourMonths = statementsFor(many);
        long forOneLineInOneMonth = statementsFor(one);

        System.out.printf("customer page: %d SQL statements for 2 lines x 4 months, %d for 1 line x 1 month%n",
                forTwoLinesOverFourMonths, forOneLineInOneMonth);
        assertThat(forTwoLinesOverFourMonths).isEqualTo(forOneLineInOneMonth).isLessThanOrEqualTo(BOUND);
    }

    @Test
    void the_statements_api_reads_the_statements_only_when_the_ledger_revision_changed() {
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Paris"));
        String id = "qa-" + System.nanoTime();
        String line = id + "-mob";
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id + "-1", id, line, current.atDay(1).toString(), 1_000_000_000L, 0, false).body());
        ApiClient customer = as(id, "demo");
        String twelve = "/api/v1/subscribers/" + id + "/statements?from=" + current.minusMonths(11) + "&to=" + current;
        await().atMost(Duration.ofSeconds(30)).until(() -> customer.get(twelve).body().contains("\"bytes\":1000000000"));

        StatementCounter.reset();
        String kept = customer.get(twelve).body();
        long servedAgain = StatementCounter.count();
        StatementCounter.reset();
        customer.get("/api/v1/subscribers/" + id + "/statements?from=" + current + "&to=" + current);
        long oneMonthFirstRead = StatementCounter.count();

        // the ledger's revision (statement lines and devices; the line-month totals), nothing else
        assertThat(servedAgain).isEqualTo(2);
        // the revision, then closed months from the read model (lines, corrections), open months from the totals
        assertThat(oneMonthFirstRead).isLessThanOrEqualTo(2 + 4);

        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(id + "-2", id, line, current.atDay(1).toString(), 1_000_000_000L, 0, false).body());
        assertThat(kept).contains("\"bytes\":1000000000");
        assertThat(customer.get(twelve).body()).as("new usage makes another revision: the statements are read again")
                .contains("\"bytes\":2000000000");
    }

    /** The statements of a second view (the first binds the equivalences of lines never shown before). */
    private static long statementsFor(Browser browser) {
        assertThat(browser.open("/espace-client")).contains("Votre consommation de données");
        StatementCounter.reset();
        browser.open("/espace-client");
        return StatementCounter.count();
    }
}
