package org.footprintledger.footprint.domain;

import static org.axonframework.modelling.command.AggregateLifecycle.apply;

import org.axonframework.commandhandling.CommandHandler;
import org.axonframework.eventsourcing.EventSourcingHandler;
import org.axonframework.modelling.command.AggregateCreationPolicy;
import org.axonframework.modelling.command.AggregateIdentifier;
import org.axonframework.modelling.command.CreationPolicy;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSetPublishedEvent;
import org.footprintledger.footprint.api.PublishFactorSetCommand;

/** A factor set of the registry: published once, never changed. Its stream is its publication record. */
public class PublishedFactorSet {

    @AggregateIdentifier
    private String factorSetId;
    private FactorSet published;

    public PublishedFactorSet() {
        // filled by its event (Axon) or by its publication
    }

    @CommandHandler
    @CreationPolicy(AggregateCreationPolicy.CREATE_IF_MISSING)
    public void handle(PublishFactorSetCommand command) {
        if (!command.factorSetId().equals(command.factorSet().id())) {
            throw new IllegalArgumentException("command for " + command.factorSetId() + " carries factor set "
                    + command.factorSet().id());
        }
        if (published != null) {
            if (!sameContent(published, command.factorSet())) {
                throw new FactorSetConflictException(command.factorSetId());
            }
            return;
        }
        apply(new FactorSetPublishedEvent(command.factorSet(), command.publishedAt()));
    }

    /** Equal values (whatever their decimal scale), texts and sources. */
    private static boolean sameContent(FactorSet a, FactorSet b) {
        return a.canonical().equals(b.canonical()) && a.name().equals(b.name()) && a.method().equals(b.method())
                && a.methodSummary().equals(b.methodSummary())
                && a.values().stream().map(v -> v.source()).toList()
                .equals(b.values().stream().map(v -> v.source()).toList());
    }

    @EventSourcingHandler
    void on(FactorSetPublishedEvent event) {
        factorSetId = event.factorSet().id();
        published = event.factorSet();
    }
}
