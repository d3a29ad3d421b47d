package org.footprintledger.portal.web.audit;

import java.time.Clock;
import java.time.YearMonth;
import java.util.Comparator;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.PersonalDataLog;
import org.footprintledger.portal.web.DisplayFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The auditors' landing page: every factor set, in force, past or to come, with its values, sources and validity,
 * the way to the auditors' other pages (simulations, restatements, integrity, evidence), and the latest exports and
 * erasures of personal data.
 */
@Controller
class AuditHomeController {

    /** Entries of the personal data log shown on the page (the API gives up to 1 000). */
    static final int LOG_ENTRIES_SHOWN = 20;

    private final FactorSets factorSets;
    private final PersonalDataLog personalDataLog;
    private final Clock clock;

    AuditHomeController(FactorSets factorSets, PersonalDataLog personalDataLog, Clock clock) {
        this.factorSets = factorSets;
        this.personalDataLog = personalDataLog;
        this.clock = clock;
    }

    @GetMapping("/audit")
    String auditHome(Model model) {
        model.addAttribute("sets", factorSets.all().stream()
                .sorted(Comparator.comparing((FactorSets.PublishedSet s) -> s.factorSet().validFrom()).reversed())
                .toList());
        model.addAttribute("personalDataLog", personalDataLog.latest(LOG_ENTRIES_SHOWN));
        model.addAttribute("currentMonth", YearMonth.now(clock.withZone(DisplayFormat.PARIS)));
        return "audit-home";
    }
}
