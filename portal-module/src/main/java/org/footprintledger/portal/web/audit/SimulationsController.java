package org.footprintledger.portal.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.util.List;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.RestatementJobs;
import org.footprintledger.footprint.api.Simulations;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.NotFoundException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The auditors' what-if and restatement jobs: start a simulation (202 and its address), follow it, read its report
 * (JSON, or the per-line CSV), compare two; restate from a completed simulation and follow the job.
 */
@RestController
class SimulationsController {

    private static final String SIMULATIONS = "/api/v1/audit/simulations";
    private static final String RESTATEMENTS = "/api/v1/audit/restatements";
    private static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);

    private final Simulations simulations;
    private final RestatementJobs restatements;

    SimulationsController(Simulations simulations, RestatementJobs restatements) {
        this.simulations = simulations;
        this.restatements = restatements;
    }

    record SimulationRequest(String factorSetId, FactorSet draft, String from, String to) {
    }

    @PostMapping(SIMULATIONS)
    ResponseEntity<Simulations.SimulationJob> simulate(@RequestBody SimulationRequest request, Principal who) {
        Simulations.SimulationJob job = simulations.start(new Simulations.SimulationRequest(request.factorSetId(),
                request.draft(), request.from(), request.to()), who.getName());
        return ResponseEntity.accepted().location(URI.create(SIMULATIONS + "/" + job.simulationId())).body(job);
    }

    /** The recent simulations; with {@code compare=a,b}, those two side by side. */
    @GetMapping(SIMULATIONS)
    Object simulations(@RequestParam(required = false) String compare,
                       @RequestParam(defaultValue = "50") int limit) {
        if (compare != null) {
            String[] ids = compare.split(",", -1);
            if (ids.length != 2 || ids[0].isBlank() || ids[1].isBlank()) {
                throw new BadRequestException("compare must be two simulation ids separated by a comma", null, null);
            }
            return SimulationComparison.of(report(ids[0].strip()), report(ids[1].strip()));
        }
        return simulations.recent(limitOf(limit));
    }

    @GetMapping(SIMULATIONS + "/{simulationId}")
    Simulations.SimulationJob simulation(@PathVariable String simulationId) {
        return simulations.job(simulationId).orElseThrow(() -> unknownSimulation(simulationId));
    }

    /** The report as JSON, or every line-month as CSV ({@code Accept: text/csv} or {@code ?format=csv}). */
    @GetMapping(SIMULATIONS + "/{simulationId}/report")
    ResponseEntity<?> report(@PathVariable String simulationId, @RequestParam(required = false) String format,
                             @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
                             HttpServletResponse response) throws IOException {
        if (format != null && !format.equals("csv") && !format.equals("json")) {
            throw new BadRequestException("format must be csv or json, got \"" + format + "\"", null, null);
        }
        boolean csv = "csv".equals(format) || (format == null && accept != null && accept.contains("text/csv"));
        if (!csv) {
            return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report(simulationId));
        }
        simulation(simulationId);
        response.setContentType(CSV.toString());
        response.setHeader(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"simulation-" + simulationId
                + ".csv\"");
        Writer writer = new BufferedWriter(new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8));
        writer.write('\uFEFF');
        simulations.writeLines(simulationId, writer);
        writer.flush();
        return null;
    }

    private Simulations.SimulationReport report(String simulationId) {
        return simulations.report(simulationId).orElseThrow(() -> unknownSimulation(simulationId));
    }

    record RestatementRequest(String simulationId, String reason, Boolean force) {
    }

    @PostMapping(RESTATEMENTS)
    ResponseEntity<RestatementJobs.RestatementJob> restate(@RequestBody RestatementRequest request, Principal who) {
        if (request.simulationId() == null || request.simulationId().isBlank()) {
            throw new BadRequestException("simulationId is required", null, null);
        }
        simulation(request.simulationId());
        RestatementJobs.RestatementJob job = restatements.start(request.simulationId(), request.reason(),
                Boolean.TRUE.equals(request.force()), who.getName());
        return ResponseEntity.status(HttpStatus.ACCEPTED).location(URI.create(RESTATEMENTS + "/"
                + job.restatementId())).body(job);
    }

    @GetMapping(RESTATEMENTS)
    List<RestatementJobs.RestatementJob> restatements(@RequestParam(defaultValue = "50") int limit) {
        return restatements.recent(limitOf(limit));
    }

    @GetMapping(RESTATEMENTS + "/{restatementId}")
    RestatementJobs.RestatementJob restatement(@PathVariable String restatementId) {
        return restatements.job(restatementId)
                .orElseThrow(() -> new NotFoundException("no restatement " + restatementId));
    }

    private static int limitOf(int limit) {
        if (limit < 1 || limit > 500) {
            throw new BadRequestException("limit must be between 1 and 500, got " + limit, null, null);
        }
        return limit;
    }

    private static NotFoundException unknownSimulation(String simulationId) {
        return new NotFoundException("no simulation " + simulationId);
    }
}
