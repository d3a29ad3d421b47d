package org.footprintledger.portal.web.customer;

import java.security.Principal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.footprintledger.content.api.AnswerSurveyCommand;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.CustomerSurvey;
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

    private static final Pattern SECTION = Pattern.compile("[A-Za-z0-9_-]{1,80}-conseils");

    CustomerFeedbackForms(CustomerFeedback feedback, CustomerSurvey survey) {
        this.feedback = feedback;
        this.survey = survey;
    }

    /** The message keys sent back to the page are resolved there, in the visitor's language. */
    @PostMapping("/espace-client/avis")
    String rate(Principal principal, @RequestParam RatingTarget target, @RequestParam(required = false) Long itemId,
                @RequestParam boolean useful, @RequestParam(required = false) String comment,
                @RequestParam(name = "mois", required = false) String month,
                @RequestParam(name = "ancre", required = false) String anchor, RedirectAttributes redirect) {
        try {
            feedback.rate(new RateContentCommand(principal.getName(), target, itemId, useful, comment));
            redirect.addFlashAttribute("message", "feedback.thanks");
        } catch (ContentInputException e) {
            redirect.addFlashAttribute("error", "comment".equals(e.field()) ? "feedback.error.tooLong"
                    : "feedback.error.invalid");
        } catch (ContentNotFoundException e) {
            redirect.addFlashAttribute("error", "feedback.error.gone");
        }
        return back(month, target == RatingTarget.TIP ? tipsOfTheLine(anchor) : "avis");
    }

    @PostMapping("/espace-client/enquete")
    String answer(Principal principal, @RequestParam int surveyVersion, @RequestParam MultiValueMap<String, String> form,
                  RedirectAttributes redirect) {
        List<Integer> ratings = new ArrayList<>();
        for (int position = 1; form.containsKey("q" + position); position++) {
            ratings.add(parse(form.getFirst("q" + position)));
        }
        try {
            survey.answerSurvey(new AnswerSurveyCommand(principal.getName(), surveyVersion, ratings));
            redirect.addFlashAttribute("message", "survey.thanks");
        } catch (ContentInputException e) {
            redirect.addFlashAttribute("error", "survey.error.incomplete");
        } catch (ContentConflictException e) {
            redirect.addFlashAttribute("error", "survey.error.conflict");
        }
        return back(form.getFirst("mois"), "avis");
    }

    private static Integer parse(String value) {
        try {
            return value == null ? null : Integer.valueOf(value);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** Back to the page, on the month the form was sent from, at the section of the form. */
    /** Back to the tips of the line rated (an anchor of the page's own form); anything else goes to the page's top. */
    private static String tipsOfTheLine(String anchor) {
        return anchor != null && SECTION.matcher(anchor).matches() ? anchor : "contenu";
    }

    private static String back(String month, String section) {
        YearMonth shown = CustomerAreaController.parseMonth(month);
        return "redirect:/espace-client" + (shown == null ? "" : "?mois=" + shown) + "#" + section;
    }
}
