package org.footprintledger.footprint.internal;

import java.util.Optional;
import org.axonframework.config.EventProcessingConfiguration;
import org.axonframework.eventhandling.StreamingEventProcessor;
import org.axonframework.eventhandling.tokenstore.UnableToClaimTokenException;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.footprint.api.ProcessorControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Lazy;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/** Replays and dead-letter retries through Axon's own operations (no token or dead letter is written by hand). */
@Component
class ProcessorControls implements ProcessorControl {

    private static final Logger log = LoggerFactory.getLogger(ProcessorControls.class);

    private final EventProcessingConfiguration processing;
    private final JdbcTemplate jdbc;

    ProcessorControls(@Lazy EventProcessingConfiguration processing, JdbcTemplate jdbc) {
        this.processing = processing;
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Replay> replay(String processorName) {
        Optional<StreamingEventProcessor> found = processing.eventProcessor(processorName,
                StreamingEventProcessor.class);
        if (found.isEmpty() || !found.get().supportsReset()) {
            return Optional.empty();
        }
        StreamingEventProcessor processor = found.get();
        log.warn("replay of processor {} requested: stopping it on this node to reset its tokens", processorName);
        processor.shutDown();
        try {
            processor.resetTokens();
        } catch (UnableToClaimTokenException e) {
            processor.start();
            throw new LedgerConflictException("processor " + processorName + " cannot be reset: another node holds "
                    + "a claim of its segments (" + e.getMessage() + "); stop the other nodes, wait for the claim "
                    + "timeout, then replay again");
        }
        processor.start();
        int segments = jdbc.queryForObject("SELECT count(*) FROM token_entry WHERE processor_name = ?", Integer.class,
                processorName);
        log.warn("processor {} reset to the start of the event store ({} segments): replaying", processorName,
                segments);
        return Optional.of(new Replay(processorName, segments));
    }

    @Override
    public Optional<DeadLetterRetry> retryDeadLetters(String processingGroup) {
        return processing.sequencedDeadLetterProcessor(processingGroup).map(deadLetters -> {
            long before = left(processingGroup);
            long handled = 0;
            // each round takes the oldest sequence not being processed; it answers false once one fails again
            while (handled < before && deadLetters.processAny()) {
                handled++;
            }
            long left = left(processingGroup);
            log.info("dead letters of {} retried: {} sequences handled, {} dead letters left", processingGroup,
                    handled, left);
            return new DeadLetterRetry(processingGroup, handled, left);
        });
    }

    private long left(String processingGroup) {
        return jdbc.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?", Long.class,
                processingGroup);
    }
}
