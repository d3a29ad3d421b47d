package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.serialization.Serializer;
import org.axonframework.serialization.SimpleSerializedObject;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.PublishFactorSetCommand;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The factor registry as published: read from {@code ledger_factor_set}, kept in memory, and read again when the
 * number of sets changes (sets are only ever added, so the count says whether another node published one).
 */
@Component
class PublishedFactorSets implements FactorSets {

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final CommandGateway commands;
    private final Clock clock;
    private volatile Snapshot snapshot = new Snapshot(-1, new FactorRegistry(List.of()));

    PublishedFactorSets(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                        CommandGateway commands, Clock clock) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.commands = commands;
        this.clock = clock;
    }

    private record Snapshot(long count, FactorRegistry registry) {
    }

    FactorRegistry registry() {
        Long count = jdbc.queryForObject("SELECT count(*) FROM ledger_factor_set", Long.class);
        Snapshot current = snapshot;
        if (count == null || count != current.count()) {
            current = new Snapshot(count == null ? 0 : count, new FactorRegistry(jdbc.query(
                    "SELECT published_at, payload_type, payload_revision, payload FROM ledger_factor_set",
                    (rs, n) -> new FactorRegistry.Published(serializer.deserialize(new SimpleSerializedObject<>(
                            rs.getBytes("payload"), byte[].class, rs.getString("payload_type"),
                            rs.getString("payload_revision"))), rs.getTimestamp("published_at").toInstant()))));
            snapshot = current;
        }
        return current.registry();
    }

    @Override
    public List<PublishedSet> all() {
        return registry().all().stream().map(p -> new PublishedSet(p.set(), p.publishedAt())).toList();
    }

    @Override
    public Optional<FactorSet> inForceFor(YearMonth month) {
        return registry().inForceFor(month, clock.instant());
    }

    @Override
    public Optional<FactorSet> byId(String factorSetId) {
        return registry().byId(factorSetId);
    }

    @Override
    public void publish(FactorSet factorSet) {
        commands.sendAndWait(PublishFactorSetCommand.of(factorSet, clock.instant()));
    }
}
