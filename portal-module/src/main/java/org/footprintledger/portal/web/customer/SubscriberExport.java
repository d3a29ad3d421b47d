package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.StatementReader;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.CsvWriter;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.footprint.api.LineExplanation;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.springframework.stereotype.Component;

/**
 * A subscriber's own data, to download: every statement it has (lines with their exact figures), their corrections,
 * the explanation of each figure (formula, rounding, checksum) and every version of the methodology (factor sets
 * with their values, sources and validity). As JSON ({@link Document}) or as one CSV table, a row per statement line,
 * correction or factor value, told apart by the first column.
 */
@Component
class SubscriberExport {

    static final List<String> CSV_COLUMNS = List.of("record", "month", "line_id", "line_type", "technology", "status",
            "data_go", "co2e_grams", "estimated", "exact_bytes", "exact_go", "exact_grams", "factor_set_id",
            "method_summary", "formula", "rounding", "checksum", "corrected_at", "from_grams", "to_grams", "reason",
            "valid_from", "valid_until", "grams_per_line_month", "grams_per_go", "source");
    private static final YearMonth FIRST = YearMonth.of(2000, 1);
    /** The reason of a {@code statement_withheld} row: a month whose ledger stream fails its hash chain. */
    static final String WITHHELD = "ledger integrity broken: the figures of this month are withheld until the ledger "
            + "is restored";
    private final StatementReader statements;
    private final FactorSets factorSets;
    private final Clock clock;

    SubscriberExport(StatementReader statements, FactorSets factorSets, Clock clock) {
        this.statements = statements;
        this.factorSets = factorSets;
        this.clock = clock;
    }

    /** Everything exported for one subscriber. */
    record Document(String subscriberId, Instant exportedAt, List<MonthlyStatement> statements,
                    List<StatementExplanation> explanations, List<FactorSets.PublishedSet> methodologyVersions) {
    }

    Document of(String subscriberId) {
        Instant now = clock.instant();
        List<MonthlyStatement> all = statements.range(subscriberId, FIRST,
                YearMonth.now(clock.withZone(DisplayFormat.PARIS)));
        List<StatementExplanation> explanations = new ArrayList<>();
        for (MonthlyStatement statement : all) {
            statements.explanation(subscriberId, YearMonth.parse(statement.month())).ifPresent(explanations::add);
        }
        List<FactorSets.PublishedSet> sets = factorSets.all().stream()
                .sorted(Comparator.comparing((FactorSets.PublishedSet s) -> s.factorSet().validFrom())).toList();
        return new Document(subscriberId, now, all, explanations, sets);
    }

    /** The document as CSV through the product's one CSV writer (cells a spreadsheet would run are neutralised). */
    String csv(Document document) {
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        row(csv, CSV_COLUMNS.toArray());
        Map<String, LineExplanation> explained = document.explanations().stream()
                .flatMap(e -> e.lines().stream().map(line -> Map.entry(e.month() + "/" + line.figures().lineId(),
                        line)))
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
        for (MonthlyStatement statement : document.statements()) {
            if (StreamIntegrity.BROKEN.equals(statement.integrity())) {
                row(csv, "statement_withheld", statement.month(), null, null, null, statement.status(), null, null,
                        null, null, null, null, null, null, null, null, null, null, null, null, WITHHELD, null, null,
                        null, null, null);
            }
            for (StatementLine line : statement.lines()) {
                LineExplanation why = explained.get(statement.month() + "/" + line.lineId());
                Function<Function<LineExplanation, String>, String> fromWhy = f -> why == null ? null : f.apply(why);
                row(csv, "statement_line", statement.month(), line.lineId(), line.lineType(), line.technology(),
                        statement.status(), line.dataGo(), line.co2eGrams(), line.estimated(), line.exact().bytes(),
                        fromWhy.apply(w -> w.figures().exactGo()), line.exact().co2eGrams(), line.factorSetId(),
                        line.methodSummary(), fromWhy.apply(LineExplanation::formula),
                        fromWhy.apply(LineExplanation::rounding), fromWhy.apply(LineExplanation::checksum),
                        null, null, null, null, null, null, null, null, null);
                for (Correction correction : line.corrections()) {
                    row(csv, "correction", statement.month(), line.lineId(), line.lineType(), line.technology(),
                            statement.status(), null, null, null, null, null, null, line.factorSetId(), null, null,
                            null, null, correction.at(), correction.fromGrams(), correction.toGrams(),
                            correction.reason(), null, null, null, null, null);
                }
            }
        }
        for (FactorSets.PublishedSet published : document.methodologyVersions()) {
            FactorSet set = published.factorSet();
            for (FactorValue value : set.values()) {
                row(csv, "factor_value", null, null, value.lineType(),
                        value.technology() == null ? null : value.technology().code(), null, null, null, null, null,
                        null, null, set.id(), set.methodSummary(), null, null, null, null, null, null, null,
                        set.validFrom(), set.validUntil(), value.gramsPerLineMonth().toPlainString(),
                        value.gramsPerGo().toPlainString(), value.source());
            }
        }
        return text.toString();
    }

    private static void row(CsvWriter csv, Object... cells) {
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
    }
}
