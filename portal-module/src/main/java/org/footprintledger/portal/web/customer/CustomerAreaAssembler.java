package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.StatementContent;
import org.footprintledger.portal.web.StatementReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.footprint.api.Correction;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.usage.api.DailyUsage;
import org.footprintledger.usage.api.UsageHistory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Isolation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles the customer page from the read models in a bounded number of queries, whatever the number of lines and
 * months: the twelve months' statements (one query bus round trip), the chosen month's content (one call into the
 * content module), its usage by technology (one query), the comparison averages (cached), the devices and the survey.
 * The month shown is the one asked for, else the last closed month, else the latest; tips go with the last closed
 * month only (or the month shown while none is closed).
 */
@Component
class CustomerAreaAssembler {

    private final StatementReader statements;
    private final StatementContent content;
    private final CustomerContent pageViews;
    private final CustomerSurvey survey;
    private final Devices devices;
    private final UsageHistory usage;
    private final LineAverages averages;
    private final FactorSets factorSets;
    private final Clock clock;

    CustomerAreaAssembler(StatementReader statements, StatementContent content, CustomerContent pageViews,
                          CustomerSurvey survey, Devices devices, UsageHistory usage, LineAverages averages,
                          FactorSets factorSets, Clock clock) {
        this.statements = statements;
        this.content = content;
        this.pageViews = pageViews;
        this.survey = survey;
        this.devices = devices;
        this.usage = usage;
        this.averages = averages;
        this.factorSets = factorSets;
        this.clock = clock;
    }

    /** The first of the twelve months the page shows, the current one included. */
    static YearMonth firstMonthShown(YearMonth current) {
        return current.minusMonths(11);
    }

    YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(DisplayFormat.PARIS));
    }

    /**
     * In one transaction, hence one connection from the pool for the whole page, and one snapshot: the page's
     * figures, corrections and content are read as of the same instant.
     */
    @Transactional(isolation = Isolation.REPEATABLE_READ)
    CustomerAreaPage assemble(String subscriberId, YearMonth asked) {
        YearMonth current = currentMonth();
        List<MonthlyStatement> months = statements.range(subscriberId, firstMonthShown(current), current);
        Optional<MonthlyStatement> lastClosed = months.stream()
                .filter(m -> m.status() == StatementStatus.CLOSED).reduce((first, second) -> second);
        Optional<MonthlyStatement> chosen = months.stream()
                .filter(m -> asked != null && m.month().equals(asked.toString())).findFirst()
                .or(() -> lastClosed)
                .or(() -> months.isEmpty() ? Optional.empty() : Optional.of(months.get(months.size() - 1)));
        pageViews.countPageView();
        List<CustomerAreaPage.MonthChoice> choices = new ArrayList<>();
        for (int i = months.size() - 1; i >= 0; i--) {
            MonthlyStatement m = months.get(i);
            choices.add(new CustomerAreaPage.MonthChoice(m.month(), m.status() == StatementStatus.CLOSED,
                    chosen.isPresent() && chosen.get().month().equals(m.month())));
        }
        // tips go with the last closed month; a subscriber with no closed month yet gets them with the month shown
        boolean tips = chosen.isPresent() && lastClosed.map(m -> m.month().equals(chosen.get().month())).orElse(true);
        CustomerAreaPage.MonthView month = chosen.map(statement -> monthView(statement, tips)).orElse(null);
        return new CustomerAreaPage(subscriberId, List.copyOf(choices), month, tips,
                history(months, current), methods(chosen), DeviceView.of(subscriberId, current,
                devices.monthlyFootprintOf(subscriberId, current)), survey.surveyFor(subscriberId),
                months.stream().filter(m -> StreamIntegrity.BROKEN.equals(m.integrity())).map(MonthlyStatement::month)
                        .toList());
    }

    private CustomerAreaPage.MonthView monthView(MonthlyStatement statement, boolean withTips) {
        YearMonth month = YearMonth.parse(statement.month());
        Map<String, LineContent> shown = content.show(statement, withTips);
        Map<String, Map<String, Long>> bytesByTechnology = new LinkedHashMap<>();
        for (DailyUsage day : usage.dailyUsage(statement.subscriberId(), month)) {
            bytesByTechnology.computeIfAbsent(day.lineId(), k -> new TreeMap<>())
                    .merge(day.technology() == null ? "" : day.technology(), day.bytes(), Long::sum);
        }
        boolean closed = statement.status() == StatementStatus.CLOSED;
        List<CustomerAreaPage.LineView> lines = new ArrayList<>();
        for (StatementLine line : statement.lines()) {
            CustomerAreaPage.Comparison comparison = closed ? averages.of(month, line.lineType(), line.technology())
                    .map(a -> new CustomerAreaPage.Comparison(a.lines(), a.averageGo(), a.averageGrams(),
                            a.technology())).orElse(null) : null;
            Optional<FactorSet> set = factorSets.byId(line.factorSetId());
            lines.add(new CustomerAreaPage.LineView(line, DisplayFormat.shortLineIdOf(statement.subscriberId(), line.lineId()),
                    anchor(line.lineId()), set.map(FactorSet::name).orElse(line.factorSetId()),
                    split(bytesByTechnology.getOrDefault(line.lineId(), Map.of()),
                            set.map(FactorSet::octetsPerGo).orElse(BigDecimal.TEN.pow(9))),
                    corrections(line.corrections()), comparison, shown.get(line.lineId())));
        }
        return new CustomerAreaPage.MonthView(statement.month(), closed, List.copyOf(lines));
    }

    private static List<CustomerAreaPage.TechnologyShare> split(Map<String, Long> bytes, BigDecimal octetsPerGo) {
        long total = bytes.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0 || bytes.keySet().stream().allMatch(String::isEmpty)) {
            return List.of();
        }
        return bytes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                .map(e -> new CustomerAreaPage.TechnologyShare(e.getKey().isEmpty() ? null : e.getKey(),
                        new BigDecimal(e.getValue()).divide(octetsPerGo, 1, RoundingMode.HALF_UP),
                        (int) Math.round(100.0 * e.getValue() / total)))
                .toList();
    }

    static List<CustomerAreaPage.CorrectionView> corrections(List<Correction> corrections) {
        return corrections.stream().map(c -> new CustomerAreaPage.CorrectionView(c.at(), c.fromGrams(), c.toGrams(),
                CorrectionReasons.keyOf(c.reason()), c.reason())).toList();
    }

    private List<CustomerAreaPage.LineHistory> history(List<MonthlyStatement> months, YearMonth current) {
        Map<String, StatementLine> lines = new TreeMap<>();
        for (MonthlyStatement m : months) {
            m.lines().forEach(line -> lines.putIfAbsent(line.lineId(), line));
        }
        List<CustomerAreaPage.LineHistory> history = new ArrayList<>();
        for (StatementLine line : lines.values()) {
            List<CustomerAreaPage.HistoryPoint> points = new ArrayList<>();
            YearMonth first = months.stream().filter(m -> m.lines().stream()
                            .anyMatch(l -> l.lineId().equals(line.lineId())))
                    .map(m -> YearMonth.parse(m.month())).findFirst().orElse(current);
            // from the line's first month with usage within the twelve, to the current month
            for (YearMonth month = first; !month.isAfter(current); month = month.plusMonths(1)) {
                String key = month.toString();
                Optional<MonthlyStatement> statement = months.stream().filter(m -> m.month().equals(key)).findFirst();
                Optional<StatementLine> figures = statement.flatMap(m -> m.lines().stream()
                        .filter(l -> l.lineId().equals(line.lineId())).findFirst());
                points.add(new CustomerAreaPage.HistoryPoint(key,
                        statement.map(m -> m.status() == StatementStatus.CLOSED).orElse(month.isBefore(current)),
                        figures.map(StatementLine::dataGo).orElse(null),
                        figures.map(StatementLine::co2eGrams).orElse(null)));
            }
            history.add(new CustomerAreaPage.LineHistory(line.lineId(),
                    DisplayFormat.shortLineIdOf(months.get(0).subscriberId(), line.lineId()), line.lineType(),
                    "historique-" + anchor(line.lineId()), List.copyOf(points),
                    BarChart.of(points, CustomerAreaPage.HistoryPoint::grams),
                    BarChart.of(points, CustomerAreaPage.HistoryPoint::go)));
        }
        return history;
    }

    /** The factor sets of the chosen month's lines, each once, in the order met. */
    private List<FactorSet> methods(Optional<MonthlyStatement> chosen) {
        return chosen.map(m -> m.lines().stream().map(StatementLine::factorSetId).filter(Objects::nonNull).distinct()
                        .map(factorSets::byId).flatMap(Optional::stream)
                        .sorted(Comparator.comparing(FactorSet::validFrom)).toList())
                .orElse(List.of());
    }

    /** "M1" for "S0000000-M1": the line id without the subscriber's prefix, else the line id's last 6 characters. */
    /** An id usable in a URL fragment. */
    static String anchor(String lineId) {
        return "ligne-" + lineId.replaceAll("[^A-Za-z0-9_-]", "_");
    }
}
