package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Who may do what: every endpoint and page of the application against every kind of caller, over HTTP, with the
 * answer expected in each cell. The data belongs to the subscriber "own" ({@code {subscriberId}} is its id);
 * "other" is another subscriber asking for it. API rows are called with HTTP Basic, page rows in a logged-in
 * browser session (form login, CSRF token of the session); redirects are not followed (302 sends an anonymous
 * visitor to the login form). A POST or PUT sends {@code {}} as JSON (pages: an empty form with the CSRF token),
 * so that a caller let through gets the request's own answer (400, 404…), never a change of the tests' data.
 *
 * <p>The table must have a row for every controller mapping ({@link RequestMappingHandlerMapping}): a new endpoint
 * without one fails {@link #every_controller_mapping_has_a_row()}, which names it. Adding one is one line.
 */
class AuthorizationMatrixTest extends PortalIntegrationTest {

    private static final List<String> CALLERS = List.of("anonymous", "feed", "ops", "auditor", "editor", "own",
            "other");

    /**
     * METHOD PATTERN [-> the path requested, when the pattern's variables must not take their usual values], then
     * the answer for: anonymous, feed, ops, auditor, editor, subscriber on own data, subscriber on another's.
     */
    private static final String MATRIX = """
            GET  /                                                           302 302 302 302 302 302 302
            GET  /login                                                      200 200 200 200 200 200 200
            *    /error                                                      404 404 404 404 404 404 404
            GET  /espace-client                                              302 403 403 403 403 200 200
            GET  /espace-client/methode                                      302 403 403 403 403 200 200
            GET  /espace-client/historique                                   302 403 403 403 403 200 200
            GET  /espace-client/mes-donnees                                  302 403 403 403 403 200 200
            GET  /espace-client/pourquoi/{month}/{lineId}                    302 403 403 403 403 200 404
            POST /espace-client/avis                                         302 403 403 403 403 400 400
            POST /espace-client/enquete                                      302 403 403 403 403 400 400
            GET  /editeur                                                    302 403 403 403 200 403 403
            POST /editeur/commentaires/{commentId}/{action}                  302 403 403 403 400 403 403
            GET  /audit                                                      302 403 403 200 403 403 403
            GET  /ops                                                        302 403 200 403 403 403 403
            GET  /feed                                                       302 200 403 403 403 403 403
            GET  /ops/tableau                                                302 403 200 403 403 403 403
            POST /ops/tableau/registres/{subscriberId}/{month}/relance       302 403 404 403 403 403 403
            POST /ops/tableau/clotures                                       302 403 400 403 403 403 403
            GET  /ops/tableau/imports/{importId}/rejets                      302 403 404 403 403 403 403
            GET  /api/v1/ops/board                                           401 403 200 403 403 403 403
            POST /ops/tableau/lettres-mortes/{processingGroup}/relance -> /ops/tableau/lettres-mortes/no-such-group/relance 302 403 404 403 403 403 403
            GET  /api/v1/ops/processors                                      401 403 200 403 403 403 403
            POST /api/v1/ops/processors/{processorName}/replay -> /api/v1/ops/processors/no-such-processor/replay 401 403 404 403 403 403 403
            POST /api/v1/ops/processors/{processingGroup}/dead-letters/retry -> /api/v1/ops/processors/no-such-group/dead-letters/retry 401 403 404 403 403 403 403
            GET  /editeur/amelioration                                       302 403 403 403 200 403 403
            GET  /editeur/amelioration/{part}.csv -> /editeur/amelioration/enquete.csv 302 403 403 403 200 403 403
            GET  /editeur/conseils/nouveau                                   302 403 403 403 200 403 403
            GET  /editeur/conseils/{itemId} -> /editeur/conseils/999999999   302 403 403 403 404 403 403
            POST /editeur/conseils                                           302 403 403 403 200 403 403
            POST /editeur/conseils/{itemId} -> /editeur/conseils/999999999   302 403 403 403 404 403 403
            GET  /editeur/equivalences/nouvelle                              302 403 403 403 200 403 403
            GET  /editeur/equivalences/{itemId} -> /editeur/equivalences/999999999 302 403 403 403 404 403 403
            POST /editeur/equivalences                                       302 403 403 403 200 403 403
            POST /editeur/equivalences/{itemId} -> /editeur/equivalences/999999999 302 403 403 403 404 403 403
            POST /editeur/contenus/{itemId}/versions/{version}/{action} -> /editeur/contenus/999999999/versions/1/submit 302 403 403 403 302 403 403
            GET  /actuator/health                                            200 200 200 200 200 200 200
            GET  /actuator/prometheus                                        401 403 200 403 403 403 403
            GET  /actuator/metrics                                           401 403 200 403 403 403 403
            GET  /v3/api-docs                                                401 200 200 200 200 200 200
            GET  /v3/api-docs.yaml                                           401 200 200 200 200 200 200
            GET  /v3/api-docs/{group}                                        401 404 404 404 404 404 404
            POST /api/v1/usage/records                                       401 400 403 403 403 403 403
            POST /api/v1/usage/imports                                       401 415 403 403 403 403 403
            GET  /api/v1/usage/imports                                       401 200 200 403 403 403 403
            GET  /api/v1/usage/imports/{importId}                            401 404 404 403 403 403 403
            GET  /api/v1/usage/imports/{importId}/rejections                 401 404 404 403 403 403 403
            GET  /api/v1/subscribers/{subscriberId}/statements/{month}       401 403 403 200 403 200 403
            GET  /api/v1/subscribers/{subscriberId}/statements -> /api/v1/subscribers/{subscriberId}/statements?from=2025-01&to=2025-12 401 403 403 200 403 200 403
            GET  /api/v1/subscribers/{subscriberId}/statements/{month}/explanation 401 403 403 200 403 200 403
            GET  /api/v1/subscribers/{subscriberId}/export                   401 403 403 200 403 200 403
            GET  /api/v1/subscribers/{subscriberId}/devices                  401 403 403 200 403 200 403
            PUT  /api/v1/subscribers/{subscriberId}/devices                  401 400 403 403 403 403 403
            GET  /api/v1/devices/models                                      401 200 200 200 200 200 200
            GET  /api/v1/factor-sets                                         401 200 200 200 200 200 200
            POST /api/v1/ops/months/{month}/close -> /api/v1/ops/months/not-a-month/close 401 403 400 403 403 403 403
            POST /api/v1/ops/factor-sets                                     401 403 400 403 403 403 403
            GET  /api/v1/ops/parked-ledgers                                  401 403 200 403 403 403 403
            POST /api/v1/ops/parked-ledgers/{subscriberId}/{month}/retry     401 403 404 403 403 403 403
            POST /api/v1/ops/parked-ledgers/retry                            401 403 200 403 403 403 403
            POST /api/v1/ops/subscribers/{subscriberId}/erasure              401 403 400 403 403 403 403
            GET  /api/v1/audit/integrity                                     401 403 403 200 403 403 403
            GET  /api/v1/audit/personal-data-log                             401 403 403 200 403 403 403
            GET  /api/v1/audit/months/{month}/restatement                    401 403 403 400 403 403 403
            GET  /api/v1/audit/evidence                                      401 403 403 400 403 403 403
            GET  /api/v1/audit/integrity/digests/latest                      401 403 403 404 403 403 403
            POST /api/v1/audit/integrity/digests                             401 403 403 200 403 403 403
            POST /api/v1/audit/integrity/digest-check                        401 403 403 400 403 403 403
            GET  /api/v1/audit/integrity/rekeyings                           401 403 403 200 403 403 403
            GET  /audit/integrity                                            302 403 403 200 403 403 403
            GET  /audit/integrity/digest.json                                302 403 403 200 403 403 403
            GET  /audit/evidence                                             302 403 403 200 403 403 403
            GET  /audit/evidence/archive                                     302 403 403 400 403 403 403
            POST /api/v1/audit/months/{month}/restatement -> /api/v1/audit/months/not-a-month/restatement 401 403 403 400 403 403 403
            POST /api/v1/audit/simulations                                   401 403 403 400 403 403 403
            GET  /api/v1/audit/simulations                                   401 403 403 200 403 403 403
            GET  /api/v1/audit/simulations/{simulationId} -> /api/v1/audit/simulations/999999999 401 403 403 404 403 403 403
            GET  /api/v1/audit/simulations/{simulationId}/report -> /api/v1/audit/simulations/999999999/report 401 403 403 404 403 403 403
            POST /api/v1/audit/restatements                                  401 403 403 400 403 403 403
            GET  /api/v1/audit/restatements                                  401 403 403 200 403 403 403
            GET  /api/v1/audit/restatements/{restatementId} -> /api/v1/audit/restatements/999999999 401 403 403 404 403 403 403
            GET  /audit/simulations                                          302 403 403 200 403 403 403
            POST /audit/simulations                                          302 403 403 400 403 403 403
            GET  /audit/simulations/{simulationId} -> /audit/simulations/999999999 302 403 403 404 403 403 403
            GET  /audit/simulations/compare                                  302 403 403 400 403 403 403
            GET  /audit/restatements                                         302 403 403 200 403 403 403
            POST /audit/restatements                                         302 403 403 400 403 403 403
            GET  /audit/restatements/{restatementId} -> /audit/restatements/999999999 302 403 403 404 403 403 403
            GET  /api/v1/content/equivalences                                401 403 403 403 200 403 403
            POST /api/v1/content/equivalences                                401 403 403 403 400 403 403
            GET  /api/v1/content/equivalences/{itemId}/versions              401 403 403 403 404 403 403
            POST /api/v1/content/equivalences/{itemId}/versions              401 403 403 403 404 403 403
            GET  /api/v1/content/tips                                        401 403 403 403 200 403 403
            POST /api/v1/content/tips                                        401 403 403 403 400 403 403
            GET  /api/v1/content/tips/{itemId}/versions                      401 403 403 403 404 403 403
            POST /api/v1/content/tips/{itemId}/versions                      401 403 403 403 404 403 403
            POST /api/v1/content/items/{itemId}/versions/{version}/{action}  401 403 403 403 404 403 403
            GET  /api/v1/content/preview                                     401 403 403 403 400 403 403
            GET  /api/v1/content/stats                                       401 403 403 403 200 403 403
            GET  /api/v1/content/comments                                    401 403 403 403 200 403 403
            POST /api/v1/content/comments/{commentId}/{action}               401 403 403 403 404 403 403
            POST /api/v1/content/surveys                                     401 403 403 403 400 403 403
            GET  /api/v1/content/surveys/results                             401 403 403 403 200 403 403
            GET  /api/v1/content/review                                      401 403 403 403 200 403 403
            GET  /api/v1/content/subscribers/{subscriberId}/statements/{month} 401 403 403 200 403 200 403
            POST /api/v1/feedback/subscribers/{subscriberId}/ratings         401 403 403 403 403 400 403
            GET  /api/v1/feedback/subscribers/{subscriberId}/survey          401 403 403 403 403 200 403
            POST /api/v1/feedback/subscribers/{subscriberId}/survey          401 403 403 403 403 400 403
            GET  /api/v1/nothing-here                                        401 403 403 403 403 403 403
            """;

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");
    private static final String MONTH = "2025-10";

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private String own;
    private String other;

    @BeforeEach
    void twoSubscribersWithUsage() {
        own = "own-" + UUID.randomUUID().toString().substring(0, 8);
        other = "other-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response response = as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(own + "-r1", own, own + "-mob", MONTH + "-01", 1_000_000_000L, 0, false)
                .mobile(other + "-r1", other, other + "-mob", MONTH + "-01", 2_000_000_000L, 0, false).body());
        assertThat(response.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> as("auditor", "auditor")
                .get("/api/v1/subscribers/" + own + "/statements/" + MONTH).status() == 200);
    }

    @Test
    void every_cell_of_the_matrix_holds() {
        Map<String, Caller> callers = callers();
        List<String> wrong = new ArrayList<>();
        StringBuilder actualTable = new StringBuilder();
        for (Row row : rows()) {
            List<Integer> actual = new ArrayList<>();
            for (int i = 0; i < CALLERS.size(); i++) {
                int status = callers.get(CALLERS.get(i)).call(row);
                actual.add(status);
                if (status != row.expected().get(i)) {
                    wrong.add(row.key() + " as " + CALLERS.get(i) + ": expected " + row.expected().get(i)
                            + ", got " + status);
                }
            }
            actualTable.append(row.line(actual)).append('\n');
        }
        assertThat(wrong).as("cells that do not hold; the table as answered:%n%s", actualTable).isEmpty();
    }

    @Test
    void a_wrong_password_or_an_unknown_account_is_refused_as_anonymous_is() {
        String statement = "/api/v1/subscribers/" + own + "/statements/" + MONTH;
        assertThat(as(own, "not-demo").get(statement).status()).isEqualTo(401);
        assertThat(as("someone-unknown", "demo").get(statement).status()).isEqualTo(401);
    }

    @Test
    void every_controller_mapping_has_a_row() {
        Set<String> rows = new TreeSet<>(rows().stream().map(Row::key).toList());
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty() ? Set.of("*")
                    : info.getMethodsCondition().getMethods().stream().map(Enum::name)
                    .collect(java.util.stream.Collectors.toSet());
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                for (String method : methods) {
                    String key = method + " " + pattern;
                    if (!rows.contains(key)) {
                        missing.add(key);
                    }
                }
            }
        }
        assertThat(missing).as("mappings without a row in AuthorizationMatrixTest.MATRIX; add one line each, "
                + "e.g. \"%s  401 403 403 403 403 403 403\" (anonymous, feed, ops, auditor, editor, own, other)",
                missing.isEmpty() ? "" : missing.iterator().next()).isEmpty();
    }

    private static List<Row> rows() {
        List<Row> rows = new ArrayList<>();
        for (String line : MATRIX.strip().split("\n")) {
            String[] cells = line.strip().split("\\s+");
            String method = cells[0];
            String pattern = cells[1];
            String path = cells[2].equals("->") ? cells[3] : pattern;
            int first = cells[2].equals("->") ? 4 : 2;
            List<Integer> expected = new ArrayList<>();
            for (int i = first; i < cells.length; i++) {
                expected.add(Integer.parseInt(cells[i]));
            }
            assertThat(expected).as(line).hasSize(CALLERS.size());
            rows.add(new Row(method, pattern, path, expected));
        }
        return rows;
    }

    private Map<String, Caller> callers() {
        Map<String, Caller> callers = new LinkedHashMap<>();
        callers.put("anonymous", new Caller(null, null));
        for (String staff : List.of("feed", "ops", "auditor", "editor")) {
            callers.put(staff, new Caller(staff, staff));
        }
        callers.put("own", new Caller(own, "demo"));
        callers.put("other", new Caller(other, "demo"));
        return callers;
    }

    private record Row(String method, String pattern, String path, List<Integer> expected) {

        String key() {
            return method + " " + pattern;
        }

        boolean api() {
            return path.startsWith("/api/") || path.startsWith("/actuator/") || path.startsWith("/v3/");
        }

        String line(List<Integer> statuses) {
            String head = method + " ".repeat(Math.max(1, 5 - method.length())) + pattern
                    + (path.equals(pattern) ? "" : " -> " + path);
            StringBuilder line = new StringBuilder(head);
            line.append(" ".repeat(Math.max(1, 65 - head.length())));
            statuses.forEach(s -> line.append(s).append(' '));
            return line.toString().strip();
        }
    }

    /** One kind of caller: HTTP Basic on the API, a logged-in browser session on the pages. */
    private final class Caller {

        private final String user;
        private final String password;
        private final HttpClient browser = HttpClient.newBuilder().cookieHandler(new CookieManager()).build();
        private final HttpClient api = HttpClient.newHttpClient();
        private boolean loggedIn;

        Caller(String user, String password) {
            this.user = user;
            this.password = password;
        }

        int call(Row row) {
            String path = concrete(row.path());
            String method = row.method().equals("*") ? "GET" : row.method();
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
            if (row.api()) {
                if (user != null) {
                    request.header("Authorization", "Basic " + Base64.getEncoder()
                            .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
                }
                boolean body = method.equals("POST") || method.equals("PUT");
                request.header("Content-Type", "application/json").method(method, body
                        ? HttpRequest.BodyPublishers.ofString("{}") : HttpRequest.BodyPublishers.noBody());
                return send(api, request).statusCode();
            }
            logInOnce();
            if (method.equals("GET")) {
                return send(browser, request.GET()).statusCode();
            }
            String form = "_csrf=" + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
            return send(browser, request.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(form))).statusCode();
        }

        private void logInOnce() {
            if (loggedIn || user == null) {
                return;
            }
            String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&password="
                    + URLEncoder.encode(password, StandardCharsets.UTF_8) + "&_csrf="
                    + URLEncoder.encode(csrfToken(), StandardCharsets.UTF_8);
            HttpResponse<String> login = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port
                    + "/login")).header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString(form)));
            assertThat(login.headers().firstValue("Location").orElse("")).as("login of " + user)
                    .doesNotContain("error");
            loggedIn = true;
        }

        private String csrfToken() {
            String page = send(browser, HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                    .GET()).body();
            Matcher csrf = CSRF.matcher(page);
            assertThat(csrf.find()).as("the login page carries a CSRF token").isTrue();
            return csrf.group(1);
        }

        private String concrete(String path) {
            return path.replace("{subscriberId}", own).replace("{month}", MONTH).replace("{lineId}", own + "-mob")
                    .replace("{importId}", "00000000-0000-0000-0000-000000000000")
                    .replace("{itemId}", "999999999").replace("{commentId}", "999999999")
                    .replace("{version}", "1").replace("{action}", path.contains("/comment") ? "hide" : "submit")
                    .replace("{group}", "no-such-group");
        }

        private HttpResponse<String> send(HttpClient client, HttpRequest.Builder request) {
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
}
