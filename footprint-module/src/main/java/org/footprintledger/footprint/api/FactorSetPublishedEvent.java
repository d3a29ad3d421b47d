package org.footprintledger.footprint.api;

import java.time.Instant;
import org.axonframework.serialization.Revision;

/** A factor set was published; it never changes afterwards. Revision 2: stored without type wrappers. */
@Revision("2")
public record FactorSetPublishedEvent(FactorSet factorSet, Instant publishedAt) {
}
