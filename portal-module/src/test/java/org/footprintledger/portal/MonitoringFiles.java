package org.footprintledger.portal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The PromQL of infra/: every alert rule's and recording rule's expression, every Grafana dashboard query, and the
 * metric names they read (label matchers, grouping clauses, ranges, strings, functions and keywords taken out).
 */
final class MonitoringFiles {

    static final Path INFRA = Path.of("..", "infra");
    static final Path ALERT_RULES = INFRA.resolve("prometheus/alert-rules.yml");
    static final Path PROMETHEUS_CONFIG = INFRA.resolve("prometheus/prometheus.yml");
    static final Path DASHBOARDS = INFRA.resolve("grafana/dashboards");

    /** Series Prometheus makes itself for every scrape, not served by the application. */
    private static final Set<String> PROMETHEUS_OWN = Set.of("up", "scrape_duration_seconds", "scrape_samples_scraped",
            "ALERTS", "ALERTS_FOR_STATE");
    private static final Set<String> KEYWORDS = Set.of("by", "without", "on", "ignoring", "group_left",
            "group_right", "and", "or", "unless", "bool", "offset", "inf", "nan");
    private static final Pattern IDENTIFIER = Pattern.compile("[a-zA-Z_:][a-zA-Z0-9_:]*");

    private MonitoringFiles() {
    }

    /** Where each expression comes from ("alert X", "dashboard Y: panel Z") → the expression. */
    static Map<String, String> expressions() {
        Map<String, String> found = new LinkedHashMap<>();
        for (Map<String, Object> rule : rules()) {
            String name = rule.containsKey("alert") ? "alert " + rule.get("alert") : "record " + rule.get("record");
            found.put(name, String.valueOf(rule.get("expr")));
        }
        JsonMapper json = JsonMapper.builder().build();
        for (Path dashboard : dashboards()) {
            JsonNode root = json.readTree(read(dashboard));
            collectDashboardQueries(root, dashboard.getFileName() + ": ", found);
        }
        return found;
    }

    /** The names recording rules define: an expression may read them without the application serving them. */
    static Set<String> recordedNames() {
        Set<String> names = new TreeSet<>();
        rules().stream().filter(r -> r.containsKey("record")).forEach(r -> names.add(String.valueOf(r.get("record"))));
        return names;
    }

    static List<Path> dashboards() {
        try (var files = Files.list(DASHBOARDS)) {
            return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The metric names one PromQL expression reads. */
    static Set<String> metricNames(String expression) {
        String stripped = expression
                .replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"")       // strings (label values, regexes)
                .replaceAll("\\{[^}]*}", " ")                        // label matchers
                .replaceAll("label_values\\(([^,()]*),\\s*\\w+\\s*\\)", "$1") // label_values(metric, label)
                .replaceAll("\\[[^]]*]", " ")                        // ranges and subqueries
                .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", " ")
                .replaceAll("\\$\\{?\\w+}?", " ");                    // Grafana variables
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(stripped);
        while (identifier.find()) {
            String name = identifier.group();
            String rest = stripped.substring(identifier.end()).stripLeading();
            boolean function = rest.startsWith("(");
            boolean duration = identifier.start() > 0 && Character.isDigit(stripped.charAt(identifier.start() - 1));
            if (!function && !duration && !KEYWORDS.contains(name.toLowerCase()) && !PROMETHEUS_OWN.contains(name)) {
                names.add(name);
            }
        }
        return names;
    }

    /** The sample names of a Prometheus text exposition. */
    static Set<String> servedNames(String exposition) {
        Set<String> names = new TreeSet<>();
        for (String line : exposition.split("\n")) {
            if (!line.isBlank() && !line.startsWith("#")) {
                Matcher name = IDENTIFIER.matcher(line);
                if (name.lookingAt()) {
                    names.add(name.group());
                }
            }
        }
        return names;
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> rules() {
        Map<String, Object> file = new Yaml().load(read(ALERT_RULES));
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
            rules.addAll((List<Map<String, Object>>) group.get("rules"));
        }
        return rules;
    }

    private static void collectDashboardQueries(JsonNode node, String where, Map<String, String> found) {
        if (node.isObject()) {
            String title = node.path("title").asString("");
            String here = title.isEmpty() ? where : where + title + " / ";
            if (node.has("expr") && node.get("expr").isString()) {
                found.put(here + "expr " + found.size(), node.get("expr").asString());
            }
            // template variables of type query: label_values(metric{...}, label) and friends
            if ("query".equals(node.path("type").asString("")) && node.has("query")) {
                JsonNode query = node.get("query");
                String text = query.isString() ? query.asString() : query.path("query").asString("");
                found.put(here + "variable " + node.path("name").asString(""), text);
            }
            node.properties().forEach(p -> collectDashboardQueries(p.getValue(), here, found));
        } else if (node.isArray()) {
            node.forEach(child -> collectDashboardQueries(child, where, found));
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
