package org.footprintledger.portal.web.editor;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import org.footprintledger.content.api.ContentInputException;
import org.footprintledger.content.api.EcoTips;
import org.footprintledger.content.api.EquivalenceCatalogue;
import org.footprintledger.content.api.FeedbackComment;
import org.footprintledger.content.api.ItemReview;
import org.footprintledger.content.api.ItemStats;
import org.footprintledger.content.api.Lang;
import org.footprintledger.content.api.QuestionResults;
import org.footprintledger.content.api.SafeText;
import org.footprintledger.footprint.api.CsvWriter;
import org.footprintledger.portal.web.DisplayFormat;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The improvement loop the customers feed, for editors: the survey's results per quarter (per question the answers,
 * the average and the distribution; the quarter's comments), each item's feedback month by month, the items whose
 * usefulness fell below the threshold; each part downloadable as CSV (exact figures, items named, cells a
 * spreadsheet would run neutralised by the product's {@link CsvWriter}).
 */
@Controller
class ImprovementPageController {

    private static final Logger log = LoggerFactory.getLogger(ImprovementPageController.class);
    private final ImprovementLoop loop;
    private final EcoTips tips;
    private final EquivalenceCatalogue equivalences;
    private final SafeText safeText;
    private final MessageSource messages;
    private final MeterRegistry meters;

    ImprovementPageController(ImprovementLoop loop, EcoTips tips, EquivalenceCatalogue equivalences,
                              SafeText safeText, MessageSource messages, MeterRegistry meters) {
        this.meters = meters;
        this.loop = loop;
        this.tips = tips;
        this.equivalences = equivalences;
        this.safeText = safeText;
        this.messages = messages;
    }

    @GetMapping("/editeur/amelioration")
    String improvementPage(@RequestParam(name = "trimestre", required = false) String quarter, Model model,
                           Locale locale) {
        model.addAttribute("loop", loop.of(quarter));
        model.addAttribute("names", names(model, locale));
        return "editeur-amelioration";
    }

    /** {@code part}: enquete (survey results), commentaires, tendances (trends) or a-revoir (review). */
    @GetMapping("/editeur/amelioration/{part}.csv")
    ResponseEntity<String> download(@PathVariable String part,
                                    @RequestParam(name = "trimestre", required = false) String quarter, Model model,
                                    Locale locale) {
        ImprovementLoop.Quarter shown = loop.of(quarter);
        ItemNames names = names(model, locale);
        StringWriter text = new StringWriter();
        CsvWriter csv = new CsvWriter(text);
        String q = shown.survey().quarter();
        switch (part) {
            case "enquete" -> {
                row(csv, "quarter", "survey_version", "question", "text", "answers", "average", "rating_1",
                        "rating_2", "rating_3", "rating_4", "rating_5", "share_1", "share_2", "share_3", "share_4",
                        "share_5");
                Lang lang = Lang.parse(locale.getLanguage());
                for (QuestionResults question : shown.survey().questions()) {
                    Object[] cells = new Object[16];
                    cells[0] = q;
                    cells[1] = question.surveyVersion();
                    cells[2] = question.position();
                    cells[3] = question.text(lang);
                    cells[4] = question.answers();
                    cells[5] = question.average() == null ? null : question.average().toPlainString();
                    for (int i = 0; i < 5; i++) {
                        cells[6 + i] = question.counts().get(i);
                        cells[11 + i] = question.shares().get(i).toPlainString();
                    }
                    row(csv, cells);
                }
            }
            case "commentaires" -> {
                row(csv, "quarter", "month", "item", "item_key", "useful", "comment", "flagged", "created_at");
                for (FeedbackComment comment : shown.comments()) {
                    row(csv, q, comment.month(), names.of(comment.itemId(), null), key(comment.itemId()),
                            comment.useful(), comment.comment(), comment.flagged(), comment.createdAt());
                }
            }
            case "tendances" -> {
                row(csv, "month", "item", "item_key", "kind", "views", "yes", "no", "comments", "hidden_comments",
                        "usefulness");
                for (Map<String, ItemStats> months : shown.trends().values()) {
                    for (ItemStats stats : months.values()) {
                        row(csv, stats.month(), names.of(stats.itemId(), stats.key()), stats.key(), stats.kind(),
                                stats.views(), stats.yes(), stats.no(), stats.comments(), stats.hiddenComments(),
                                stats.usefulness().toPlainString());
                    }
                }
            }
            case "a-revoir" -> {
                row(csv, "from", "to", "item", "item_key", "kind", "yes", "no", "usefulness", "flagged_for_review");
                for (ItemReview review : shown.review()) {
                    row(csv, shown.months().get(0), shown.months().get(shown.months().size() - 1),
                            names.of(review.itemId(), review.key()), review.key(), review.kind(), review.yes(),
                            review.no(), review.usefulness().toPlainString(), review.flagged());
                }
            }
            default -> throw new ContentInputException("part",
                    "enquete, commentaires, tendances or a-revoir, got \"" + part + "\"");
        }
        meters.counter("content.improvement.downloads", "part", part).increment();
        log.info("improvement loop: {} of {} downloaded", part, q);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(new MediaType("text", "csv", StandardCharsets.UTF_8));
        headers.setContentDisposition(ContentDisposition.attachment().filename(part + "-" + q + ".csv").build());
        return new ResponseEntity<>("\uFEFF" + text, headers, HttpStatus.OK);
    }

    /** A bad quarter or part in the address: a plain 400 saying what is wrong. */
    @ExceptionHandler(ContentInputException.class)
    ResponseEntity<String> badRequest(ContentInputException e) {
        return ResponseEntity.status(HttpStatus.BAD_REQUEST).contentType(MediaType.TEXT_PLAIN).body(e.getMessage());
    }

    private ItemNames names(Model model, Locale locale) {
        DisplayFormat fmt = (DisplayFormat) model.getAttribute("fmt");
        return new ItemNames(tips, equivalences, safeText, fmt, Lang.parse(locale.getLanguage()),
                messages.getMessage("editor.item.page", null, locale));
    }

    private static String key(Long itemId) {
        return itemId == null || itemId == 0 ? "page" : itemId.toString();
    }

    private static void row(CsvWriter csv, Object... cells) {
        try {
            csv.row(cells);
        } catch (IOException e) {
            throw new UncheckedIOException("a StringWriter does not fail", e);
        }
    }
}
