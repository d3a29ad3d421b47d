package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The editors' workflow as editors use it, in a real headless Chromium: an editor writes a tip in French and English,
 * previews it for a subscriber, submits it and cannot publish it (four eyes); a second editor publishes it; the
 * subscriber then reads it on its page; retired, it is gone. axe-core runs in each editor page.
 */
class EditorBrowserTest extends PortalIntegrationTest {

    private HeadlessChromium browser;
    private final List<String> accessibility = new ArrayList<>();

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_tip_written_by_one_editor_and_published_by_another_shows_on_the_customer_page_until_retired() {
        String customer = CustomerAreaData.customer(this);
        browser = HeadlessChromium.start("fr-FR");
        String marker = UUID.randomUUID().toString().substring(0, 8);
        String textFr = "Regardez vos vidéos en définition standard " + marker;

        logIn("editor", "/editeur");
        check("/editeur");
        browser.driver().findElement(By.linkText("Nouveau conseil")).click();
        browser.waitFor("#textFr");
        check("/editeur/conseils/nouveau");
        browser.driver().findElement(By.id("key")).sendKeys("sd-" + marker);
        browser.driver().findElement(By.id("textEn")).sendKeys("Watch your videos in standard definition " + marker);
        new Select(browser.driver().findElement(By.id("lineType"))).selectByValue("MOBILE");
        new Select(browser.driver().findElement(By.id("savingBasis"))).selectByValue("VOLUME_SHARE");
        browser.driver().findElement(By.id("volumeShare")).sendKeys("0,3");
        browser.driver().findElement(By.cssSelector("form.form button[type='submit']")).click();

        WebElement error = browser.waitFor("#textFr-error");
        assertThat(error.getText()).isEqualTo("Ce champ est obligatoire.");
        assertThat(browser.driver().findElement(By.id("textFr")).getDomAttribute("aria-describedby"))
                .contains("textFr-error");
        assertThat(browser.driver().findElement(By.id("textEn")).getDomProperty("value"))
                .as("what was typed is kept").startsWith("Watch your videos");
        check("/editeur/conseils (refused)");
        browser.driver().findElement(By.id("textFr")).sendKeys(textFr);
        browser.driver().findElement(By.cssSelector("form.form button[type='submit']")).click();

        assertThat(browser.waitFor(".notice--ok").getText()).isEqualTo("Version 1 enregistrée en brouillon.");
        String tipPage = browser.driver().getCurrentUrl();
        long itemId = Long.parseLong(tipPage.replaceAll(".*/", ""));
        browser.driver().findElement(By.id("preview-subscriber")).sendKeys(customer);
        browser.driver().findElement(By.cssSelector("#apercu button[type='submit']")).click();
        assertThat(browser.waitFor(".preview").getText()).contains(textFr);
        check("/editeur/conseils/" + itemId + " (preview)");
        browser.screenshot("editeur-conseil-fr");

        browser.driver().get(url("/editeur"));
        browser.submitWith("#item-" + itemId + " form[action$='/submit'] button");
        assertThat(browser.waitFor(".notice--ok").getText()).isEqualTo("Version 1 soumise à la relecture.");
        assertThat(browser.text("#item-" + itemId)).contains("en relecture", "soumis par editor");
        browser.submitWith("#item-" + itemId + " form[action$='/publish'] button");
        assertThat(browser.waitFor(".notice--error").getText()).startsWith("Publication refusée : vous avez soumis cette "
                + "version.");
        assertThat(browser.text("#item-" + itemId)).contains("en relecture");
        browser.screenshot("editeur-contenus-fr");
        browser.driver().get(url("/editeur/amelioration"));
        browser.waitFor("#enquete");
        check("/editeur/amelioration");

        logIn("editor2", "/editeur");
        browser.submitWith("#item-" + itemId + " form[action$='/publish'] button");
        assertThat(browser.waitFor(".notice--ok").getText()).isEqualTo("Version 1 publiée : les clients la voient.");

        logIn(customer, "/espace-client");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).contains(textFr);

        logIn("editor2", "/editeur");
        browser.submitWith("#item-" + itemId + " form[action$='/retire'] button");
        assertThat(browser.waitFor(".notice--ok").getText()).isEqualTo("Version 1 retirée : les clients ne la voient plus.");
        logIn(customer, "/espace-client");
        assertThat(browser.driver().findElement(By.tagName("main")).getText()).doesNotContain(textFr);

        assertThat(accessibility).as("critical, serious or landmark axe-core violations").isEmpty();
    }

    @Test
    void the_editor_pages_in_english_have_no_critical_or_serious_violation() {
        browser = HeadlessChromium.start("en-GB");
        logIn("editor", "/editeur");
        for (String page : List.of("/editeur?lang=en", "/editeur/conseils/nouveau", "/editeur/equivalences/nouvelle",
                "/editeur/amelioration")) {
            browser.driver().get(url(page));
            browser.waitFor("main h1");
            assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
            check(page + " (en)");
        }
        assertThat(accessibility).as("critical, serious or landmark axe-core violations").isEmpty();
    }

    private void check(String page) {
        accessibility.addAll(browser.accessibilityProblems(page));
    }

    private void logIn(String account, String landing) {
        browser.driver().manage().deleteAllCookies();
        browser.driver().get(url("/login"));
        browser.driver().findElement(By.id("username")).sendKeys(account);
        browser.driver().findElement(By.id("password")).sendKeys(account.startsWith("editor") ? account : "demo");
        browser.driver().findElement(By.cssSelector("form.form button[type='submit']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains(landing));
        browser.waitFor("main h1");
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }
}
