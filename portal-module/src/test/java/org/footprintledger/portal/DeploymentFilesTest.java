package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * The deployment files of infra/ against the application: the Kubernetes Deployment's probes reach paths the running
 * instance answers 200 on, on the port it serves; the compose file runs PostgreSQL, two application nodes with
 * distinct node names, Prometheus and Grafana with the repository's files; every environment variable either file
 * sets is a property the application reads (or Spring Boot's own).
 */
class DeploymentFilesTest extends PortalIntegrationTest {

    private static final Path INFRA = Path.of("..", "infra");

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_probes_reach_paths_the_application_serves_on_its_port() {
        Map<String, Object> deployment = kubernetes("Deployment");
        Map<String, Object> container = ((List<Map<String, Object>>) at(deployment, "spec", "template", "spec",
                "containers")).get(0);
        List<Map<String, Object>> ports = (List<Map<String, Object>>) container.get("ports");
        assertThat(ports).hasSize(1);
        assertThat(ports.get(0).get("containerPort")).as("the container port is the application's server.port")
                .isEqualTo(applicationServerPort());
        List<String> probed = new ArrayList<>();
        for (String probe : List.of("startupProbe", "livenessProbe", "readinessProbe")) {
            Map<String, Object> httpGet = (Map<String, Object>) at(container, probe, "httpGet");
            assertThat(httpGet).as(probe).isNotNull();
            Object port = httpGet.get("port");
            assertThat(port.equals(ports.get(0).get("name")) || port.equals(ports.get(0).get("containerPort")))
                    .as(probe + " port " + port + " is the container's").isTrue();
            String path = (String) httpGet.get("path");
            ApiClient.Response answer = anonymous().get(path);
            assertThat(answer.status()).as(probe + " GET " + path + ": " + answer.body()).isEqualTo(200);
            assertThat(answer.body()).contains("\"status\":\"UP\"");
            probed.add(path);
        }
        assertThat(probed).contains("/actuator/health/liveness", "/actuator/health/readiness");
        Map<String, Object> service = kubernetes("Service");
        Map<String, Object> servicePort = ((List<Map<String, Object>>) at(service, "spec", "ports")).get(0);
        assertThat(servicePort.get("targetPort")).isIn(ports.get(0).get("name"), ports.get(0).get("containerPort"));
        Map<String, Object> labels = (Map<String, Object>) at(deployment, "spec", "template", "metadata", "labels");
        assertThat(labels).containsAllEntriesOf((Map<String, Object>) at(service, "spec", "selector"));
        assertThat(labels).containsAllEntriesOf((Map<String, Object>) at(kubernetes("PodDisruptionBudget"), "spec",
                "selector", "matchLabels"));
        assertThat(at(container, "resources", "limits", "memory")).isNotNull();
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_compose_file_runs_two_nodes_on_one_postgresql_scraped_by_prometheus_shown_by_grafana() {
        Map<String, Object> compose = new Yaml().load(read(INFRA.resolve("compose.yaml")));
        Map<String, Map<String, Object>> services = (Map<String, Map<String, Object>>) compose.get("services");
        assertThat(services).containsOnlyKeys("db", "ledger-1", "ledger-2", "prometheus", "grafana");
        Set<Object> nodeNames = new TreeSet<>();
        for (String node : List.of("ledger-1", "ledger-2")) {
            Map<String, Object> env = (Map<String, Object>) services.get(node).get("environment");
            assertThat(env.get("SPRING_DATASOURCE_URL")).as(node).asString().startsWith("jdbc:postgresql://db:5432/");
            assertThat(env.get("FOOTPRINT_SECURITY_MODE")).as(node + ": an external database needs the mode")
                    .isIn("demo", "jwt");
            nodeNames.add(env.get("FOOTPRINT_NODE_NAME"));
            assertThat((List<String>) services.get(node).get("ports")).as(node)
                    .singleElement().asString().endsWith(":" + applicationServerPort());
            assertUnknownVariables(node, env.keySet());
        }
        assertThat(nodeNames).containsExactly("ledger-1", "ledger-2");
        assertThat(read(INFRA.resolve("compose/prometheus-targets.yml"))).contains("ledger-1:8080", "ledger-2:8080");
        for (String service : List.of("prometheus", "grafana")) {
            for (String volume : (List<String>) services.get(service).get("volumes")) {
                String host = volume.split(":")[0];
                if (host.startsWith(".") && !host.endsWith("ops-password")) {
                    assertThat(INFRA.resolve(host)).as(service + " mounts " + host).exists();
                }
            }
        }
        assertThat((List<String>) services.get("prometheus").get("volumes"))
                .anyMatch(v -> v.startsWith("./prometheus/prometheus.yml:"))
                .anyMatch(v -> v.startsWith("./prometheus/alert-rules.yml:"));
        assertThat((List<String>) services.get("grafana").get("volumes"))
                .anyMatch(v -> v.startsWith("./grafana/dashboards:"));
    }

    @Test
    @SuppressWarnings("unchecked")
    void the_kubernetes_configuration_sets_only_properties_the_application_reads() {
        Set<String> variables = new TreeSet<>();
        variables.addAll(((Map<String, Object>) kubernetes("ConfigMap").get("data")).keySet());
        variables.addAll(((Map<String, Object>) kubernetes("Secret").get("stringData")).keySet());
        assertUnknownVariables("kubernetes.yaml", variables);
    }

    private static void assertUnknownVariables(String where, Set<String> variables) {
        Set<String> known = new TreeSet<>();
        knownFootprintProperties().forEach(p -> known.add(relaxed(p)));
        List<String> unknown = variables.stream()
                .filter(v -> v.startsWith("FOOTPRINT_") && !known.contains(relaxed(v)))
                .toList();
        assertThat(unknown).as(where + ": variables no property of the application matches").isEmpty();
        assertThat(variables).as(where).allMatch(v -> v.startsWith("FOOTPRINT_") || v.startsWith("SPRING_")
                || v.startsWith("SERVER_") || v.equals("AXONIQ_UPDATE_CHECKER_DISABLED"));
    }

    /** Spring's relaxed binding: FOOTPRINT_NODE_NAME, footprint.node-name and footprint.nodeName are one property. */
    private static String relaxed(String name) {
        return name.toLowerCase().replaceAll("[^a-z0-9]", "");
    }

    /** The footprint.* properties the code names ({@code @Value("${...}")}, conditions, look-ups). */
    private static Set<String> knownFootprintProperties() {
        Set<String> names = new TreeSet<>();
        Pattern property = Pattern.compile("[{\"](footprint\\.[a-zA-Z0-9.\\-]+)");
        for (String module : List.of("footprint-module", "usage-module", "content-module", "vocabulary-module",
                "portal-module")) {
            try (Stream<Path> sources = Files.walk(Path.of("..", module, "src", "main", "java"))) {
                sources.filter(p -> p.toString().endsWith(".java")).forEach(p -> {
                    Matcher m = property.matcher(read(p));
                    while (m.find()) {
                        names.add(m.group(1));
                    }
                });
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        assertThat(names).contains("footprint.node-name", "footprint.security.mode");
        return names;
    }

    private static Object applicationServerPort() {
        Map<String, Object> yml = new Yaml().load(read(Path.of("src/main/resources/application.yml")));
        return ((Map<String, Object>) yml.get("server")).get("port");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> kubernetes(String kind) {
        for (Object document : new Yaml().loadAll(read(INFRA.resolve("deploy/kubernetes.yaml")))) {
            if (document instanceof Map<?, ?> map && kind.equals(map.get("kind"))) {
                return (Map<String, Object>) map;
            }
        }
        throw new AssertionError("infra/deploy/kubernetes.yaml has no " + kind);
    }

    @SuppressWarnings("unchecked")
    private static Object at(Map<String, Object> node, String... path) {
        Object current = node;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return null;
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return current;
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
