package org.footprintledger.portal.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The evidence archive over the API ({@link EvidenceArchive}), at most {@code footprint.audit.evidence-max-subscriber-months}
 * subscriber-months per request ({@code 400} beyond).
 */
@RestController
class EvidenceController {

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private final EvidenceArchive archive;
    private final Clock clock;
    private final int maximum;

    EvidenceController(EvidenceArchive archive, Clock clock,
                       @Value("${footprint.audit.evidence-max-subscriber-months:200}") int maximum) {
        this.archive = archive;
        this.clock = clock;
        this.maximum = maximum;
    }

    @GetMapping("/api/v1/audit/evidence")
    void evidence(@RequestParam(required = false) String subscribers, @RequestParam(required = false) String months,
                  Principal who, HttpServletResponse response) throws IOException {
        download(EvidenceSample.parse(subscribers, months, maximum), who, response);
    }

    /** Checks the sample first (a bad one answers 400 before anything is written), then streams the zip. */
    void download(EvidenceSample sample, Principal who, HttpServletResponse response) throws IOException {
        response.setContentType("application/zip");
        response.setHeader("Content-Disposition", "attachment; filename=\"evidence-" + STAMP.format(clock.instant())
                + ".zip\"");
        archive.write(sample.subscribers(), sample.months(), who.getName(), response.getOutputStream());
    }

    int maximum() {
        return maximum;
    }
}
