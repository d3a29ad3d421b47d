package org.footprintledger.footprint.internal;

import java.util.Collection;
import java.util.OptionalLong;
import org.axonframework.config.Configuration;
import org.axonframework.eventhandling.EventTrackerStatus;
import org.axonframework.eventhandling.TrackingEventProcessor;
import org.axonframework.eventhandling.TrackingToken;
import org.footprintledger.footprint.api.LedgerProgress;
import org.springframework.context.annotation.Lazy;
import org.springframework.stereotype.Component;

/**
 * The read model's lag from Axon's own figures: the event store's head position less the position of the slowest
 * segment of the {@code ledger} processor that this node runs ({@link TrackingEventProcessor#processingStatus()}).
 */
@Component
class ProjectionProgress implements LedgerProgress {

    private final Configuration axon;

    ProjectionProgress(@Lazy Configuration axon) {
        this.axon = axon;
    }

    @Override
    public OptionalLong eventsBehind() {
        Collection<EventTrackerStatus> segments = axon.eventProcessingConfiguration()
                .eventProcessor(StatementLineProjection.PROCESSING_GROUP, TrackingEventProcessor.class)
                .map(processor -> processor.processingStatus().values())
                .orElse(java.util.List.of());
        if (segments.isEmpty()) {
            return OptionalLong.empty();
        }
        TrackingToken headToken = axon.eventStore().createHeadToken();
        long head = headToken == null ? 0 : headToken.position().orElse(0);
        long slowest = segments.stream().mapToLong(s -> s.getCurrentPosition().orElse(-1)).min().orElse(-1);
        return OptionalLong.of(Math.max(0, head - slowest));
    }
}
