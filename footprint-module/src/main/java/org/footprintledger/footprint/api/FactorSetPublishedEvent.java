package org.footprintledger.footprint.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A factor set was published; it never changes afterwards. */
@Revision("1")
public record FactorSetPublishedEvent(FactorSet factorSet, Instant publishedAt) {
}
