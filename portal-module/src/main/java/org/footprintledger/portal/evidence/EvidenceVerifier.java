package org.footprintledger.portal.evidence;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.footprintledger.footprint.api.ChainDigests;
import org.footprintledger.footprint.api.FigureChecksum;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainHead;
import org.footprintledger.footprint.api.LedgerRecomputation;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.portal.evidence.EvidenceFormat.FileEntry;
import org.footprintledger.portal.evidence.EvidenceFormat.Manifest;
import org.footprintledger.portal.evidence.EvidenceFormat.SubscriberMonth;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Checks an evidence archive with no database: the manifest's own checksum, every file's SHA-256 and size, no file
 * unlisted; per subscriber-month every hash link of its events ({@link LedgerChain}), every figure recomputed from the
 * events' counted usage and factor sets with the ledger's own code ({@link LedgerRecomputation}) and compared with the
 * statements (first shown and now) and the explanation, every figure checksum ({@link FigureChecksum}); the streams'
 * heads against the archive's digest and, when given, a digest the auditor held apart.
 */
public final class EvidenceVerifier {

    private final LedgerRecomputation ledger = LedgerRecomputation.load();

    /** What was verified, line by line, and what failed (empty when the archive holds). */
    public record Verdict(List<String> verified, List<String> failures) {

        public boolean holds() {
            return failures.isEmpty();
        }
    }

    /** A failure naming its file. */
    private static final class Refused extends Exception {
        Refused(String file, String what) {
            super(file + ": " + what);
        }
    }

    public Verdict verify(Path archive, ChainDigest heldDigest) throws IOException {
        List<String> verified = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        Map<String, byte[]> files;
        try {
            files = read(archive);
        } catch (IOException | RuntimeException e) {
            return new Verdict(verified, List.of(archive.getFileName() + ": not a readable zip archive ("
                    + e.getMessage() + ")"));
        }
        try {
            Manifest manifest = manifest(files, verified);
            checksums(files, manifest, verified, failures);
            ChainDigest digest = files.containsKey(EvidenceFormat.DIGEST)
                    ? parse(EvidenceFormat.DIGEST, files.get(EvidenceFormat.DIGEST), ChainDigest.class) : null;
            if (heldDigest != null) {
                if (ChainDigests.merkleRoot(heldDigest.heads()).equals(heldDigest.merkleRoot())) {
                    verified.add("held digest of " + heldDigest.recordedAt() + ": its Merkle root "
                            + heldDigest.merkleRoot() + " follows from its " + heldDigest.heads().size() + " heads");
                } else {
                    failures.add("held digest: its Merkle root does not follow from its heads");
                }
            }
            for (SubscriberMonth month : manifest.subscriberMonths()) {
                try {
                    subscriberMonth(files, month, digest, heldDigest, verified);
                } catch (Refused e) {
                    failures.add(e.getMessage());
                }
            }
        } catch (Refused e) {
            failures.add(e.getMessage());
        }
        return new Verdict(verified, failures);
    }

    private static Map<String, byte[]> read(Path archive) throws IOException {
        Map<String, byte[]> files = new LinkedHashMap<>();
        try (InputStream in = Files.newInputStream(archive); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (files.put(entry.getName(), zip.readAllBytes()) != null) {
                    throw new IOException("the archive holds " + entry.getName() + " twice");
                }
            }
        }
        if (files.isEmpty()) {
            throw new IOException("no file in it");
        }
        return files;
    }

    private static Manifest manifest(Map<String, byte[]> files, List<String> verified) throws Refused {
        byte[] manifest = files.get(EvidenceFormat.MANIFEST);
        byte[] checksum = files.get(EvidenceFormat.MANIFEST_CHECKSUM);
        if (manifest == null || checksum == null) {
            throw new Refused(manifest == null ? EvidenceFormat.MANIFEST : EvidenceFormat.MANIFEST_CHECKSUM,
                    "missing from the archive");
        }
        if (!java.util.Arrays.equals(checksum, EvidenceFormat.manifestChecksum(manifest))) {
            throw new Refused(EvidenceFormat.MANIFEST, "its SHA-256 is " + EvidenceFormat.sha256(manifest)
                    + ", not the one " + EvidenceFormat.MANIFEST_CHECKSUM + " states: the manifest (or its checksum)"
                    + " was changed");
        }
        Manifest read = parse(EvidenceFormat.MANIFEST, manifest, Manifest.class);
        if (!EvidenceFormat.FORMAT.equals(read.format())) {
            throw new Refused(EvidenceFormat.MANIFEST, "format " + read.format() + " is not " + EvidenceFormat.FORMAT);
        }
        verified.add(EvidenceFormat.MANIFEST + ": SHA-256 " + EvidenceFormat.sha256(manifest) + " as "
                + EvidenceFormat.MANIFEST_CHECKSUM + " states; made " + read.createdAt() + " by " + read.createdBy());
        return read;
    }

    private static void checksums(Map<String, byte[]> files, Manifest manifest, List<String> verified,
                                  List<String> failures) {
        Map<String, FileEntry> listed = new LinkedHashMap<>();
        manifest.files().forEach(entry -> listed.put(entry.path(), entry));
        int good = 0;
        for (FileEntry entry : manifest.files()) {
            byte[] bytes = files.get(entry.path());
            if (bytes == null) {
                failures.add(entry.path() + ": listed in the manifest, missing from the archive");
            } else if (!EvidenceFormat.sha256(bytes).equals(entry.sha256()) || bytes.length != entry.bytes()) {
                failures.add(entry.path() + ": SHA-256 " + EvidenceFormat.sha256(bytes) + " (" + bytes.length
                        + " bytes) but the manifest says " + entry.sha256() + " (" + entry.bytes() + " bytes): the "
                        + "file was changed");
            } else {
                good++;
            }
        }
        files.keySet().stream().filter(name -> !listed.containsKey(name) && !name.equals(EvidenceFormat.MANIFEST)
                && !name.equals(EvidenceFormat.MANIFEST_CHECKSUM)).forEach(name -> failures.add(name
                + ": in the archive but not in the manifest"));
        verified.add(good + " of " + manifest.files().size() + " files: SHA-256 and size as the manifest states");
    }

    private void subscriberMonth(Map<String, byte[]> files, SubscriberMonth month, ChainDigest digest,
                                 ChainDigest heldDigest, List<String> verified) throws Refused {
        String folder = EvidenceFormat.folderOf(month.subscriberId(), month.month());
        String ledgerId = LedgerIds.of(month.subscriberKey() == null ? SubscriberKeys.PREFIX : month.subscriberKey(),
                java.time.YearMonth.parse(month.month()));
        String eventsFile = folder + EvidenceFormat.EVENTS;
        JsonNode events = parse(eventsFile, bytesOf(files, eventsFile), JsonNode.class);
        List<Object> payloads = new ArrayList<>();
        List<String> hashes = new ArrayList<>();
        List<java.time.Instant> times = new ArrayList<>();
        String previous = LedgerChain.GENESIS;
        int firstIssued = -1;
        for (JsonNode event : events) {
            long sequence = event.get("sequenceNumber").asLong();
            if (sequence != payloads.size()) {
                throw new Refused(eventsFile, "event " + payloads.size() + " has sequence number " + sequence
                        + ": events are missing or out of order");
            }
            Class<?> type = EvidenceFormat.EVENT_TYPES.get(event.get("payloadType").asString());
            if (type == null) {
                throw new Refused(eventsFile, "sequence " + sequence + ": unknown event type "
                        + event.get("payloadType"));
            }
            Object payload;
            try {
                payload = EvidenceFormat.JSON.treeToValue(event.get("payload"), type);
            } catch (JacksonException | IllegalArgumentException e) {
                throw new Refused(eventsFile, "sequence " + sequence + ": unreadable event: " + e.getMessage());
            }
            LedgerChain.Chained chained = (LedgerChain.Chained) payload;
            if (!ledgerId.equals(chained.ledgerId())) {
                throw new Refused(eventsFile, "sequence " + sequence + " belongs to " + chained.ledgerId());
            }
            if (!previous.equals(chained.previousHash())) {
                throw new Refused(eventsFile, "sequence " + sequence + " links to " + chained.previousHash()
                        + " but the previous event's hash is " + previous);
            }
            if (!chained.hashMatchesContent()) {
                throw new Refused(eventsFile, "sequence " + sequence + ": the event's content does not match its hash "
                        + chained.hash() + " (SHA-256 of the link and the content is "
                        + LedgerChain.link(chained.previousHash(), chained.chainContent()) + ")");
            }
            previous = chained.hash();
            hashes.add(chained.hash());
            times.add(java.time.Instant.parse(event.get("timestamp").asString()));
            if (firstIssued < 0 && payload instanceof StatementIssuedEvent) {
                firstIssued = payloads.size();
            }
            payloads.add(payload);
        }
        if (!"verified".equals(month.integrity()) && !payloads.isEmpty()) {
            throw new Refused(folder + EvidenceFormat.INTEGRITY, "the ledger found this stream's chain "
                    + month.integrity() + " when the archive was made");
        }
        if (payloads.isEmpty()) {
            verified.add(folder + ": no ledger stream (" + month.integrity() + "): checksums only");
            return;
        }
        verified.add(folder + ": " + payloads.size() + " events, every hash link holds (last hash " + previous + ")");
        heads(ledgerId, hashes, digest, "the archive's digest", folder, verified);
        if (heldDigest != null) {
            heads(ledgerId, hashes, heldDigest, "the held digest", folder, verified);
        }
        LedgerRecomputation.Recomputed now = ledger.recompute(payloads);
        if (!now.problems().isEmpty()) {
            throw new Refused(eventsFile, String.join("; ", now.problems()));
        }
        sameFigures(folder + EvidenceFormat.NOW, parse(folder + EvidenceFormat.NOW,
                bytesOf(files, folder + EvidenceFormat.NOW), MonthlyStatement.class), now.statement());
        sameFigures(folder + EvidenceFormat.FIRST_SHOWN, parse(folder + EvidenceFormat.FIRST_SHOWN,
                bytesOf(files, folder + EvidenceFormat.FIRST_SHOWN), MonthlyStatement.class),
                firstShown(payloads, times, firstIssued));
        int checksums = explanation(folder + EvidenceFormat.EXPLANATION, parse(folder + EvidenceFormat.EXPLANATION,
                bytesOf(files, folder + EvidenceFormat.EXPLANATION), StatementExplanation.class), now.explanation());
        verified.add(folder + ": " + now.statement().lines().size() + " line(s) recomputed from the events' usage and "
                + "factor sets (" + String.join(", ", now.statement().lines().stream()
                .map(l -> l.lineId() + " " + l.exact().co2eGrams() + " g → " + l.co2eGrams() + " g").toList())
                + "), as the statements first shown and now state; " + checksums + " figure checksum(s) recomputed");
    }

    /**
     * The statement as first shown: the events up to the first instant, from the issue on, after which the statement
     * has a line (all events of that instant included, as a read as of it includes them).
     */
    private MonthlyStatement firstShown(List<Object> payloads, List<java.time.Instant> times, int firstIssued) {
        if (firstIssued < 0) {
            return null;
        }
        for (int i = firstIssued; i < payloads.size(); i++) {
            int end = i + 1;
            while (end < payloads.size() && !times.get(end).isAfter(times.get(i))) {
                end++;
            }
            MonthlyStatement shown = ledger.recompute(payloads.subList(0, end)).statement();
            if (shown != null && !shown.lines().isEmpty()) {
                return shown;
            }
        }
        return null;
    }

    private static void heads(String ledgerId, List<String> hashes, ChainDigest digest, String which, String folder,
                              List<String> verified) throws Refused {
        if (digest == null) {
            return;
        }
        ChainHead head = digest.heads().stream().filter(h -> h.ledgerId().equals(ledgerId)).findFirst().orElse(null);
        if (head == null) {
            verified.add(folder + ": not in " + which + " of " + digest.recordedAt() + " (newer than it)");
            return;
        }
        if (head.lastSequence() >= hashes.size() || !hashes.get((int) head.lastSequence()).equals(head.lastHash())) {
            throw new Refused(folder + EvidenceFormat.EVENTS, which + " of " + digest.recordedAt() + " has this stream"
                    + " ending at sequence " + head.lastSequence() + " with hash " + head.lastHash() + ": the events "
                    + "do not (the stream was cut or rewritten since)");
        }
        verified.add(folder + ": sequence " + head.lastSequence() + " has the hash " + which + " of "
                + digest.recordedAt() + " holds");
    }

    private static void sameFigures(String file, MonthlyStatement archived, MonthlyStatement recomputed)
            throws Refused {
        List<String> shown = archived == null ? List.of() : archived.lines().stream().map(EvidenceVerifier::figures)
                .toList();
        List<String> computed = recomputed == null ? List.of() : recomputed.lines().stream()
                .map(EvidenceVerifier::figures).toList();
        if (!shown.equals(computed)) {
            throw new Refused(file, "states " + shown + " but the events give " + computed);
        }
    }

    private static String figures(StatementLine line) {
        return line.lineId() + " " + line.lineType() + " " + line.technology() + " " + line.exact().bytes() + " octets "
                + line.dataGo() + " Go " + line.exact().co2eGrams() + " g → " + line.co2eGrams() + " g ("
                + line.factorSetId() + ", " + line.corrections().size() + " correction(s))";
    }

    private static int explanation(String file, StatementExplanation archived, StatementExplanation recomputed)
            throws Refused {
        if (archived == null || recomputed == null || archived.lines().size() != recomputed.lines().size()) {
            throw new Refused(file, "explains " + (archived == null ? 0 : archived.lines().size()) + " line(s), the "
                    + "events " + (recomputed == null ? 0 : recomputed.lines().size()));
        }
        for (int i = 0; i < archived.lines().size(); i++) {
            LineExplanation shown = archived.lines().get(i);
            LineExplanation computed = recomputed.lines().get(i);
            String checksum = FigureChecksum.of(shown.figures(), shown.factorSetId(), shown.factor(),
                    shown.octetsPerGo());
            if (!checksum.equals(shown.checksum())) {
                throw new Refused(file, "line " + shown.figures().lineId() + ": checksum " + shown.checksum()
                        + " does not follow from its figures (recomputed: " + checksum + ")");
            }
            if (!Objects.equals(shown.figures(), computed.figures()) || !shown.checksum().equals(computed.checksum())
                    || !Objects.equals(shown.formula(), computed.formula())) {
                throw new Refused(file, "line " + shown.figures().lineId() + ": the explanation is not what the "
                        + "events give (" + computed.formula() + ", checksum " + computed.checksum() + ")");
            }
        }
        return archived.lines().size();
    }

    private static byte[] bytesOf(Map<String, byte[]> files, String name) throws Refused {
        byte[] bytes = files.get(name);
        if (bytes == null) {
            throw new Refused(name, "missing from the archive");
        }
        return bytes;
    }

    private static <T> T parse(String file, byte[] bytes, Class<T> type) throws Refused {
        try {
            return EvidenceFormat.JSON.readValue(bytes, type);
        } catch (JacksonException | IllegalArgumentException e) {
            throw new Refused(file, "not readable as " + (type == JsonNode.class ? "JSON" : "the archive's JSON")
                    + ": " + (e instanceof JacksonException j ? j.getOriginalMessage() : e.getMessage()));
        }
    }
}
