package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.DisplayFormat;
import org.footprintledger.portal.web.NotFoundException;
import org.footprintledger.portal.web.StatementReader;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StreamIntegrity;
import org.footprintledger.usage.api.UsageHistory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The pages that show where the figures come from, for the logged-in subscriber only: "Pourquoi ce chiffre ?" for a
 * line-month, "Ce que j'ai vu le …" (the statements as shown at an instant) and the methodology.
 */
@Controller
class TransparencyPagesController {

    private final StatementReader statements;
    private final UsageHistory usage;
    private final FactorSets factorSets;
    private final Clock clock;

    TransparencyPagesController(StatementReader statements, UsageHistory usage, FactorSets factorSets, Clock clock) {
        this.statements = statements;
        this.usage = usage;
        this.factorSets = factorSets;
        this.clock = clock;
    }

    @GetMapping("/espace-client/pourquoi/{month}/{lineId}")
    String why(Principal principal, @PathVariable String month, @PathVariable String lineId, Model model) {
        YearMonth statementMonth = CustomerAreaController.parseMonth(month);
        if (statementMonth == null) {
            throw new NotFoundException("no statement month " + month);
        }
        ExplanationView explanation = statements.explanation(principal.getName(), statementMonth)
                .map(ledger -> ExplanationView.of(ledger, usage.dailyUsage(principal.getName(), statementMonth),
                        usage.detailPurge(statementMonth)))
                .orElseThrow(() -> new NotFoundException("no usage in " + month));
        if (StreamIntegrity.BROKEN.equals(explanation.integrity())) {
            // no trace of a figure from a broken chain: the month's page says why its figures are withheld
            return "redirect:/espace-client?mois=" + statementMonth;
        }
        ExplanationView.Line line = explanation.lines().stream().filter(l -> l.lineId().equals(lineId)).findFirst()
                .orElseThrow(() -> new NotFoundException("no line " + lineId + " in " + month));
        model.addAttribute("explanation", explanation);
        model.addAttribute("line", line);
        model.addAttribute("anchor", CustomerAreaAssembler.anchor(lineId));
        // the fixed part counts only for a line used in the month, as the ledger's formula says
        model.addAttribute("fixedApplied", line.ledger().figures().records() > 0
                ? line.ledger().factor().gramsPerLineMonth() : java.math.BigDecimal.ZERO);
        model.addAttribute("shortId", DisplayFormat.shortLineIdOf(principal.getName(), lineId));
        model.addAttribute("corrections", CustomerAreaAssembler.corrections(line.ledger().corrections()));
        model.addAttribute("byTechnology", TechnologyTotals.of(line.usageByDay()));
        return "pourquoi";
    }

    /** The statements of the twelve months before the instant asked, as they were shown then (Paris time). */
    @GetMapping("/espace-client/historique")
    String asOf(Principal principal, @RequestParam(name = "date", required = false) String date,
                @RequestParam(name = "heure", required = false) String time, Model model) {
        model.addAttribute("date", date == null ? "" : date);
        model.addAttribute("time", time == null || time.isBlank() ? "12:00" : time);
        if (date == null || date.isBlank()) {
            return "historique";
        }
        Instant asOf;
        try {
            asOf = LocalDate.parse(date).atTime(time == null || time.isBlank() ? LocalTime.NOON : LocalTime.parse(time))
                    .atZone(DisplayFormat.PARIS).toInstant();
        } catch (DateTimeParseException e) {
            model.addAttribute("error", "asof.error.format");
            return "historique";
        }
        if (asOf.isAfter(clock.instant())) {
            model.addAttribute("error", "asof.error.future");
            return "historique";
        }
        YearMonth last = YearMonth.from(asOf.atZone(DisplayFormat.PARIS));
        List<MonthlyStatement> shown = new ArrayList<>(statements.range(principal.getName(), last.minusMonths(11),
                last, asOf));
        Collections.reverse(shown);
        model.addAttribute("asOf", asOf);
        model.addAttribute("statements", shown);
        model.addAttribute("subscriberId", principal.getName());
        return "historique";
    }

    @GetMapping("/espace-client/methode")
    String methodology(Model model) {
        YearMonth current = YearMonth.now(clock.withZone(DisplayFormat.PARIS));
        model.addAttribute("sets", factorSets.all().stream()
                .sorted(Comparator.comparing((FactorSets.PublishedSet s) -> s.factorSet().validFrom()).reversed())
                .toList());
        model.addAttribute("currentMonth", current);
        return "methode";
    }
}
