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
    void the_statements_api_costs_the_same_statements_for_one_month_and_for_twelve() {
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Paris"));
        String id = CustomerAreaData.customer(this);
        ApiClient customer = as(id, "demo");
        customer.get("/api/v1/subscribers/" + id + "/statements?from=" + current.minusMonths(11) + "&to=" + current);

        StatementCounter.reset();
        customer.get("/api/v1/subscribers/" + id + "/statements?from=" + current.minusMonths(11) + "&to=" + current);
        long twelveMonths = StatementCounter.count();
        StatementCounter.reset();
        customer.get("/api/v1/subscribers/" + id + "/statements?from=" + current.minusMonths(1) + "&to="
                + current.minusMonths(1));
        long oneMonth = StatementCounter.count();

        // closed months from the read model (lines, corrections), open months from the line-month totals
        assertThat(twelveMonths).isEqualTo(oneMonth).isLessThanOrEqualTo(4);
    }

    /** The statements of a second view (the first binds the equivalences of lines never shown before). */
    private static long statementsFor(Browser browser) {
        assertThat(browser.open("/espace-client")).contains("Votre consommation de données");
        StatementCounter.reset();
        browser.open("/espace-client");
        return StatementCounter.count();
    }
}
