import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
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
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The load held (issue 15), against a running jar: a generated feed posted to the JSON endpoint at an operator's
 * rate scaled to this machine, the customer page and the trivial endpoint under wrk at the same time, the previous
 * month closed during it; then the totals compared with the feed, the 5xx counted, the page's p99 set beside the
 * trivial endpoint's. Prints what held; exits 1 when something did not. Run by {@code infra/load/load-held.sh}
 * (which starts the jar): {@code java infra/load/LoadDriver.java --port P --minutes M [options]}. JDK only.
 */
public class LoadDriver {

    public static void main(String[] args) throws Exception {
        Options options = Options.parse(args);
        Plan plan = Plan.scaledToThisMachine(options);
        plan.print();
        Held held = new LoadRun(options, plan).run();
        held.print();
        System.exit(held.allHeld() ? 0 : 1);
    }
}

/** Command-line options, each with a default that suits an on-demand run. */
record Options(String base, int minutes, double rate, int clients, int sessions, int pageConnections,
               int trivialConnections, int thinkMillis, double p99Goal, Path work, String wrk) {

    static Options parse(String[] args) {
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--") || i + 1 == args.length) {
                throw new IllegalArgumentException("expected --name value pairs, got " + String.join(" ", args));
            }
            values.put(args[i].substring(2), args[++i]);
        }
        int cores = Runtime.getRuntime().availableProcessors();
        return new Options("http://localhost:" + required(values, "port"),
                Integer.parseInt(values.getOrDefault("minutes", "10")),
                Double.parseDouble(values.getOrDefault("rate", String.valueOf(Plan.operatorRatePerCore() * cores))),
                Integer.parseInt(values.getOrDefault("clients", "6")),
                Integer.parseInt(values.getOrDefault("sessions", "500")),
                Integer.parseInt(values.getOrDefault("page-connections", "50")),
                Integer.parseInt(values.getOrDefault("trivial-connections", "10")),
                Integer.parseInt(values.getOrDefault("think-ms", "100")),
                Double.parseDouble(values.getOrDefault("p99-goal", "3")),
                Path.of(values.getOrDefault("work", System.getProperty("java.io.tmpdir"))),
                values.getOrDefault("wrk", "/usr/bin/wrk"));
    }

    private static String required(Map<String, String> values, String name) {
        String value = values.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }
}

/**
 * What the run sends and how it is sized. The reference operator: 25 million lines, one record per line and day,
 * the day's records delivered by its mediation within one hour (6 944 records/s), served by two application nodes
 * of 4 cores (868 records/s per core). This machine gets that rate per core times its cores. The feed covers the
 * previous month (one record per line and day, about the first half of the run) and the current month so far (its
 * records of the days still open come several per line and day, the second half); the lines are sized so the feed
 * lasts the run at that rate.
 */
record Plan(Options options, int cores, double rate, int subscribers, YearMonth previous, YearMonth current,
            LocalDate today, int currentDays, int recordsPerCurrentDay) {

    static final long OPERATOR_LINES = 25_000_000L;
    static final long DELIVERY_WINDOW_SECONDS = 3_600;
    static final int OPERATOR_CORES = 8;
    static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    static double operatorRatePerCore() {
        return (double) OPERATOR_LINES / DELIVERY_WINDOW_SECONDS / OPERATOR_CORES;
    }

    static Plan scaledToThisMachine(Options options) {
        int cores = Runtime.getRuntime().availableProcessors();
        LocalDate today = LocalDate.now(PARIS);
        YearMonth current = YearMonth.from(today);
        YearMonth previous = current.minusMonths(1);
        int currentDays = today.getDayOfMonth();
        int recordsPerCurrentDay = Math.max(1, (int) Math.ceil((double) previous.lengthOfMonth() / currentDays));
        double seconds = options.minutes() * 60.0;
        long recordsPerLine = previous.lengthOfMonth() + (long) currentDays * recordsPerCurrentDay;
        int lines = (int) (options.rate() * seconds / recordsPerLine);
        int subscribers = Math.max(options.sessions(), lines / 2);
        return new Plan(options, cores, options.rate(), subscribers, previous, current, today, currentDays,
                recordsPerCurrentDay);
    }

    int lines() {
        return subscribers * 2;
    }

    /** Records a line has in a day: one a day in the previous month, several a day in the current one. */
    int recordsPerDay(LocalDate date) {
        return YearMonth.from(date).equals(current) ? recordsPerCurrentDay : 1;
    }

    long plainRecords() {
        return (long) lines() * (previous.lengthOfMonth() + (long) currentDays * recordsPerCurrentDay);
    }

    void print() {
        System.out.printf("=== Load held: %d minutes on %d cores, load average at start %s ===%n", options.minutes(),
                cores, LoadAverage.now());
        System.out.printf("rate: %,.0f records/s = the reference operator's %,.0f records/s per core (%,d lines, a "
                        + "record per line and day delivered in %d s, on %d cores) x %d cores%s%n", rate,
                operatorRatePerCore(), OPERATOR_LINES, DELIVERY_WINDOW_SECONDS, OPERATOR_CORES, cores,
                Math.abs(rate - operatorRatePerCore() * cores) < 0.5 ? "" : " (set by --rate)");
        System.out.printf("feed: %,d subscribers x 2 lines (mobile, fixed); %s one record per line and day, then %s "
                        + "(%d days so far) %d records per line and day: %,d records, plus duplicates, invalid rows, "
                        + "replacements and late records of %s%n", subscribers, previous, current, currentDays,
                recordsPerCurrentDay, plainRecords(), previous);
        System.out.printf("JSON endpoint: batches of %d from %d clients (each owns a share of the lines, in order); "
                        + "customer page: wrk, %d connections over %d sessions, %d ms think time; trivial endpoint "
                        + "(/actuator/health): wrk, %d connections, same think time; close of %s once %s is sent and wrk runs%n",
                FeedClient.BATCH, options.clients(), options.pageConnections(), options.sessions(),
                options.thinkMillis(), options.trivialConnections(), previous, previous);
    }
}

/** One line of the feed and what the feed does to it beyond its plain records (by its index, modulo 211). */
record Line(int index, String subscriberId, String lineId, boolean mobile) {

    static final int ROLES = 211;

    static Line of(int index) {
        String subscriber = String.format("H%07d", index / 2);
        boolean mobile = index % 2 == 0;
        return new Line(index, subscriber, subscriber + (mobile ? "-M" : "-F"), mobile);
    }

    int role() {
        return index % ROLES;
    }

    String lineType() {
        return mobile ? "MOBILE" : "FIXED";
    }
}

/** A record as posted, and whether the contract accepts it, counts it once more as a duplicate or rejects it. */
record FeedRecord(String recordId, Line line, String technology, LocalDate usageDate, long bytesDown, long bytesUp,
                  boolean estimated, String replaces, Outcome outcome) {

    enum Outcome { ACCEPTED, DUPLICATE, REJECTED }

    FeedRecord as(Outcome other) {
        return new FeedRecord(recordId, line, technology, usageDate, bytesDown, bytesUp, estimated, replaces, other);
    }

    String json() {
        return "{\"recordId\":\"" + recordId + "\",\"subscriberId\":\"" + line.subscriberId() + "\",\"lineId\":\""
                + line.lineId() + "\",\"lineType\":\"" + line.lineType() + "\",\"technology\":\"" + technology
                + "\",\"usageDate\":\"" + usageDate + "\",\"bytesDown\":" + bytesDown + ",\"bytesUp\":" + bytesUp
                + ",\"estimated\":" + estimated + (replaces == null ? "" : ",\"replaces\":\"" + replaces + "\"")
                + "}";
    }
}

/**
 * The generated feed, deterministic: each record's bytes and technology come from a hash of its line, day and rank.
 * Besides one plain record per line and day, lines of some roles get: a record replaced two days later (role 1), a
 * record sent again identical in a later batch (2) or twice in one batch (3), the same id with other bytes (4,
 * rejected as a conflict), a record of an unknown technology (5), dated tomorrow (6) or over the byte limit (7); and
 * in the current month's part, a late record of the previous month (8, 9), a replacement of one of its records (10)
 * and one of its records sent again (11). Lines of role 12 are estimated throughout.
 */
final class FeedGenerator {

    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private final Plan plan;

    FeedGenerator(Plan plan) {
        this.plan = plan;
    }

    /** The previous month's records of one line, in the order its client posts them. */
    List<FeedRecord> previousMonth(Line line, int day) {
        LocalDate date = plan.previous().atDay(day);
        List<FeedRecord> out = new ArrayList<>();
        FeedRecord plain = plain(line, date, 0);
        out.add(plain);
        switch (line.role()) {
            case 1 -> {
                if (day == 12) {
                    FeedRecord original = plain(line, plan.previous().atDay(10), 0);
                    out.add(replacement(original, "-r"));
                }
            }
            case 2 -> {
                if (day == 16) {
                    out.add(plain(line, plan.previous().atDay(15), 0).as(FeedRecord.Outcome.DUPLICATE));
                }
            }
            case 3 -> {
                if (day == 5) {
                    out.add(plain.as(FeedRecord.Outcome.DUPLICATE));
                }
            }
            case 4 -> {
                if (day == 8) {
                    FeedRecord day7 = plain(line, plan.previous().atDay(7), 0);
                    out.add(new FeedRecord(day7.recordId(), line, day7.technology(), day7.usageDate(),
                            day7.bytesDown() + 1, day7.bytesUp(), day7.estimated(), null,
                            FeedRecord.Outcome.REJECTED));
                }
            }
            case 5 -> {
                if (day == 3) {
                    out.add(new FeedRecord(line.lineId() + "-badtech", line, "6G", date, 1_000, 10, false, null,
                            FeedRecord.Outcome.REJECTED));
                }
            }
            case 6 -> {
                if (day == 20) {
                    out.add(new FeedRecord(line.lineId() + "-tomorrow", line, plain.technology(),
                            plan.today().plusDays(1), 1_000, 10, false, null, FeedRecord.Outcome.REJECTED));
                }
            }
            case 7 -> {
                if (day == 25) {
                    out.add(new FeedRecord(line.lineId() + "-huge", line, plain.technology(), date,
                            10_000_000_000_001L, 0, false, null, FeedRecord.Outcome.REJECTED));
                }
            }
            default -> { }
        }
        return out;
    }

    /** The current month's records of one line for one day and rank, with the late tail of the previous month. */
    List<FeedRecord> currentMonth(Line line, int day, int rank) {
        List<FeedRecord> out = new ArrayList<>();
        out.add(plain(line, plan.current().atDay(day), rank));
        boolean tailPosition = day == 1 && rank == plan.recordsPerCurrentDay() / 2;
        if (tailPosition) {
            YearMonth previous = plan.previous();
            switch (line.role()) {
                case 8, 9 -> out.add(new FeedRecord(line.lineId() + "-" + previous.atEndOfMonth().format(COMPACT)
                        + "-late", line, plain(line, previous.atEndOfMonth(), 0).technology(),
                        previous.atEndOfMonth(), 123_456_789L + line.index(), 1_000L, false, null,
                        FeedRecord.Outcome.ACCEPTED));
                case 10 -> out.add(replacement(plain(line, previous.atDay(20), 0), "-late-r"));
                case 11 -> out.add(plain(line, previous.atDay(18), 0).as(FeedRecord.Outcome.DUPLICATE));
                default -> { }
            }
        }
        return out;
    }

    private FeedRecord plain(Line line, LocalDate date, int rank) {
        long hash = Mix.of(line.index(), date.toEpochDay(), rank);
        long perDay = line.mobile() ? 3_000_000_000L : 20_000_000_000L;
        long bytes = Math.floorMod(hash, perDay / plan.recordsPerDay(date));
        long up = bytes / (5 + Math.floorMod(hash >>> 20, 10));
        String technology = line.mobile() ? (Math.floorMod(hash >>> 40, 3) == 0 ? "5G" : "4G")
                : List.of("FTTH", "FTTH", "XDSL", "CABLE").get(Math.floorMod(line.index() / 2, 4));
        boolean estimated = line.role() == 12 || (line.role() > 12 && Math.floorMod(hash >>> 50, 300) == 0);
        return new FeedRecord(line.lineId() + "-" + date.format(COMPACT) + (rank == 0 ? "" : "-" + rank), line,
                technology, date, bytes - up, up, estimated, null, FeedRecord.Outcome.ACCEPTED);
    }

    private static FeedRecord replacement(FeedRecord original, String suffix) {
        return new FeedRecord(original.recordId() + suffix, original.line(), original.technology(),
                original.usageDate(), original.bytesDown() / 2 + 7, original.bytesUp(), original.estimated(),
                original.recordId(), FeedRecord.Outcome.ACCEPTED);
    }
}

/** A 64-bit hash of a few numbers (SplitMix64's finaliser). */
final class Mix {
    static long of(long... parts) {
        long h = 0x9E3779B97F4A7C15L;
        for (long part : parts) {
            h ^= part + 0x9E3779B97F4A7C15L + (h << 6) + (h >>> 2);
            h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
            h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
            h ^= h >>> 31;
        }
        return h;
    }
}

/**
 * The totals the feed must leave, summed from the generated records by the contract's rules: per line-month, the
 * bytes of the accepted records that no later record replaced, and whether any of them is estimated.
 */
final class ExpectedTotals {

    static final class LineMonth {
        final Line line;
        final Map<String, FeedRecord> counted = new HashMap<>();

        LineMonth(Line line) {
            this.line = line;
        }

        long bytes() {
            return counted.values().stream().mapToLong(r -> r.bytesDown() + r.bytesUp()).sum();
        }

        boolean estimated() {
            return counted.values().stream().anyMatch(FeedRecord::estimated);
        }
    }

    final Map<String, LineMonth> byLineMonth = new ConcurrentHashMap<>();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();

    /** Called by the line's own client, in the order it posts (so one line's records are added by one thread). */
    void add(FeedRecord record) {
        switch (record.outcome()) {
            case DUPLICATE -> duplicates.incrementAndGet();
            case REJECTED -> rejected.incrementAndGet();
            case ACCEPTED -> {
                accepted.incrementAndGet();
                LineMonth lineMonth = byLineMonth.computeIfAbsent(key(record.line().lineId(),
                        YearMonth.from(record.usageDate())), k -> new LineMonth(record.line()));
                if (record.replaces() != null && lineMonth.counted.remove(record.replaces()) == null) {
                    throw new IllegalStateException("the feed replaces " + record.replaces() + ", not counted");
                }
                lineMonth.counted.put(record.recordId(), record);
            }
        }
    }

    static String key(String lineId, YearMonth month) {
        return lineId + "@" + month;
    }
}

/** Counts of what the feed clients saw. */
final class FeedTally {
    final AtomicLong batches = new AtomicLong();
    final AtomicLong records = new AtomicLong();
    final AtomicLong accepted = new AtomicLong();
    final AtomicLong duplicates = new AtomicLong();
    final AtomicLong rejected = new AtomicLong();
    final AtomicLong serverErrors = new AtomicLong();
    final AtomicLong otherFailures = new AtomicLong();
    final AtomicLong batchesWithOtherRejections = new AtomicLong();
    final AtomicLong slowestBatchMillis = new AtomicLong();
    final List<String> firstProblems = java.util.Collections.synchronizedList(new ArrayList<>());

    void problem(String text) {
        if (firstProblems.size() < 10) {
            firstProblems.add(text);
        }
    }
}

/**
 * One feed client: the lines whose index modulo the clients is its own, posted in order (the previous month day by
 * day, then the current month), batches of {@link #BATCH}, paced at its share of the rate. Each batch's answer is
 * checked against what the contract says of each of its records (accepted, duplicate, rejected at that index).
 */
final class FeedClient implements Runnable {

    static final int BATCH = 1_000;
    private final int number;
    private final Plan plan;
    private final Http http;
    private final FeedGenerator generator;
    private final ExpectedTotals expected;
    private final FeedTally tally;
    private final CyclicBarrier previousMonthSent;
    private final CountDownLatch firstDaySent;
    private final long startNanos;
    private final double ratePerClient;
    private final List<FeedRecord> batch = new ArrayList<>();
    private long sentRecords;

    FeedClient(int number, Plan plan, Http http, ExpectedTotals expected, FeedTally tally,
               CyclicBarrier previousMonthSent, CountDownLatch firstDaySent, long startNanos) {
        this.number = number;
        this.plan = plan;
        this.http = http;
        this.generator = new FeedGenerator(plan);
        this.expected = expected;
        this.tally = tally;
        this.previousMonthSent = previousMonthSent;
        this.firstDaySent = firstDaySent;
        this.startNanos = startNanos;
        this.ratePerClient = plan.rate() / plan.options().clients();
    }

    @Override
    public void run() {
        try {
            List<Line> own = new ArrayList<>();
            for (int i = number; i < plan.lines(); i += plan.options().clients()) {
                own.add(Line.of(i));
            }
            for (int day = 1; day <= plan.previous().lengthOfMonth(); day++) {
                for (Line line : own) {
                    for (FeedRecord record : generator.previousMonth(line, day)) {
                        add(record);
                    }
                }
                if (day == 1) {
                    flush();
                    firstDaySent.countDown();
                }
            }
            flush();
            previousMonthSent.await();
            for (int day = 1; day <= plan.currentDays(); day++) {
                for (int rank = 0; rank < plan.recordsPerCurrentDay(); rank++) {
                    for (Line line : own) {
                        for (FeedRecord record : generator.currentMonth(line, day, rank)) {
                            add(record);
                        }
                    }
                }
            }
            flush();
        } catch (Exception e) {
            tally.otherFailures.incrementAndGet();
            tally.problem("feed client " + number + " stopped: " + e);
            firstDaySent.countDown();
            previousMonthSent.reset();
        }
    }

    private void add(FeedRecord record) throws Exception {
        batch.add(record);
        expected.add(record);
        if (batch.size() == BATCH) {
            flush();
        }
    }

    private void flush() throws Exception {
        if (batch.isEmpty()) {
            return;
        }
        pace();
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i < batch.size(); i++) {
            body.append(i == 0 ? "" : ",").append(batch.get(i).json());
        }
        body.append("]}");
        long started = System.nanoTime();
        HttpResponse<String> answer = http.postJson("/api/v1/usage/records", body.toString(), Http.FEED);
        while (answer.statusCode() == 503) {
            tally.serverErrors.incrementAndGet();
            tally.problem("503 on a batch (sent again): " + answer.body());
            Thread.sleep(500);
            answer = http.postJson("/api/v1/usage/records", body.toString(), Http.FEED);
        }
        tally.slowestBatchMillis.accumulateAndGet((System.nanoTime() - started) / 1_000_000, Math::max);
        tally.batches.incrementAndGet();
        tally.records.addAndGet(batch.size());
        if (answer.statusCode() >= 500) {
            tally.serverErrors.incrementAndGet();
            tally.problem(answer.statusCode() + " on a batch: " + answer.body());
        } else if (answer.statusCode() != 200) {
            tally.otherFailures.incrementAndGet();
            tally.problem(answer.statusCode() + " on a batch: " + answer.body());
        } else {
            check(Json.parse(answer.body()));
        }
        sentRecords += batch.size();
        batch.clear();
    }

    @SuppressWarnings("unchecked")
    private void check(Object parsed) {
        Map<String, Object> report = (Map<String, Object>) parsed;
        long accepted = ((Number) report.get("accepted")).longValue();
        long duplicates = ((Number) report.get("duplicates")).longValue();
        List<Object> rejected = (List<Object>) report.get("rejected");
        tally.accepted.addAndGet(accepted);
        tally.duplicates.addAndGet(duplicates);
        tally.rejected.addAndGet(rejected.size());
        Set<Integer> rejectedIndexes = new TreeSet<>();
        for (Object r : rejected) {
            rejectedIndexes.add(((Number) ((Map<String, Object>) r).get("index")).intValue());
        }
        Set<Integer> expectedIndexes = new TreeSet<>();
        long expectedAccepted = 0;
        long expectedDuplicates = 0;
        for (int i = 0; i < batch.size(); i++) {
            switch (batch.get(i).outcome()) {
                case ACCEPTED -> expectedAccepted++;
                case DUPLICATE -> expectedDuplicates++;
                case REJECTED -> expectedIndexes.add(i);
            }
        }
        if (!rejectedIndexes.equals(expectedIndexes) || accepted != expectedAccepted
                || duplicates != expectedDuplicates) {
            tally.batchesWithOtherRejections.incrementAndGet();
            tally.problem("batch answered accepted " + accepted + ", duplicates " + duplicates + ", rejected at "
                    + rejectedIndexes + "; the feed expects " + expectedAccepted + ", " + expectedDuplicates + ", "
                    + expectedIndexes + ": " + (rejected.isEmpty() ? "" : rejected.get(0)));
        }
    }

    /** Waits until this client's share of the rate allows the batch. */
    private void pace() throws InterruptedException {
        long due = startNanos + (long) (sentRecords / ratePerClient * 1e9);
        long wait = due - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}

/** HTTP with the demo accounts' Basic credentials. */
final class Http {
    static final String FEED = basic("feed", "feed");
    static final String OPS = basic("ops", "ops");
    static final String AUDITOR = basic("auditor", "auditor");
    private final String base;
    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    Http(String base) {
        this.base = base;
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    HttpResponse<String> postJson(String path, String body, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(10))
                .header("Authorization", authorization).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(String path, String authorization) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofMinutes(2))
                .header("Authorization", authorization).build(), HttpResponse.BodyHandlers.ofString());
    }

    String base() {
        return base;
    }
}

/** Subscribers logged in through the form, as a browser does; their session cookies for wrk. */
final class Sessions {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"");

    static List<String> logIn(String base, List<String> subscribers) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> cookies = new ArrayList<>();
        for (String subscriber : subscribers) {
            cookies.add(pool.submit(() -> logIn(base, subscriber)));
        }
        List<String> out = new ArrayList<>();
        for (Future<String> cookie : cookies) {
            out.add(cookie.get());
        }
        pool.shutdown();
        return out;
    }

    private static String logIn(String base, String subscriber) throws Exception {
        CookieManager cookies = new CookieManager();
        HttpClient http = HttpClient.newBuilder().cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        String login = http.send(HttpRequest.newBuilder(URI.create(base + "/login")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher csrf = CSRF.matcher(login);
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the login page");
        }
        String form = "username=" + URLEncoder.encode(subscriber, StandardCharsets.UTF_8) + "&password=demo&_csrf="
                + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8);
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (page.statusCode() != 200 || !page.body().contains("g éqCO2")) {
            throw new IllegalStateException(subscriber + " did not reach the customer page: HTTP "
                    + page.statusCode());
        }
        HttpCookie session = cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals("JSESSIONID")).findFirst().orElseThrow();
        return "JSESSIONID=" + session.getValue();
    }
}

/** One wrk run: its figures, its 5xx and other non-2xx answers counted by its Lua script. */
record WrkResult(String name, double requestsPerSecond, long requests, double p50Millis, double p99Millis,
                 long socketErrors, long serverErrors, long otherNon2xx, String output) {

    /**
     * wrk's Lua: each thread walks the request file ("path TAB header: value" per line) from its own start, waits
     * the think time between requests, and counts 5xx and other non-2xx answers (printed at the end).
     */
    static final String SCRIPT = """
            local requests = {}
            local next_index = 1
            local think = 0
            local threads = {}
            server_errors = 0
            other_non2xx = 0
            function setup(thread)
              table.insert(threads, thread)
            end
            function init(args)
              think = tonumber(args[1])
              if args[2] ~= nil then
                for line in io.lines(args[2]) do
                  local path, name, value = line:match("^([^\\t]+)\\t([^:]+): (.*)$")
                  requests[#requests + 1] = {path = path, name = name, value = value}
                end
                next_index = math.random(#requests)
              end
            end
            function request()
              if #requests == 0 then
                return wrk.format("GET")
              end
              local r = requests[next_index]
              next_index = next_index % #requests + 1
              return wrk.format("GET", r.path, {[r.name] = r.value})
            end
            function delay()
              return think
            end
            function response(status, headers, body)
              if status >= 500 then
                server_errors = server_errors + 1
              elseif status >= 300 then
                other_non2xx = other_non2xx + 1
              end
            end
            function done(summary, latency, requests)
              local s, o = 0, 0
              for _, t in ipairs(threads) do
                s = s + t:get("server_errors")
                o = o + t:get("other_non2xx")
              end
              io.write(string.format("lua: server_errors %d other_non2xx %d\\n", s, o))
            end
            """;

    static Process start(String wrk, String name, int connections, int seconds, String url, Path script,
                         int thinkMillis, Path requests, Path output) throws IOException {
        List<String> command = new ArrayList<>(List.of(wrk, "-t2", "-c" + connections, "-d" + seconds + "s",
                "--timeout", "10s", "--latency", "-s", script.toString(), url, "--", String.valueOf(thinkMillis)));
        if (requests != null) {
            command.add(requests.toString());
        }
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    static WrkResult read(String name, Path output) throws IOException {
        String text = Files.readString(output);
        long socket = 0;
        Matcher errors = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)")
                .matcher(text);
        if (errors.find()) {
            for (int g = 1; g <= 4; g++) {
                socket += Long.parseLong(errors.group(g));
            }
        }
        Matcher lua = Pattern.compile("lua: server_errors (\\d+) other_non2xx (\\d+)").matcher(text);
        if (!lua.find()) {
            throw new IllegalStateException("wrk " + name + " printed no counts:\n" + text);
        }
        return new WrkResult(name, number(text, "Requests/sec:\\s+([0-9.]+)"),
                (long) number(text, "(\\d+) requests in"), millis(text, "50%"), millis(text, "99%"), socket,
                Long.parseLong(lua.group(1)), Long.parseLong(lua.group(2)), text);
    }

    private static double number(String text, String pattern) {
        Matcher m = Pattern.compile(pattern).matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + pattern + " in wrk's output:\n" + text);
        }
        return Double.parseDouble(m.group(1));
    }

    private static double millis(String text, String percentile) {
        Matcher m = Pattern.compile("\\s" + percentile + "\\s+([0-9.]+)(us|ms|s)").matcher(text);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk's output:\n" + text);
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }
}

/** The month close, triggered once: its answer and how long it took. */
final class MonthCloseRun implements Runnable {
    private final Http http;
    private final YearMonth month;
    volatile int status;
    volatile String body = "";
    volatile double seconds;
    volatile double startedAtSecond;
    private final long runStartNanos;
    private final CountDownLatch wrkRunning;

    MonthCloseRun(Http http, YearMonth month, long runStartNanos, CountDownLatch wrkRunning) {
        this.http = http;
        this.month = month;
        this.runStartNanos = runStartNanos;
        this.wrkRunning = wrkRunning;
    }

    /** Once the previous month is sent and, on a machine slow to log the sessions in, once wrk runs. */
    @Override
    public void run() {
        try {
            wrkRunning.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return;
        }
        long started = System.nanoTime();
        startedAtSecond = (started - runStartNanos) / 1e9;
        try {
            HttpResponse<String> answer = http.post("/api/v1/ops/months/" + month + "/close", Http.OPS);
            status = answer.statusCode();
            body = answer.body();
        } catch (Exception e) {
            status = -1;
            body = e.toString();
        }
        seconds = (System.nanoTime() - started) / 1e9;
    }
}

/**
 * The totals the application serves, read as the auditor from the statements API, against the expected ones: per
 * line-month the exact bytes, the estimated flag, the Go and grams shown (ADEME 2022: mobile 49.4 g/Go, fixed 4 100
 * g), and the month's status (the previous month CLOSED, the current one OPEN). Read again until all agree or the
 * wait runs out (the ledger takes late usage in as corrections, asynchronously).
 */
final class TotalsCheck {
    private final Http http;
    private final Plan plan;
    private final ExpectedTotals expected;
    final List<String> mismatches = new ArrayList<>();
    long lineMonthsCompared;
    long bytesExpected;
    double secondsToAgree;
    int rounds;

    TotalsCheck(Http http, Plan plan, ExpectedTotals expected) {
        this.http = http;
        this.plan = plan;
        this.expected = expected;
    }

    void run(Duration wait) throws Exception {
        long started = System.nanoTime();
        long deadline = started + wait.toNanos();
        List<String> subscribers = new ArrayList<>();
        for (int s = 0; s < plan.subscribers(); s++) {
            subscribers.add(String.format("H%07d", s));
        }
        lineMonthsCompared = expected.byLineMonth.size();
        bytesExpected = expected.byLineMonth.values().stream().mapToLong(ExpectedTotals.LineMonth::bytes).sum();
        Map<String, String> wrong = compare(subscribers);
        while (!wrong.isEmpty() && System.nanoTime() < deadline) {
            Thread.sleep(2_000);
            wrong = compare(new ArrayList<>(wrong.keySet()));
        }
        secondsToAgree = (System.nanoTime() - started) / 1e9;
        wrong.values().stream().limit(10).forEach(mismatches::add);
        if (wrong.size() > 10) {
            mismatches.add("… " + (wrong.size() - 10) + " more subscribers");
        }
    }

    private Map<String, String> compare(List<String> subscribers) throws Exception {
        rounds++;
        ExecutorService pool = Executors.newFixedThreadPool(4);
        Map<String, Future<String>> answers = new LinkedHashMap<>();
        for (String subscriber : subscribers) {
            answers.put(subscriber, pool.submit(() -> compare(subscriber)));
        }
        Map<String, String> wrong = new LinkedHashMap<>();
        for (Map.Entry<String, Future<String>> answer : answers.entrySet()) {
            String problem = answer.getValue().get();
            if (problem != null) {
                wrong.put(answer.getKey(), problem);
            }
        }
        pool.shutdown();
        return wrong;
    }

    @SuppressWarnings("unchecked")
    private String compare(String subscriber) throws Exception {
        HttpResponse<String> answer = http.get("/api/v1/subscribers/" + subscriber + "/statements?from="
                + plan.previous() + "&to=" + plan.current(), Http.AUDITOR);
        if (answer.statusCode() != 200) {
            return subscriber + ": HTTP " + answer.statusCode() + " " + answer.body();
        }
        Map<String, Map<String, Object>> served = new HashMap<>();
        Map<YearMonth, String> statusByMonth = new HashMap<>();
        for (Object s : (List<Object>) Json.parse(answer.body())) {
            Map<String, Object> statement = (Map<String, Object>) s;
            YearMonth month = YearMonth.parse((String) statement.get("month"));
            statusByMonth.put(month, (String) statement.get("status"));
            for (Object l : (List<Object>) statement.get("lines")) {
                Map<String, Object> line = (Map<String, Object>) l;
                served.put(ExpectedTotals.key((String) line.get("lineId"), month), line);
            }
        }
        List<String> problems = new ArrayList<>();
        if (!"CLOSED".equals(statusByMonth.get(plan.previous()))) {
            problems.add(plan.previous() + " is " + statusByMonth.get(plan.previous()));
        }
        if (!"OPEN".equals(statusByMonth.get(plan.current()))) {
            problems.add(plan.current() + " is " + statusByMonth.get(plan.current()));
        }
        for (YearMonth month : List.of(plan.previous(), plan.current())) {
            for (String suffix : List.of("-M", "-F")) {
                String key = ExpectedTotals.key(subscriber + suffix, month);
                ExpectedTotals.LineMonth want = expected.byLineMonth.get(key);
                Map<String, Object> got = served.get(key);
                if (want == null || got == null) {
                    problems.add(key + (want == null ? " not in the feed" : " not served"));
                    continue;
                }
                long bytes = ((Number) ((Map<String, Object>) got.get("exact")).get("bytes")).longValue();
                long dataGo = ((Number) got.get("dataGo")).longValue();
                long grams = ((Number) got.get("co2eGrams")).longValue();
                boolean estimated = Boolean.TRUE.equals(got.get("estimated"));
                BigDecimal go = BigDecimal.valueOf(want.bytes()).movePointLeft(9);
                long wantGrams = want.line.mobile() ? go.multiply(new BigDecimal("49.4"))
                        .setScale(0, RoundingMode.HALF_UP).longValueExact() : 4_100;
                long wantGo = go.setScale(0, RoundingMode.HALF_UP).longValueExact();
                if (bytes != want.bytes() || dataGo != wantGo || grams != wantGrams
                        || estimated != want.estimated()) {
                    problems.add(key + " served " + bytes + " bytes, " + dataGo + " Go, " + grams + " g, estimated "
                            + estimated + "; the feed gives " + want.bytes() + ", " + wantGo + ", " + wantGrams + ", "
                            + want.estimated());
                }
            }
        }
        return problems.isEmpty() ? null : subscriber + ": " + String.join("; ", problems);
    }
}

/** The application's own count of 5xx answers, from its metrics (as ops). */
final class ServerErrorMetric {
    private static final Pattern SERIES = Pattern.compile(
            "^http_server_requests_seconds_count\\{([^}]*)\\} ([0-9.E+]+)$", Pattern.MULTILINE);

    static Map<String, Long> fiveHundreds(Http http) throws Exception {
        HttpResponse<String> answer = http.get("/actuator/prometheus", Http.OPS);
        if (answer.statusCode() != 200) {
            throw new IllegalStateException("/actuator/prometheus answered " + answer.statusCode());
        }
        Map<String, Long> out = new LinkedHashMap<>();
        Matcher m = SERIES.matcher(answer.body());
        while (m.find()) {
            Matcher status = Pattern.compile("status=\"(\\d+)\"").matcher(m.group(1));
            Matcher uri = Pattern.compile("uri=\"([^\"]*)\"").matcher(m.group(1));
            if (status.find() && status.group(1).startsWith("5") && uri.find()) {
                out.merge(uri.group(1) + " " + status.group(1), (long) Double.parseDouble(m.group(2)), Long::sum);
            }
        }
        return out;
    }

    /** The series that grew between two readings, by how much. */
    static Map<String, Long> since(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> out = new LinkedHashMap<>();
        after.forEach((series, count) -> {
            long grown = count - before.getOrDefault(series, 0L);
            if (grown > 0) {
                out.put(series, grown);
            }
        });
        return out;
    }
}

/** The run: the feed clients, the sessions and the two wrk runs, the close; then the checks. */
final class LoadRun {
    private final Options options;
    private final Plan plan;
    private final Http http;

    LoadRun(Options options, Plan plan) {
        this.options = options;
        this.plan = plan;
        this.http = new Http(options.base());
    }

    Held run() throws Exception {
        Path work = Files.createTempDirectory(options.work(), "load-held");
        Path script = work.resolve("wrk.lua");
        Files.writeString(script, WrkResult.SCRIPT);
        ExpectedTotals expected = new ExpectedTotals();
        FeedTally tally = new FeedTally();
        // the 5xx counted before the load (the readiness probe answers 503 while the application starts)
        Map<String, Long> fiveHundredsBefore = ServerErrorMetric.fiveHundreds(http);
        long start = System.nanoTime();
        double seconds = options.minutes() * 60.0;
        CountDownLatch wrkRunning = new CountDownLatch(1);
        MonthCloseRun close = new MonthCloseRun(http, plan.previous(), start, wrkRunning);
        Thread closeThread = new Thread(close, "month-close");
        closeThread.setDaemon(true);
        CyclicBarrier previousMonthSent = new CyclicBarrier(options.clients(), closeThread::start);
        CountDownLatch firstDaySent = new CountDownLatch(options.clients());
        List<Thread> clients = new ArrayList<>();
        for (int c = 0; c < options.clients(); c++) {
            Thread client = new Thread(new FeedClient(c, plan, http, expected, tally, previousMonthSent,
                    firstDaySent, start), "feed-client-" + c);
            client.setDaemon(true);
            client.start();
            clients.add(client);
        }

        // the subscribers are known once the first day is in: log in the sessions, then load the page and the
        // trivial endpoint until the feed's planned end
        firstDaySent.await();
        long loginStarted = System.nanoTime();
        List<String> sessionSubscribers = new ArrayList<>();
        for (int i = 0; i < options.sessions(); i++) {
            sessionSubscribers.add(String.format("H%07d", (int) ((long) i * plan.subscribers() / options.sessions())));
        }
        List<String> cookies = Sessions.logIn(options.base(), sessionSubscribers);
        Path pageRequests = work.resolve("page-requests.txt");
        Files.write(pageRequests, cookies.stream().map(c -> "/espace-client\tCookie: " + c).toList());
        double loginSeconds = (System.nanoTime() - loginStarted) / 1e9;
        int wrkSeconds = (int) Math.max(10, seconds - (System.nanoTime() - start) / 1e9);
        double wrkStartedAt = (System.nanoTime() - start) / 1e9;
        Path pageOut = work.resolve("wrk-page.txt");
        Path trivialOut = work.resolve("wrk-trivial.txt");
        Process page = WrkResult.start(options.wrk(), "page", options.pageConnections(), wrkSeconds,
                options.base() + "/espace-client", script, options.thinkMillis(), pageRequests, pageOut);
        Process trivial = WrkResult.start(options.wrk(), "trivial", options.trivialConnections(), wrkSeconds,
                options.base() + "/actuator/health", script, options.thinkMillis(), null, trivialOut);
        wrkRunning.countDown();
        System.out.printf("%.0f s: %d sessions logged in (%.1f s); wrk on the page and the trivial endpoint for %d s%n",
                wrkStartedAt, cookies.size(), loginSeconds, wrkSeconds);

        for (Thread client : clients) {
            client.join();
        }
        double feedSeconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("%.0f s: the feed is sent (%,d records in %,d batches)%n", feedSeconds,
                tally.records.get(), tally.batches.get());
        closeThread.join();
        System.out.printf("the close of %s started at %.0f s, answered %d in %.1f s%n", plan.previous(),
                close.startedAtSecond, close.status, close.seconds);
        page.waitFor();
        trivial.waitFor();
        WrkResult pageResult = WrkResult.read("page", pageOut);
        WrkResult trivialResult = WrkResult.read("trivial", trivialOut);
        double loadAverageAtEnd = LoadAverage.oneMinute();

        TotalsCheck totals = new TotalsCheck(http, plan, expected);
        totals.run(Duration.ofMinutes(3));
        Map<String, Long> fiveHundreds = ServerErrorMetric.since(fiveHundredsBefore, ServerErrorMetric.fiveHundreds(http));
        return new Held(plan, expected, tally, feedSeconds, close, wrkStartedAt, pageResult, trivialResult, totals,
                fiveHundreds, loadAverageAtEnd);
    }
}

/** What held and what did not, printed as one line per check. */
record Held(Plan plan, ExpectedTotals expected, FeedTally tally, double feedSeconds, MonthCloseRun close,
            double wrkStartedAt, WrkResult page, WrkResult trivial, TotalsCheck totals, Map<String, Long> fiveHundreds,
            double loadAverageAtEnd) {

    private record Check(String what, boolean held, String figures) {
    }

    List<Check> checks() {
        List<Check> checks = new ArrayList<>();
        double achievedRate = tally.records.get() / feedSeconds;
        double planned = plan.options().minutes() * 60.0;
        checks.add(new Check("the feed at the operator's rate", feedSeconds <= planned * 1.1 && tally.records.get()
                == expected.accepted.get() + expected.duplicates.get() + expected.rejected.get(),
                String.format("%,d records in %.0f s = %,.0f records/s (planned %,.0f records/s, %.0f s; slowest "
                        + "batch %,d ms)", tally.records.get(), feedSeconds, achievedRate, plan.rate(), planned,
                        tally.slowestBatchMillis.get())));
        checks.add(new Check("every batch answered as the contract says", tally.otherFailures.get() == 0
                && tally.batchesWithOtherRejections.get() == 0
                && tally.accepted.get() == expected.accepted.get()
                && tally.duplicates.get() == expected.duplicates.get()
                && tally.rejected.get() == expected.rejected.get(),
                String.format("accepted %,d, duplicates %,d, rejected %,d (the feed: %,d, %,d, %,d); %,d batches "
                        + "answered otherwise", tally.accepted.get(), tally.duplicates.get(),
                        tally.rejected.get(), expected.accepted.get(), expected.duplicates.get(),
                        expected.rejected.get(), tally.batchesWithOtherRejections.get())));
        // the close must start while the page is loaded and the feed flows; it may end after the feed (slow machine)
        boolean closedDuringLoad = close.startedAtSecond > wrkStartedAt && close.startedAtSecond < feedSeconds;
        checks.add(new Check("the month close of " + plan.previous() + " during the load", close.status == 200
                && closedDuringLoad, String.format("HTTP %d, from %.0f s to %.0f s of the run (wrk from %.0f s, feed "
                        + "until %.0f s): %s", close.status, close.startedAtSecond,
                close.startedAtSecond + close.seconds, wrkStartedAt, feedSeconds,
                close.body.length() > 200 ? close.body.substring(0, 200) + "…" : close.body)));
        checks.add(new Check("totals exact against the feed", totals.mismatches.isEmpty(),
                String.format("%,d line-months of %,d subscribers (%s closed, %s open), %,d bytes in all; agreed "
                                + "after %.1f s (%d reads of the statements API)", totals.lineMonthsCompared,
                        plan.subscribers(), plan.previous(), plan.current(), totals.bytesExpected,
                        totals.secondsToAgree, totals.rounds)));
        long applicationFiveHundreds = fiveHundreds.values().stream().mapToLong(Long::longValue).sum();
        checks.add(new Check("no 5xx", tally.serverErrors.get() == 0 && page.serverErrors() == 0
                && trivial.serverErrors() == 0 && applicationFiveHundreds == 0 && close.status < 500,
                String.format("feed clients %d, page %d, trivial %d, month close %s; the application's "
                                + "http_server_requests 5xx during the run: %d %s", tally.serverErrors.get(), page.serverErrors(),
                        trivial.serverErrors(), close.status >= 500 ? "1" : "0", applicationFiveHundreds,
                        fiveHundreds.isEmpty() ? "" : fiveHundreds)));
        checks.add(new Check("no other failed request under wrk", page.socketErrors() == 0
                && trivial.socketErrors() == 0 && page.otherNon2xx() == 0 && trivial.otherNon2xx() == 0,
                String.format("socket errors or timeouts: page %d, trivial %d; non-2xx other than 5xx: page %d, "
                        + "trivial %d", page.socketErrors(), trivial.socketErrors(), page.otherNon2xx(),
                        trivial.otherNon2xx())));
        double ratio = page.p99Millis() / trivial.p99Millis();
        checks.add(new Check("page p99 within " + plan.options().p99Goal() + "x the trivial endpoint's p99",
                ratio <= plan.options().p99Goal(),
                String.format("page p99 %.1f ms (p50 %.1f, %,.0f req/s, %,d requests), trivial p99 %.1f ms (p50 %.1f, "
                                + "%,.0f req/s): %.2fx", page.p99Millis(), page.p50Millis(), page.requestsPerSecond(),
                        page.requests(), trivial.p99Millis(), trivial.p50Millis(), trivial.requestsPerSecond(),
                        ratio)));
        return checks;
    }

    boolean allHeld() {
        return checks().stream().allMatch(Check::held);
    }

    void print() {
        System.out.printf("%n=== What held (%s, %d cores, load average at the end %.2f) ===%n",
                Instant.now().toString().substring(0, 16).replace('T', ' ') + " UTC", plan.cores(), loadAverageAtEnd);
        for (Check check : checks()) {
            System.out.printf("%-8s %s: %s%n", check.held() ? "HELD" : "NOT HELD", check.what(), check.figures());
        }
        if (!totals.mismatches.isEmpty()) {
            System.out.println("totals that differ:");
            totals.mismatches.forEach(m -> System.out.println("  " + m));
        }
        if (!tally.firstProblems.isEmpty()) {
            System.out.println("first problems of the feed:");
            tally.firstProblems.forEach(p -> System.out.println("  " + p));
        }
        System.out.println(allHeld() ? "The load held." : "The load did NOT hold.");
    }
}

/** The machine's load average (Linux), to say how shared the machine was. */
final class LoadAverage {
    static String now() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "unknown";
        }
    }

    static double oneMinute() {
        try {
            return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
        } catch (IOException e) {
            return Double.NaN;
        }
    }
}

/** A minimal JSON reader (objects, arrays, strings, numbers, booleans, null): enough for the answers read here. */
final class Json {
    private final String text;
    private int at;

    private Json(String text) {
        this.text = text;
    }

    static Object parse(String text) {
        Json json = new Json(text);
        Object value = json.value();
        json.skipSpace();
        if (json.at != text.length()) {
            throw json.error("trailing characters");
        }
        return value;
    }

    private Object value() {
        skipSpace();
        char c = text.charAt(at);
        switch (c) {
            case '{': return object();
            case '[': return array();
            case '"': return string();
            case 't': expect("true"); return Boolean.TRUE;
            case 'f': expect("false"); return Boolean.FALSE;
            case 'n': expect("null"); return null;
            default: return number();
        }
    }

    private Map<String, Object> object() {
        Map<String, Object> out = new LinkedHashMap<>();
        at++;
        skipSpace();
        if (text.charAt(at) == '}') {
            at++;
            return out;
        }
        while (true) {
            skipSpace();
            String key = string();
            skipSpace();
            expect(":");
            out.put(key, value());
            skipSpace();
            char c = text.charAt(at++);
            if (c == '}') {
                return out;
            }
            if (c != ',') {
                throw error("expected , or }");
            }
        }
    }

    private List<Object> array() {
        List<Object> out = new ArrayList<>();
        at++;
        skipSpace();
        if (text.charAt(at) == ']') {
            at++;
            return out;
        }
        while (true) {
            out.add(value());
            skipSpace();
            char c = text.charAt(at++);
            if (c == ']') {
                return out;
            }
            if (c != ',') {
                throw error("expected , or ]");
            }
        }
    }

    private String string() {
        if (text.charAt(at) != '"') {
            throw error("expected a string");
        }
        StringBuilder out = new StringBuilder();
        at++;
        while (true) {
            char c = text.charAt(at++);
            if (c == '"') {
                return out.toString();
            }
            if (c == '\\') {
                char e = text.charAt(at++);
                switch (e) {
                    case 'n' -> out.append('\n');
                    case 't' -> out.append('\t');
                    case 'r' -> out.append('\r');
                    case 'b' -> out.append('\b');
                    case 'f' -> out.append('\f');
                    case 'u' -> {
                        out.append((char) Integer.parseInt(text.substring(at, at + 4), 16));
                        at += 4;
                    }
                    default -> out.append(e);
                }
            } else {
                out.append(c);
            }
        }
    }

    private Number number() {
        int begin = at;
        while (at < text.length() && "+-0123456789.eE".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
        String n = text.substring(begin, at);
        if (n.isEmpty()) {
            throw error("unexpected character");
        }
        return n.contains(".") || n.contains("e") || n.contains("E") ? (Number) new BigDecimal(n) : (Number) Long.valueOf(n);
    }

    private void expect(String word) {
        if (!text.startsWith(word, at)) {
            throw error("expected " + word);
        }
        at += word.length();
    }

    private void skipSpace() {
        while (at < text.length() && Character.isWhitespace(text.charAt(at))) {
            at++;
        }
    }

    private IllegalArgumentException error(String what) {
        return new IllegalArgumentException(what + " at " + at + " of a JSON answer");
    }
}
