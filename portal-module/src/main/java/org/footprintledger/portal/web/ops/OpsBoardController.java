package org.footprintledger.portal.web.ops;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Instant;
import java.time.Clock;
import java.time.YearMonth;
import org.footprintledger.footprint.api.EventProcessors;
import org.footprintledger.footprint.api.LegacyRekeying;
import org.footprintledger.footprint.api.MonthCloseInterruptedException;
import org.footprintledger.footprint.api.MonthCloseReport;
import org.footprintledger.footprint.api.MonthCloses;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.footprint.api.ProcessorControl;
import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.GoneException;
import org.footprintledger.portal.web.NotFoundException;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.LedgerFeed;
import org.footprintledger.usage.api.ParkedLedgerRetry;
import org.footprintledger.usage.api.UsageRetention;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The ops board ({@code /ops/tableau}): what needs attention, then imports, parked ledgers (each with a retry form),
 * month closes (and a form to close one), event processors and retention runs; its JSON twin for machines. Every
 * figure is read through the modules' api packages.
 */
@Controller
class OpsBoardController {

    private static final Logger log = LoggerFactory.getLogger(OpsBoardController.class);
    private static final int RECENT = 20;

    private final FileImports imports;
    private final LedgerFeed feed;
    private final MonthCloses closes;
    private final MonthClosing closing;
    private final EventProcessors processors;
    private final UsageRetention retention;
    /** When this node's board came up: the retention job's first run is not late before a day or two of running. */
    private final Instant runningSince;
    private final ProcessorControl control;
    private final LegacyRekeying rekeying;
    private final Clock clock;

    OpsBoardController(FileImports imports, LedgerFeed feed, MonthCloses closes, MonthClosing closing,
                       EventProcessors processors, UsageRetention retention, ProcessorControl control,
                       LegacyRekeying rekeying, Clock clock) {
        this.imports = imports;
        this.feed = feed;
        this.closes = closes;
        this.closing = closing;
        this.processors = processors;
        this.retention = retention;
        this.control = control;
        this.rekeying = rekeying;
        this.clock = clock;
        this.runningSince = clock.instant();
    }

    private OpsBoard read() {
        return OpsBoard.of(clock.instant(), runningSince, imports.recent(RECENT), feed.parked(), closes.recent(RECENT),
                processors.segments(), processors.deadLetters(), retention.recentRuns(RECENT), rekeying.subscribersLeft());
    }

    @GetMapping("/ops/tableau")
    String board(Model model) {
        model.addAttribute("board", read());
        model.addAttribute("lastMonth", YearMonth.now(clock.withZone(DisplayFormat.PARIS)).minusMonths(1).toString());
        return "ops-board";
    }

    @GetMapping("/api/v1/ops/board")
    @ResponseBody
    OpsBoard boardJson() {
        return read();
    }

    @PostMapping("/ops/tableau/registres/{subscriberId}/{month}/relance")
    String retry(@PathVariable String subscriberId, @PathVariable String month, Principal who,
                 RedirectAttributes redirect) {
        String ledgerId = subscriberId + "/" + month;
        ParkedLedgerRetry outcome = feed.retryParked(ledgerId)
                .orElseThrow(() -> new NotFoundException("no parked ledger " + ledgerId));
        log.info("parked ledger {} retried from the ops board by {}: {}", ledgerId, who.getName(),
                outcome.fed() ? "fed" : "parked again");
        redirect.addFlashAttribute("retried", outcome);
        return "redirect:/ops/tableau#registres";
    }

    @PostMapping("/ops/tableau/lettres-mortes/{processingGroup}/relance")
    String retryDeadLetters(@PathVariable String processingGroup, Principal who, RedirectAttributes redirect) {
        ProcessorControl.DeadLetterRetry outcome = control.retryDeadLetters(processingGroup)
                .orElseThrow(() -> new NotFoundException("no dead-letter queue for " + processingGroup));
        log.info("dead letters of {} retried from the ops board by {}: {} sequences handled, {} left",
                processingGroup, who.getName(), outcome.sequencesHandled(), outcome.deadLettersLeft());
        redirect.addFlashAttribute("deadLettersRetried", outcome);
        return "redirect:/ops/tableau#processeurs";
    }

    @PostMapping("/ops/tableau/clotures")
    String close(@RequestParam String month, Principal who, RedirectAttributes redirect) {
        YearMonth parsed;
        try {
            parsed = YearMonth.parse(month.trim());
        } catch (java.time.DateTimeException e) {
            redirect.addFlashAttribute("closeError", "ops.board.close.badMonth");
            redirect.addFlashAttribute("closeErrorMonth", month);
            return "redirect:/ops/tableau#clotures";
        }
        try {
            MonthCloseReport report = closing.close(parsed, who.getName());
            redirect.addFlashAttribute("closed", report);
        } catch (IllegalArgumentException | MonthCloseInterruptedException e) {
            redirect.addFlashAttribute("closeFailure", e.getMessage());
        }
        return "redirect:/ops/tableau#clotures";
    }

    /** The rejected rows of an import as CSV, for the page's session (the API's twin takes Basic or a token). */
    @GetMapping(path = "/ops/tableau/imports/{importId}/rejets", produces = "text/csv")
    void rejections(@PathVariable String importId, jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        if (imports.status(importId).isEmpty()) {
            throw new NotFoundException("no import " + importId);
        }
        retention.rejectionsPurgedAt(importId).ifPresent(purgedAt -> {
            throw new GoneException("the rejected rows of import " + importId + " were deleted on " + purgedAt
                    + " by their retention rule (footprint.retention.import-rejections)");
        });
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"rejets-" + importId + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        imports.writeRejections(importId, out);
        out.flush();
    }
}
