package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.sql.PreparedStatement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.axonframework.eventhandling.DomainEventData;
import org.footprintledger.footprint.api.LedgerIntegrity.StreamVerdict;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The verdict of each stream's hash chain for every read that serves its figures, cheap enough for every read: the
 * streams read are fingerprinted in one indexed query, or within the caller's own query ({@link #FINGERPRINT_OF_STREAM}:
 * the current statements read theirs with their lines) (each row's sequence number and PostgreSQL row version
 * {@code xmin}, which any UPDATE, DELETE or re-INSERT changes, without reading the payloads), and a stream whose
 * fingerprint is the one its verdict was computed on keeps that verdict. Only a new or changed stream is read whole
 * and walked ({@link ChainWalk}). Bounded: past {@code footprint.integrity.verdict-cache-streams} streams the cache
 * starts over. A read of a broken stream counts {@code ledger.integrity.unverified.reads{read}} and logs a WARN.
 */
@Component
class StreamVerdicts {

    private static final Logger log = LoggerFactory.getLogger(StreamVerdicts.class);

    private final JdbcTemplate jdbc;
    private final StoredEvents storedEvents;
    private final MeterRegistry metrics;
    private final int maximumStreams;
    private final Map<String, Judged> cache = new ConcurrentHashMap<>();

    private record Judged(String fingerprint, StreamVerdict verdict) {
    }

    StreamVerdicts(DataSource dataSource, StoredEvents storedEvents, MeterRegistry metrics,
                   @Value("${footprint.integrity.verdict-cache-streams:500000}") int maximumStreams) {
        this.jdbc = new JdbcTemplate(dataSource);
        this.storedEvents = storedEvents;
        this.metrics = metrics;
        this.maximumStreams = maximumStreams;
        // registered at zero: the alert's increase() then sees the first unverified read of each kind too
        for (String read : List.of("statement", "statement-as-of", "explanation", "evidence")) {
            unverifiedReads(read);
        }
    }

    private Counter unverifiedReads(String read) {
        return Counter.builder("ledger.integrity.unverified.reads").tag("read", read)
                .description("Reads whose ledger stream failed its hash chain: figures withheld").register(metrics);
    }

    /** The verdict of each stream (by ledger id), for a read named {@code read} (statement, explanation, …). */
    Map<String, StreamVerdict> judge(String read, Collection<String> ledgerIds) {
        if (ledgerIds.isEmpty()) {
            return new LinkedHashMap<>();
        }
        return judge(read, ledgerIds, fingerprints(ledgerIds));
    }

    /**
     * The verdict of the streams whose fingerprints the caller read itself ({@link #FINGERPRINT_OF_STREAM}, null when
     * the stream has no row: {@code unchained}; a stream deleted whole is found against the chain-head digest, since
     * read models may hold statements written without a stream, by a bulk load or a release before the ledger).
     */
    Map<String, StreamVerdict> judgeFingerprinted(String read, Map<String, String> fingerprints) {
        return judge(read, fingerprints.keySet(), fingerprints);
    }

    /** SQL of a stream's fingerprint, for a query that has its ledger id as {@code ledger_id}. */
    static final String FINGERPRINT_OF_STREAM = "(SELECT string_agg(e.sequence_number || ':' || e.xmin::text, ',' "
            + "ORDER BY e.sequence_number) FROM domain_event_entry e WHERE e.aggregate_identifier = ledger_id)";

    private Map<String, StreamVerdict> judge(String read, Collection<String> ledgerIds,
                                             Map<String, String> fingerprints) {
        Map<String, StreamVerdict> verdicts = new LinkedHashMap<>();
        List<String> toWalk = new ArrayList<>();
        for (String ledgerId : ledgerIds) {
            String fingerprint = fingerprints.get(ledgerId);
            if (fingerprint == null) {
                verdicts.put(ledgerId, new StreamVerdict(ledgerId, StreamIntegrity.UNCHAINED, null, null));
                continue;
            }
            Judged judged = cache.get(ledgerId);
            if (judged != null && judged.fingerprint().equals(fingerprint)) {
                verdicts.put(ledgerId, judged.verdict());
            } else {
                toWalk.add(ledgerId);
            }
        }
        if (!toWalk.isEmpty()) {
            walk(toWalk).forEach((ledgerId, judged) -> {
                if (cache.size() >= maximumStreams) {
                    cache.clear();
                }
                cache.put(ledgerId, judged);
                verdicts.put(ledgerId, judged.verdict());
            });
        }
        verdicts.values().stream().filter(v -> StreamIntegrity.BROKEN.equals(v.integrity())).forEach(v -> {
            unverifiedReads(read).increment();
            log.warn("ledger stream {} fails its hash chain at sequence {}: {}; its figures are withheld from the {} "
                    + "read", v.ledgerId(), v.brokenAtSequence(), v.problem(), read);
        });
        return verdicts;
    }

    private Map<String, String> fingerprints(Collection<String> ledgerIds) {
        Map<String, StringBuilder> prints = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT aggregate_identifier, sequence_number, "
                    + "xmin::text FROM domain_event_entry WHERE aggregate_identifier = ANY(?) "
                    + "ORDER BY aggregate_identifier, sequence_number");
            statement.setArray(1, connection.createArrayOf("varchar", ledgerIds.toArray()));
            return statement;
        }, rs -> {
            StringBuilder print = prints.computeIfAbsent(rs.getString(1), id -> new StringBuilder());
            print.append(print.isEmpty() ? "" : ",").append(rs.getLong(2)).append(':').append(rs.getString(3));
        });
        Map<String, String> fingerprints = new HashMap<>();
        prints.forEach((id, print) -> fingerprints.put(id, print.toString()));
        return fingerprints;
    }

    private Map<String, Judged> walk(List<String> ledgerIds) {
        Map<String, List<DomainEventData<?>>> rows = new LinkedHashMap<>();
        Map<String, StringBuilder> prints = new HashMap<>();
        jdbc.query(connection -> {
            PreparedStatement statement = connection.prepareStatement("SELECT " + StoredEvents.COLUMNS
                    + ", xmin::text FROM domain_event_entry WHERE aggregate_identifier = ANY(?) "
                    + "ORDER BY aggregate_identifier, sequence_number");
            statement.setArray(1, connection.createArrayOf("varchar", ledgerIds.toArray()));
            return statement;
        }, rs -> {
            DomainEventData<?> row = StoredEvents.row(rs);
            rows.computeIfAbsent(row.getAggregateIdentifier(), id -> new ArrayList<>()).add(row);
            StringBuilder print = prints.computeIfAbsent(row.getAggregateIdentifier(), id -> new StringBuilder());
            print.append(print.isEmpty() ? "" : ",").append(row.getSequenceNumber()).append(':')
                    .append(rs.getString(10));
        });
        Map<String, Judged> judged = new LinkedHashMap<>();
        rows.forEach((ledgerId, stream) -> {
            ChainWalk walk = new ChainWalk(false);
            for (DomainEventData<?> row : stream) {
                walk.next(ledgerId, row.getSequenceNumber(), row.getEventIdentifier(),
                        () -> storedEvents.messages(Stream.of(row)).next().getPayload());
            }
            StreamVerdict verdict = walk.broken.isEmpty()
                    ? new StreamVerdict(ledgerId, StreamIntegrity.VERIFIED, null, null)
                    : new StreamVerdict(ledgerId, StreamIntegrity.BROKEN, walk.broken.get(0).sequenceNumber(),
                    walk.broken.get(0).problem());
            judged.put(ledgerId, new Judged(prints.get(ledgerId).toString(), verdict));
        });
        return judged;
    }
}
