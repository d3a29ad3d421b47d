package org.footprintledger.portal.web.customer;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.SurveyOffer;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.StatementLine;

/**
 * Everything the customer page shows, assembled from the read models by {@link CustomerAreaAssembler}: the months
 * that can be chosen, the chosen month's lines with their legal items and what goes with them, the twelve months'
 * history per line, the methods once each, and the devices apart. {@code withheldMonths}: the months whose ledger
 * stream fails its hash chain, shown without figures under a banner.
 */
public record CustomerAreaPage(String subscriberId, List<MonthChoice> months, MonthView month, boolean tipsShown,
                        List<LineHistory> history, List<FactorSet> methods, DeviceView equipment,
                        SurveyOffer survey, List<String> withheldMonths) {

    public boolean empty() {
        return month == null;
    }

    /** A month of the last twelve with usage, for the month switch. */
    public record MonthChoice(String month, boolean closed, boolean selected) {
    }

    /**
     * The chosen month: its lines, and its total over all lines, the sum of the figures shown (each rounded to the
     * unit by the statement's rule), so that the lines add up to it.
     */
    public record MonthView(String month, boolean closed, List<LineView> lines) {

        public long totalGo() {
            return lines.stream().mapToLong(line -> line.line().dataGo()).sum();
        }

        public long totalGrams() {
            return lines.stream().mapToLong(line -> line.line().co2eGrams()).sum();
        }

        public boolean anyEstimated() {
            return lines.stream().anyMatch(line -> line.line().estimated());
        }
    }

    /** One line of the chosen month with its legal items and what is shown beside them. */
    public record LineView(StatementLine line, String shortId, String anchor, String methodName,
                           List<TechnologyShare> split,
                    List<CorrectionView> corrections, Comparison comparison, LineContent content) {

        public LineType type() {
            return line.lineType();
        }
    }

    /** The part of a line's octets that went over one access technology, as the feed gives it. */
    public record TechnologyShare(String technology, BigDecimal go, int percent) {
    }

    /**
     * A correction in plain words; {@code reasonKey} names the message of a reason the ledger gives, {@code reason}
     * is the reason as recorded (an operator's restatement reason) when it has none.
     */
    public record CorrectionView(Instant at, long fromGrams, long toGrams, String reasonKey, String reason) {
    }

    /** The average of the lines of the same type and technology that month, over at least a minimum of lines. */
    public record Comparison(long lines, BigDecimal averageGo, BigDecimal averageGrams, String technology) {
    }

    /** One line's twelve months: the table rows and the two bar charts drawn from them. */
    public record LineHistory(String lineId, String shortId, LineType type, String anchor, List<HistoryPoint> points,
                       BarChart grams, BarChart go) {
    }

    /** One month of a line's history; {@code null} figures: no usage that month. */
    public record HistoryPoint(String month, boolean closed, Long go, Long grams) {
    }
}
