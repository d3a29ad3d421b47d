package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application behind a TLS-terminating proxy ({@code server.forward-headers-strategy=native}): HSTS and the
 * Secure session cookie follow {@code X-Forwarded-Proto}, and failed logins are throttled per account (3 here) and
 * per client address (6 here, the address the proxy forwarded): the right password too is refused until the bucket
 * refills, the login form says so, the API answers 429 with Retry-After, and the refusals are counted.
 */
class BehindProxyTest extends SmallLimitsIntegrationTest {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final AtomicInteger ADDRESSES = new AtomicInteger(10);
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String address = "203.0.113." + ADDRESSES.incrementAndGet();
    /** A subscriber of this test alone (the accounts other tests use are never throttled here). */
    private final String subscriber = "thr-" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeEach
    void aSubscriberKnownToTheFeed() {
        HttpResponse<String> fed = send(request("/api/v1/usage/records").header("X-Forwarded-For", "198.51.100.2")
                .header("Authorization", basicHeader("feed", "feed")).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(UsageFeed.batch().mobile(subscriber + "-r1", subscriber,
                        subscriber + "-mob", "2024-08-03", 1_000_000L, 0, false).body()))), client());
        assertThat(fed.statusCode()).isEqualTo(200);
    }

    @Test
    void hsts_and_a_secure_session_cookie_when_the_proxy_forwarded_https() {
        HttpResponse<String> https = send(request("/login").header("X-Forwarded-Proto", "https").GET(), client());
        assertThat(https.headers().firstValue("Strict-Transport-Security")).contains("max-age=31536000 ; "
                + "includeSubDomains");
        assertThat(https.headers().firstValue("Content-Security-Policy")).contains(SecurityHeadersTest.CSP);
        assertThat(sessionCookie(https)).contains("Secure").contains("SameSite=Lax").contains("HttpOnly");

        HttpResponse<String> http = send(request("/login").GET(), client());
        assertThat(http.headers().firstValue("Strict-Transport-Security")).isEmpty();
        assertThat(sessionCookie(http)).doesNotContain("Secure");
    }

    @Test
    void after_three_wrong_passwords_the_api_refuses_the_right_one_with_429_and_retry_after() {
        String ownStatements = "/api/v1/subscribers/" + subscriber + "/statements?from=2024-01&to=2024-12";
        assertThat(basic(subscriber, "demo", ownStatements).statusCode()).isEqualTo(200);
        for (int i = 0; i < 3; i++) {
            assertThat(basic(subscriber, "wrong-" + i, ownStatements).statusCode()).isEqualTo(401);
        }
        HttpResponse<String> refused = basic(subscriber, "demo", ownStatements);
        assertThat(refused.statusCode()).isEqualTo(429);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/json");
        assertThat(refused.body()).contains("\"status\":429").contains("too many failed logins");
        long retryAfter = Long.parseLong(refused.headers().firstValue("Retry-After").orElseThrow());
        assertThat(retryAfter).isBetween(1L, 300L);

        assertThat(metrics()).containsPattern("security_login_throttled_total\\{[^}]*channel=\"basic\""
                + "[^}]*limit=\"account\"[^}]*} [1-9]");
        assertThat(metrics()).containsPattern("security_login_failures_total\\{[^}]*} [1-9]");
    }

    @Test
    void after_three_wrong_passwords_the_login_form_refuses_the_right_one_and_says_why_in_french_and_english() {
        assertThat(logIn(subscriber, "demo", "fr")).contains("Ma consommation");
        for (int i = 0; i < 3; i++) {
            assertThat(logIn(subscriber, "wrong-" + i, "fr")).contains("Identifiant ou mot de passe incorrect");
        }
        String french = logIn(subscriber, "demo", "fr");
        assertThat(french).contains("Trop de tentatives de connexion échouées pour ce compte ou depuis cette "
                + "adresse : réessayez dans ").doesNotContain("Ma consommation");
        String english = logIn(subscriber, "demo", "en");
        assertThat(english).contains("Too many failed logins for this account or from this address: try again in");
        assertThat(metrics()).containsPattern("security_login_throttled_total\\{[^}]*channel=\"form\"");
    }

    @Test
    void an_address_that_failed_on_many_accounts_is_refused_on_any_other() {
        for (int i = 0; i < 6; i++) {
            assertThat(basic("nobody-" + UUID.randomUUID(), "guess").statusCode()).isEqualTo(401);
        }
        String ownStatements = "/api/v1/subscribers/" + subscriber + "/statements?from=2024-01&to=2024-12";
        assertThat(basic(subscriber, "demo", ownStatements).statusCode()).isEqualTo(429);
        assertThat(metrics()).containsPattern("security_login_throttled_total\\{[^}]*limit=\"address\"");
        // the same account from another address gets in
        assertThat(send(request(ownStatements).header("X-Forwarded-For", "198.51.100.99")
                .header("Authorization", basicHeader(subscriber, "demo")).GET(), client()).statusCode())
                .isEqualTo(200);
    }

    private HttpResponse<String> basic(String user, String password) {
        return basic(user, password, "/api/v1/usage/imports");
    }

    private HttpResponse<String> basic(String user, String password, String path) {
        return send(request(path).header("X-Forwarded-For", address)
                .header("Authorization", basicHeader(user, password)).GET(), client());
    }

    private String metrics() {
        return send(request("/actuator/prometheus").header("X-Forwarded-For", "198.51.100.1")
                .header("Authorization", basicHeader("ops", "ops")).GET(), client()).body();
    }

    /** The login form in a browser of that language, from this test's address; the page it lands on. */
    private String logIn(String user, String password, String lang) {
        HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String form = send(request("/login").header("Accept-Language", lang).header("X-Forwarded-For", address)
                .GET(), browser).body();
        Matcher csrf = CSRF.matcher(form);
        assertThat(csrf.find()).isTrue();
        String body = "username=" + encode(user) + "&password=" + encode(password) + "&_csrf=" + encode(csrf.group(1));
        return send(request("/login").header("Accept-Language", lang).header("X-Forwarded-For", address)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)), browser).body();
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
    }

    private static String basicHeader(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static HttpClient client() {
        return HttpClient.newHttpClient();
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
    }

    private static HttpResponse<String> send(HttpRequest.Builder request, HttpClient client) {
        try {
            return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
