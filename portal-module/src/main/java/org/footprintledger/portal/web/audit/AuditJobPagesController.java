package org.footprintledger.portal.web.audit;

import java.security.Principal;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.LedgerConflictException;
import org.footprintledger.footprint.api.RestatementJobs;
import org.footprintledger.footprint.api.Simulations;
import org.footprintledger.portal.web.NotFoundException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages for what-if and restatement: start a simulation from a form, list them, read a report (with
 * the chart of the difference distribution and its table), compare two; restate from a simulation and follow it.
 */
@Controller
class AuditJobPagesController {

    private final Simulations simulations;
    private final RestatementJobs restatements;
    private final FactorSets factorSets;

    AuditJobPagesController(Simulations simulations, RestatementJobs restatements, FactorSets factorSets) {
        this.simulations = simulations;
        this.restatements = restatements;
        this.factorSets = factorSets;
    }

    @GetMapping("/audit/simulations")
    String simulations(Model model) {
        model.addAttribute("view", "list");
        model.addAttribute("simulations", simulations.recent(50));
        model.addAttribute("sets", factorSets.all());
        return "audit-simulations";
    }

    @PostMapping("/audit/simulations")
    String simulate(@RequestParam String factorSetId, @RequestParam String from, @RequestParam String to,
                    Principal who, Model model) {
        try {
            Simulations.SimulationJob job = simulations.start(
                    new Simulations.SimulationRequest(factorSetId, null, from, to), who.getName());
            return "redirect:/audit/simulations/" + job.simulationId();
        } catch (IllegalArgumentException e) {
            model.addAttribute("error", e.getMessage());
            return simulations(model);
        }
    }

    @GetMapping("/audit/simulations/{simulationId}")
    String report(@PathVariable String simulationId, Model model) {
        Simulations.SimulationReport report = simulations.report(simulationId)
                .orElseThrow(() -> new NotFoundException("no simulation " + simulationId));
        model.addAttribute("view", "report");
        model.addAttribute("report", report);
        model.addAttribute("chart", DistributionChart.of(report.months()));
        return "audit-simulations";
    }

    @GetMapping("/audit/simulations/compare")
    String compare(@RequestParam String a, @RequestParam String b, Model model) {
        Simulations.SimulationReport first = simulations.report(a)
                .orElseThrow(() -> new NotFoundException("no simulation " + a));
        Simulations.SimulationReport second = simulations.report(b)
                .orElseThrow(() -> new NotFoundException("no simulation " + b));
        model.addAttribute("view", "compare");
        model.addAttribute("comparison", SimulationComparison.of(first, second));
        return "audit-simulations";
    }

    @GetMapping("/audit/restatements")
    String restatements(@RequestParam(required = false) String simulationId, Model model) {
        model.addAttribute("view", "list");
        model.addAttribute("restatements", restatements.recent(50));
        model.addAttribute("simulations", simulations.recent(50).stream()
                .filter(s -> s.status() == Simulations.JobStatus.COMPLETED).toList());
        model.addAttribute("chosen", simulationId);
        return "audit-restatements";
    }

    @PostMapping("/audit/restatements")
    String restate(@RequestParam String simulationId, @RequestParam String reason,
                   @RequestParam(defaultValue = "false") boolean force, Principal who, Model model) {
        try {
            RestatementJobs.RestatementJob job = restatements.start(simulationId, reason, force, who.getName());
            return "redirect:/audit/restatements/" + job.restatementId();
        } catch (IllegalArgumentException | LedgerConflictException e) {
            model.addAttribute("error", e.getMessage());
            return restatements(simulationId, model);
        }
    }

    @GetMapping("/audit/restatements/{restatementId}")
    String restatement(@PathVariable String restatementId, Model model) {
        model.addAttribute("view", "job");
        model.addAttribute("job", restatements.job(restatementId)
                .orElseThrow(() -> new NotFoundException("no restatement " + restatementId)));
        return "audit-restatements";
    }
}
