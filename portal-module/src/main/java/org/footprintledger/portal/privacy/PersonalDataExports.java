package org.footprintledger.portal.privacy;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.footprint.api.SubscriberKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Records every export of a subscriber's data (GDPR art. 15 and 20) in the personal data log: who, when, how many
 * statements and explanations, the subject as its ledger key (a subscriber the ledger does not know yet is recorded
 * as {@value #NO_KEY}); a subscriber exporting its own data is recorded as {@link PersonalDataLog#THE_SUBJECT}, never
 * by its login, which is its id. Metric {@code personal_data_exports_total}; the log line names the key, never the id.
 */
@Service
public class PersonalDataExports {

    static final String NO_KEY = "(no ledger key)";
    private static final Logger log = LoggerFactory.getLogger(PersonalDataExports.class);

    private final SubscriberKeys keys;
    private final PersonalDataLog personalDataLog;
    private final Counter exports;

    PersonalDataExports(SubscriberKeys keys, PersonalDataLog personalDataLog, MeterRegistry metrics) {
        this.keys = keys;
        this.personalDataLog = personalDataLog;
        this.exports = Counter.builder("personal_data.exports")
                .description("Exports of a subscriber's data (statements, explanations, methodology)")
                .register(metrics);
    }

    public void recorded(String subscriberId, String requestedBy, String format, Map<String, Long> counts) {
        String key = keys.keyOf(subscriberId).orElse(NO_KEY);
        String who = requestedBy.equals(subscriberId) ? PersonalDataLog.THE_SUBJECT : requestedBy;
        PersonalDataLog.Entry entry = personalDataLog.record(PersonalDataLog.Kind.EXPORT, key, who,
                "export as " + format, counts);
        exports.increment();
        log.info("data of subscriber key {} exported as {} for {} (log entry {}): {}", key, format, who,
                entry.entryId(), counts);
    }
}
