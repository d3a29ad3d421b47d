package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.footprintledger.portal.cli.VerifyEvidenceCommand;
import org.footprintledger.portal.evidence.EvidenceFormat;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Evidence an outsider can verify: the archive of a closed, corrected month checked offline by the jar's own command,
 * and refused when one byte of a statement, an event or the manifest changed, or when an event or a figure is changed
 * with every checksum of the manifest recomputed to match.
 */
class EvidenceArchiveTest extends LedgerIntegrationTest {

    private static final String MONTH = "2024-08";

    @TempDir
    Path directory;

    private Map<String, byte[]> archive;

    @BeforeEach
    void aClosedCorrectedMonthAndItsArchive() throws IOException {
        send(UsageFeed.batch().mobile(id("r1"), subscriber, id("mob"), MONTH + "-03", 1_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 49);
        close(MONTH);
        statementOnceItShows(MONTH, s -> "CLOSED".equals(s.get("status").asString()));
        // late usage: a correction after the close, so the stream has more than its statement
        send(UsageFeed.batch().mobile(id("r2"), subscriber, id("mob"), MONTH + "-20", 1_000_000_000L, 0, false));
        statementWithGrams(MONTH, id("mob"), 99);
        assertThat(auditor.postJson("/api/v1/audit/integrity/digests", "").status()).isEqualTo(200);

        ApiClient.BinaryResponse response = auditor.getBytes("/api/v1/audit/evidence?subscribers=" + subscriber
                + "&months=" + MONTH);
        assertThat(response.status()).as(new String(response.body(), StandardCharsets.UTF_8)).isEqualTo(200);
        assertThat(response.contentType()).isEqualTo("application/zip");
        archive = unzip(response.body());
    }

    @Test
    void the_offline_command_verifies_every_checksum_hash_link_and_figure_of_the_archive() throws IOException {
        assertThat(archive).containsKeys("manifest.json", "manifest.sha256", "digest.json",
                folder() + "statement-first-shown.json", folder() + "statement-now.json",
                folder() + "explanation.json", folder() + "factor-sets.json", folder() + "equivalences.json",
                folder() + "events.json", folder() + "integrity.json");
        assertThat(text(folder() + "statement-first-shown.json")).contains("\"co2eGrams\" : 49");
        assertThat(text(folder() + "statement-now.json")).contains("\"co2eGrams\" : 99", "\"integrity\" : \"verified\"");

        Verification result = verify(archive);

        assertThat(result.exitCode()).as(result.err()).isZero();
        assertThat(result.out()).contains("manifest.json: SHA-256", "events, every hash link holds",
                "as the statements first shown and now state", "1 figure checksum(s) recomputed",
                "has the hash the archive's digest", "OK ");
    }

    @Test
    void the_offline_command_checks_the_archived_streams_against_a_digest_held_apart() throws IOException {
        Path held = directory.resolve("chain-digest.json");
        ApiClient.Response digest = auditor.get("/api/v1/audit/integrity/digests/latest");
        assertThat(digest.status()).isEqualTo(200);
        Files.writeString(held, digest.body());

        Verification holds = verify(archive, "--digest", held.toString());
        assertThat(holds.exitCode()).as(holds.err()).isZero();
        assertThat(holds.out()).contains("held digest of", "follows from its", "has the hash the held digest");

        // the digest an auditor holds says the stream ended with another hash: the archive's stream was rewritten
        String forgedHead = digest.body().replaceFirst("(\"ledgerId\":\"" + Pattern.quote(ledgerId(MONTH))
                + "\",\"lastSequence\":\\d+,\"lastHash\":\")[0-9a-f]", "$1" + "x");
        assertThat(forgedHead).isNotEqualTo(digest.body());
        Files.writeString(held, forgedHead);
        Verification refused = verify(archive, "--digest", held.toString());
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err()).contains("held digest: its Merkle root does not follow from its heads",
                folder() + "events.json", "the stream was cut or rewritten since");
    }

    @Test
    void one_byte_changed_in_a_statement_is_refused_naming_the_file() throws IOException {
        Verification result = verify(changed(folder() + "statement-now.json", oneDigitAfter("\"co2eGrams\" : ")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(folder() + "statement-now.json", "the file was changed", "REFUSED");
    }

    @Test
    void one_byte_changed_in_an_event_is_refused_naming_the_file() throws IOException {
        Verification result = verify(changed(folder() + "events.json", oneDigitAfter("\"bytes\" : ")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(folder() + "events.json", "the file was changed");
    }

    @Test
    void one_byte_changed_in_the_manifest_is_refused() throws IOException {
        Verification result = verify(changed("manifest.json", oneDigitAfter("\"bytes\" : ")));

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("manifest.json", "the manifest (or its checksum) was changed");
    }

    @Test
    void an_event_changed_with_the_manifest_recomputed_still_breaks_its_hash() throws IOException {
        Map<String, byte[]> forged = withManifestRecomputed(changed(folder() + "events.json",
                oneDigitAfter("\"bytes\" : ")));

        Verification result = verify(forged);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(folder() + "events.json", "does not match its hash")
                .doesNotContain("the file was changed");
    }

    @Test
    void a_figure_changed_with_the_manifest_recomputed_is_not_what_the_events_give() throws IOException {
        Map<String, byte[]> forged = withManifestRecomputed(changed(folder() + "statement-now.json",
                oneDigitAfter("\"dataGo\" : ")));

        Verification result = verify(forged);

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains(folder() + "statement-now.json", "but the events give");
    }

    @Test
    void a_sample_too_large_is_a_clear_400_and_only_auditors_get_evidence() {
        ApiClient.Response tooLarge = auditor.get("/api/v1/audit/evidence?subscribers=" + subscriber
                + ",S0000001&months=2000-01..2030-12");
        assertThat(tooLarge.status()).isEqualTo(400);
        assertThat(tooLarge.json().get("message").asString()).contains("at most 200 subscriber-months");
        assertThat(auditor.get("/api/v1/audit/evidence?subscribers=" + subscriber + "&months=2024-13").status())
                .isEqualTo(400);
        assertThat(auditor.get("/api/v1/audit/evidence?months=" + MONTH).json().get("message").asString())
                .contains("subscribers is required");
        assertThat(ops.get("/api/v1/audit/evidence?subscribers=" + subscriber + "&months=" + MONTH).status())
                .isEqualTo(403);
        assertThat(as(subscriber, "demo").get("/api/v1/audit/evidence?subscribers=" + subscriber + "&months="
                + MONTH).status()).isEqualTo(403);
    }

    @Test
    void the_auditors_evidence_page_offers_the_download_and_says_what_is_wrong_with_a_sample() {
        Browser browser = new Browser(port);
        browser.logIn("auditor", "auditor");

        assertThat(browser.open("/audit/evidence")).contains("Pièces justificatives", "Au plus 200 abonnés-mois");
        assertThat(browser.open("/audit/evidence?lang=en")).contains("Evidence", "At most 200 subscriber-months");
        assertThat(browser.open("/audit/evidence/archive?subscribers=" + subscriber + "&months=2000-01..2030-12"))
                .contains("at most 200 subscriber-months");
        Browser customer = new Browser(port);
        customer.logIn(subscriber, "demo");
        assertThat(customer.open("/audit/evidence")).doesNotContain("Pièces justificatives");
    }

    private String folder() {
        return subscriber + "/" + MONTH + "/";
    }

    private String text(String name) {
        return new String(archive.get(name), StandardCharsets.UTF_8);
    }

    private record Verification(int exitCode, String out, String err) {
    }

    private Verification verify(Map<String, byte[]> files, String... options) throws IOException {
        Path file = directory.resolve("evidence-" + System.nanoTime() + ".zip");
        Files.write(file, zip(files));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        String[] args = new String[options.length + 1];
        args[0] = file.toString();
        System.arraycopy(options, 0, args, 1, options.length);
        int code = VerifyEvidenceCommand.run(args,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Verification(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** Changes the first digit after {@code key} into another digit: one byte. */
    private static UnaryOperator<String> oneDigitAfter(String key) {
        return text -> {
            Matcher digit = Pattern.compile(Pattern.quote(key) + "(\\d)").matcher(text);
            assertThat(digit.find()).as(key + " in " + text).isTrue();
            char changed = (char) ('0' + (digit.group(1).charAt(0) - '0' + 1) % 10);
            return text.substring(0, digit.start(1)) + changed + text.substring(digit.end(1));
        };
    }

    private Map<String, byte[]> changed(String name, UnaryOperator<String> change) {
        Map<String, byte[]> files = new LinkedHashMap<>(archive);
        byte[] before = files.get(name);
        byte[] after = change.apply(new String(before, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8);
        assertThat(after).hasSameSizeAs(before).isNotEqualTo(before);
        files.put(name, after);
        return files;
    }

    /** What a forger would do next: recompute the SHA-256 of every file in the manifest, and the manifest's own. */
    private static Map<String, byte[]> withManifestRecomputed(Map<String, byte[]> files) {
        EvidenceFormat.Manifest manifest = EvidenceFormat.JSON.readValue(files.get("manifest.json"),
                EvidenceFormat.Manifest.class);
        EvidenceFormat.Manifest forged = new EvidenceFormat.Manifest(manifest.format(), manifest.createdAt(),
                manifest.createdBy(), manifest.subscriberMonths(), manifest.files().stream()
                .map(f -> new EvidenceFormat.FileEntry(f.path(), EvidenceFormat.sha256(files.get(f.path())),
                        files.get(f.path()).length)).toList());
        Map<String, byte[]> result = new LinkedHashMap<>(files);
        byte[] manifestBytes = EvidenceFormat.JSON.writeValueAsBytes(forged);
        result.put("manifest.json", manifestBytes);
        result.put("manifest.sha256", EvidenceFormat.manifestChecksum(manifestBytes));
        return result;
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private static byte[] zip(Map<String, byte[]> files) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                out.putNextEntry(new ZipEntry(file.getKey()));
                out.write(file.getValue());
                out.closeEntry();
            }
        }
        return bytes.toByteArray();
    }
}
