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
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A person with a browser: logs in with the form, opens pages, sends forms with the page's CSRF token. */
final class Browser {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    /** What a browser asks for: the error pages then come as HTML, not as JSON. */
    private static final String HTML = "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8";
    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final int port;
    private String lastPage = "";

    Browser(int port) {
        this.port = port;
    }

    /** Logs in and returns the page the login lands on. */
    String logIn(String username, String password) {
        open("/login");
        return submit("/login", Map.of("username", username, "password", password)).body();
    }

    String open(String path) {
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path)).header("Accept", HTML).GET());
        lastPage = response.body();
        return lastPage;
    }

    /** Posts a form with the CSRF token of the page opened last; follows the redirect. */
    HttpResponse<String> submit(String path, Map<String, String> fields) {
        Matcher csrf = CSRF.matcher(lastPage);
        assertThat(csrf.find()).as("the page carries a CSRF token").isTrue();
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrf.group(1));
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue())).collect(Collectors.joining("&"));
        HttpResponse<String> response = send(HttpRequest.newBuilder(uri(path))
                .header("Content-Type", "application/x-www-form-urlencoded").header("Accept", HTML)
                .POST(HttpRequest.BodyPublishers.ofString(body)));
        lastPage = response.body();
        return response;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create("http://localhost:" + port + path);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
