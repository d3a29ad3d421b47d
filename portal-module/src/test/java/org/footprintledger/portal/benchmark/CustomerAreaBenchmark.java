package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.LedgerFeed;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The customer page and the statements API under load, beside the same server's trivial endpoint
 * ({@code /actuator/health}) in the same run, with wrk at 50 and 200 connections over many distinct logged-in
 * sessions. Data: {@code benchmark.subscribers} (100 000) subscribers x 2 lines x 12 closed months in the read model.
 * A part ({@code benchmark.fed-subscribers}, 2 000) goes through the product (file import, ledger feed, month
 * closes); the bulk is copied from it by set-based SQL straight into the read models the page reads (statement
 * lines, line registry, the last month's usage records), renamed per copy. Not part of the normal build: run with
 * {@code -DexcludedTestGroups=none -Dtest=CustomerAreaBenchmark} (see docs/performance.md).
 */
@Tag("benchmark")
class CustomerAreaBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 100_000);
    private static final int FED = Integer.getInteger("benchmark.fed-subscribers", 2_000);
    private static final int SESSIONS = Integer.getInteger("benchmark.sessions", 1_000);
    private static final int SECONDS = Integer.getInteger("benchmark.seconds", 20);
    private static final int WARM_UP_SECONDS = Integer.getInteger("benchmark.warm-up-seconds", 5);
    private static final int MONTHS = 12;
    private static final Path WRK = Path.of(System.getProperty("benchmark.wrk", "/usr/bin/wrk"));
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    @Test
    void the_page_and_the_statements_api_beside_the_trivial_endpoint() throws Exception {
        Assumptions.assumeTrue(Files.isExecutable(WRK), "SKIPPED: wrk not found at " + WRK + " (apt-get install wrk)");
        YearMonth current = YearMonth.now(ZoneId.of("Europe/Paris"));
        YearMonth first = current.minusMonths(MONTHS);
        Path work = Files.createTempDirectory("customer-area-benchmark");
        Path feed = work.resolve("feed.csv");
        long rows = writeFeed(feed, first);

        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + work.resolve("db"),
                "--footprint.embedded-db.durable=false", "--footprint.demo-data.enabled=false",
                "--footprint.month-close.scheduled=false", "--logging.level.root=warn")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            int port = Integer.parseInt(app.getEnvironment().getProperty("local.server.port"));

            long started = System.nanoTime();
            ImportStatus imported = app.getBean(FileImports.class).importFile(feed, progress -> { });
            LedgerFeed ledgerFeed = app.getBean(LedgerFeed.class);
            do {
                ledgerFeed.feedAll();
            } while (ledgerFeed.hasBacklog());
            // the ledger is told of each month at its close, which fills the read model the page reads
            MonthClosing closing = app.getBean(MonthClosing.class);
            for (YearMonth month = first; month.isBefore(current); month = month.plusMonths(1)) {
                closing.close(month, "benchmark");
            }
            waitUntil(jdbc, "SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'", rows);
            double productSeconds = seconds(started);

            started = System.nanoTime();
            int copies = SUBSCRIBERS / FED - 1;
            copyReadModels(jdbc, copies, current.minusMonths(1));
            double copySeconds = seconds(started);
            long lineMonths = jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line", Long.class);
            long subscribers = jdbc.queryForObject("SELECT count(DISTINCT subscriber_id) FROM usage_line", Long.class);

            started = System.nanoTime();
            List<String> subscriberIds = sessionSubscribers(copies);
            Path pageRequests = work.resolve("page.txt");
            Path apiRequests = work.resolve("api.txt");
            List<String> pageLines = new ArrayList<>();
            List<String> apiLines = new ArrayList<>();
            String statementsQuery = "/statements?from=" + first + "&to=" + current.minusMonths(1);
            // logged in 8 at a time; each first view binds the page's equivalences, so the runs below only read
            ExecutorService logins = Executors.newFixedThreadPool(8);
            List<Future<String>> cookies = new ArrayList<>();
            for (String subscriber : subscriberIds) {
                cookies.add(logins.submit(() -> logInAndWarm(port, subscriber)));
            }
            for (int i = 0; i < subscriberIds.size(); i++) {
                String subscriber = subscriberIds.get(i);
                String cookie = cookies.get(i).get();
                pageLines.add("/espace-client\tCookie: " + cookie);
                String basic = "Basic " + Base64.getEncoder().encodeToString((subscriber + ":demo")
                        .getBytes(StandardCharsets.UTF_8));
                apiLines.add("/api/v1/subscribers/" + subscriber + statementsQuery + "\tAuthorization: " + basic);
                assertThat(get(port, "/api/v1/subscribers/" + subscriber + statementsQuery, "Authorization", basic)
                        .body()).contains("\"month\":\"" + current.minusMonths(1) + "\"");
            }
            logins.shutdown();
            Files.write(pageRequests, pageLines);
            Files.write(apiRequests, apiLines);
            Path script = work.resolve("rotate.lua");
            Files.writeString(script, ROTATING_REQUESTS);
            double sessionSeconds = seconds(started);

            // the JIT compiles each path's code before the measured runs (not printed)
            String base = "http://localhost:" + port;
            wrk(50, WARM_UP_SECONDS, base + "/actuator/health", null, null);
            wrk(50, WARM_UP_SECONDS, base + "/espace-client", script, pageRequests);
            wrk(50, WARM_UP_SECONDS, base + "/api", script, apiRequests);

            Map<String, Wrk> results = new LinkedHashMap<>();
            for (int connections : new int[] {50, 200}) {
                results.put("trivial " + connections, wrk(connections, base + "/actuator/health", null, null));
                results.put("page " + connections, wrk(connections, base + "/espace-client", script, pageRequests));
                results.put("api " + connections, wrk(connections, base + "/api", script, apiRequests));
            }

            System.out.printf("%n=== Customer area benchmark: %d cores, max heap %d MB ===%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
            System.out.printf("data: %,d subscribers, %,d line-months in the read model; %,d subscribers x 2 lines x %d"
                            + " months through the product (import %s, ledger, closes) in %.1f s, %d copies by SQL in"
                            + " %.1f s%n", subscribers, lineMonths, FED, MONTHS, imported.status(), productSeconds,
                    copies, copySeconds);
            System.out.printf("%,d distinct sessions logged in and each page viewed once (binds its equivalences) in"
                    + " %.1f s; wrk %ds per run, 2 threads%n", subscriberIds.size(), sessionSeconds, SECONDS);
            System.out.printf("%-12s %12s %10s %10s %10s %8s%n", "endpoint", "req/s", "p50 ms", "p99 ms", "errors",
                    "% trivial");
            for (int connections : new int[] {50, 200}) {
                Wrk trivial = results.get("trivial " + connections);
                for (String kind : List.of("trivial", "page", "api")) {
                    Wrk r = results.get(kind + " " + connections);
                    System.out.printf("%-12s %,12.0f %10.1f %10.1f %10d %7.1f%%%n", kind + " @" + connections,
                            r.requestsPerSecond(), r.p50Millis(), r.p99Millis(), r.errors(),
                            100 * r.requestsPerSecond() / trivial.requestsPerSecond());
                }
                Wrk page = results.get("page " + connections);
                Wrk api = results.get("api " + connections);
                System.out.printf("  @%d: page %.1f %% of trivial req/s (goal >= 30 %%), page p99 %.1fx trivial p99 "
                                + "(goal <= 3x), statements API %.1f %% (goal >= 50 %%)%n", connections,
                        100 * page.requestsPerSecond() / trivial.requestsPerSecond(),
                        page.p99Millis() / trivial.p99Millis(),
                        100 * api.requestsPerSecond() / trivial.requestsPerSecond());
            }
            String ops = "Basic " + Base64.getEncoder().encodeToString("ops:ops".getBytes(StandardCharsets.UTF_8));
            for (String cache : List.of("customer_area_pages", "statements_json")) {
                System.out.printf("cache %s: %s hits, %s misses (whole run, warm-up views included)%n", cache,
                        cacheGets(port, ops, cache, "hit"), cacheGets(port, ops, cache, "miss"));
            }
            System.out.println();

            assertThat(imported.accepted()).isEqualTo(rows);
            assertThat(subscribers).isEqualTo((long) FED * (copies + 1));
            results.values().forEach(r -> assertThat(r.requestsPerSecond()).isPositive());
        }
    }

    /**
     * wrk's Lua: each thread walks the request file ("path TAB header: value" per line) from its own start, so the
     * connections spread over the sessions.
     */
    private static final String ROTATING_REQUESTS = """
            local requests = {}
            local next_index = 1
            function init(args)
              for line in io.lines(args[1]) do
                local path, name, value = line:match("^([^\\t]+)\\t([^:]+): (.*)$")
                requests[#requests + 1] = {path = path, name = name, value = value}
              end
              next_index = math.random(#requests)
            end
            function request()
              local r = requests[next_index]
              next_index = next_index % #requests + 1
              return wrk.format("GET", r.path, {[r.name] = r.value})
            end
            """;

    private record Wrk(double requestsPerSecond, double p50Millis, double p99Millis, long errors, String output) {
    }

    private static Wrk wrk(int connections, String url, Path script, Path requests) throws Exception {
        return wrk(connections, SECONDS, url, script, requests);
    }

    private static Wrk wrk(int connections, int seconds, String url, Path script, Path requests) throws Exception {
        List<String> command = new ArrayList<>(List.of(WRK.toString(), "-t2", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency"));
        if (script != null) {
            command.addAll(List.of("-s", script.toString()));
        }
        command.add(url);
        if (requests != null) {
            command.addAll(List.of("--", requests.toString()));
        }
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor()).as(output).isZero();
        return new Wrk(number(output, "Requests/sec:\\s+([0-9.]+)"), millis(output, "50%"), millis(output, "99%"),
                errors(output), output);
    }

    private static double number(String output, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(output);
        assertThat(m.find()).as(output).isTrue();
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(output);
        assertThat(m.find()).as(output).isTrue();
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    /** Socket errors (connect, read, write, timeout) and non-2xx/3xx answers. */
    private static long errors(String output) {
        long errors = 0;
        Matcher socket = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(output);
        if (socket.find()) {
            for (int g = 1; g <= 4; g++) {
                errors += Long.parseLong(socket.group(g));
            }
        }
        Matcher non2xx = Pattern.compile("Non-2xx or 3xx responses: (\\d+)").matcher(output);
        if (non2xx.find()) {
            errors += Long.parseLong(non2xx.group(1));
        }
        return errors;
    }

    /** One record per line and month (the 15th) for the part fed through the product: a mobile and a fixed line. */
    private static long writeFeed(Path feed, YearMonth first) throws IOException {
        return BenchmarkFeed.write(feed, first, MONTHS, FED, (out, month, s) -> {
            String subscriber = String.format("P%06d", s);
            String technology = s % 3 == 0 ? "5G" : "4G";
            out.write("R" + subscriber + "M-" + month + "," + subscriber + "," + subscriber + "-M1,MOBILE,"
                    + technology + "," + month.atDay(15) + "," + (500_000_000L + 7919L * (s + month.getMonthValue())
                    % 30_000_000_000L) + ",100000000,false,\n");
            out.write("R" + subscriber + "F-" + month + "," + subscriber + "," + subscriber + "-F1,FIXED,"
                    + (s % 4 == 0 ? "XDSL" : "FTTH") + "," + month.atDay(15) + "," + (80_000_000_000L + 104_729L * s)
                    + ",2000000000,false,\n");
            return 2;
        });
    }

    /**
     * The bulk: each fed subscriber copied {@code copies} times as {@code C<k>-<id>}, with its lines, its statement
     * lines of every month as closed, its counted usage per line-month, and its usage records of the last closed month;
     * set-based, then analysed.
     */
    private static void copyReadModels(JdbcTemplate jdbc, int copies, YearMonth lastClosed) {
        jdbc.update("INSERT INTO ledger_statement_line (subscriber_id, month, line_id, line_type, technology, bytes, "
                + "records, estimated_records, last_event_id, updated_at, status, factor_set_id, shown_records, "
                + "shown_estimated_records, shown_bytes, exact_go, exact_grams, data_go, co2e_grams) "
                + "SELECT 'C' || k || '-' || subscriber_id, month, 'C' || k || '-' || line_id, line_type, technology, "
                + "bytes, records, estimated_records, last_event_id, updated_at, status, factor_set_id, shown_records, "
                + "shown_estimated_records, shown_bytes, exact_go, exact_grams, data_go, co2e_grams "
                + "FROM ledger_statement_line CROSS JOIN generate_series(1, ?) AS k", copies);
        jdbc.update("INSERT INTO usage_line (line_id, subscriber_id, line_type, registered_at) "
                + "SELECT 'C' || k || '-' || line_id, 'C' || k || '-' || subscriber_id, line_type, registered_at "
                + "FROM usage_line CROSS JOIN generate_series(1, ?) AS k", copies);
        jdbc.update("INSERT INTO usage_record (record_id, subscriber_id, line_id, line_type, technology, usage_date, "
                + "bytes_down, bytes_up, estimated, replaces, superseded_by, batch_id, received_at, usage_month) "
                + "SELECT 'C' || k || '-' || record_id, 'C' || k || '-' || subscriber_id, 'C' || k || '-' || line_id, "
                + "line_type, technology, usage_date, bytes_down, bytes_up, estimated, NULL, NULL, batch_id, "
                + "received_at, usage_month FROM usage_record CROSS JOIN generate_series(1, ?) AS k "
                + "WHERE usage_date >= ?::date",
                copies, lastClosed.atDay(1).toString());
        jdbc.update("INSERT INTO usage_line_month (line_id, month, subscriber_id, line_type, technology, bytes, "
                + "records, estimated_records, updated_at) SELECT 'C' || k || '-' || line_id, month, "
                + "'C' || k || '-' || subscriber_id, line_type, technology, bytes, records, estimated_records, updated_at "
                + "FROM usage_line_month CROSS JOIN generate_series(1, ?) AS k", copies);
        jdbc.execute("ANALYZE ledger_statement_line");
        jdbc.execute("ANALYZE usage_line");
        jdbc.execute("ANALYZE usage_record");
        jdbc.execute("ANALYZE usage_line_month");
    }

    /** Sessions spread over the fed subscribers and the copies. */
    private static List<String> sessionSubscribers(int copies) {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < SESSIONS; i++) {
            String fed = String.format("P%06d", (i * 7) % FED);
            int copy = i % (copies + 1);
            ids.add(copy == 0 ? fed : "C" + copy + "-" + fed);
        }
        return ids;
    }

    /** Logs in with the form, opens the page once (its equivalences get bound), returns the session cookie. */
    private static String logInAndWarm(int port, String subscriber) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        assertThat(csrf.find()).isTrue();
        String form = "username=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8) + "&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(page.body()).as(subscriber).contains("Votre consommation de données", "g éqCO2");
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return "JSESSIONID=" + session.getValue();
    }

    private static String cacheGets(int port, String ops, String cache, String result) throws Exception {
        Matcher value = Pattern.compile("\"value\":([0-9.E]+)").matcher(get(port, "/actuator/metrics/cache.gets?tag=cache:"
                + cache + "&tag=result:" + result, "Authorization", ops).body());
        return value.find() ? String.format("%,.0f", Double.parseDouble(value.group(1))) : "?";
    }

    private static HttpResponse<String> get(int port, String path, String header, String value) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header(header, value).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void waitUntil(JdbcTemplate jdbc, String count, long expected) throws InterruptedException {
        long deadline = System.nanoTime() + 600_000_000_000L;
        while (jdbc.queryForObject(count, Long.class) < expected) {
            assertThat(System.nanoTime()).as(count).isLessThan(deadline);
            Thread.sleep(100);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
