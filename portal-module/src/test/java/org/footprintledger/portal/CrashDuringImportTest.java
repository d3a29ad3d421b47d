package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.usage.api.SyntheticFeedGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import tools.jackson.databind.JsonNode;

/**
 * Nothing lost, nothing counted twice: the application is killed (SIGKILL) in the middle of a file import, started
 * again on the same database, and the same file is imported again. Every valid record is then stored once, the
 * totals equal those computed from the file itself, and the ledger equals the records.
 */
class CrashDuringImportTest {

    private static final LocalDate LAST_DAY = LocalDate.of(2024, 5, 31);

    private final List<Process> applications = new ArrayList<>();
    private EmbeddedPostgres postgres;
    private final Path spool = temporarySpool();

    private static Path temporarySpool() {
        try {
            return Files.createTempDirectory("crash-spool");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @AfterEach
    void stopEverything() throws IOException {
        applications.forEach(Process::destroyForcibly);
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void a_kill_during_an_import_then_a_new_import_of_the_same_file_leaves_exact_totals() throws Exception {
        postgres = EmbeddedPostgres.builder().start();
        Path feed = Files.createTempFile("crash-feed", ".csv");
        SyntheticFeedGenerator.Summary summary = new SyntheticFeedGenerator(2_500, 40, LAST_DAY, 99).writeCsv(feed);

        int port = ApplicationProcess.freePort();
        ApplicationProcess node = startApplication(port);
        String interrupted = node.postImport(feed, "text/csv");
        await().atMost(Duration.ofSeconds(120))
                .until(() -> node.importStatus(interrupted).get("rowsRead").asLong() >= 30_000);
        try (var spooled = Files.list(spool)) {
            Path file = spooled.findFirst().orElseThrow();
            assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(
                    PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        }
        Process first = node.process();
        first.destroyForcibly().waitFor();
        assertThat(first.exitValue()).as("killed, not stopped").isNotZero();
        assertThat(spoolFiles()).as("the killed node's spooled file is still there").isEqualTo(1);

        ApplicationProcess restarted = startApplication(port);
        assertThat(spoolFiles()).as("left-overs are deleted at start").isZero();
        JsonNode afterRestart = restarted.importStatus(interrupted);
        assertThat(afterRestart.get("status").asString()).isEqualTo("FAILED");
        assertThat(afterRestart.get("rowsRead").asLong()).isLessThan(summary.rows());
        String again = restarted.postImport(feed, "text/csv");
        JsonNode completed = await().atMost(Duration.ofSeconds(300))
                .until(() -> restarted.importStatus(again), s -> "COMPLETED".equals(s.get("status").asString()));
        assertThat(completed.get("rowsRead").asLong()).isEqualTo(summary.rows());
        assertThat(completed.get("rejected").asLong()).isEqualTo(summary.invalid());

        JdbcTemplate db = new JdbcTemplate(new SingleConnectionDataSource(
                postgres.getJdbcUrl("postgres", "postgres"), true));
        assertThat(db.queryForObject("SELECT count(*) FROM usage_record", Long.class))
                .isEqualTo(summary.rows() - summary.duplicates() - summary.invalid());
        assertThat(db.queryForObject("SELECT sum(bytes_down + bytes_up) FROM usage_record "
                + "WHERE superseded_by IS NULL", Long.class)).isEqualTo(expectedTotalBytes(feed));
        // the line-month totals, which the statements of open months are served from and the close states in the
        // ledger, are written in each batch's transaction: exact once the import has completed
        assertThat(db.queryForObject("SELECT coalesce(sum(bytes), 0) FROM usage_line_month", Long.class))
                .isEqualTo(expectedTotalBytes(feed));
        assertThat(db.queryForObject("SELECT count(*) FROM usage_ledger_fact", Long.class)).isZero();
        assertThat(spoolFiles()).as("removed when the import ends").isZero();
    }

    private long spoolFiles() throws IOException {
        try (var files = Files.list(spool)) {
            return files.count();
        }
    }

    /** The total the file means: each valid record once, a replaced record counted no more. */
    private static long expectedTotalBytes(Path feed) throws IOException {
        Map<String, Long> bytesById = new HashMap<>();
        List<String> replaced = new ArrayList<>();
        try (BufferedReader in = Files.newBufferedReader(feed)) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                if (line.contains("\"") || f.length != 10 || f[6].startsWith("-") || f[5].startsWith("2099")
                        || f[4].equals("6G") || bytesById.containsKey(f[0])) {
                    continue;
                }
                bytesById.put(f[0], Long.parseLong(f[6]) + Long.parseLong(f[7]));
                if (!f[9].isEmpty()) {
                    replaced.add(f[9]);
                }
            }
        }
        replaced.forEach(bytesById::remove);
        return bytesById.values().stream().mapToLong(Long::longValue).sum();
    }

    private ApplicationProcess startApplication(int port) throws Exception {
        ApplicationProcess application = ApplicationProcess.start(port, postgres.getJdbcUrl("postgres", "postgres"),
                List.of("-Xmx512m"), List.of("--footprint.import.spool-directory=" + spool),
                Files.createTempFile("crash-app", ".log"));
        applications.add(application.process());
        return application;
    }
}
