package org.footprintledger.portal.web;

import java.security.Principal;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
import org.footprintledger.content.api.Lang;
import org.footprintledger.content.api.RateContentCommand;
import org.footprintledger.content.api.RatingTarget;
import org.springframework.stereotype.Controller;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The customer page's forms: "was this useful?" for the page and each tip, and the survey. Always for the logged-in
 * subscriber (the form carries no subscriber id). A refused answer comes back to the page as a message.
 */
@Controller
class CustomerFeedbackForms {

    private final CustomerFeedback feedback;
    private final CustomerSurvey survey;

    CustomerFeedbackForms(CustomerFeedback feedback, CustomerSurvey survey) {
        this.feedback = feedback;
        this.survey = survey;
    }

    @PostMapping("/espace-client/avis")
    String rate(Principal principal, @RequestParam RatingTarget target, @RequestParam(required = false) Long itemId,
                @RequestParam boolean useful, @RequestParam(required = false) String comment,
                @RequestParam(required = false) String lang, RedirectAttributes redirect) {
        try {
            feedback.rate(new RateContentCommand(principal.getName(), target, itemId, useful, comment));
            redirect.addFlashAttribute("message", english(lang) ? "Thank you for your answer."
                    : "Merci pour votre réponse.");
        } catch (ContentInputException e) {
            boolean tooLong = "comment".equals(e.field());
            redirect.addFlashAttribute("error", english(lang)
                    ? "Answer not recorded: " + (tooLong ? "your comment is longer than 500 characters." : e.getMessage())
                    : "Réponse non enregistrée : " + (tooLong ? "votre commentaire dépasse 500 caractères."
                    : e.getMessage()));
        } catch (ContentNotFoundException e) {
            redirect.addFlashAttribute("error", english(lang) ? "Answer not recorded: this tip is no longer shown."
                    : "Réponse non enregistrée : ce conseil n'est plus proposé.");
        }
        return back(lang);
    }

    @PostMapping("/espace-client/enquete")
    String answer(Principal principal, @RequestParam int surveyVersion, @RequestParam MultiValueMap<String, String> form,
                  @RequestParam(required = false) String lang, RedirectAttributes redirect) {
        List<Integer> ratings = new ArrayList<>();
        for (int position = 1; form.containsKey("q" + position); position++) {
            ratings.add(parse(form.getFirst("q" + position)));
        }
        try {
            survey.answerSurvey(new AnswerSurveyCommand(principal.getName(), surveyVersion, ratings));
            redirect.addFlashAttribute("message", english(lang) ? "Thank you for answering the survey."
                    : "Merci d'avoir répondu à l'enquête.");
        } catch (ContentInputException e) {
            redirect.addFlashAttribute("error", english(lang) ? "Survey not recorded: please rate every question "
                    + "from 1 to 5." : "Enquête non enregistrée : merci de noter chaque question de 1 à 5.");
        } catch (ContentConflictException e) {
            redirect.addFlashAttribute("error", english(lang) ? "Survey not recorded: " + e.getMessage()
                    : "Enquête non enregistrée : vous y avez déjà répondu ce trimestre, ou elle a changé entre-temps.");
        }
        return back(lang);
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The page's language, as the customer page reads it. */
    private static boolean english(String lang) {
        return Lang.parse(lang) == Lang.EN;
    }

    private static String back(String lang) {
        return english(lang) ? "redirect:/espace-client?lang=en" : "redirect:/espace-client";
    }
}
