package org.footprintledger.footprint.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.axonframework.common.jdbc.ConnectionProvider;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.DomainEventMessage;
import org.axonframework.eventhandling.EventMessage;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventhandling.TrackedEventMessage;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.eventsourcing.eventstore.EventStorageEngine;
import org.axonframework.eventsourcing.eventstore.EventStoreException;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.NoOpEventUpcaster;

/**
 * The JDBC event store, with appends taken one transaction at a time (see {@link #appendEvents}), plus one trick for
 * batches: before a batch command loads its ledgers one by one, the streams
 * of all of them are read in one query and served from memory for the rest of that command (in its thread only).
 * A thousand ledgers cost one round trip instead of a thousand. Ledger streams are short by design and never
 * snapshotted, so the full stream is always the right answer.
 */
final class PrefetchingEventStorageEngine implements EventStorageEngine {

    /** The advisory lock key of appends to the ledger's event table (any fixed value no other lock uses). */
    static final long APPEND_LOCK = 0x4c45444745524150L;

    private final EventStorageEngine delegate;
    private final ConnectionProvider connections;
    private final Serializer eventSerializer;
    private final ThreadLocal<Map<String, List<DomainEventData<?>>>> prefetched = new ThreadLocal<>();

    PrefetchingEventStorageEngine(EventStorageEngine delegate, ConnectionProvider connections,
                                  Serializer eventSerializer) {
        this.delegate = delegate;
        this.connections = connections;
        this.eventSerializer = eventSerializer;
    }

    /** Reads the streams of these aggregates in one query; they are served from memory until {@link #forget()}. */
    void prefetch(Collection<String> aggregateIds) {
        Map<String, List<DomainEventData<?>>> streams = new HashMap<>();
        aggregateIds.forEach(id -> streams.put(id, new ArrayList<>()));
        if (!aggregateIds.isEmpty()) {
            readStreams(aggregateIds, streams);
        }
        // set only once read: a failed read leaves nothing behind that later reads of this thread would trust
        prefetched.set(streams);
    }

    private void readStreams(Collection<String> aggregateIds, Map<String, List<DomainEventData<?>>> streams) {
        onConnection("could not read the ledger streams", connection -> {
            try (PreparedStatement statement = connection.prepareStatement("SELECT type, aggregate_identifier, "
                    + "sequence_number, event_identifier, time_stamp, payload_type, payload_revision, payload, "
                    + "meta_data FROM domain_event_entry WHERE aggregate_identifier = ANY(?) "
                    + "ORDER BY aggregate_identifier, sequence_number")) {
                statement.setArray(1, connection.createArrayOf("varchar", aggregateIds.toArray()));
                try (ResultSet rs = statement.executeQuery()) {
                    while (rs.next()) {
                        streams.get(rs.getString(2)).add(new GenericDomainEventEntry<>(rs.getString(1),
                                rs.getString(2), rs.getLong(3), rs.getString(4), rs.getString(5), rs.getString(6),
                                rs.getString(7), rs.getBytes(8), rs.getBytes(9)));
                    }
                }
            }
        });
    }

    void forget() {
        prefetched.remove();
    }

    @Override
    public DomainEventStream readEvents(String aggregateIdentifier, long firstSequenceNumber) {
        Map<String, List<DomainEventData<?>>> streams = prefetched.get();
        if (streams != null && firstSequenceNumber == 0 && streams.containsKey(aggregateIdentifier)) {
            Stream<DomainEventData<?>> stream = streams.get(aggregateIdentifier).stream();
            return EventStreamUtils.upcastAndDeserializeDomainEvents(stream, eventSerializer,
                    NoOpEventUpcaster.INSTANCE);
        }
        return delegate.readEvents(aggregateIdentifier, firstSequenceNumber);
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
     * one after the other, in the order of the {@code global_index} values they drew. Without it, two feeders
     * appending 1 000 events each leave up to 1 000 gaps open in a tracking token that reads the newer batch first,
     * and every event read while they are open copies the token's gap set (and the next fetch lists every gap in its
     * query): in the benchmark, two feeders appended a third slower than one. Appends outside a transaction take the
     * lock for their statement only.
     */
    @Override
    public void appendEvents(List<? extends EventMessage<?>> events) {
        if (!events.isEmpty()) {
            takeAppendLock();
        }
        delegate.appendEvents(events);
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
