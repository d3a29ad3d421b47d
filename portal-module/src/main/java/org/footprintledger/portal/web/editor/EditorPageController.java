package org.footprintledger.portal.web.editor;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.RequestParameters;
import org.footprintledger.portal.web.StatementContent;
import org.footprintledger.portal.web.StatementReader;
import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.SafeText;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The editors' page: the latest version of every tip and equivalence (texts rendered as customers would see them),
 * the month's views, ratings and comments with their moderation, and the preview for a chosen subscriber.
 * Writing content goes through the API ({@code /api/v1/content/**}).
 */
@Controller
class EditorPageController {

    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private final EcoTips tips;
    private final EquivalenceCatalogue equivalences;
    private final CustomerFeedback feedback;
    private final SafeText safeText;
    private final StatementReader statements;
    private final StatementContent content;
    private final Clock clock;

    EditorPageController(EcoTips tips, EquivalenceCatalogue equivalences, CustomerFeedback feedback,
                         SafeText safeText, StatementReader statements, StatementContent content, Clock clock) {
        this.tips = tips;
        this.equivalences = equivalences;
        this.feedback = feedback;
        this.safeText = safeText;
        this.statements = statements;
        this.content = content;
        this.clock = clock;
    }

    @GetMapping("/editeur")
    String editorPage(@RequestParam(required = false) String month,
                      @RequestParam(required = false) String subscriberId, Model model) {
        YearMonth shown = month == null || month.isBlank() ? YearMonth.now(clock.withZone(PARIS))
                : RequestParameters.month(month, "month");
        model.addAttribute("month", shown.toString());
        model.addAttribute("tips", tips.latest());
        model.addAttribute("equivalences", equivalences.latest());
        model.addAttribute("stats", feedback.stats(shown));
        model.addAttribute("comments", feedback.comments(shown, true));
        model.addAttribute("safeText", safeText);
        if (subscriberId != null && !subscriberId.isBlank()) {
            YearMonth now = YearMonth.now(clock.withZone(PARIS));
            List<MonthlyStatement> months = statements.range(subscriberId, now.minusMonths(11), now);
            model.addAttribute("previewSubscriber", subscriberId);
            if (!months.isEmpty()) {
                MonthlyStatement latest = months.get(months.size() - 1);
                model.addAttribute("previewStatement", latest);
                model.addAttribute("preview", content.preview(latest));
            }
        }
        return "editeur";
    }

    @PostMapping("/editeur/commentaires/{commentId}/{action}")
    String moderate(@PathVariable long commentId, @PathVariable String action, @RequestParam String month,
                    Principal editor) {
        ModerationAction parsed = ModerationAction.valueOf(action.toUpperCase(Locale.ROOT));
        try {
            feedback.moderate(commentId, parsed, editor.getName());
        } catch (ContentNotFoundException e) {
            // gone meanwhile: the page shows what there is
        }
        return "redirect:/editeur?month=" + RequestParameters.month(month, "month");
    }

    /** A bad month or action in the address: a plain 400, not an error page of the server. */
    @ExceptionHandler({BadRequestException.class, IllegalArgumentException.class})
    ResponseEntity<String> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(org.springframework.http.MediaType.TEXT_PLAIN)
                .body(e.getMessage());
    }
}
