package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Writes each published factor set into {@code ledger_factor_set} in its own JSON form ({@link FactorSetJson}), in the
 * publishing transaction (subscribing).
 */
@Component
@ProcessingGroup(FactorSetProjection.PROCESSING_GROUP)
class FactorSetProjection {

    static final String PROCESSING_GROUP = "factor-sets";
    private static final Logger log = LoggerFactory.getLogger(FactorSetProjection.class);

    private final JdbcTemplate jdbc;
    private final PublishedFactorSets registry;

    FactorSetProjection(JdbcTemplate jdbc, PublishedFactorSets registry) {
        this.jdbc = jdbc;
        this.registry = registry;
    }

    @EventHandler
    void on(FactorSetPublishedEvent event) {
        jdbc.update("INSERT INTO ledger_factor_set (factor_set_id, published_at, factor_set) VALUES (?, ?, ?::jsonb) "
                        + "ON CONFLICT (factor_set_id) DO NOTHING",
                event.factorSet().id(), Timestamp.from(event.publishedAt()), FactorSetJson.write(event.factorSet()));
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> registry.forget()));
        log.info("factor set {} published ({}, valid from {}{})", event.factorSet().id(), event.factorSet().method(),
                event.factorSet().validFrom(),
                event.factorSet().validUntil() == null ? "" : " until " + event.factorSet().validUntil());
    }
}
