package org.footprintledger.portal.web.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.EquivalenceBinding;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainHead;
import org.footprintledger.footprint.api.LedgerIntegrity.LedgerEntry;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.portal.evidence.EvidenceFormat;
import org.footprintledger.portal.evidence.EvidenceFormat.ArchivedEntry;
import org.footprintledger.portal.evidence.EvidenceFormat.FileEntry;
import org.footprintledger.portal.evidence.EvidenceFormat.Manifest;
import org.footprintledger.portal.evidence.EvidenceFormat.SubscriberMonth;
import org.footprintledger.portal.web.StatementReader;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Writes the evidence archive of a sample of subscriber-months ({@link EvidenceFormat}): per subscriber-month the
 * statement as first shown (as of its issue) and as of now, the ledger's explanation, the factor sets its events carry
 * (with their publication), the equivalences bound to its lines, the ledger events with their hashes and the stream's
 * verdict; the latest chain-head digest; a manifest with the SHA-256 of every file. The statements and explanation
 * name each line by its ledger key, as its events do (ADR 0013), so that an auditor recomputes them from the events
 * alone. Metrics:
 * {@code audit.evidence.archives}, {@code audit.evidence.subscriber_months}.
 */
@Component
class EvidenceArchive {

    private static final Logger log = LoggerFactory.getLogger(EvidenceArchive.class);

    private final StatementReader statements;
    private final LedgerIntegrity integrity;
    private final FactorSets factorSets;
    private final CustomerContent content;
    private final SubscriberKeys keys;
    private final Clock clock;
    private final Counter archives;
    private final Counter subscriberMonths;

    EvidenceArchive(StatementReader statements, LedgerIntegrity integrity, FactorSets factorSets,
                    CustomerContent content, SubscriberKeys keys, Clock clock, MeterRegistry metrics) {
        this.statements = statements;
        this.keys = keys;
        this.integrity = integrity;
        this.factorSets = factorSets;
        this.content = content;
        this.clock = clock;
        this.archives = Counter.builder("audit.evidence.archives").description("Evidence archives written")
                .register(metrics);
        this.subscriberMonths = Counter.builder("audit.evidence.subscriber_months")
                .description("Subscriber-months written into evidence archives").register(metrics);
    }

    void write(List<String> subscribers, List<YearMonth> months, String auditor, OutputStream out)
            throws IOException {
        long started = System.nanoTime();
        Map<String, byte[]> files = new LinkedHashMap<>();
        List<SubscriberMonth> sample = new ArrayList<>();
        Set<String> ledgerIds = new LinkedHashSet<>();
        // the ledger names each subscriber by its key; one without (unknown, erased) has no stream: the bare prefix
        Map<String, String> keyOf = new LinkedHashMap<>();
        subscribers.forEach(subscriberId -> keyOf.put(subscriberId, keys.keyOf(subscriberId)
                .orElse(SubscriberKeys.PREFIX)));
        keyOf.values().forEach(key -> months.forEach(month -> ledgerIds.add(LedgerIds.of(key, month))));
        // read once: the heads of the sampled streams, by ledger id
        Optional<ChainDigest> digest = integrity.latestDigest().map(d -> new ChainDigest(d.recordedAt(), d.streams(),
                d.merkleRoot(), d.heads().stream().filter(h -> ledgerIds.contains(h.ledgerId())).toList()));
        Map<String, ChainHead> heads = new LinkedHashMap<>();
        digest.ifPresent(d -> d.heads().forEach(head -> heads.put(head.ledgerId(), head)));
        for (String subscriberId : subscribers) {
            // the statements are archived as the events give them, each line under its key (one lookup per subscriber)
            Map<String, String> lineKeyOf = new LinkedHashMap<>();
            keys.lineIdsOf(keyOf.get(subscriberId)).forEach((lineKey, lineId) -> lineKeyOf.put(lineId, lineKey));
            for (YearMonth month : months) {
                sample.add(subscriberMonth(subscriberId, keyOf.get(subscriberId), lineKeyOf, month, heads, files));
            }
        }
        files.put(EvidenceFormat.DIGEST, json(digest.orElse(null)));
        List<FileEntry> entries = files.entrySet().stream().map(file -> new FileEntry(file.getKey(),
                EvidenceFormat.sha256(file.getValue()), file.getValue().length)).toList();
        byte[] manifest = json(new Manifest(EvidenceFormat.FORMAT, clock.instant(), auditor, sample, entries));
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            entry(zip, EvidenceFormat.MANIFEST, manifest);
            entry(zip, EvidenceFormat.MANIFEST_CHECKSUM, EvidenceFormat.manifestChecksum(manifest));
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                entry(zip, file.getKey(), file.getValue());
            }
        }
        archives.increment();
        subscriberMonths.increment(sample.size());
        log.info("evidence archive of {} subscriber-months ({} files) written for {} in {} ms", sample.size(),
                files.size() + 2, auditor, (System.nanoTime() - started) / 1_000_000);
    }

    private SubscriberMonth subscriberMonth(String subscriberId, String subscriberKey, Map<String, String> lineKeyOf,
                                            YearMonth month, Map<String, ChainHead> heads, Map<String, byte[]> files) {
        String folder = EvidenceFormat.folderOf(subscriberId, month.toString());
        List<LedgerEntry> events = integrity.eventsOf(subscriberKey, month);
        LedgerIntegrity.StreamVerdict verdict = integrity.verdictOf(subscriberKey, month);
        Optional<MonthlyStatement> now = statements.monthly(subscriberId, month);
        Optional<MonthlyStatement> firstShown = firstShown(subscriberId, month, events);
        files.put(folder + EvidenceFormat.FIRST_SHOWN, json(firstShown.map(s -> s.withLineIds(lineKeyOf))
                .orElse(null)));
        files.put(folder + EvidenceFormat.NOW, json(now.map(s -> s.withLineIds(lineKeyOf)).orElse(null)));
        files.put(folder + EvidenceFormat.EXPLANATION, json(statements.explanation(subscriberId, month)
                .map(e -> e.withLineIds(lineKeyOf)).orElse(null)));
        files.put(folder + EvidenceFormat.FACTOR_SETS, json(factorSetsOf(events)));
        files.put(folder + EvidenceFormat.EQUIVALENCES, json(equivalences(now.orElse(null))));
        files.put(folder + EvidenceFormat.EVENTS, json(events.stream().map(e -> new ArchivedEntry(e.sequenceNumber(),
                e.eventId(), e.timestamp(), e.payloadType(), e.payload())).toList()));
        Optional<ChainHead> head = Optional.ofNullable(heads.get(verdict.ledgerId()));
        files.put(folder + EvidenceFormat.INTEGRITY, json(Map.of("verdict", verdict, "digestHead",
                head.map(Object.class::cast).orElse("not in the latest digest"))));
        return new SubscriberMonth(subscriberId, subscriberKey.equals(SubscriberKeys.PREFIX) ? null : subscriberKey,
                month.toString(), folder, verdict.integrity());
    }

    /**
     * The statement as the ledger first showed it: as of the first event from the issue on after which it had a line
     * (a subscriber first known after the close is issued empty, its line coming with the correction that follows).
     */
    private Optional<MonthlyStatement> firstShown(String subscriberId, YearMonth month, List<LedgerEntry> events) {
        boolean issued = false;
        for (LedgerEntry event : events) {
            issued |= event.payload() instanceof StatementIssuedEvent;
            if (issued) {
                Optional<MonthlyStatement> shown = statements.monthly(subscriberId, month, event.timestamp());
                if (shown.isPresent() && !shown.get().lines().isEmpty()) {
                    return shown;
                }
            }
        }
        return Optional.empty();
    }

    /** The sets the events were computed with, each with its publication, in the order the events name them. */
    private List<FactorSets.PublishedSet> factorSetsOf(List<LedgerEntry> events) {
        Map<String, FactorSet> sets = new LinkedHashMap<>();
        for (LedgerEntry event : events) {
            if (event.payload() instanceof StatementIssuedEvent issued) {
                sets.putIfAbsent(issued.factorSet().id(), issued.factorSet());
            } else if (event.payload() instanceof StatementCorrectedEvent corrected) {
                sets.putIfAbsent(corrected.factorSet().id(), corrected.factorSet());
            }
        }
        Map<String, FactorSets.PublishedSet> published = new LinkedHashMap<>();
        factorSets.all().forEach(set -> published.put(set.factorSet().id(), set));
        return sets.values().stream().map(set -> published.getOrDefault(set.id(),
                new FactorSets.PublishedSet(set, null))).toList();
    }

    private List<EquivalenceBinding> equivalences(MonthlyStatement statement) {
        if (statement == null) {
            return List.of();
        }
        List<EquivalenceBinding> bound = new ArrayList<>();
        for (StatementLine line : statement.lines()) {
            content.binding(statement.subscriberId(), statement.month(), line.lineId(), line.exact().co2eGrams())
                    .ifPresent(bound::add);
        }
        return bound;
    }

    private static byte[] json(Object value) {
        return EvidenceFormat.JSON.writeValueAsBytes(value);
    }

    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        zip.putNextEntry(new ZipEntry(name));
        zip.write(bytes);
        zip.closeEntry();
    }
}
