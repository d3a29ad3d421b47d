package org.footprintledger.footprint.internal;

import java.util.List;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.TrackingToken;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.axonframework.serialization.SimpleSerializedType;
import org.footprintledger.footprint.api.EventProcessors;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Reads Axon's {@code token_entry} and {@code dead_letter_entry} as they are (no claim is taken: the tokens are only
 * deserialized here, with the serializer Axon stored them with), and the store's head from Axon itself.
 */
@Component
class TokenStoreView implements EventProcessors {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final Configuration axon;

    TokenStoreView(JdbcTemplate jdbc, Serializer serializer, @Lazy Configuration axon) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.axon = axon;
    }

    @Override
    public List<Segment> segments() {
        TrackingToken headToken = axon.eventStore().createHeadToken();
        long head = headToken == null ? -1 : headToken.position().orElse(-1);
        return jdbc.query("SELECT processor_name, segment, owner, timestamp, token, token_type FROM token_entry "
                + "ORDER BY processor_name, segment", (rs, n) -> {
                    Long position = position(rs.getBytes("token"), rs.getString("token_type"));
                    long behind = Math.max(0, head - (position == null ? -1 : position));
                    return new Segment(rs.getString("processor_name"), rs.getInt("segment"), rs.getString("owner"),
                            rs.getString("timestamp"), position, head, behind);
                });
    }

    @Override
    public List<DeadLetters> deadLetters() {
        return jdbc.query("SELECT processing_group, count(*), "
                + "(array_agg(cause_type || ': ' || coalesce(cause_message, '') ORDER BY enqueued_at))[1] "
                + "FROM dead_letter_entry GROUP BY processing_group ORDER BY processing_group",
                (rs, n) -> new DeadLetters(rs.getString(1), rs.getLong(2), rs.getString(3)));
    }

    private Long position(byte[] token, String tokenType) {
        if (token == null || tokenType == null) {
            return null;
        }
        SerializedObject<byte[]> stored = new SimpleSerializedObject<>(token, byte[].class,
                new SimpleSerializedType(tokenType, null));
        TrackingToken tracking = serializer.deserialize(stored);
        return tracking == null || tracking.position().isEmpty() ? null : tracking.position().getAsLong();
    }
}
