package org.footprintledger.footprint.internal;

import java.sql.Timestamp;
import org.axonframework.config.ProcessingGroup;
import org.axonframework.eventhandling.EventHandler;
import org.axonframework.messaging.unitofwork.CurrentUnitOfWork;
import org.axonframework.serialization.SerializedObject;
import org.axonframework.serialization.Serializer;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Writes each published factor set into {@code ledger_factor_set}, in the publishing transaction (subscribing). */
@Component
@ProcessingGroup(FactorSetProjection.PROCESSING_GROUP)
class FactorSetProjection {

    static final String PROCESSING_GROUP = "factor-sets";
    private static final Logger log = LoggerFactory.getLogger(FactorSetProjection.class);

    private final JdbcTemplate jdbc;
    private final Serializer serializer;
    private final PublishedFactorSets registry;

    FactorSetProjection(JdbcTemplate jdbc, @Qualifier("eventSerializer") Serializer serializer,
                        PublishedFactorSets registry) {
        this.jdbc = jdbc;
        this.serializer = serializer;
        this.registry = registry;
    }

    @EventHandler
    void on(FactorSetPublishedEvent event) {
        SerializedObject<byte[]> payload = serializer.serialize(event.factorSet(), byte[].class);
        jdbc.update("INSERT INTO ledger_factor_set (factor_set_id, published_at, payload_type, payload_revision, "
                        + "payload) VALUES (?, ?, ?, ?, ?) ON CONFLICT (factor_set_id) DO NOTHING",
                event.factorSet().id(), Timestamp.from(event.publishedAt()), payload.getType().getName(),
                payload.getType().getRevision(), payload.getData());
        CurrentUnitOfWork.ifStarted(unitOfWork -> unitOfWork.root().afterCommit(committed -> registry.forget()));
        log.info("factor set {} published ({}, valid from {}{})", event.factorSet().id(), event.factorSet().method(),
                event.factorSet().validFrom(),
                event.factorSet().validUntil() == null ? "" : " until " + event.factorSet().validUntil());
    }
}
