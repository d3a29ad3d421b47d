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
        // French grouping: a narrow no-break space between thousands
        assertThat(page).contains("50 Go", "4\u202f100 g éqCO2");
        // the method once per factor set, in plain words, each line linking to it
        assertThat(page).contains("Méthode ADEME 2022, résumée plus bas",
                "Pour l&#39;internet mobile, chaque Go consommé (envoyé et reçu) compte 49,4 g éqCO2.",
                "Pour l&#39;internet fixe, une ligne utilisée dans le mois compte 4\u202f100 g éqCO2, quel que soit le volume.");
        // the month's total is the sum of the lines shown: 13 + 50 Go, 642 + 4 100 g
        assertThat(page).contains("63 Go", "4\u202f742 g éqCO2");
        assertThat(page).doesNotContain(other);
    }

    @Test
    void the_devices_are_shown_in_their_own_section_and_leave_the_regulated_figures_unchanged() throws Exception {
        String subscriber = "e-" + UUID.randomUUID().toString().substring(0, 8);
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Paris"));
        String day = current.minusMonths(1).atDay(10).toString();
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-1", subscriber, subscriber + "-mob", day, 12_999_999_999L, 0, false)
                .fixed(subscriber + "-2", subscriber, subscriber + "-box", day, 50_000_000_000L, 0).body());
        String statement = "/api/v1/subscribers/" + subscriber + "/statements/" + current.minusMonths(1);
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            ApiClient.Response response = as("auditor", "auditor").get(statement);
            return response.status() == 200 && response.json().get("lines").size() == 2;
        });
        String before = as("auditor", "auditor").get(statement).body();
        // a phone bought last month (within its 30 months) and a box bought in 2015 (past its 5 years)
        ApiClient.Response put = as("feed", "feed").putJson("/api/v1/subscribers/" + subscriber + "/devices",
                "{\"devices\":[{\"deviceId\":\"ph\",\"modelId\":\"smartphone\",\"acquiredOn\":\"" + day + "\"},"
                        + "{\"deviceId\":\"bx\",\"modelId\":\"internet-box\",\"acquiredOn\":\"2015-01-01\"}]}");
        assertThat(put.status()).isEqualTo(200);

        String page = logInAndOpen(subscriber, "demo");

        assertThat(page).contains("Mon équipement", "hors périmètre réglementaire",
                "ne s&#39;ajoutent pas aux g éqCO2 de vos lignes ci-dessus");
        assertThat(page).contains("Smartphone", "Box internet", "1 janvier 2015");
        // smartphone: 85.1 / 30 = 2.8 kg of manufacture, 0.0 kg of use, 2.8 kg in all (the sum of what is shown);
        // box: use only, 0.35 -> 0.4 kg
        assertThat(page).contains("2,8 kg éqCO2", "0,0 kg éqCO2", "0,4 kg éqCO2", "entièrement amortie, usage seul",
                "à titre indicatif");
        // the text alternative sums up the section in a sentence, with the total of the rows: 2.8 + 0.4 = 3.2 kg
        assertThat(page).contains("vos 2 équipements représentent environ 3,2 kg éqCO2 par mois");
        // the regulated figures are as before, and the devices section comes after them
        assertThat(page).contains("13 Go", "642 g éqCO2", "50 Go", "4\u202f100 g éqCO2");
        assertThat(page.indexOf("4\u202f100 g éqCO2")).isLessThan(page.indexOf("Mon équipement</h2>"));
        assertThat(as("auditor", "auditor").get(statement).body()).isEqualTo(before);
    }

    @Test
    void a_subscriber_without_devices_is_told_so() throws Exception {
        String subscriber = "n-" + UUID.randomUUID().toString().substring(0, 8);
        as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(subscriber + "-1", subscriber, subscriber + "-mob", "2025-10-01", 1, 0, false).body());

        String page = logInAndOpen(subscriber, "demo");

        assertThat(page).contains("Mon équipement", "aucun équipement");
    }

    @Test
    void a_wrong_password_does_not_open_the_customer_area() throws Exception {
        String page = logInAndOpen("sub-does-not-matter", "wrong");
        assertThat(page).doesNotContain("Votre consommation de données et son empreinte carbone")
                .contains("Identifiant ou mot de passe incorrect.");
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
