package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Every answer, page or API, carries the browser protections; without forwarded headers configured (this
 * application) a request claiming {@code X-Forwarded-Proto: https} is still plain HTTP: no HSTS, no Secure cookie
 * ({@link BehindProxyTest} has the other side).
 */
class SecurityHeadersTest extends PortalIntegrationTest {

    static final String CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; "
            + "font-src 'self'; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; "
            + "frame-ancestors 'none'";
    private static final Path TEMPLATES = Path.of("src/main/resources/templates");

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void pages_and_the_api_send_the_content_security_policy_referrer_and_permissions_policies() {
        for (String path : List.of("/login", "/api/v1/factor-sets", "/css/espace-client.css", "/nowhere")) {
            HttpResponse<String> response = get(path, "X-Forwarded-Proto", "https");
            assertThat(response.headers().firstValue("Content-Security-Policy")).as(path).contains(CSP);
            assertThat(response.headers().firstValue("Referrer-Policy")).as(path).contains("same-origin");
            assertThat(response.headers().firstValue("Permissions-Policy").orElseThrow()).as(path)
                    .contains("camera=()", "microphone=()", "geolocation=()");
            assertThat(response.headers().firstValue("X-Content-Type-Options")).as(path).contains("nosniff");
            assertThat(response.headers().firstValue("X-Frame-Options")).as(path).contains("DENY");
            assertThat(response.headers().firstValue("Strict-Transport-Security"))
                    .as("no HSTS over plain HTTP, whatever a client claims, while forwarded headers are off: " + path)
                    .isEmpty();
        }
    }

    @Test
    void the_session_cookie_is_same_site_lax_and_http_only_and_not_secure_over_plain_http() {
        HttpResponse<String> login = get("/login", "X-Forwarded-Proto", "https");
        String cookie = login.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow();
        assertThat(cookie).contains("HttpOnly").contains("SameSite=Lax").doesNotContain("Secure");
    }

    @Test
    void an_anonymous_get_of_the_error_page_is_a_404_never_a_500() {
        assertThat(get("/error").statusCode()).isEqualTo(404);
        assertThat(get("/error", "Accept", "application/json").statusCode()).isEqualTo(404);
        assertThat(get("/error", "Accept", "text/html").body()).contains("404").doesNotContain("Exception");
    }

    /** The policy allows no inline code: every template keeps its scripts and styles in files. */
    @Test
    void no_template_has_inline_script_style_element_or_attribute_or_event_handler() throws IOException {
        Pattern inline = Pattern.compile("<script(?![^>]*\\bsrc=)|<style|\\sstyle=|\\sth:style=|\\son[a-z]+=|"
                + "javascript:", Pattern.CASE_INSENSITIVE);
        try (Stream<Path> templates = Files.walk(TEMPLATES)) {
            List<Path> html = templates.filter(p -> p.toString().endsWith(".html")).toList();
            assertThat(html).hasSizeGreaterThan(5);
            for (Path template : html) {
                assertThat(inline.matcher(Files.readString(template)).find()).as(template.toString()).isFalse();
            }
        }
    }

    private HttpResponse<String> get(String path, String... headers) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
