package org.footprintledger.portal.web.audit;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.portal.web.DisplayFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditors' landing page: every factor set, in force, past or to come, with its values, sources and validity,
 * and the way to the auditors' other pages (simulations, restatements, integrity, evidence).
 */
@Controller
class AuditHomeController {

    private final FactorSets factorSets;
    private final Clock clock;

    AuditHomeController(FactorSets factorSets, Clock clock) {
        this.factorSets = factorSets;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String auditHome(Model model) {
        model.addAttribute("sets", factorSets.all().stream()
                .sorted(Comparator.comparing((FactorSets.PublishedSet s) -> s.factorSet().validFrom()).reversed())
                .toList());
        model.addAttribute("currentMonth", YearMonth.now(clock.withZone(DisplayFormat.PARIS)));
        return "audit-home";
    }
}
