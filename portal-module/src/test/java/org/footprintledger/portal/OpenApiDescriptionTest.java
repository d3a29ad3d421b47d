package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description served at {@code /v3/api-docs} (logged-in clients only) covers every controller endpoint
 * under {@code /api/}, and {@code docs/openapi.json} is that description as the application serves it today.
 */
class OpenApiDescriptionTest extends PortalIntegrationTest {

    static final Path CHECKED_IN = Path.of("../docs/openapi.json");
    static final String REFRESH = "mvn -o -q -pl portal-module -am test -Dtest=OpenApiDescriptionTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dfootprint.openapi.write=true";
    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    private RequestMappingHandlerMapping mappings;

    @Test
    void the_description_is_for_logged_in_clients_only() {
        assertThat(anonymous().get("/v3/api-docs").status()).isEqualTo(401);
        assertThat(as("feed", "feed").get("/v3/api-docs").status()).isEqualTo(200);
    }

    @Test
    void every_controller_endpoint_under_api_is_described() {
        JsonNode paths = served().get("paths");
        Set<String> missing = new TreeSet<>();
        for (RequestMappingInfo info : mappings.getHandlerMethods().keySet()) {
            for (String pattern : info.getPathPatternsCondition().getPatternValues()) {
                if (!pattern.startsWith("/api/")) {
                    continue;
                }
                String path = pattern.replaceAll("\\{(\\w+):[^}]*}", "{$1}");
                info.getMethodsCondition().getMethods().forEach(method -> {
                    JsonNode described = paths.get(path);
                    if (described == null || described.get(method.name().toLowerCase()) == null) {
                        missing.add(method + " " + path);
                    }
                });
            }
        }
        assertThat(missing).as("endpoints missing from /v3/api-docs").isEmpty();
    }

    @Test
    void the_checked_in_description_is_the_one_served() throws IOException {
        String served = canonical(served());
        if (Boolean.getBoolean("footprint.openapi.write")) {
            Files.writeString(CHECKED_IN, served, StandardCharsets.UTF_8);
        }
        assertThat(Files.exists(CHECKED_IN)).as("docs/openapi.json is missing; write it with: " + REFRESH).isTrue();
        String checkedIn = Files.readString(CHECKED_IN, StandardCharsets.UTF_8);
        assertThat(checkedIn).as("docs/openapi.json is stale (the API changed); refresh it with: " + REFRESH)
                .isEqualTo(served);
    }

    private JsonNode served() {
        ApiClient.Response response = as("ops", "ops").get("/v3/api-docs");
        assertThat(response.status()).isEqualTo(200);
        return response.json();
    }

    /** Sorted keys, two-space indentation, a final newline: the same text for the same description. */
    static String canonical(JsonNode description) {
        Object tree = JSON.treeToValue(description, Object.class);
        return JSON.writeValueAsString(tree) + "\n";
    }
}
