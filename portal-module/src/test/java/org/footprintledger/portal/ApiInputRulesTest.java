package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Every API endpoint (found in the controller mappings), called by every role with what a careless or hostile
 * client sends: a state-changing call with a form, a multipart body or plain text is refused with 415 (a browser can
 * send those cross-origin with the Basic credentials it holds); malformed bodies, path variables and query
 * parameters get a 4xx whose message speaks the API's words, never a Java type's name, and never a 500. In the
 * small-limits application, not the shared one: a probe that happens to be valid (a one-question survey) is stored.
 */
class ApiInputRulesTest extends SmallLimitsIntegrationTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final List<String[]> ROLES = List.of(new String[] {"feed", "feed"}, new String[] {"ops", "ops"},
            new String[] {"auditor", "auditor"}, new String[] {"editor", "editor"}, new String[] {"subscriber", "demo"});
    private static final String SUBSCRIBER = "input-" + UUID.randomUUID().toString().substring(0, 8);
    private static final String MONTH = "2024-01";
    /** Java's words: a qualified name, Jackson's backquoted types, a JDK or project type's CamelCase name. */
    private static Pattern javaTypeNames;

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void javaTypeNamesOfThisProductAndTheJdk() {
        Set<String> names = new ClassFileImporter().importPackages("org.footprintledger").stream()
                .map(JavaClass::getSimpleName).filter(n -> n.matches("[A-Z][a-z0-9]+[A-Z]\\w*"))
                .collect(Collectors.toCollection(LinkedHashSet::new));
        names.addAll(List.of("LocalDate", "YearMonth", "Instant", "OffsetDateTime", "BigDecimal", "UUID",
                "LinkedHashMap", "ArrayList", "HashMap", "Integer", "Long", "Boolean", "JsonNode"));
        javaTypeNames = Pattern.compile("(?:[a-z][a-z0-9_]*\\.){2,}[A-Z]\\w*|`|Cannot deserialize|Failed to "
                + "convert|\\b(?:" + String.join("|", names) + ")\\b");
    }

    @Test
    void a_form_multipart_or_text_body_on_a_state_changing_call_is_refused_with_415() {
        feedOneRecord();
        Map<String, String> bodies = Map.of("application/x-www-form-urlencoded", "records=x&a=b",
                "multipart/form-data; boundary=xyz", "--xyz\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb"
                        + "\r\n--xyz--\r\n", "text/plain", "{\"records\":[]}");
        List<String> wrong = new ArrayList<>();
        for (String[] endpoint : apiEndpoints()) {
            if (endpoint[0].equals("GET")) {
                continue;
            }
            for (Map.Entry<String, String> body : bodies.entrySet()) {
                boolean refusedAsUnsupported = false;
                for (String[] role : ROLES) {
                    int status = send(role, endpoint[0], concrete(endpoint[1]), body.getKey(), body.getValue())
                            .statusCode();
                    if (status == 415) {
                        refusedAsUnsupported = true;
                    } else if (status != 401 && status != 403) {
                        wrong.add(endpoint[0] + " " + endpoint[1] + " " + body.getKey() + " as " + role[0] + ": "
                                + status);
                    }
                }
                if (!refusedAsUnsupported) {
                    wrong.add(endpoint[0] + " " + endpoint[1] + " " + body.getKey() + ": no role got 415");
                }
            }
        }
        assertThat(wrong).as("state-changing calls that took a non-JSON body").isEmpty();
    }

    @Test
    void json_and_the_documented_csv_upload_are_still_taken_and_a_bodiless_action_needs_no_content_type() {
        assertThat(send(ROLES.get(0), "POST", "/api/v1/usage/records", "application/json", "{\"records\":[]}")
                .statusCode()).isEqualTo(200);
        assertThat(send(ROLES.get(0), "POST", "/api/v1/usage/imports", "text/csv",
                "record_id,subscriber_id,line_id,line_type,technology,usage_date,bytes_down,bytes_up,estimated,"
                        + "replaces\n").statusCode()).isEqualTo(202);
        assertThat(send(ROLES.get(1), "POST", "/api/v1/ops/parked-ledgers/retry", null, null).statusCode())
                .isEqualTo(200);
        assertThat(send(ROLES.get(1), "POST", "/api/v1/ops/parked-ledgers/retry", null, "{}").statusCode())
                .as("a body without a content type").isEqualTo(415);
    }

    @Test
    void no_error_message_names_a_java_type_and_no_bad_input_is_a_500() {
        feedOneRecord();
        JsonNode description = new ApiClient(port, "ops", "ops").get("/v3/api-docs").json();
        List<String> wrong = new ArrayList<>();
        int badRequests = 0;
        for (String[] endpoint : apiEndpoints()) {
            List<String[]> allowed = allowedRoles(endpoint);
            assertThat(allowed).as(endpoint[0] + " " + endpoint[1] + ": some role may call it").isNotEmpty();
            for (String path : malformedPaths(endpoint[1])) {
                List<String> bodies = endpoint[0].equals("GET") ? java.util.Collections.singletonList(null)
                        : malformedBodies(description, endpoint);
                for (String body : bodies) {
                    for (String[] role : allowed) {
                        HttpResponse<String> response = send(role, endpoint[0], path,
                                body == null ? null : "application/json", body);
                        String what = endpoint[0] + " " + path + (body == null ? "" : " " + body) + " as "
                                + role[0] + ": " + response.statusCode() + " " + response.body();
                        if (response.statusCode() >= 500) {
                            wrong.add(what);
                        } else if (response.statusCode() >= 400 && response.statusCode() != 401
                                && response.statusCode() != 403) {
                            badRequests++;
                            if (javaTypeNames.matcher(message(response)).find()) {
                                wrong.add(what);
                            }
                        }
                    }
                }
            }
        }
        assertThat(badRequests).as("bad requests answered").isGreaterThan(100);
        assertThat(wrong).as("answers naming Java types, or 5xx").isEmpty();
    }

    /** The roles this endpoint lets through (the others are refused before any input is read). */
    private List<String[]> allowedRoles(String[] endpoint) {
        boolean body = !endpoint[0].equals("GET");
        return ROLES.stream().filter(role -> {
            int status = send(role, endpoint[0], concrete(endpoint[1]), body ? "application/json" : null,
                    body ? "{" : null).statusCode();
            return status != 401 && status != 403;
        }).toList();
    }

    private static String message(HttpResponse<String> response) {
        try {
            JsonNode error = JSON.readTree(response.body());
            return error.path("message").asString("") + " " + error.path("error").asString("") + " "
                    + error.path("field").asString("") + " " + error.path("reason").asString("");
        } catch (RuntimeException notJson) {
            return response.body();
        }
    }

    /** The endpoint's path with its variables as they should be, then each variable in turn made wrong. */
    private static List<String> malformedPaths(String pattern) {
        List<String> paths = new ArrayList<>();
        paths.add(concrete(pattern) + "?limit=abc&from=x&to=2025-13&asOf=yesterday&month=13-2025&lang=xx");
        java.util.regex.Matcher variable = Pattern.compile("\\{(\\w+)}").matcher(pattern);
        while (variable.find()) {
            for (String bad : List.of("not-valid", "9999999999999999999999", "-1", "%20")) {
                paths.add(concrete(pattern.replace(variable.group(), bad)));
            }
        }
        return paths;
    }

    private static List<String> malformedBodies(JsonNode description, String[] endpoint) {
        List<String> bodies = new ArrayList<>(List.of("{", "[]", "\"text\"", "12", "null", "{\"unknown\":1}",
                "{\"records\":\"x\"}", "{\"records\":[{\"usageDate\":\"x\",\"bytesDown\":\"y\",\"lineType\":\"Z\"}]}",
                "{\"records\":[1]}", "{\"devices\":\"x\"}", "[{\"modelId\":1}]"));
        for (String property : properties(description, endpoint)) {
            for (String value : List.of("\"not-a-value\"", "{}", "[1]", "-1", "1.5", "true",
                    "\"2025-13-45T99:00:00Z\"")) {
                bodies.add("{\"" + property + "\":" + value + "}");
            }
        }
        return bodies;
    }

    /** The property names of the endpoint's request body (and of the items of its lists), from the description. */
    private static Set<String> properties(JsonNode description, String[] endpoint) {
        Set<String> names = new LinkedHashSet<>();
        JsonNode schema = description.path("paths").path(endpoint[1]).path(endpoint[0].toLowerCase())
                .path("requestBody").path("content").path("application/json").path("schema");
        collect(description, schema, names, 0);
        return names;
    }

    private static void collect(JsonNode description, JsonNode schema, Set<String> names, int depth) {
        if (depth > 3 || schema.isMissingNode()) {
            return;
        }
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asString().substring("#/components/schemas/".length());
            collect(description, description.path("components").path("schemas").path(name), names, depth + 1);
            return;
        }
        collect(description, schema.path("items"), names, depth + 1);
        Iterator<Map.Entry<String, JsonNode>> properties = schema.path("properties").properties().iterator();
        while (properties.hasNext()) {
            Map.Entry<String, JsonNode> property = properties.next();
            names.add(property.getKey());
            collect(description, property.getValue(), names, depth + 1);
        }
    }

    private List<String[]> apiEndpoints() {
        List<String[]> endpoints = new ArrayList<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (pattern.startsWith("/api/")) {
                    info.getMethodsCondition().getMethods().forEach(m -> endpoints.add(new String[] {m.name(),
                            pattern}));
                }
            }
        }
        assertThat(endpoints).hasSizeGreaterThan(30);
        return endpoints;
    }

    private static String concrete(String pattern) {
        return pattern.replace("{subscriberId}", SUBSCRIBER).replace("{month}", MONTH)
                .replace("{importId}", "00000000-0000-0000-0000-000000000000").replace("{itemId}", "999999999")
                .replace("{commentId}", "999999999").replace("{version}", "1")
                .replace("{action}", pattern.contains("/comments/") ? "hide" : "submit")
                .replaceAll("\\{[^}]+}", "999999999");
    }

    private void feedOneRecord() {
        ApiClient.Response fed = new ApiClient(port, "feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(SUBSCRIBER + "-r1", SUBSCRIBER, SUBSCRIBER + "-mob", MONTH + "-02", 1_000_000L, 0, false)
                .body());
        assertThat(fed.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> new ApiClient(port, "auditor", "auditor")
                .get("/api/v1/subscribers/" + SUBSCRIBER + "/statements/" + MONTH).status() == 200);
    }

    private HttpResponse<String> send(String[] role, String method, String path, String contentType, String body) {
        String user = role[0].equals("subscriber") ? SUBSCRIBER : role[0];
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString((user + ":" + role[1])
                        .getBytes(StandardCharsets.UTF_8)))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (contentType != null) {
            request.header("Content-Type", contentType);
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
