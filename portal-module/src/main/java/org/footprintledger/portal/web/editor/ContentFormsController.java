package org.footprintledger.portal.web.editor;

import java.security.Principal;
import java.util.Locale;
import org.footprintledger.content.api.ContentConflictException;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.ContentNotFoundException;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.EquivalenceVersion;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.content.api.TipVersion;
import org.footprintledger.content.api.SafeText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The forms that write a tip or an equivalence, French and English side by side: a new item, or a new version of an
 * existing one (a draft beside the published version). Saved, the editors' page says so (post-redirect-get); refused,
 * the form comes back with each error beside its field, in the page's language.
 */
@Controller
class ContentFormsController {

    private static final Logger log = LoggerFactory.getLogger(ContentFormsController.class);
    private final EcoTips tips;
    private final EquivalenceCatalogue equivalences;
    private final SafeText safeText;
    private final EditorPreview preview;
    private final MessageSource messages;

    ContentFormsController(EcoTips tips, EquivalenceCatalogue equivalences, SafeText safeText, EditorPreview preview,
                           MessageSource messages) {
        this.tips = tips;
        this.equivalences = equivalences;
        this.safeText = safeText;
        this.preview = preview;
        this.messages = messages;
    }

    @GetMapping("/editeur/conseils/nouveau")
    String newTip(Model model, @RequestParam(required = false) String subscriberId) {
        return tipForm(model, null, TipForm.empty(), new FieldErrors(messages, Locale.ROOT), subscriberId);
    }

    @GetMapping("/editeur/conseils/{itemId}")
    String editTip(@PathVariable long itemId, Model model, @RequestParam(required = false) String subscriberId) {
        TipVersion current = last(tips.versions(itemId));
        return tipForm(model, current, TipForm.of(current), new FieldErrors(messages, Locale.ROOT), subscriberId);
    }

    @PostMapping("/editeur/conseils")
    String createTip(@ModelAttribute TipForm form, Principal editor, Locale locale, Model model,
                     RedirectAttributes redirect) {
        return saveTip(null, form, editor, locale, model, redirect);
    }

    @PostMapping("/editeur/conseils/{itemId}")
    String saveTipVersion(@PathVariable long itemId, @ModelAttribute TipForm form, Principal editor, Locale locale,
                          Model model, RedirectAttributes redirect) {
        return saveTip(itemId, form, editor, locale, model, redirect);
    }

    private String saveTip(Long itemId, TipForm form, Principal editor, Locale locale, Model model,
                           RedirectAttributes redirect) {
        FieldErrors errors = new FieldErrors(messages, locale);
        return save("tip", "/editeur/conseils/", itemId, form.input(errors), errors,
                (id, input) -> id == null ? tips.create(input, editor.getName()) : tips.edit(id, input, editor.getName()),
                saved -> new long[] {saved.itemId(), saved.version()},
                () -> tipForm(model, itemId == null ? null : last(tips.versions(itemId)), form, errors, null),
                editor, locale, model, redirect);
    }

    /** Stores a new item ({@code itemId} null) or a new draft version of one. */
    private interface Saving<I, V> {
        V save(Long itemId, I input);
    }

    /**
     * Saves a draft from a form: on success the item's page with a notice (post-redirect-get); on refused input, a
     * conflict or invalid fields, the form again with the errors beside the fields.
     */
    private <I, V> String save(String kind, String page, Long itemId, I input, FieldErrors errors, Saving<I, V> saving,
                               java.util.function.Function<V, long[]> numbers,
                               java.util.function.Supplier<String> formAgain, Principal editor, Locale locale,
                               Model model, RedirectAttributes redirect) {
        V saved = null;
        if (input != null) {
            try {
                saved = saving.save(itemId, input);
            } catch (ContentNotFoundException e) {
                throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such item");
            } catch (ContentInputException e) {
                errors.reject(e);
            } catch (ContentConflictException e) {
                conflict(e, itemId, errors, model, locale);
            }
        }
        if (saved == null) {
            return formAgain.get();
        }
        long[] itemAndVersion = numbers.apply(saved);
        log.info("editor page: {} {} version {} saved by {}", kind, itemAndVersion[0], itemAndVersion[1],
                editor.getName());
        redirect.addFlashAttribute("notice", messages.getMessage("editor.done.saved",
                new Object[] {itemAndVersion[1]}, locale));
        return "redirect:" + page + itemAndVersion[0];
    }

    @GetMapping("/editeur/equivalences/nouvelle")
    String newEquivalence(Model model, @RequestParam(required = false) String subscriberId) {
        return equivalenceForm(model, null, EquivalenceForm.empty(), new FieldErrors(messages, Locale.ROOT),
                subscriberId);
    }

    @GetMapping("/editeur/equivalences/{itemId}")
    String editEquivalence(@PathVariable long itemId, Model model,
                           @RequestParam(required = false) String subscriberId) {
        EquivalenceVersion current = last(equivalences.versions(itemId));
        return equivalenceForm(model, current, EquivalenceForm.of(current), new FieldErrors(messages, Locale.ROOT),
                subscriberId);
    }

    @PostMapping("/editeur/equivalences")
    String createEquivalence(@ModelAttribute EquivalenceForm form, Principal editor, Locale locale, Model model,
                             RedirectAttributes redirect) {
        return saveEquivalence(null, form, editor, locale, model, redirect);
    }

    @PostMapping("/editeur/equivalences/{itemId}")
    String saveEquivalenceVersion(@PathVariable long itemId, @ModelAttribute EquivalenceForm form, Principal editor,
                                  Locale locale, Model model, RedirectAttributes redirect) {
        return saveEquivalence(itemId, form, editor, locale, model, redirect);
    }

    private String saveEquivalence(Long itemId, EquivalenceForm form, Principal editor, Locale locale, Model model,
                                   RedirectAttributes redirect) {
        FieldErrors errors = new FieldErrors(messages, locale);
        return save("equivalence", "/editeur/equivalences/", itemId, form.input(errors), errors,
                (id, input) -> id == null ? equivalences.create(input, editor.getName())
                        : equivalences.edit(id, input, editor.getName()),
                saved -> new long[] {saved.itemId(), saved.version()},
                () -> equivalenceForm(model, itemId == null ? null : last(equivalences.versions(itemId)), form, errors,
                        null),
                editor, locale, model, redirect);
    }

    /** A new item under a key taken, beside the key; a version while one is in review, for the whole form. */
    private void conflict(ContentConflictException e, Long itemId, FieldErrors errors, Model model, Locale locale) {
        if (itemId == null) {
            errors.reject("key", "editor.error.keyTaken");
        } else {
            model.addAttribute("problem", messages.getMessage("editor.error.inReview", null, locale));
        }
    }

    private String tipForm(Model model, TipVersion current, TipForm form, FieldErrors errors, String subscriberId) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("errors", errors.asMap());
        model.addAttribute("safeText", safeText);
        preview.addTo(model, subscriberId);
        return "editeur-conseil";
    }

    private String equivalenceForm(Model model, EquivalenceVersion current, EquivalenceForm form, FieldErrors errors,
                                   String subscriberId) {
        model.addAttribute("current", current);
        model.addAttribute("form", form);
        model.addAttribute("values", form.values());
        model.addAttribute("errors", errors.asMap());
        preview.addTo(model, subscriberId);
        return "editeur-equivalence";
    }

    /** An item that does not exist: the branded 404 page, not a 500. */
    @ExceptionHandler(ContentNotFoundException.class)
    void noSuchItem(ContentNotFoundException e, HttpServletResponse response) throws java.io.IOException {
        log.info("editor page: {}", e.getMessage());
        response.sendError(HttpStatus.NOT_FOUND.value());
    }

    /** The latest version of an item; an item that does not exist is the branded 404 page, not a 500. */
    private static <T> T last(java.util.List<T> versions) {
        if (versions.isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "no such item");
        }
        return versions.get(versions.size() - 1);
    }
}
