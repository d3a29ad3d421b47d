package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.StatementReader;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.YearMonth;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.footprintledger.footprint.api.LineAverage;
import org.footprintledger.vocabulary.LineType;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The averages the customer page compares a line with: those of the closed lines of the same type and technology in
 * the month, read from the ledger's read model once per month and kept {@code footprint.customer-area.
 * averages-cache} (10 minutes by default; a closed month changes only by correction). An average taken over fewer
 * than {@code footprint.customer-area.comparison-min-lines} lines (10) is not shown: it would come close to
 * revealing other subscribers' figures.
 */
@Component
class LineAverages {

    private final StatementReader statements;
    private final Clock clock;
    private final Duration keep;
    private final long minimumLines;
    private final Map<YearMonth, Read> byMonth = new ConcurrentHashMap<>();
    private final AtomicLong changes = new AtomicLong();

    LineAverages(StatementReader statements, Clock clock,
                 @Value("${footprint.customer-area.averages-cache:PT10M}") Duration keep,
                 @Value("${footprint.customer-area.comparison-min-lines:10}") long minimumLines) {
        this.statements = statements;
        this.clock = clock;
        this.keep = keep;
        this.minimumLines = minimumLines;
    }

    private record Read(List<LineAverage> averages, Instant at) {
    }

    /**
     * A change marker of the averages kept: the number of times the averages of a month read before were read again
     * (once kept longer than allowed) and found changed. A page kept with them is assembled again then; the first
     * read of a month changes nothing, as only a page being assembled reads a month for the first time.
     */
    long revision() {
        byMonth.keySet().forEach(this::read);
        return changes.get();
    }

    Optional<LineAverage> of(YearMonth month, LineType type, String technology) {
        return read(month).averages().stream()
                .filter(a -> a.lineType() == type && java.util.Objects.equals(a.technology(), technology))
                .filter(a -> a.lines() >= minimumLines)
                .findFirst();
    }

    private Read read(YearMonth month) {
        Instant now = clock.instant();
        return byMonth.compute(month, (m, known) -> {
            if (known != null && known.at().plus(keep).isAfter(now)) {
                return known;
            }
            Read read = new Read(statements.averages(m), now);
            if (known != null && !known.averages().equals(read.averages())) {
                changes.incrementAndGet();
            }
            return read;
        });
    }
}
