package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.PublishFactorSetCommand;
import org.footprintledger.footprint.domain.FactorRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The factor registry as published: read from {@code ledger_factor_set} and kept in memory. A publication on this node
 * drops the copy once committed; another node's shows here within {@code recheck} (sets are only ever added, so the
 * number of rows, asked at most that often, says whether there is one). Statement reads, closes and ledger batches
 * ask the registry on every call: they must not cost a query each.
 */
@Component
class PublishedFactorSets implements FactorSets {

    private final JdbcTemplate jdbc;
    private final CommandGateway commands;
    private final Clock clock;
    private final long recheckNanos;
    private volatile Snapshot snapshot = new Snapshot(-1, new FactorRegistry(List.of()), 0);

    PublishedFactorSets(JdbcTemplate jdbc, CommandGateway commands, Clock clock,
                        @Value("${footprint.factor-sets.recheck:PT10S}") Duration recheck) {
        this.jdbc = jdbc;
        this.commands = commands;
        this.clock = clock;
        this.recheckNanos = recheck.toNanos();
    }

    private record Snapshot(long count, FactorRegistry registry, long checkedAtNanos) {
    }

    FactorRegistry registry() {
        Snapshot current = snapshot;
        long now = System.nanoTime();
        if (current.count() >= 0 && now - current.checkedAtNanos() < recheckNanos) {
            return current.registry();
        }
        Long count = jdbc.queryForObject("SELECT count(*) FROM ledger_factor_set", Long.class);
        current = count != null && count == current.count() ? new Snapshot(count, current.registry(), now)
                : new Snapshot(count == null ? 0 : count, load(), now);
        snapshot = current;
        return current.registry();
    }

    /** Called once a publication on this node is committed: the next read loads the sets again. */
    void forget() {
        snapshot = new Snapshot(-1, snapshot.registry(), 0);
    }

    private FactorRegistry load() {
        return new FactorRegistry(jdbc.query(
                "SELECT published_at, factor_set FROM ledger_factor_set",
                (rs, n) -> new PublishedSet(FactorSetJson.read(rs.getString("factor_set")),
                        rs.getTimestamp("published_at").toInstant())));
    }

    @Override
    public List<PublishedSet> all() {
        return registry().all();
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
