package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.footprintledger.footprint.api.ChainDigests;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies every ledger stream as stored ({@link ChainWalk}), records the digest of every chain head, and checks the
 * ledger against a digest. Streams are read in order with a cursor, never held whole; each event is read as every
 * other read of the ledger reads it, through the upcaster chain ({@link StoredEvents}).
 */
@Component
class ChainVerifier implements LedgerIntegrity {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final StoredEvents storedEvents;
    private final StreamVerdicts verdicts;
    private final ChainDigestStore digests;
    private final RekeyingRecords rekeyings;
    private final Clock clock;
    private final AtomicLong lastBrokenCount = new AtomicLong();
    private volatile CheckedReport lastReport;

    ChainVerifier(DataSource dataSource, TransactionTemplate transactions, StoredEvents storedEvents,
                  StreamVerdicts verdicts, ChainDigestStore digests, RekeyingRecords rekeyings, Clock clock,
                  MeterRegistry metrics) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transactions = transactions;
        this.storedEvents = storedEvents;
        this.verdicts = verdicts;
        this.digests = digests;
        this.rekeyings = rekeyings;
        this.clock = clock;
        Gauge.builder("ledger.integrity.broken", lastBrokenCount, AtomicLong::get)
                .description("Subscribers with a broken ledger chain at the last integrity check").register(metrics);
    }

    /** Nightly, so the gauge (and the alert on it) says whether the chains still hold without anyone asking. */
    @Scheduled(cron = "${footprint.integrity.cron:0 30 3 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void verifyNightly() {
        verify();
    }

    /** Daily, the digest of every chain head, for auditors to hold outside the database. */
    @Scheduled(cron = "${footprint.integrity.digest-cron:0 0 4 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void recordDigestDaily() {
        recordDigest();
    }

    @Override
    public IntegrityReport verify() {
        ChainWalk walk = walkAll(false, Map.of(), new HashMap<>());
        lastBrokenCount.set(walk.broken.size());
        if (walk.broken.isEmpty()) {
            log.info("ledger integrity: {} streams, {} events, every chain intact", walk.streams, walk.events);
        } else {
            log.error("ledger integrity: {} subscribers with a broken chain, first: {}", walk.broken.size(),
                    walk.broken.get(0));
        }
        IntegrityReport report = new IntegrityReport(walk.streams, walk.events, walk.broken);
        lastReport = new CheckedReport(report, clock.instant());
        return report;
    }

    @Override
    public Optional<CheckedReport> lastReport() {
        return Optional.ofNullable(lastReport);
    }

    /** Walks every stream; {@code watched} heads have the hash of their event at their sequence put in {@code seen}. */
    private ChainWalk walkAll(boolean keepHeads, Map<String, ChainHead> watched, Map<String, String> seen) {
        ChainWalk walk = new ChainWalk(keepHeads);
        transactions.executeWithoutResult(tx -> cursor.query("SELECT " + StoredEvents.COLUMNS
                + " FROM domain_event_entry WHERE type = ? ORDER BY aggregate_identifier, sequence_number", rs -> {
                    var stored = StoredEvents.row(rs);
                    Object[] payload = new Object[1];
                    walk.next(stored.getAggregateIdentifier(), stored.getSequenceNumber(), stored.getEventIdentifier(),
                            () -> payload[0] = storedEvents.messages(Stream.of(stored)).next().getPayload());
                    ChainHead head = watched.get(stored.getAggregateIdentifier());
                    if (head != null && head.lastSequence() == stored.getSequenceNumber()) {
                        seen.put(head.ledgerId(), payload[0] instanceof org.footprintledger.footprint.api.LedgerChain
                                .Chained chained ? String.valueOf(chained.hash()) : "unreadable");
                    }
                }, SubscriberMonthLedger.class.getSimpleName()));
        return walk;
    }

    @Override
    public StreamVerdict verdictOf(String subscriberKey, YearMonth month) {
        String ledgerId = LedgerIds.of(subscriberKey, month);
        return verdicts.judge("evidence", List.of(ledgerId)).getOrDefault(ledgerId,
                new StreamVerdict(ledgerId, StreamIntegrity.UNCHAINED, null, null));
    }

    @Override
    public List<LedgerEntry> eventsOf(String subscriberKey, YearMonth month) {
        List<LedgerEntry> events = new ArrayList<>();
        cursor.query("SELECT " + StoredEvents.COLUMNS + " FROM domain_event_entry WHERE aggregate_identifier = ? "
                + "ORDER BY sequence_number", rs -> {
                    var stored = StoredEvents.row(rs);
                    var message = storedEvents.messages(Stream.of(stored)).next();
                    Object payload = message.getPayload();
                    events.add(new LedgerEntry(stored.getSequenceNumber(), stored.getEventIdentifier(),
                            message.getTimestamp(), payload.getClass().getSimpleName(), payload));
                }, LedgerIds.of(subscriberKey, month));
        return events;
    }

    @Override
    public ChainDigest recordDigest() {
        ChainWalk walk = walkAll(true, Map.of(), new HashMap<>());
        List<ChainHead> heads = walk.heads().stream()
                .sorted(java.util.Comparator.comparing(ChainHead::ledgerId)).toList();
        ChainDigest digest = new ChainDigest(clock.instant(), heads.size(), ChainDigests.merkleRoot(heads), heads);
        digests.record(digest);
        log.info("ledger chain digest recorded: {} streams, Merkle root {}", digest.streams(), digest.merkleRoot());
        return digest;
    }

    @Override
    public Optional<ChainDigest> latestDigest() {
        return digests.latest();
    }

    @Override
    public DigestCheck check(ChainDigest digest) {
        Map<String, ChainHead> watched = new HashMap<>();
        digest.heads().forEach(head -> watched.put(head.ledgerId(), head));
        Map<String, String> seen = new HashMap<>();
        ChainWalk walk = walkAll(true, watched, seen);
        Map<String, ChainHead> now = new HashMap<>();
        walk.heads().forEach(head -> now.put(head.ledgerId(), head));
        List<DigestMismatch> mismatches = new ArrayList<>();
        long deleted = 0;
        for (ChainHead expected : digest.heads()) {
            ChainHead current = now.get(expected.ledgerId());
            if (current == null) {
                deleted++;
                mismatches.add(new DigestMismatch(expected.ledgerId(), "the stream was deleted (or re-keyed since "
                        + "the digest, see rekeyedSince): the digest has it ending at sequence "
                        + expected.lastSequence()));
            } else if (current.lastSequence() < expected.lastSequence()) {
                mismatches.add(new DigestMismatch(expected.ledgerId(), "the stream was cut short: it ends at sequence "
                        + current.lastSequence() + ", the digest at " + expected.lastSequence()));
            } else if (!expected.lastHash().equals(seen.get(expected.ledgerId()))) {
                mismatches.add(new DigestMismatch(expected.ledgerId(), "the stream was rewritten: its event at "
                        + "sequence " + expected.lastSequence() + " has hash " + seen.get(expected.ledgerId())
                        + ", the digest says " + expected.lastHash()));
            }
        }
        boolean rootMatches = ChainDigests.merkleRoot(digest.heads()).equals(digest.merkleRoot());
        boolean holds = rootMatches && mismatches.isEmpty() && walk.broken.isEmpty();
        boolean onlyDeleted = rootMatches && walk.broken.isEmpty() && mismatches.size() == deleted;
        walk.broken.forEach(link -> mismatches.add(new DigestMismatch(link.ledgerId(), "sequence "
                + link.sequenceNumber() + ": " + link.problem())));
        RekeyingRecords.Since since = rekeyings.since(digest.recordedAt());
        long accountedFor = Math.min(deleted, since.streams());
        RekeyedSince rekeyedSince = new RekeyedSince(since.rekeyings(), since.streams(), accountedFor,
                !holds && onlyDeleted && accountedFor == deleted);
        if (holds) {
            log.info("ledger checked against the digest of {}: its {} streams hold", digest.recordedAt(),
                    digest.heads().size());
        } else if (rekeyedSince.explained()) {
            log.info("ledger checked against the digest of {}: {} of its {} streams are gone, every one accounted for "
                    + "by the {} re-keying(s) since; the others hold", digest.recordedAt(), deleted,
                    digest.heads().size(), since.rekeyings());
        } else {
            log.warn("ledger checked against the digest of {}: root {}, {} streams differ, first: {}",
                    digest.recordedAt(), rootMatches ? "matches its heads" : "does not match its heads",
                    mismatches.size(), mismatches.isEmpty() ? "-" : mismatches.get(0));
        }
        return new DigestCheck(digest.recordedAt(), digest.heads().size(), rootMatches, List.copyOf(mismatches),
                holds, rekeyedSince);
    }

    @Override
    public List<Rekeying> rekeyings(int limit) {
        return rekeyings.latest(limit);
    }

}
