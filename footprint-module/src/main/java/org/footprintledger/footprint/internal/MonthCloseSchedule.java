package org.footprintledger.footprint.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import org.footprintledger.footprint.api.MonthClosing;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes the previous month on the configured day of the following month (and on any later day while it is still
 * not closed, so a node down on that day catches up), and finishes any close that was interrupted, whatever the day.
 * Checked hourly; closing is idempotent.
 */
@Component
class MonthCloseSchedule {

    private static final Logger log = LoggerFactory.getLogger(MonthCloseSchedule.class);

    private final MonthClosing closing;
    private final LedgerMonths months;
    private final Clock clock;
    private final ZoneId zone;
    private final int dayOfMonth;
    private final boolean enabled;

    MonthCloseSchedule(MonthClosing closing, LedgerMonths months, Clock clock,
                       @Value("${footprint.month-close.zone:Europe/Paris}") ZoneId zone,
                       @Value("${footprint.month-close.day-of-month:5}") int dayOfMonth,
                       @Value("${footprint.month-close.scheduled:true}") boolean enabled) {
        if (dayOfMonth < 1 || dayOfMonth > 28) {
            throw new IllegalArgumentException("footprint.month-close.day-of-month must be between 1 and 28");
        }
        this.closing = closing;
        this.months = months;
        this.clock = clock;
        this.zone = zone;
        this.dayOfMonth = dayOfMonth;
        this.enabled = enabled;
    }

    @Scheduled(cron = "${footprint.month-close.cron:0 7 * * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void closePreviousMonthWhenDue() {
        YearMonth due = monthDue();
        if (due != null) {
            log.info("scheduled close of {} (day {} of the following month)", due, dayOfMonth);
            try {
                closing.close(due, "schedule");
            } catch (RuntimeException e) {
                log.warn("scheduled close of {} failed, the next round finishes it: {}", due, e.getMessage());
            }
        }
    }

    /**
     * Finishes every close recorded but not completed (a database failure or a stop interrupted it). A close that
     * fails again is one warning line per round; the next round tries again.
     */
    @Scheduled(cron = "${footprint.month-close.cron:0 7 * * * *}", zone = "${footprint.month-close.zone:Europe/Paris}")
    void finishInterruptedCloses() {
        if (!enabled) {
            return;
        }
        for (YearMonth month : months.closesInProgress()) {
            log.info("scheduled round: finishing the interrupted close of {}", month);
            try {
                closing.close(month, "schedule");
            } catch (RuntimeException e) {
                log.warn("scheduled round: the close of {} failed again, the next round retries it: {}", month,
                        e.getMessage());
            }
        }
    }

    /** The month to close now, or {@code null}: the previous month, from its closing day on, until closed. */
    YearMonth monthDue() {
        LocalDate today = LocalDate.now(clock.withZone(zone));
        YearMonth previous = YearMonth.from(today).minusMonths(1);
        if (!enabled || today.getDayOfMonth() < dayOfMonth || months.closeCompletedAt(previous).isPresent()) {
            return null;
        }
        return previous;
    }
}
