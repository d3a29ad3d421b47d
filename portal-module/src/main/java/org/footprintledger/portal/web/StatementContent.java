package org.footprintledger.portal.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.StatementLineRef;
import org.footprintledger.content.api.TipContext;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementLine;
import org.footprintledger.vocabulary.Technology;
import org.springframework.stereotype.Component;

/**
 * The content shown with a statement: each line's reference for the content module. The statement revision is the
 * line's exact grams as a string: a correction changes the figure, hence binds anew. The tips' savings use the factor
 * value the statement line was computed with (its factor set, line type and technology, from the ledger's registry).
 */
@Component
public class StatementContent {

    private final CustomerContent content;
    private final FactorSets factorSets;

    StatementContent(CustomerContent content, FactorSets factorSets) {
        this.content = content;
        this.factorSets = factorSets;
    }

    /**
     * Line id to content, for all the statement's lines in one call to the content module; tips only when asked (the
     * customer page shows them for the last closed month).
     */
    public Map<String, LineContent> show(MonthlyStatement statement, boolean withTips) {
        List<LineContent> shown = content.show(statement.lines().stream().map(line -> reference(statement, line))
                .toList(), withTips);
        Map<String, LineContent> byLine = new LinkedHashMap<>();
        shown.forEach(line -> byLine.put(line.lineId(), line));
        return byLine;
    }

    public Map<String, LineContent> preview(MonthlyStatement statement) {
        Map<String, LineContent> byLine = new LinkedHashMap<>();
        for (StatementLine line : statement.lines()) {
            byLine.put(line.lineId(), content.preview(reference(statement, line)));
        }
        return byLine;
    }

    private StatementLineRef reference(MonthlyStatement statement, StatementLine line) {
        Technology technology = line.technology() == null ? null : Technology.fromCode(line.technology()).orElse(null);
        Optional<FactorSet> set = factorSets.byId(line.factorSetId());
        Optional<FactorValue> factor = set.map(s -> s.valueFor(line.lineType(), technology));
        TipContext tipContext = new TipContext(line.lineType(), technology, line.exact().bytes(),
                factor.map(FactorValue::gramsPerLineMonth).orElse(null),
                factor.map(FactorValue::gramsPerGo).orElse(null),
                set.map(FactorSet::octetsPerGo).orElse(TipContext.DECIMAL_GO));
        return new StatementLineRef(statement.subscriberId(), YearMonth.parse(statement.month()), line.lineId(),
                line.exact().co2eGrams(), new BigDecimal(line.exact().co2eGrams()), tipContext);
    }
}
