package org.footprintledger.footprint.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.stream.Stream;
import org.axonframework.eventhandling.DomainEventData;
import org.axonframework.eventhandling.GenericDomainEventEntry;
import org.axonframework.eventsourcing.EventStreamUtils;
import org.axonframework.eventsourcing.eventstore.DomainEventStream;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.upcasting.event.EventUpcaster;

/**
 * Ledger events read from the event table by the ledger's own queries (many streams in one query, or all of them
 * through a cursor), turned into messages as Axon's JDBC engine turns its own reads: through the configured upcaster
 * chain, then the event serializer. So a batch load, a single load and the chain verifier always read the same.
 */
final class StoredEvents {

    /** The columns {@link #row} reads, in its order. */
    static final String COLUMNS = "type, aggregate_identifier, sequence_number, event_identifier, time_stamp, "
            + "payload_type, payload_revision, payload, meta_data";

    private final Serializer serializer;
    private final EventUpcaster upcasters;

    StoredEvents(Serializer serializer, EventUpcaster upcasters) {
        this.serializer = serializer;
        this.upcasters = upcasters;
    }

    /** The stored event at the result set's current row (selected with {@link #COLUMNS}). */
    static DomainEventData<?> row(ResultSet rs) throws SQLException {
        return new GenericDomainEventEntry<>(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getBytes(8), rs.getBytes(9));
    }

    /** The events of stored rows (one stream, in sequence order), upcast and deserialized lazily. */
    DomainEventStream messages(Stream<? extends DomainEventData<?>> rows) {
        return EventStreamUtils.upcastAndDeserializeDomainEvents(rows, serializer, upcasters);
    }
}
