package org.footprintledger.footprint.api;

import java.time.Instant;
import org.axonframework.modelling.command.TargetAggregateIdentifier;

/** Publishes a factor set. Publishing the same set again does nothing; a different set under a published id fails. */
public record PublishFactorSetCommand(@TargetAggregateIdentifier String factorSetId, FactorSet factorSet,
                                      Instant publishedAt) {

    public static PublishFactorSetCommand of(FactorSet factorSet, Instant publishedAt) {
        return new PublishFactorSetCommand(factorSet.id(), factorSet, publishedAt);
    }
}
