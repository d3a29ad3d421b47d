package org.footprintledger.usage.api;

import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The daily detail of a usage month (its raw records) dropped by the retention rule: when, and under which rule. The
 * ledger's figures of that month, its statements and corrections stay; only the records behind them are gone.
 */
public record DetailPurge(YearMonth month, Instant droppedAt, String rule) {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter FRENCH_DATE = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);

    /** The day of the purge in Europe/Paris. */
    public LocalDate purgedOn() {
        return LocalDate.ofInstant(droppedAt, PARIS);
    }

    /** What the explanation says in place of the daily detail. */
    public String notice() {
        return "le détail quotidien a été supprimé le " + FRENCH_DATE.format(purgedOn())
                + " par la règle de conservation (" + rule + ")";
    }
}
