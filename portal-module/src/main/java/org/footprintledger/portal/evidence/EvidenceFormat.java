package org.footprintledger.portal.evidence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The evidence archive (a zip), written by the auditors' API and read by {@code verify-evidence} with no database:
 * {@code manifest.json} (what is in it and the SHA-256 of every other file), {@code manifest.sha256} (the manifest's
 * own SHA-256, {@code sha256sum -c} format), {@code digest.json} (the latest chain-head digest: its root and the heads
 * of the streams in the archive), and per subscriber-month, in {@code <subscriberId>/<yyyy-MM>/}, the files of
 * {@link #FILES}. JSON written by its own mapper, so no web setting changes the format.
 */
public final class EvidenceFormat {

    public static final String FORMAT = "footprint-ledger-evidence/1";
    public static final String MANIFEST = "manifest.json";
    public static final String MANIFEST_CHECKSUM = "manifest.sha256";
    public static final String DIGEST = "digest.json";
    public static final String FIRST_SHOWN = "statement-first-shown.json";
    public static final String NOW = "statement-now.json";
    public static final String EXPLANATION = "explanation.json";
    public static final String FACTOR_SETS = "factor-sets.json";
    public static final String EQUIVALENCES = "equivalences.json";
    public static final String EVENTS = "events.json";
    public static final String INTEGRITY = "integrity.json";
    public static final List<String> FILES = List.of(FIRST_SHOWN, NOW, EXPLANATION, FACTOR_SETS, EQUIVALENCES, EVENTS,
            INTEGRITY);

    /** The ledger event types an archive holds, by the name {@code events.json} gives them. */
    public static final Map<String, Class<?>> EVENT_TYPES = Map.of(
            LineUsageAccruedEvent.class.getSimpleName(), LineUsageAccruedEvent.class,
            StatementIssuedEvent.class.getSimpleName(), StatementIssuedEvent.class,
            StatementCorrectedEvent.class.getSimpleName(), StatementCorrectedEvent.class);

    public static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private EvidenceFormat() {
    }

    public record Manifest(String format, Instant createdAt, String createdBy, List<SubscriberMonth> subscriberMonths,
                           List<FileEntry> files) {
    }

    /** A subscriber-month of the archive: its folder and the verdict of its stream when the archive was made. */
    /** One sampled subscriber-month; {@code subscriberKey} names its ledger stream (null when it has none). */
    public record SubscriberMonth(String subscriberId, String subscriberKey, String month, String folder,
                                  String integrity) {
    }

    public record FileEntry(String path, String sha256, long bytes) {
    }

    /** One event of {@code events.json}. */
    public record ArchivedEntry(long sequenceNumber, String eventId, Instant timestamp, String payloadType,
                                Object payload) {
    }

    public static String folderOf(String subscriberId, String month) {
        return subscriberId + "/" + month + "/";
    }

    public static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    public static byte[] manifestChecksum(byte[] manifest) {
        return (sha256(manifest) + "  " + MANIFEST + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
