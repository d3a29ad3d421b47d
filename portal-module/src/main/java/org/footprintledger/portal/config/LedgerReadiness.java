package org.footprintledger.portal.config;

import java.util.OptionalLong;
import org.footprintledger.footprint.api.LedgerProgress;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.health.contributor.Health;
import org.springframework.boot.health.contributor.HealthIndicator;
import org.springframework.stereotype.Component;

/**
 * The {@code ledger} part of the readiness probe: out of service while the statement read model this node projects
 * is more than {@code footprint.readiness.max-ledger-lag} events behind the ledger (its pages would show figures the
 * ledger has already changed); up when it is within, or when another node projects (its lag is that node's).
 */
@Component("ledger")
class LedgerReadiness implements HealthIndicator {

    private final LedgerProgress progress;
    private final long maximumLag;

    LedgerReadiness(LedgerProgress progress, @Value("${footprint.readiness.max-ledger-lag:50000}") long maximumLag) {
        this.progress = progress;
        this.maximumLag = maximumLag;
    }

    @Override
    public Health health() {
        return of(progress.eventsBehind(), maximumLag);
    }

    static Health of(OptionalLong eventsBehind, long maximumLag) {
        if (eventsBehind.isEmpty()) {
            return Health.up().withDetail("projection", "on another node").build();
        }
        Health.Builder health = eventsBehind.getAsLong() <= maximumLag ? Health.up() : Health.outOfService();
        return health.withDetail("eventsBehind", eventsBehind.getAsLong()).withDetail("maximumLag", maximumLag).build();
    }
}
