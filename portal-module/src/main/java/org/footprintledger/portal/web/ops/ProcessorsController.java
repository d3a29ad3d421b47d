package org.footprintledger.portal.web.ops;

import java.security.Principal;
import java.util.List;
import org.footprintledger.footprint.api.EventProcessors;
import org.footprintledger.footprint.api.ProcessorControl;
import org.footprintledger.portal.web.NotFoundException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The event processors (ops): every node's segments from the token store; a replay of a processor from the start
 * (the runbook says when), the dead letters of a processing group handled again once their cause is fixed.
 */
@RestController
class ProcessorsController {

    private static final Logger log = LoggerFactory.getLogger(ProcessorsController.class);

    private final EventProcessors processors;
    private final ProcessorControl control;

    ProcessorsController(EventProcessors processors, ProcessorControl control) {
        this.processors = processors;
        this.control = control;
    }

    @GetMapping("/api/v1/ops/processors")
    List<EventProcessors.Segment> segments() {
        return processors.segments();
    }

    @PostMapping("/api/v1/ops/processors/{processorName}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    ProcessorControl.Replay replay(@PathVariable String processorName, Principal who) {
        log.warn("replay of processor {} requested by {}", processorName, who.getName());
        return control.replay(processorName)
                .orElseThrow(() -> new NotFoundException("no streaming processor " + processorName + " on this node"));
    }

    @PostMapping("/api/v1/ops/processors/{processingGroup}/dead-letters/retry")
    ProcessorControl.DeadLetterRetry retryDeadLetters(@PathVariable String processingGroup, Principal who) {
        log.info("dead letters of {} retried by {}", processingGroup, who.getName());
        return control.retryDeadLetters(processingGroup)
                .orElseThrow(() -> new NotFoundException("no dead-letter queue for " + processingGroup));
    }
}
