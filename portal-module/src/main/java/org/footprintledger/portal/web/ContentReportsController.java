package org.footprintledger.portal.web;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.PublishSurveyCommand;
import org.footprintledger.content.api.Survey;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Editors' view of customers' feedback (stats, comments, moderation), the survey, and the preview. */
@RestController
@RequestMapping("/api/v1/content")
class ContentReportsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final CustomerFeedback feedback;
    private final StatementReader statements;
    private final StatementContent content;
    private final Clock clock;

    ContentReportsController(CustomerFeedback feedback, StatementReader statements, StatementContent content,
                             Clock clock) {
        this.feedback = feedback;
        this.statements = statements;
        this.content = content;
        this.clock = clock;
    }

    @GetMapping("/stats")
    List<ItemStats> stats(@RequestParam(required = false) String month) {
        return feedback.stats(month(month));
    }

    /** Every comment of the month, hidden ones included (editors only). */
    @GetMapping("/comments")
    List<FeedbackComment> comments(@RequestParam(required = false) String month) {
        return feedback.comments(month(month), true);
    }

    /** {@code action}: hide, show, flag or unflag. */
    @PostMapping("/comments/{commentId}/{action}")
    FeedbackComment moderate(@PathVariable long commentId, @PathVariable String action, Principal editor) {
        ModerationAction parsed;
        try {
            parsed = ModerationAction.valueOf(action.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("action must be hide, show, flag or unflag, got \"" + action + "\"",
                    null, null);
        }
        return feedback.moderate(commentId, parsed, editor.getName());
    }

    @PostMapping("/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Survey publishSurvey(@RequestBody PublishSurveyCommand command, Principal editor) {
        return feedback.publishSurvey(command, editor.getName());
    }

    /**
     * What the subscriber would see with its statement of {@code month} (default: its latest in the last twelve
     * months), drafts and versions in review included; nothing is bound or counted.
     */
    @GetMapping("/preview")
    Map<String, Object> preview(@RequestParam String subscriberId, @RequestParam(required = false) String month) {
        MonthlyStatement statement = month != null
                ? statements.monthly(subscriberId, StatementsController.parseMonth(month, "month"))
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

    private YearMonth month(String month) {
        return month == null ? YearMonth.now(clock.withZone(PARIS)) : StatementsController.parseMonth(month, "month");
    }
}
