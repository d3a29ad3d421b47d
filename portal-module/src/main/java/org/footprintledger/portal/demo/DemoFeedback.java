package org.footprintledger.portal.demo;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.footprintledger.content.api.Survey;
import org.footprintledger.content.api.TipVersion;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Demo customers' feedback, so that the editors' improvement page shows something: this quarter's survey answered by
 * most demo subscribers, ratings of the page with a few comments, and ratings of two tips this month, one liked, one
 * found useless by enough customers to be flagged for review. Seeded: every demo shows the same figures.
 */
final class DemoFeedback {

    private static final Logger log = LoggerFactory.getLogger(DemoFeedback.class);
    private static final String[] COMMENTS = {"Très clair, merci.", "J'aimerais voir la comparaison sur un an.",
        "Je ne savais pas que le wifi consommait moins.", "Le chiffre en g éqCO2 est difficile à se représenter."};

    private DemoFeedback() {
    }

    static void load(CustomerSurvey surveys, CustomerFeedback feedback, EcoTips tips, List<String> subscribers,
                     long seed) {
        Random random = new Random(seed);
        List<TipVersion> published = new ArrayList<>(tips.latest().stream()
                .filter(tip -> tip.status() == ContentStatus.PUBLISHED).toList());
        Survey survey = surveys.surveyFor(subscribers.get(0)).survey();
        int answered = 0;
        for (int s = 0; s < subscribers.size(); s++) {
            String subscriber = subscribers.get(s);
            if (s % 5 != 4 && surveys.surveyFor(subscriber).offered()) {
                List<Integer> ratings = new ArrayList<>();
                for (int q = 0; q < survey.questions().size(); q++) {
                    ratings.add(Math.min(5, 2 + random.nextInt(4)));
                }
                surveys.answerSurvey(new AnswerSurveyCommand(subscriber, survey.version(), ratings));
                answered++;
            }
            String comment = s % 4 == 0 ? COMMENTS[(s / 4) % COMMENTS.length] : null;
            feedback.rate(new RateContentCommand(subscriber, RatingTarget.PAGE, null, random.nextInt(10) < 8,
                    comment));
            if (published.size() >= 2) {
                feedback.rate(new RateContentCommand(subscriber, RatingTarget.TIP, published.get(0).itemId(),
                        random.nextInt(10) < 8, null));
                feedback.rate(new RateContentCommand(subscriber, RatingTarget.TIP, published.get(1).itemId(),
                        random.nextInt(10) < 2, s == 1 ? "Ce conseil ne s'applique pas à ma box." : null));
            }
        }
        log.info("Demo feedback loaded: {} survey answers this quarter, {} page ratings, tip ratings on {}",
                answered, subscribers.size(), published.size() >= 2 ? "two tips" : "no tip");
    }
}
