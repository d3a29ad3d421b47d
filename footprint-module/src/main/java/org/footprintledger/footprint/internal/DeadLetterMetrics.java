package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Dead-lettered ledger events: with the dead-letter queue on, Axon parks a failing event and reports success, so ops
 * need this gauge to see a ledger projection that is stuck for some subscribers.
 */
@Component
class DeadLetterMetrics {

    DeadLetterMetrics(JdbcTemplate jdbc, MeterRegistry metrics) {
        Gauge.builder("ledger.dead.letters", jdbc, db -> {
                    Long count = db.queryForObject("SELECT count(*) FROM dead_letter_entry WHERE processing_group = ?",
                            Long.class, StatementLineProjection.PROCESSING_GROUP);
                    return count == null ? 0 : count;
                })
                .description("Ledger events parked in the dead-letter queue")
                .tag("processingGroup", StatementLineProjection.PROCESSING_GROUP)
                .register(metrics);
    }
}
