package org.footprintledger.content.internal;

import java.time.LocalDate;
import java.util.List;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.PublishSurveyCommand;
import org.footprintledger.content.api.QuestionResults;
import org.footprintledger.content.api.SurveyResults;
import org.footprintledger.content.domain.SurveyStatistics;
import org.footprintledger.content.api.Survey;
import org.footprintledger.content.api.SurveyOffer;
import org.footprintledger.content.domain.FeedbackRules;
import org.footprintledger.content.domain.SafeMarkdown;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The quarterly survey on PostgreSQL: versions with their questions, one answer per subscriber and quarter. */
@Service
class JdbcCustomerSurvey implements CustomerSurvey {

    private static final Logger log = LoggerFactory.getLogger(JdbcCustomerSurvey.class);
    private final SurveyStore surveys;
    private final ContentViews views;
    private final ContentMetrics metrics;

    JdbcCustomerSurvey(SurveyStore surveys, ContentViews views, ContentMetrics metrics) {
        this.surveys = surveys;
        this.views = views;
        this.metrics = metrics;
    }

    @Override
    public SurveyOffer surveyFor(String subscriberId) {
        String quarter = quarter();
        return new SurveyOffer(surveys.current(), quarter, !surveys.answered(subscriberId, quarter));
    }

    @Override
    @Transactional
    public void answerSurvey(AnswerSurveyCommand command) {
        Survey current = surveys.current();
        if (command.surveyVersion() != current.version()) {
            throw new ContentConflictException("survey version " + command.surveyVersion()
                    + " is not the current one (" + current.version() + ")");
        }
        FeedbackRules.ratings(command.ratings(), current.questions().size());
        String quarter = quarter();
        if (!surveys.insert(command.subscriberId(), quarter, current.version(), command.ratings())) {
            throw new ContentConflictException("the survey was already answered in " + quarter
                    + "; it is offered once a quarter");
        }
        metrics.feedback("survey", 1);
        log.info("survey version {} answered by {} for {}", current.version(), command.subscriberId(), quarter);
    }

    @Override
    @Transactional
    public Survey publishSurvey(PublishSurveyCommand command, String editor) {
        List<String> fr = command.questionsFr();
        if (fr == null || fr.isEmpty() || fr.size() > 5) {
            throw new ContentInputException("questionsFr", "one to five French questions required");
        }
        List<String> en = command.questionsEn() == null || command.questionsEn().isEmpty() ? null
                : command.questionsEn();
        if (en != null && en.size() != fr.size()) {
            throw new ContentInputException("questionsEn", "as many English questions as French ones, or none");
        }
        for (int i = 0; i < fr.size(); i++) {
            question("questionsFr[" + i + "]", fr.get(i), true);
            question("questionsEn[" + i + "]", en == null ? null : en.get(i), false);
        }
        int version = surveys.publish(fr.stream().map(String::strip).toList(),
                en == null ? null : en.stream().map(q -> q == null || q.isBlank() ? null : q.strip()).toList(),
                editor);
        log.info("survey version {} published by {}", version, editor);
        return surveys.current();
    }

    @Override
    public SurveyResults results(String quarter) {
        String checked = FeedbackRules.quarter("quarter", quarter);
        List<QuestionResults> questions = surveys.ratingCounts(checked).stream().map(counts -> {
            SurveyStatistics statistics = SurveyStatistics.of(counts.counts());
            return new QuestionResults(counts.version(), counts.position(), counts.textFr(), counts.textEn(),
                    statistics.answers(), statistics.average(), statistics.counts(), statistics.shares());
        }).toList();
        return new SurveyResults(checked, surveys.answers(checked), questions);
    }

    @Override
    public String currentQuarter() {
        return quarter();
    }

    private String quarter() {
        return FeedbackRules.quarterOf(LocalDate.now(views.clock().withZone(ContentViews.PARIS)));
    }

    private static void question(String field, String text, boolean required) {
        if (text == null || text.isBlank()) {
            if (required) {
                throw new ContentInputException(field, "required");
            }
            return;
        }
        if (text.length() > 300) {
            throw new ContentInputException(field, "at most 300 characters");
        }
        SafeMarkdown.validate(field, text);
    }
}
