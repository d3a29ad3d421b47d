package org.footprintledger.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A real Chromium, headless, driven by the system's chromedriver (Debian packages {@code chromium} and
 * {@code chromium-driver}; other paths with {@code -Dchromium.binary} and {@code -Dchromedriver.binary}). Selenium
 * Manager is never asked to download anything: both paths are given. Without them the test is skipped, and says so.
 * axe-core is read from {@code -Daxe.script}, else from {@code target/npm/node_modules/axe-core/axe.min.js} of the
 * repository (installed by {@code .ci/run} from the npm registry).
 */
final class HeadlessChromium implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private final ChromeDriver driver;

    private HeadlessChromium(ChromeDriver driver) {
        this.driver = driver;
    }

    /** A browser preferring {@code language} ("fr-FR", "en-GB"), or the test is skipped when none is installed. */
    static HeadlessChromium start(String language) {
        Optional<Path> browser = firstExisting(System.getProperty("chromium.binary"), "/usr/lib/chromium/chromium",
                "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome");
        Optional<Path> chromedriver = firstExisting(System.getProperty("chromedriver.binary"), "/usr/bin/chromedriver",
                "/usr/lib/chromium/chromedriver");
        Assumptions.assumeTrue(browser.isPresent() && chromedriver.isPresent(),
                "SKIPPED: no headless browser found (need chromium and chromedriver: apt-get install chromium "
                        + "chromium-driver, as .ci/run does); the real-browser tests did not run");
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.get().toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--lang=" + language, "--window-size=1280,1000");
        options.setExperimentalOption("prefs", Map.of("intl.accept_languages", language,
                "download.prompt_for_download", false));
        // the console (CSP violations are reported there)
        options.setCapability("goog:loggingPrefs", Map.of("browser", "ALL"));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(chromedriver.get().toFile()).usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30)).scriptTimeout(Duration.ofSeconds(60));
        return new HeadlessChromium(driver);
    }

    ChromeDriver driver() {
        return driver;
    }

    /** The width of the viewport in CSS pixels, as the page's media queries see it. */
    void width(int cssPixels) {
        driver.manage().window().setSize(new Dimension(cssPixels, 1000));
        long inner = ((Number) script("return window.innerWidth")).longValue();
        if (inner != cssPixels) {
            driver.manage().window().setSize(new Dimension((int) (2 * cssPixels - inner), 1000));
        }
    }

    /** Whether the page scrolls sideways (WCAG 1.4.10 reflow fails). */
    boolean scrollsHorizontally() {
        return (Boolean) script("return document.documentElement.scrollWidth > window.innerWidth"
                + " || document.body.scrollWidth > window.innerWidth");
    }

    /** The console messages since the last call (Chromium reports every Content-Security-Policy violation there). */
    List<String> consoleMessages() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream().map(LogEntry::getMessage).toList();
    }

    Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    Object asyncScript(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeAsyncScript(script, args);
    }

    /** The whole page as a PNG in target/screenshots, for review. */
    Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            long height = ((Number) script("return document.documentElement.scrollHeight")).longValue();
            Dimension before = driver.manage().window().getSize();
            driver.manage().window().setSize(new Dimension(before.getWidth(), (int) Math.min(height + 120, 12_000)));
            Path file = SCREENSHOTS.resolve(name + ".png");
            Files.write(file, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
            driver.manage().window().setSize(before);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The violations axe-core finds in the page, as axe reports them (id, impact, help, nodes). */
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> axeViolations() {
        Path axe = Path.of(System.getProperty("axe.script", "../target/npm/node_modules/axe-core/axe.min.js"));
        Assumptions.assumeTrue(Files.isRegularFile(axe), "SKIPPED: axe-core not found at " + axe.toAbsolutePath()
                + " (npm install --prefix target/npm axe-core, as .ci/run does); the accessibility check did not run");
        try {
            script(Files.readString(axe));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, Object> result = (Map<String, Object>) asyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})"
                + ".then(r => done({violations: r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 5)}))}))"
                + ".catch(e => done({error: String(e)}));");
        if (result.containsKey("error")) {
            throw new IllegalStateException("axe-core failed: " + result.get("error"));
        }
        return (List<Map<String, Object>>) result.get("violations");
    }

    /**
     * What axe finds in the page that a test refuses, each told with the page's name: the serious and critical
     * violations, and every landmark violation whatever its impact (a page with two banners or two footers reads twice
     * to a screen reader; axe rates that moderate).
     */
    List<String> accessibilityProblems(String page) {
        return axeViolations().stream()
                .filter(v -> "critical".equals(v.get("impact")) || "serious".equals(v.get("impact"))
                        || String.valueOf(v.get("id")).startsWith("landmark-"))
                .map(v -> page + ": " + v.get("id") + " (" + v.get("impact") + ") " + v.get("help") + " " + v.get("nodes"))
                .toList();
    }

    /** Submits the form of the button the CSS selector finds, waiting for the page it answers. */
    void submitWith(String css) {
        clickAndWaitForTheNextPage(driver.findElement(By.cssSelector(css)));
    }

    /**
     * Clicks a form's button and waits until the page it answers has replaced this one: a notice looked for at once
     * could otherwise be found on the page being left.
     */
    void clickAndWaitForTheNextPage(WebElement button) {
        WebElement leaving = driver.findElement(By.tagName("html"));
        button.click();
        new WebDriverWait(driver, Duration.ofSeconds(20)).until(ExpectedConditions.stalenessOf(leaving));
    }

    /** The element the CSS selector finds, waiting up to 10 s for it to be on the page. */
    WebElement waitFor(String css) {
        return new WebDriverWait(driver, Duration.ofSeconds(10))
                .until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(css)));
    }

    /** The visible text of the element the CSS selector finds. */
    String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static Optional<Path> firstExisting(String... candidates) {
        return Stream.of(candidates).filter(c -> c != null && !c.isBlank()).map(Path::of)
                .filter(Files::isExecutable).findFirst();
    }
}
