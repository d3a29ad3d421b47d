package org.footprintledger.portal.web;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.LinkedHashMap;
import java.util.Map;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.StatementLineRef;
import org.footprintledger.content.api.TipContext;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementLine;
import org.springframework.stereotype.Component;

/**
 * The content shown with a statement: each line's reference for the content module. The statement revision is the
 * line's exact grams as a string: a correction changes the figure, hence binds anew. The statement does not carry
 * the line's technology yet, so tips see it as unknown (matching any technology of the line type).
 */
@Component
class StatementContent {

    private final CustomerContent content;

    StatementContent(CustomerContent content) {
        this.content = content;
    }

    /** Line id to content; tips only when asked (the customer page shows them for the latest month). */
    Map<String, LineContent> show(MonthlyStatement statement, boolean withTips) {
        Map<String, LineContent> byLine = new LinkedHashMap<>();
        for (StatementLine line : statement.lines()) {
            byLine.put(line.lineId(), content.show(reference(statement, line), withTips));
        }
        return byLine;
    }

    Map<String, LineContent> preview(MonthlyStatement statement) {
        Map<String, LineContent> byLine = new LinkedHashMap<>();
        for (StatementLine line : statement.lines()) {
            byLine.put(line.lineId(), content.preview(reference(statement, line)));
        }
        return byLine;
    }

    static StatementLineRef reference(MonthlyStatement statement, StatementLine line) {
        var parts = MethodFactors.of(line.factorSetId(), line.lineType());
        TipContext tipContext = new TipContext(line.lineType(), null, line.exact().bytes(),
                parts.map(MethodFactors.Parts::fixedGramsPerLineMonth).orElse(null),
                parts.map(MethodFactors.Parts::gramsPerGo).orElse(null));
        return new StatementLineRef(statement.subscriberId(), YearMonth.parse(statement.month()), line.lineId(),
                line.exact().co2eGrams(), new BigDecimal(line.exact().co2eGrams()), tipContext);
    }
}
