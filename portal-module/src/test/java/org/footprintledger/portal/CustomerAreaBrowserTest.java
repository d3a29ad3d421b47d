package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import tools.jackson.databind.JsonNode;

/**
 * The customer area as a customer uses it, in a real headless Chromium against the application on its embedded
 * PostgreSQL with generated data: log in, read the legal items, the chart's table, "Pourquoi ce chiffre ?", switch
 * to English and stay there, download one's data, give feedback, on a phone's width, with axe-core in each page.
 * The customer's data is generated through the feed, the ledger and the month close ({@link CustomerAreaData}).
 * Screenshots land in target/screenshots.
 */
class CustomerAreaBrowserTest extends PortalIntegrationTest {

    private static final String NNBSP = "\u202f";
    private static final YearMonth LAST_CLOSED = CustomerAreaData.LAST_CLOSED;
    /** Words of French sentences: none may be left on an English page outside the legal terms (lang="fr"). */
    private static final Pattern FRENCH = Pattern.compile("(?iU)\\b(le|la|les|des|du|une|est|vous|votre|vos|"
            + "consommation|données|mois|ligne|relevé|équipement|méthode|conseil|pourquoi|chiffre|environ|"
            + "émissions|corrigé|télécharger|oui|déconnecter)\\b");

    private HeadlessChromium browser;
    private String customer;

    @BeforeEach
    void customer() {
        customer = CustomerAreaData.customer(this);
    }

    @AfterEach
    void closeBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void a_customer_logs_in_and_sees_the_four_legal_items_of_its_mobile_and_fixed_lines() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();
        JsonNode statement = as("auditor", "auditor")
                .get("/api/v1/subscribers/" + customer + "/statements/" + LAST_CLOSED).json();

        assertThat(browser.driver().getCurrentUrl()).endsWith("/espace-client");
        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("fr");
        assertThat(browser.driver().findElements(By.tagName("h1"))).hasSize(1);
        assertThat(browser.text("#month-title")).isEqualTo(capitalized(monthFr(LAST_CLOSED)) + " relevé clos");
        assertThat(statement.get("lines")).hasSize(2);
        long totalGo = 0;
        long totalGrams = 0;
        for (JsonNode line : statement.get("lines")) {
            String card = "#ligne-" + line.get("lineId").asString();
            List<String> items = texts(card + " .legal dd");
            String type = line.get("lineType").asString().equals("MOBILE") ? "internet mobile" : "internet fixe";
            assertThat(items.get(0)).isEqualTo(type);
            assertThat(items.get(1)).startsWith(grouped(line.get("dataGo").asLong()) + " Go");
            assertThat(items.get(1).contains("(données estimées)")).isEqualTo(line.get("estimated").asBoolean());
            assertThat(items.get(2)).isEqualTo(grouped(line.get("co2eGrams").asLong()) + " g éqCO2");
            assertThat(items.get(3)).isEqualTo("Méthode ADEME 2022, résumée plus bas");
            assertThat(browser.text(card + " .split")).contains(type.equals("internet mobile") ? "4G : " : "FTTH : ", "(100 %)");
            totalGo += line.get("dataGo").asLong();
            totalGrams += line.get("co2eGrams").asLong();
        }
        assertThat(browser.text(".total__figures")).contains(grouped(totalGo) + " Go", grouped(totalGrams) + " g éqCO2");
        // the late record shows as a correction in plain words
        assertThat(browser.text("#ligne-" + customer + "-M1 .corrections")).containsPattern(
                "corrigé le \\d{1,2} \\p{L}+ \\d{4} : [\\d\u202f]+ → [\\d\u202f]+ g éqCO2, consommation reçue après la clôture du mois");
        browser.screenshot("espace-client-desktop-fr");
    }

    @Test
    void the_chart_has_a_title_a_description_and_its_data_table_as_text_alternative() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();
        JsonNode line = mobileLine(as("auditor", "auditor")
                .get("/api/v1/subscribers/" + customer + "/statements/" + LAST_CLOSED).json());

        WebElement history = browser.driver().findElement(By.id("historique-ligne-" + customer + "-M1"));
        WebElement svg = history.findElement(By.cssSelector("svg"));
        assertThat(svg.getDomAttribute("role")).isEqualTo("img");
        assertThat(svg.findElement(By.tagName("title")).getDomProperty("textContent"))
                .isEqualTo("Émissions, en g éqCO2");
        assertThat(svg.findElement(By.tagName("desc")).getDomProperty("textContent"))
                .contains("Les mêmes chiffres figurent dans le tableau qui suit");
        WebElement table = history.findElement(By.tagName("table"));
        assertThat(table.findElement(By.tagName("caption")).getText()).contains("ligne M1");
        String row = table.findElements(By.cssSelector("tbody tr")).stream().map(WebElement::getText)
                .filter(r -> r.startsWith(monthFr(LAST_CLOSED))).findFirst().orElseThrow();
        assertThat(row).contains(grouped(line.get("dataGo").asLong()) + " Go",
                grouped(line.get("co2eGrams").asLong()) + " g éqCO2");
    }

    @Test
    void pourquoi_ce_chiffre_shows_the_formula_with_its_numbers() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();
        JsonNode explained = as(customer, "demo").get("/api/v1/subscribers/" + customer + "/statements/"
                + LAST_CLOSED + "/explanation").json();
        JsonNode mobile = null;
        for (JsonNode line : explained.get("lines")) {
            if (line.get("lineId").asString().endsWith("-M1")) {
                mobile = line.get("ledger");
            }
        }

        browser.driver().findElement(By.cssSelector("#ligne-" + customer + "-M1 .why a")).click();

        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Pourquoi ce chiffre ? ligne M1, " + monthFr(LAST_CLOSED));
        String exactGo = frenchDecimal(mobile.get("figures").get("exactGo").asString());
        String exactGrams = frenchDecimal(mobile.get("figures").get("exactGrams").asString());
        assertThat(texts(".formula")).anySatisfy(formula -> assertThat(formula)
                .isEqualTo("g éqCO2 = 0 g (part fixe, ligne utilisée : oui) + 49,4 g/Go × " + exactGo + " Go = "
                        + exactGrams + " g éqCO2"));
        assertThat(browser.text("section[aria-labelledby='why-checksum']").replace("\n", " ")).contains(mobile.get("checksum").asString());
        assertThat(browser.text("section[aria-labelledby='why-factor']").replace("\n", " ")).contains("ADEME via Bouygues Telecom");
        browser.screenshot("pourquoi-desktop-fr");
    }

    @Test
    void english_is_kept_after_a_reload_and_no_french_sentence_is_left_outside_the_legal_terms() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();

        browser.driver().findElement(By.cssSelector(".lang-switch a[lang='en']")).click();
        browser.driver().navigate().refresh();
        browser.driver().get(url("/espace-client"));

        assertThat(browser.driver().findElement(By.tagName("html")).getDomAttribute("lang")).isEqualTo("en");
        assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                .isEqualTo("Your data usage and its carbon footprint");
        assertThat(texts("#ligne-" + customer + "-F1 .legal dd").get(0)).isEqualTo("fixed internet\n(internet fixe)");
        assertThat(browser.text(".total__figures")).containsPattern("\\d{1,3}(,\\d{3})* g CO2e");
        for (String page : List.of("/espace-client", "/espace-client/methode", "/espace-client/historique?date="
                + LAST_CLOSED.atDay(20) + "&heure=10:00", "/espace-client/pourquoi/" + LAST_CLOSED + "/" + customer
                + "-M1")) {
            browser.driver().get(url(page));
            String text = (String) browser.script("const copy = document.body.cloneNode(true);"
                    + "copy.querySelectorAll('[lang=fr]').forEach(e => e.remove());"
                    + "copy.querySelectorAll('script').forEach(e => e.remove());"
                    + "return copy.textContent;");
            assertThat(FRENCH.matcher(text).results().map(r -> r.group()).toList()).as(page).isEmpty();
        }
        browser.driver().get(url("/espace-client"));
        browser.screenshot("espace-client-desktop-en");
    }

    @Test
    void the_customer_downloads_its_data_as_csv_and_reads_it() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();
        JsonNode statement = as("auditor", "auditor")
                .get("/api/v1/subscribers/" + customer + "/statements/" + LAST_CLOSED).json();
        String href = browser.driver().findElement(By.cssSelector("#mes-donnees a[href*='format=csv']"))
                .getDomProperty("href");

        String csv = (String) browser.asyncScript("const done = arguments[arguments.length - 1];"
                + "fetch(arguments[0]).then(r => r.text()).then(done).catch(e => done('failed: ' + e));", href);

        List<List<String>> rows = CsvReader.parse(csv.replace("\uFEFF", ""));
        List<String> header = rows.get(0);
        assertThat(header).startsWith("record", "month", "line_id", "line_type");
        int co2 = header.indexOf("co2e_grams");
        int checksum = header.indexOf("checksum");
        JsonNode mobile = mobileLine(statement);
        List<String> mobileRow = rows.stream().filter(r -> r.get(0).equals("statement_line")
                && r.get(1).equals(LAST_CLOSED.toString()) && r.get(2).equals(customer + "-M1")).findFirst()
                .orElseThrow();
        assertThat(mobileRow.get(co2)).isEqualTo(String.valueOf(mobile.get("co2eGrams").asLong()));
        assertThat(mobileRow.get(checksum)).matches("[0-9a-f]{64}");
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("correction"));
        assertThat(rows).anySatisfy(r -> assertThat(r.get(0)).isEqualTo("factor_value"));
        assertThat(rows).allSatisfy(r -> assertThat(r).hasSameSizeAs(header)
                .allSatisfy(cell -> assertThat(cell).doesNotStartWith("=").doesNotStartWith("+")
                        .doesNotStartWith("-").doesNotStartWith("@")));
    }

    @Test
    void the_customer_sends_feedback_on_the_page_and_on_a_tip() {
        browser = HeadlessChromium.start("fr-FR");
        logIn();

        browser.driver().findElement(By.id("page-comment")).sendKeys("Clair et utile");
        WebElement pageYes = browser.driver().findElement(By.cssSelector("#avis button[value='true']"));
        pageYes.click();
        assertThat(noticeOnTheNextPage(pageYes)).isEqualTo("Merci pour votre réponse.");

        WebElement tipYes = browser.driver().findElement(By.cssSelector(".tip button[value='true']"));
        assertThat(tipYes.getAccessibleName()).startsWith("Oui — Ce conseil vous est-il utile : « ");
        tipYes.click();
        assertThat(noticeOnTheNextPage(tipYes)).isEqualTo("Merci pour votre réponse.");
        assertThat(as("editor", "editor").get("/api/v1/content/comments").body()).contains("Clair et utile");
    }

    @Test
    void on_a_phone_390_and_320_px_wide_no_page_scrolls_sideways() {
        browser = HeadlessChromium.start("fr-FR");
        browser.width(390);
        browser.driver().get(url("/login"));
        assertThat(browser.scrollsHorizontally()).as("login at 390 px").isFalse();
        browser.screenshot("login-390-fr");
        logIn();
        for (int width : new int[] {390, 320}) {
            browser.width(width);
            for (String page : pages()) {
                browser.driver().get(url(page));
                assertThat(browser.scrollsHorizontally()).as(page + " at " + width + " px").isFalse();
            }
        }
        browser.width(390);
        browser.driver().get(url("/espace-client"));
        browser.screenshot("espace-client-390-fr");
        browser.width(320);
        browser.driver().get(url("/espace-client?lang=en"));
        browser.screenshot("espace-client-320-en");
    }

    @Test
    void axe_core_finds_no_critical_or_serious_violation_in_any_page() {
        browser = HeadlessChromium.start("fr-FR");
        browser.driver().get(url("/login"));
        List<String> problems = new ArrayList<>(browser.accessibilityProblems("/login"));
        logIn();
        for (String lang : List.of("fr", "en")) {
            browser.driver().get(url("/espace-client?lang=" + lang));
            for (String page : pages()) {
                browser.driver().get(url(page));
                problems.addAll(browser.accessibilityProblems(page + " (" + lang + ")"));
            }
            browser.driver().get(url("/espace-client/page-inexistante"));
            assertThat(browser.driver().findElement(By.tagName("h1")).getText())
                    .isIn("Page introuvable", "Page not found");
            problems.addAll(browser.accessibilityProblems("404 (" + lang + ")"));
        }
        assertThat(problems).isEmpty();
    }

    /**
     * The pages work under the Content-Security-Policy (no inline script or style: scripts, styles and the chart's
     * look come from the application's files), and the browser does enforce it: an inline style put into the page
     * is refused and reported.
     */
    @Test
    void every_page_works_under_the_content_security_policy_which_the_browser_enforces() {
        browser = HeadlessChromium.start("fr-FR");
        browser.driver().get(url("/login"));
        List<String> violations = new ArrayList<>(csp(browser.consoleMessages()));
        logIn();
        for (String page : pages()) {
            browser.driver().get(url(page));
            violations.addAll(csp(browser.consoleMessages()));
        }
        browser.driver().get(url("/espace-client/page-inexistante"));
        violations.addAll(csp(browser.consoleMessages()));
        assertThat(violations).as("Content-Security-Policy violations").isEmpty();

        browser.driver().get(url("/espace-client"));
        assertThat(browser.script("return getComputedStyle(document.querySelector('.site-header')).display"))
                .as("the stylesheet applies").isNotEqualTo("inline");
        assertThat(browser.script("return getComputedStyle(document.querySelector('rect.chart__bar')).fill"))
                .as("the chart's bars are coloured by the stylesheet").isNotEqualTo("rgb(0, 0, 0)");
        browser.consoleMessages();
        Object colour = browser.script("document.body.insertAdjacentHTML('beforeend', "
                + "'<p id=\"csp-probe\" style=\"color: rgb(1, 2, 3)\">probe</p>');"
                + "return getComputedStyle(document.getElementById('csp-probe')).color");
        assertThat(colour).as("an inline style attribute is refused").isNotEqualTo("rgb(1, 2, 3)");
        assertThat(csp(browser.consoleMessages())).as("and reported").isNotEmpty();
    }

    private static List<String> csp(List<String> console) {
        return console.stream().filter(m -> m.contains("Content Security Policy")).toList();
    }

    private List<String> pages() {
        return List.of("/espace-client", "/espace-client/pourquoi/" + LAST_CLOSED + "/" + customer + "-M1",
                "/espace-client/pourquoi/" + LAST_CLOSED + "/" + customer + "-F1",
                "/espace-client/historique?date=" + LAST_CLOSED.atDay(20) + "&heure=10:00",
                "/espace-client/methode");
    }

    private void logIn() {
        browser.driver().get(url("/login"));
        browser.driver().findElement(By.id("username")).sendKeys(customer);
        browser.driver().findElement(By.id("password")).sendKeys("demo");
        browser.driver().findElement(By.cssSelector("form.form button[type='submit']")).click();
        new WebDriverWait(browser.driver(), Duration.ofSeconds(20)).until(ExpectedConditions.urlContains("/espace-client"));
    }

    /** The element once the page that has it is loaded (a form's answer arrives after the click returns). */
    /** The notice of the page a form's submission leads to (the page the form was on gone first: it had one too). */
    private String noticeOnTheNextPage(WebElement submitted) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10)).until(ExpectedConditions.stalenessOf(submitted));
        return browser.waitFor(".notice--ok").getText();
    }

    private List<String> texts(String css) {
        return browser.driver().findElements(By.cssSelector(css)).stream().map(WebElement::getText).toList();
    }

    private String url(String path) {
        return "http://localhost:" + port + path;
    }

    private static JsonNode mobileLine(JsonNode statement) {
        for (JsonNode line : statement.get("lines")) {
            if (line.get("lineType").asString().equals("MOBILE")) {
                return line;
            }
        }
        throw new AssertionError("no mobile line in " + statement);
    }

    /** "4 100": French grouping with a narrow no-break space, as the page prints it. */
    private static String grouped(long value) {
        return String.format(java.util.Locale.ROOT, "%,d", value).replace(",", NNBSP);
    }

    /** "1 010,259338907" for "1010.259338907": grouped units, a decimal comma, every digit kept. */
    private static String frenchDecimal(String exact) {
        String[] parts = exact.split("\\.");
        String units = grouped(Long.parseLong(parts[0]));
        return parts.length == 1 ? units : units + "," + parts[1];
    }

    private static String capitalized(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    private static String monthFr(YearMonth month) {
        return java.time.format.DateTimeFormatter.ofPattern("MMMM yyyy", java.util.Locale.FRENCH).format(month);
    }
}
