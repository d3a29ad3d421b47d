package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.NotFoundException;
import org.footprintledger.portal.web.RequestParameters;
import org.footprintledger.portal.web.StatementContent;
import org.footprintledger.portal.web.StatementReader;
import java.util.List;
import java.util.Map;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.LineContent;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.footprintledger.content.api.SurveyOffer;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A subscriber's own feedback and the content shown with its statements. The security chain lets only the
 * subscriber itself in (auditors too for reading statement content): another subscriber's id answers 403.
 */
@RestController
class FeedbackController {

    private final CustomerFeedback feedback;
    private final CustomerSurvey surveys;
    private final StatementReader statements;
    private final StatementContent content;

    FeedbackController(CustomerFeedback feedback, CustomerSurvey surveys, StatementReader statements,
                       StatementContent content) {
        this.feedback = feedback;
        this.surveys = surveys;
        this.statements = statements;
        this.content = content;
    }

    record RatingRequest(RatingTarget target, Long itemId, Boolean useful, String comment) {
    }

    record SurveyAnswerRequest(Integer surveyVersion, List<Integer> ratings) {
    }

    @PostMapping("/api/v1/feedback/subscribers/{subscriberId}/ratings")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, Long> rate(@PathVariable String subscriberId, @RequestBody RatingRequest request) {
        if (request.useful() == null) {
            throw new org.footprintledger.content.api.ContentInputException("useful", "required: true or false");
        }
        long id = feedback.rate(new RateContentCommand(subscriberId, request.target(), request.itemId(),
                request.useful(), request.comment()));
        return Map.of("ratingId", id);
    }

    @GetMapping("/api/v1/feedback/subscribers/{subscriberId}/survey")
    SurveyOffer survey(@PathVariable String subscriberId) {
        return surveys.surveyFor(subscriberId);
    }

    @PostMapping("/api/v1/feedback/subscribers/{subscriberId}/survey")
    @ResponseStatus(HttpStatus.CREATED)
    Map<String, String> answer(@PathVariable String subscriberId, @RequestBody SurveyAnswerRequest request) {
        if (request.surveyVersion() == null) {
            throw new org.footprintledger.content.api.ContentInputException("surveyVersion", "required");
        }
        surveys.answerSurvey(new AnswerSurveyCommand(subscriberId, request.surveyVersion(), request.ratings()));
        return Map.of("status", "recorded");
    }

    /** The equivalences and tips shown with a statement (binds them on first read, counts views). */
    @GetMapping("/api/v1/content/subscribers/{subscriberId}/statements/{month}")
    Map<String, Object> statementContent(@PathVariable String subscriberId, @PathVariable String month) {
        var statement = statements.monthly(subscriberId, RequestParameters.month(month, "month"))
                .orElseThrow(() -> new NotFoundException("no usage for subscriber " + subscriberId + " in " + month));
        Map<String, LineContent> lines = content.show(statement, true);
        return Map.of("subscriberId", subscriberId, "month", statement.month(), "lines", List.copyOf(lines.values()));
    }
}
