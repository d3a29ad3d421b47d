package org.footprintledger.footprint.api;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** The factor registry: every published set, a set by id, publication of a new set. */
public interface FactorSets {

    List<PublishedSet> all();

    Optional<FactorSet> byId(String factorSetId);

    /** Publishes a set; the same set again is accepted and changes nothing, another set under its id is refused. */
    void publish(FactorSet factorSet);

    /** A set and when it was published. */
    record PublishedSet(FactorSet factorSet, Instant publishedAt) {
    }
}
