package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The ops board as the person on call uses it, in a real headless Chromium: closes a month from its form and sees
 * the close completed; sees a ledger parked by a fact the ledger refuses (a line type conflict) named at the top and
 * listed with its reason; retries it before the fix (refused again, the reason shown), then after (fed, no longer
 * parked, the statement holding the fact). axe-core finds no violation on the board, in French and in English.
 */
class OpsBoardBrowserTest extends PortalIntegrationTest {

    /** A month no other test of the shared application uses: this one closes it. */
    private static final String MONTH = "2025-11";

    @Autowired
    JdbcTemplate db;

    private HeadlessChromium browser;
    private final List<String> accessibility = new ArrayList<>();
    private String subscriber;

    /**
     * Takes the injected fact back out whatever happened: left waiting, it would be subtracted from the month's totals
     * at the next close of the month by another test of the shared application.
     */
    @AfterEach
    void closeBrowserAndRemoveTheInjectedFact() {
        if (browser != null) {
            browser.close();
        }
        if (subscriber != null) {
            db.update("DELETE FROM usage_ledger_fact WHERE subscriber_id = ? AND batch_id = 'injected'", subscriber);
            db.update("DELETE FROM usage_parked_ledger WHERE subscriber_id = ?", subscriber);
        }
    }

    @Test
    void ops_close_a_month_see_a_parked_ledger_and_retry_it_from_the_board() {
        subscriber = "board-" + UUID.randomUUID().toString().substring(0, 8);
        String line = subscriber + "-mob";
        String ledgerId = subscriber + "/" + MONTH;
        assertThat(as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-r1", subscriber, line, MONTH + "-03", 1_000_000_000L, 0, false).body())
                .status()).isEqualTo(200);
        browser = HeadlessChromium.start("fr-FR");
        logIn();
        browser.driver().get(url("/ops"));
        browser.driver().findElement(By.linkText("Tableau d'exploitation")).click();
        browser.waitFor("#b-attention");
        check("/ops/tableau");

        WebElement month = browser.driver().findElement(By.id("close-month"));
        month.clear();
        month.sendKeys(MONTH);
        browser.submitWith("#clotures form button[type='submit']");
        assertThat(browser.waitFor(".notice--ok").getText()).startsWith("Mois " + MONTH + " clos : ");
        assertThat(rowOf("#clotures", MONTH).getText()).contains("terminée", "ops");

        // the record's own fact fed first (late for the close, a correction): waiting beside the injected one, the
        // two would be handed over as one, of the record's technology and the injected line type
        await().atMost(Duration.ofSeconds(20)).until(() -> db.queryForObject(
                "SELECT count(*) FROM usage_ledger_fact WHERE subscriber_id = ?", Long.class, subscriber) == 0);
        // a fact the ledger refuses: the line is MOBILE in the ledger, the fact says FIXED
        db.update("INSERT INTO usage_ledger_fact (subscriber_id, month, line_id, line_type, technology, bytes_delta, "
                + "records_delta, estimated_delta, batch_id) VALUES (?, ?, ?, 'FIXED', NULL, 5, 1, 0, 'injected')",
                subscriber, MONTH, line);
        WebElement parked = untilShown("#registres", ledgerId);
        assertThat(parked.getText()).contains("is MOBILE, not FIXED");
        assertThat(browser.text("#b-attention + ul")).contains("Registre en attente : " + ledgerId);
        check("/ops/tableau (parked)");
        browser.screenshot("ops-tableau-fr");

        browser.clickAndWaitForTheNextPage(parked.findElement(By.cssSelector("button[type='submit']")));
        // the ledger names the line by its key (ADR 0013), so the refusal does too
        String lineKey = db.queryForObject("SELECT line_key FROM line_pseudonym WHERE line_id = ?", String.class, line);
        assertThat(browser.waitFor(".notice--error").getText())
                .isEqualTo("Registre " + ledgerId + " refusé à nouveau, il reste en attente : LineTypeConflictException: "
                        + "line " + lineKey + " is MOBILE, not FIXED");
        assertThat(rowOf("#registres", ledgerId).findElements(By.cssSelector("td")).get(2).getText())
                .as("attempts").isEqualTo("2");

        db.update("UPDATE usage_ledger_fact SET line_type = 'MOBILE' WHERE subscriber_id = ?", subscriber);
        browser.clickAndWaitForTheNextPage(
                rowOf("#registres", ledgerId).findElement(By.cssSelector("button[type='submit']")));
        assertThat(browser.waitFor(".notice--ok").getText())
                .isEqualTo("Registre " + ledgerId + " relancé : ses faits sont passés dans le registre.");
        assertThat(browser.text("#registres")).doesNotContain(ledgerId);
        check("/ops/tableau (retried)");
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(d -> as("auditor", "auditor")
                .get("/api/v1/subscribers/" + subscriber + "/statements/" + MONTH).body().contains("1000000005"));

        browser.driver().get(url("/ops/tableau?lang=en"));
        browser.waitFor("#b-attention");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.text("#processeurs")).contains("ledger");
        check("/ops/tableau (en)");
        assertThat(browser.consoleMessages()).as("Content-Security-Policy violations")
                .filteredOn(m -> m.contains("Content Security Policy")).isEmpty();
        assertThat(accessibility).as("axe-core violations").isEmpty();
    }

    private void check(String page) {
        for (Map<String, Object> violation : browser.axeViolations()) {
            accessibility.add(page + ": " + violation.get("id") + " (" + violation.get("impact") + ") "
                    + violation.get("help") + " " + violation.get("nodes"));
        }
    }

    private void logIn() {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(url("/login"));
        browser.driver().findElement(By.id("username")).sendKeys("ops");
        browser.driver().findElement(By.id("password")).sendKeys("ops");
        browser.driver().findElement(By.cssSelector("form.form button[type='submit']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/ops"));
    }

    /** The row of the section's table whose header cell is {@code key}, reloading the board until it shows. */
    private WebElement untilShown(String section, String key) {
        return new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).pollingEvery(Duration.ofMillis(500))
                .until(d -> {
                    d.navigate().refresh();
                    List<WebElement> rows = d.findElements(By.xpath("//*[@id='" + section.substring(1)
                            + "']//tbody/tr[th[normalize-space()='" + key + "']]"));
                    return rows.isEmpty() ? null : rows.get(0);
                });
    }

    private WebElement rowOf(String section, String key) {
        return browser.driver().findElement(By.xpath("//*[@id='" + section.substring(1)
                + "']//tbody/tr[th[normalize-space()='" + key + "']]"));
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
