package org.footprintledger.portal.web.editor;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.RequestParameters;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemReview;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.SurveyResults;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.PublishSurveyCommand;
import org.footprintledger.content.api.Survey;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Editors' view of customers' feedback (stats, comments, moderation) and the survey's versions. */
@RestController
@RequestMapping("/api/v1/content")
class ContentReportsController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final CustomerFeedback feedback;
    private final CustomerSurvey surveys;
    private final Clock clock;

    ContentReportsController(CustomerFeedback feedback, CustomerSurvey surveys, Clock clock) {
        this.feedback = feedback;
        this.surveys = surveys;
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

    /** The survey's results of a quarter ("2026-Q4", default: this quarter): per question answers, average, shares. */
    @GetMapping("/surveys/results")
    SurveyResults surveyResults(@RequestParam(required = false) String quarter) {
        return surveys.results(quarter == null || quarter.isBlank() ? surveys.currentQuarter() : quarter);
    }

    /** Each item's usefulness from {@code from} to {@code to} (default: the last six months), flagged for review. */
    @GetMapping("/review")
    List<ItemReview> review(@RequestParam(required = false) String from, @RequestParam(required = false) String to) {
        YearMonth last = to == null ? month(null) : RequestParameters.month(to, "to");
        YearMonth first = from == null ? last.minusMonths(5) : RequestParameters.month(from, "from");
        return feedback.review(first, last);
    }

    @PostMapping("/surveys")
    @ResponseStatus(HttpStatus.CREATED)
    Survey publishSurvey(@RequestBody PublishSurveyCommand command, Principal editor) {
        return surveys.publishSurvey(command, editor.getName());
    }

    private YearMonth month(String month) {
        return month == null ? YearMonth.now(clock.withZone(PARIS)) : RequestParameters.month(month, "month");
    }
}
