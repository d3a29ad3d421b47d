package org.footprintledger.footprint.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.footprintledger.footprint.domain.SubscriberMonthLedger;

/**
 * The JDBC event store, with appends taken one transaction at a time (see {@link #appendEvents}), plus one trick for
 * batches: before a batch loads its ledgers one by one, the streams of all of them are read in one query and kept as
 * a resource of the unit of work, from which the loads of that unit of work are served (ADR 0005). A thousand ledgers
 * cost one round trip instead of a thousand. The rows go through the configured upcaster chain as Axon's own reads do
 * ({@link StoredEvents}). Ledger streams are short by design and never snapshotted, so the full stream is always the
 * right answer.
 */
final class PrefetchingEventStorageEngine implements EventStorageEngine, LedgerStreams {

    /** The advisory lock key of appends to the ledger's event table (any fixed value no other lock uses). */
    static final long APPEND_LOCK = 0x4c45444745524150L;
    /** The aggregate type of the ledger streams (the only ones named by a subscriber). */
    private static final String LEDGER_TYPE = SubscriberMonthLedger.class.getSimpleName();
    private static final String PREFETCHED = PrefetchingEventStorageEngine.class.getName() + ".streams";

    private final EventStorageEngine delegate;
    private final ConnectionProvider connections;
    private final StoredEvents storedEvents;

    PrefetchingEventStorageEngine(EventStorageEngine delegate, ConnectionProvider connections,
                                  StoredEvents storedEvents) {
        this.delegate = delegate;
        this.connections = connections;
        this.storedEvents = storedEvents;
    }

    /**
     * Reads the streams of these aggregates in one query; loads in the current unit of work (and its nested ones) are
     * served from them. Streams already prefetched in this unit of work are kept. Answers the ids that have no stream
     * yet.
     */
    @Override
    public Set<String> prefetch(Collection<String> aggregateIds) {
        if (!CurrentUnitOfWork.isStarted()) {
            throw new IllegalStateException("streams are prefetched for a unit of work, and none is active");
        }
        Map<String, List<DomainEventData<?>>> streams = new HashMap<>();
        aggregateIds.forEach(id -> streams.put(id, new ArrayList<>()));
        if (!aggregateIds.isEmpty()) {
            readStreams(aggregateIds, streams);
        }
        // kept only once read: a failed read leaves nothing behind that later loads would trust
        CurrentUnitOfWork.get().root()
                .<Map<String, List<DomainEventData<?>>>>getOrComputeResource(PREFETCHED, key -> new HashMap<>())
                .putAll(streams);
        Set<String> withoutStream = new HashSet<>();
        streams.forEach((id, events) -> {
            if (events.isEmpty()) {
                withoutStream.add(id);
            }
        });
        return withoutStream;
    }

    private void readStreams(Collection<String> aggregateIds, Map<String, List<DomainEventData<?>>> streams) {
        onConnection("could not read the ledger streams", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT " + StoredEvents.COLUMNS
                    + " FROM domain_event_entry WHERE aggregate_identifier = ANY(?) "
                    + "ORDER BY aggregate_identifier, sequence_number")) {
                statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        streams.get(rs.getString(2)).add(StoredEvents.row(rs));
                    }
                }
            }
        });
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        List<DomainEventData<?>> stream = firstSequenceNumber == 0 ? prefetched(aggregateIdentifier) : null;
        return stream != null ? storedEvents.messages(stream.stream())
                : delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
    }

    private static List<DomainEventData<?>> prefetched(String aggregateIdentifier) {
        if (!CurrentUnitOfWork.isStarted()) {
            return null;
        }
        Map<String, List<DomainEventData<?>>> streams = CurrentUnitOfWork.get().root().getResource(PREFETCHED);
        return streams == null ? null : streams.get(aggregateIdentifier);
    }

    /**
     * No aggregate here is snapshotted (no snapshot trigger is configured; ledger streams are short by design), so
     * Axon's snapshot query before every stream read outside a batch would always come back empty.
     */
    @Override
    public Optional<DomainEventMessage<?>> readSnapshot(String aggregateIdentifier) {
        return Optional.empty();
    }

    /**
     * Appends after taking the ledger's append lock, held until the transaction ends: transactions that append commit
     * one after the other, in the order of the {@code global_index} values they drew. Without it, two month-close
     * workers appending 1 000 events each leave up to 1 000 gaps open in a tracking token that reads the newer batch
     * first, and every event read while they are open copies the token's gap set (and the next fetch lists every gap
     * in its query). Appends outside a transaction take the lock for their statement only (ADR 0006).
     *
     * <p>A ledger stream still named by a subscriber id (an earlier release's, ADR 0013) is appended to only while its
     * subscriber is still legacy: checked under the lock, so after any re-keying committed (a re-keying takes the same
     * lock), by one statement for the whole append; refused otherwise ({@link LegacyStreamRekeyedException}, transient:
     * the writer's retry resolves the new key). Streams named by a key, all streams once no legacy subscriber is left,
     * cost nothing more.
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty()) {
            takeAppendLock();
            Set<String> legacyNamed = subscribersNamedById(events);
            if (!legacyNamed.isEmpty()) {
                refuseIfRekeyed(legacyNamed);
            }
        }
        delegate.appendEvents(events);
    }

    /** The subscribers named by their id (not a key) in the ledger stream ids the events go to. */
    private static Set<String> subscribersNamedById(List<? extends EventMessage<?>> events) {
        Set<String> named = new HashSet<>();
        for (EventMessage<?> event : events) {
            if (event instanceof DomainEventMessage<?> domain && LEDGER_TYPE.equals(domain.getType())
                    && !SubscriberKeys.isKey(domain.getAggregateIdentifier())) {
                named.add(LedgerIds.subscriberOf(domain.getAggregateIdentifier()));
            }
        }
        return named;
    }

    private void refuseIfRekeyed(Set<String> subscriberIds) {
        onConnection("could not check the legacy ledger streams", connection -> {
            try (PreparedStatement check = connection.prepareStatement("SELECT count(*) FROM unnest(?) AS s(id) "
                    + "WHERE NOT EXISTS (SELECT 1 FROM subscriber_pseudonym p WHERE p.subscriber_id = s.id "
                    + "AND p.legacy)")) {
                check.setArray(1, connection.createArrayOf("varchar", subscriberIds.toArray()));
                try (ResultSet rs = check.executeQuery()) {
                    rs.next();
                    int rekeyed = rs.getInt(1);
                    if (rekeyed > 0) {
                        throw new LegacyStreamRekeyedException(rekeyed);
                    }
                }
            }
        });
    }

    private void takeAppendLock() {
        onConnection("could not take the ledger append lock", connection -> {
            try (PreparedStatement lock = connection.prepareStatement("SELECT pg_advisory_xact_lock(?)")) {
                lock.setLong(1, APPEND_LOCK);
                lock.execute();
            }
        });
    }

    private interface ConnectionWork {
        void run(Connection connection) throws SQLException;
    }

    /** Runs on the transaction's connection (the unit of work's, or Spring's), released afterwards. */
    private void onConnection(String failure, ConnectionWork work) {
        try {
            Connection connection = connections.getConnection();
            try {
                work.run(connection);
            } finally {
                connection.close();
            }
        } catch (SQLException e) {
            throw new EventStoreException(failure, e);
        }
    }

    @Override
    public void storeSnapshot(DomainEventMessage<?> snapshot) {
        delegate.storeSnapshot(snapshot);
    }

    @Override
    public Stream<? extends TrackedEventMessage<?>> readEvents(TrackingToken trackingToken, boolean mayBlock) {
        return delegate.readEvents(trackingToken, mayBlock);
    }

    @Override
    public Optional<Long> lastSequenceNumberFor(String aggregateIdentifier) {
        return delegate.lastSequenceNumberFor(aggregateIdentifier);
    }

    @Override
    public TrackingToken createTailToken() {
        return delegate.createTailToken();
    }

    @Override
    public TrackingToken createHeadToken() {
        return delegate.createHeadToken();
    }

    @Override
    public TrackingToken createTokenAt(java.time.Instant dateTime) {
        return delegate.createTokenAt(dateTime);
    }
}
