package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import tools.jackson.databind.JsonNode;

/**
 * The runbook's backup and restore, done: a running instance with a closed month and late usage on it is dumped
 * with {@code pg_dump} while it serves, the dump restored with {@code pg_restore} into a fresh PostgreSQL, and the
 * application started on the restored database: every chain verifies intact, the digest recorded before the dump
 * holds, the statements are byte for byte the ones served before, and the restored instance goes on projecting.
 * The PostgreSQL client tools of the server's major version are needed (Debian postgresql-client-15: the zonky
 * binaries have only the server); without them the test is skipped and says so.
 */
class BackupRestoreTest {

    private static final YearMonth MONTH = YearMonth.now(ZoneId.of("Europe/Paris")).minusMonths(1);
    private static final int SUBSCRIBERS = 12;
    private final List<AutoCloseable> started = new ArrayList<>();

    @TempDir
    Path work;

    @AfterEach
    void stop() throws Exception {
        for (int i = started.size() - 1; i >= 0; i--) {
            started.get(i).close();
        }
    }

    @Test
    void a_dump_of_a_running_instance_restored_into_a_fresh_database_verifies_intact_with_identical_statements()
            throws Exception {
        Path bin = postgresClientTools();
        EmbeddedPostgres original = track(EmbeddedPostgres.builder().start());
        ConfigurableApplicationContext node = node(original, "original");
        UsageFeed usage = UsageFeed.batch();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            usage.mobile("br-" + s + "-r1", "br-" + s, "br-" + s + "-M1", MONTH.atDay(s + 1).toString(),
                    1_000_000_000L * (s + 1), 0, false);
        }
        assertThat(as(node, "feed").postJson("/api/v1/usage/records", usage.body()).status()).isEqualTo(200);
        assertThat(as(node, "ops").postJson("/api/v1/ops/months/" + MONTH + "/close", "").status()).isEqualTo(200);
        // late usage: a correction event on one stream, so the chains have more than one link
        assertThat(as(node, "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile("br-0-late", "br-0", "br-0-M1", MONTH.atDay(28).toString(), 500_000_000L, 0, false).body())
                .status()).isEqualTo(200);
        // every statement closed by the ledger (verified chain), the late usage in br-0's as a correction
        List<String> before = await().atMost(Duration.ofSeconds(60)).until(() -> statements(node), all ->
                all.stream().allMatch(s -> s.contains("\"status\":\"CLOSED\"") && s.contains("\"verified\""))
                        && projectedCorrection(all.get(0), "1500000000"));
        String digest = as(node, "auditor").postJson("/api/v1/audit/integrity/digests", "").body();

        Path dump = work.resolve("footprint.dump");
        run(bin.resolve("pg_dump"), "-h", "localhost", "-p", String.valueOf(original.getPort()), "-U", "postgres",
                "--format=custom", "--file=" + dump, "postgres");
        node.close();

        EmbeddedPostgres fresh = track(EmbeddedPostgres.builder().start());
        run(bin.resolve("psql"), "-h", "localhost", "-p", String.valueOf(fresh.getPort()), "-U", "postgres",
                "-v", "ON_ERROR_STOP=1", "-c", "CREATE DATABASE footprint", "postgres");
        run(bin.resolve("pg_restore"), "-h", "localhost", "-p", String.valueOf(fresh.getPort()), "-U", "postgres",
                "--no-owner", "--exit-on-error", "--dbname=footprint", dump.toString());
        ConfigurableApplicationContext restored = node(fresh, "restored");

        JsonNode integrity = as(restored, "auditor").get("/api/v1/audit/integrity").json();
        assertThat(integrity.get("intact").asBoolean()).as(integrity.toString()).isTrue();
        assertThat(integrity.get("streamsChecked").asLong()).isEqualTo(SUBSCRIBERS);
        JsonNode check = as(restored, "auditor").postJson("/api/v1/audit/integrity/digest-check", digest).json();
        assertThat(check.get("holds").asBoolean()).as(check.toString()).isTrue();
        assertThat(statements(restored)).isEqualTo(before);

        // the restored instance takes the projection's segment over (the dump held the original's claim) and
        // goes on: late usage reaches the statement
        assertThat(as(restored, "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile("br-1-late", "br-1", "br-1-M1", MONTH.atDay(28).toString(), 1_000_000_000L, 0, false).body())
                .status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(60)).until(() -> projectedCorrection(statement(restored, "br-1"),
                "3000000000"));
    }

    /** The statement as the ledger closed it, with a correction projected, showing {@code bytes}. */
    private static boolean projectedCorrection(String statement, String bytes) {
        return statement.contains("\"status\":\"CLOSED\"") && statement.contains("\"bytes\":" + bytes)
                && !statement.contains("\"corrections\":[]");
    }

    private ConfigurableApplicationContext node(EmbeddedPostgres postgres, String name) {
        String database = name.equals("restored") ? "footprint" : "postgres";
        ConfigurableApplicationContext node = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0",
                "--spring.datasource.url=" + postgres.getJdbcUrl("postgres", database),
                "--spring.datasource.username=postgres",
                "--footprint.security.mode=demo",
                "--footprint.demo-data.enabled=false",
                "--footprint.month-close.scheduled=false",
                "--footprint.retention.cron=-",
                "--footprint.node-name=" + name,
                "--footprint.ledger.claim-timeout=PT3S");
        started.add(node::close);
        return node;
    }

    private EmbeddedPostgres track(EmbeddedPostgres postgres) {
        started.add(postgres);
        return postgres;
    }

    private static List<String> statements(ConfigurableApplicationContext node) {
        List<String> all = new ArrayList<>();
        for (int s = 0; s < SUBSCRIBERS; s++) {
            all.add(statement(node, "br-" + s));
        }
        return all;
    }

    private static String statement(ConfigurableApplicationContext node, String subscriber) {
        ApiClient.Response response = as(node, "auditor").get("/api/v1/subscribers/" + subscriber + "/statements/"
                + MONTH);
        return response.status() == 200 ? response.body() : "";
    }

    private static ApiClient as(ConfigurableApplicationContext node, String account) {
        return new ApiClient(Integer.parseInt(node.getEnvironment().getProperty("local.server.port")), account,
                account);
    }

    /** The client tools of PostgreSQL 15 (the embedded server's major version): Debian's, or on the PATH. */
    private static Path postgresClientTools() throws IOException, InterruptedException {
        for (Path candidate : List.of(Path.of("/usr/lib/postgresql/15/bin"), Path.of("/usr/bin"))) {
            Path pgDump = candidate.resolve("pg_dump");
            if (Files.isExecutable(pgDump) && Files.isExecutable(candidate.resolve("pg_restore"))
                    && Files.isExecutable(candidate.resolve("psql")) && run(pgDump, "--version").contains(" 15.")) {
                return candidate;
            }
        }
        Assumptions.abort("SKIPPED: no pg_dump/pg_restore/psql of PostgreSQL 15 found (Debian: apt-get install "
                + "postgresql-client-15, as .ci/run does); the backup and restore was not tried");
        return null;
    }

    private static String run(Path command, String... arguments) throws IOException, InterruptedException {
        List<String> line = new ArrayList<>(List.of(command.toString()));
        line.addAll(List.of(arguments));
        Process process = new ProcessBuilder(line).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).as(String.join(" ", line)).isTrue();
        assertThat(process.exitValue()).as(String.join(" ", line) + ":\n" + output).isZero();
        return output;
    }
}
