package org.footprintledger.portal.web.editor;

import org.footprintledger.portal.web.NotFoundException;
import org.footprintledger.portal.web.RequestParameters;
import org.footprintledger.portal.web.StatementContent;
import org.footprintledger.portal.web.StatementReader;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Editors preview what a chosen subscriber would see, drafts and versions in review included. */
@RestController
class ContentPreviewController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final StatementReader statements;
    private final StatementContent content;
    private final Clock clock;

    ContentPreviewController(StatementReader statements, StatementContent content, Clock clock) {
        this.statements = statements;
        this.content = content;
        this.clock = clock;
    }

    /**
     * What the subscriber would see with its statement of {@code month} (default: its latest in the last twelve
     * months), drafts and versions in review included; nothing is bound or counted.
     */
    @GetMapping("/api/v1/content/preview")
    Map<String, Object> preview(@RequestParam String subscriberId, @RequestParam(required = false) String month) {
        MonthlyStatement statement = month != null
                ? statements.monthly(subscriberId, RequestParameters.month(month, "month"))
                .orElseThrow(() -> new NotFoundException("no statement for " + subscriberId + " in " + month))
                : latest(subscriberId);
        Map<String, LineContent> lines = content.preview(statement);
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("subscriberId", subscriberId);
        body.put("month", statement.month());
        body.put("lines", new ArrayList<>(lines.values()));
        return body;
    }

    private MonthlyStatement latest(String subscriberId) {
        YearMonth now = YearMonth.now(clock.withZone(PARIS));
        List<MonthlyStatement> months = statements.range(subscriberId, now.minusMonths(11), now);
        if (months.isEmpty()) {
            throw new NotFoundException("no statement for " + subscriberId + " in the last twelve months");
        }
        return months.get(months.size() - 1);
    }
}
