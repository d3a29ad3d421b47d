package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import javax.sql.DataSource;
import java.util.stream.Stream;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Verifies every ledger stream as stored: each event's hash must match its content and its link must match the previous
 * event's hash (the first event links to the genesis hash). Streams are read in order with a cursor, never held whole;
 * each event is read as every other read of the ledger reads it, through the upcaster chain ({@link StoredEvents}).
 */
@Component
class ChainVerifier implements LedgerIntegrity {

    private static final Logger log = LoggerFactory.getLogger(ChainVerifier.class);

    private final JdbcTemplate cursor;
    private final TransactionTemplate transactions;
    private final StoredEvents storedEvents;
    private final AtomicLong lastBrokenCount = new AtomicLong();

    ChainVerifier(DataSource dataSource, TransactionTemplate transactions, StoredEvents storedEvents,
                  MeterRegistry metrics) {
        this.cursor = new JdbcTemplate(dataSource);
        this.cursor.setFetchSize(1000);
        this.transactions = transactions;
        this.storedEvents = storedEvents;
        Gauge.builder("ledger.integrity.broken", lastBrokenCount, AtomicLong::get)
                .description("Subscribers with a broken ledger chain at the last integrity check").register(metrics);
    }

    /** Nightly, so the gauge (and the alert on it) says whether the chains still hold without anyone asking. */
    @Scheduled(cron = "${footprint.integrity.cron:0 30 3 * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void verifyNightly() {
        verify();
    }

    @Override
    public IntegrityReport verify() {
        Walk walk = new Walk();
        transactions.executeWithoutResult(tx -> cursor.query("SELECT " + StoredEvents.COLUMNS
                + " FROM domain_event_entry WHERE type = ? ORDER BY aggregate_identifier, sequence_number", rs -> {
                    var stored = StoredEvents.row(rs);
                    walk.next(stored.getAggregateIdentifier(), stored.getSequenceNumber(), stored.getEventIdentifier(),
                            () -> storedEvents.messages(Stream.of(stored)).next().getPayload());
                }, SubscriberMonthLedger.class.getSimpleName()));
        lastBrokenCount.set(walk.broken.size());
        if (walk.broken.isEmpty()) {
            log.info("ledger integrity: {} streams, {} events, every chain intact", walk.streams, walk.events);
        } else {
            log.error("ledger integrity: {} subscribers with a broken chain, first: {}", walk.broken.size(),
                    walk.broken.get(0));
        }
        return new IntegrityReport(walk.streams, walk.events, List.copyOf(walk.broken));
    }

    private static final class Walk {
        final List<BrokenLink> broken = new ArrayList<>();
        final Set<String> brokenSubscribers = new HashSet<>();
        long streams;
        long events;
        String ledgerId;
        String previousHash;
        long expectedSequence;

        void next(String streamId, long sequence, String eventId, Supplier<Object> payload) {
            events++;
            if (!streamId.equals(ledgerId)) {
                streams++;
                ledgerId = streamId;
                previousHash = LedgerChain.GENESIS;
                expectedSequence = 0;
            }
            String subscriberId = LedgerIds.subscriberOf(streamId);
            String problem = problemOf(sequence, payload);
            expectedSequence = sequence + 1;
            if (problem != null && brokenSubscribers.add(subscriberId)) {
                broken.add(new BrokenLink(subscriberId, streamId, sequence, eventId, problem));
            }
        }

        private String problemOf(long sequence, Supplier<Object> payload) {
            if (sequence != expectedSequence) {
                String gap = "sequence " + sequence + " follows " + (expectedSequence - 1) + ": events are missing";
                expectedSequence = sequence;
                return gap;
            }
            Object event;
            try {
                event = payload.get();
            } catch (RuntimeException e) {
                return "the stored payload cannot be read: " + e.getMessage();
            }
            if (!(event instanceof LedgerChain.Chained chained)) {
                return "not a chained ledger event: " + event.getClass().getSimpleName();
            }
            String expectedLink = previousHash;
            previousHash = chained.hash();
            if (chained.hash() == null) {
                return "the event carries no hash (written before the chain existed, or stripped)";
            }
            if (!expectedLink.equals(chained.previousHash())) {
                return "the event links to " + chained.previousHash() + " but the previous event's hash is "
                        + expectedLink;
            }
            if (!chained.hashMatchesContent()) {
                return "the event's content does not match its hash: it was altered after it was written";
            }
            return null;
        }
    }
}
