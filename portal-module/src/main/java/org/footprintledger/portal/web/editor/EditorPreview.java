package org.footprintledger.portal.web.editor;

import java.time.Clock;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.StatementContent;
import org.footprintledger.portal.web.StatementReader;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The preview on the editors' pages: what a chosen subscriber would see with its latest statement of the last twelve
 * months, drafts and versions in review included; nothing is bound or counted.
 */
@Component
class EditorPreview {

    private final StatementReader statements;
    private final StatementContent content;
    private final Clock clock;

    EditorPreview(StatementReader statements, StatementContent content, Clock clock) {
        this.statements = statements;
        this.content = content;
        this.clock = clock;
    }

    void addTo(Model model, String subscriberId) {
        if (subscriberId == null || subscriberId.isBlank()) {
            return;
        }
        String subscriber = subscriberId.strip();
        YearMonth now = YearMonth.now(clock.withZone(DisplayFormat.PARIS));
        List<MonthlyStatement> months = statements.range(subscriber, now.minusMonths(11), now);
        model.addAttribute("previewSubscriber", subscriber);
        if (!months.isEmpty()) {
            MonthlyStatement latest = months.get(months.size() - 1);
            model.addAttribute("previewStatement", latest);
            model.addAttribute("preview", content.preview(latest));
        }
    }
}
