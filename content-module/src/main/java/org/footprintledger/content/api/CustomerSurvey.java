package org.footprintledger.content.api;

/** The short recurring survey: offered once a calendar quarter per subscriber, answers kept with their version. */
public interface CustomerSurvey {

    /** The current survey and whether this subscriber may still answer it this quarter. */
    SurveyOffer surveyFor(String subscriberId);

    /** 409 when the subscriber already answered this quarter; 400 for a rating outside 1..5 or a wrong count. */
    void answerSurvey(AnswerSurveyCommand command);

    /** The answers of a quarter ("2026-Q4"): per question the count, average and distribution; 400 for a bad quarter. */
    SurveyResults results(String quarter);

    /** The current calendar quarter (Europe/Paris), as "2026-Q4". */
    String currentQuarter();

    /** A new version, which becomes the one offered; earlier versions and their answers are kept. */
    Survey publishSurvey(PublishSurveyCommand command, String editor);
}
