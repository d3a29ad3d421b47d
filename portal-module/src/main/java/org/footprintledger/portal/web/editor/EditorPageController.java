package org.footprintledger.portal.web.editor;

import java.security.Principal;
import java.time.Clock;
import java.time.YearMonth;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.ContentStatus;
import org.footprintledger.content.api.ContentWorkflow;
import org.footprintledger.content.api.CustomerFeedback;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.EquivalenceVersion;
import org.footprintledger.content.api.FourEyesException;
import org.footprintledger.content.api.Lang;
import org.footprintledger.content.api.ModerationAction;
import org.footprintledger.content.api.SafeText;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.content.api.WorkflowAction;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.RequestParameters;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The editors' page: the latest version of every tip and equivalence with the moves its status allows (submit,
 * reject, publish, retire: forms, post-redirect-get), the preview for a chosen subscriber, and the month's feedback
 * with its moderation. Writing a tip or an equivalence is on their form pages.
 */
@Controller
class EditorPageController {

    private static final Logger log = LoggerFactory.getLogger(EditorPageController.class);
    private final EcoTips tips;
    private final EquivalenceCatalogue equivalences;
    private final ContentWorkflow workflow;
    private final CustomerFeedback feedback;
    private final SafeText safeText;
    private final EditorPreview preview;
    private final MessageSource messages;
    private final Clock clock;

    EditorPageController(EcoTips tips, EquivalenceCatalogue equivalences, ContentWorkflow workflow,
                         CustomerFeedback feedback, SafeText safeText, EditorPreview preview, MessageSource messages,
                         Clock clock) {
        this.tips = tips;
        this.equivalences = equivalences;
        this.workflow = workflow;
        this.feedback = feedback;
        this.safeText = safeText;
        this.preview = preview;
        this.messages = messages;
        this.clock = clock;
    }

    @GetMapping("/editeur")
    String editorPage(@RequestParam(required = false) String month,
                      @RequestParam(required = false) String subscriberId, Model model, Locale locale,
                      Principal editor) {
        YearMonth shown = month == null || month.isBlank() ? YearMonth.now(clock.withZone(DisplayFormat.PARIS))
                : RequestParameters.month(month, "month");
        DisplayFormat fmt = (DisplayFormat) model.getAttribute("fmt");
        Lang lang = (Lang) model.getAttribute("contentLang");
        List<TipVersion> latestTips = tips.latest();
        List<EquivalenceVersion> latestEquivalences = equivalences.latest();
        Map<Long, String> submitters = new HashMap<>();
        latestTips.stream().filter(t -> t.status() == ContentStatus.IN_REVIEW).forEach(t ->
                workflow.submittedBy(t.itemId(), t.version()).ifPresent(s -> submitters.put(t.itemId(), s)));
        latestEquivalences.stream().filter(e -> e.status() == ContentStatus.IN_REVIEW).forEach(e ->
                workflow.submittedBy(e.itemId(), e.version()).ifPresent(s -> submitters.put(e.itemId(), s)));
        model.addAttribute("month", shown.toString());
        model.addAttribute("tips", latestTips);
        model.addAttribute("equivalences", latestEquivalences);
        model.addAttribute("submitters", submitters);
        model.addAttribute("me", editor.getName());
        model.addAttribute("fourEyes", workflow.fourEyes());
        model.addAttribute("stats", feedback.stats(shown));
        model.addAttribute("comments", feedback.comments(shown, true));
        model.addAttribute("names", new ItemNames(tips, equivalences, safeText, fmt, lang,
                messages.getMessage("editor.item.page", null, locale)));
        model.addAttribute("safeText", safeText);
        preview.addTo(model, subscriberId);
        return "editeur-contenus";
    }

    /** {@code action}: submit, reject, publish or retire; the page then says what happened, in its language. */
    @PostMapping("/editeur/contenus/{itemId}/versions/{version}/{action}")
    String transition(@PathVariable long itemId, @PathVariable int version, @PathVariable String action,
                      Principal editor, Locale locale, RedirectAttributes redirect) {
        WorkflowAction parsed = WorkflowAction.valueOf(action.toUpperCase(Locale.ROOT));
        try {
            ContentStatus status = workflow.apply(itemId, version, parsed, editor.getName());
            redirect.addFlashAttribute("notice", messages.getMessage("editor.done." + parsed.name(),
                    new Object[] {version}, locale));
            log.info("editor page: item {} version {} {} by {} -> {}", itemId, version, parsed, editor.getName(),
                    status);
        } catch (FourEyesException e) {
            redirect.addFlashAttribute("problem", messages.getMessage("editor.error.fourEyes", null, locale));
        } catch (ContentConflictException e) {
            redirect.addFlashAttribute("problem", messages.getMessage("editor.error.conflict", null, locale));
        } catch (ContentNotFoundException e) {
            redirect.addFlashAttribute("problem", messages.getMessage("editor.error.gone", null, locale));
        }
        return "redirect:/editeur#item-" + itemId;
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
        return "redirect:/editeur?month=" + RequestParameters.month(month, "month") + "#commentaires";
    }

    /** A bad month or action in the address: a plain 400, not an error page of the server. */
    @ExceptionHandler({BadRequestException.class, IllegalArgumentException.class})
    ResponseEntity<String> badRequest(RuntimeException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }
}
