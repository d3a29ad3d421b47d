package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** A subscriber logs in with the form and sees the four legal items of each of its lines, and only its own. */
class CustomerAreaPageTest extends PortalIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    @Test
    void the_customer_page_shows_type_data_emissions_and_method_per_line() throws Exception {
        String subscriber = "p-" + UUID.randomUUID().toString().substring(0, 8);
        String other = "q-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth lastMonth = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
        String day = lastMonth.atDay(10).toString();
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-1", subscriber, subscriber + "-mob", day, 12_999_999_999L, 0, true)
                .fixed(subscriber + "-2", subscriber, subscriber + "-box", day, 50_000_000_000L, 0)
                .mobile(other + "-1", other, other + "-secret-line", day, 1, 0, false).body());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ApiClient.Response statement = as("auditor", "auditor")
                    .get("/api/v1/subscribers/" + subscriber + "/statements/" + lastMonth);
            return statement.status() == 200 && statement.json().get("lines").size() == 2;
        });

        String page = logInAndOpen(subscriber, "demo");

        assertThat(page).contains("internet mobile", "internet fixe");
        assertThat(page).contains("13 Go", "(données estimées)", "642 g éqCO2");
        assertThat(page).contains("50 Go", "4100 g éqCO2");
        assertThat(page).contains("Méthode ADEME simplifiée 2022");
        assertThat(page).doesNotContain(other);
    }

    @Test
    void a_wrong_password_does_not_open_the_customer_area() throws Exception {
        String page = logInAndOpen("sub-does-not-matter", "wrong");
        assertThat(page).doesNotContain("Consommation de données et empreinte carbone");
    }

    private String logInAndOpen(String username, String password) throws Exception {
        String loginPage = browser.send(HttpRequest.newBuilder(uri("/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(loginPage);
        assertThat(csrf.find()).as("the login form carries a CSRF token").isTrue();
        String form = "username=" + encode(username) + "&password=" + encode(password) + "&_csrf="
                + encode(csrf.group(1));
        HttpResponse<String> afterLogin = browser.send(HttpRequest.newBuilder(uri("/login"))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form)).build(),
                HttpResponse.BodyHandlers.ofString());
        return afterLogin.body();
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
