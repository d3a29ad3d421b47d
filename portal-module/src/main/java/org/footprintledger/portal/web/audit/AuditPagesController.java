package org.footprintledger.portal.web.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.security.Principal;
import java.time.Instant;
import java.util.Optional;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.NotFoundException;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The auditors' pages for integrity and evidence: the last chain verification (run again on demand) with the latest
 * chain-head digest and its download; the evidence download for a chosen sample of subscribers and months.
 */
@Controller
class AuditPagesController {

    private final LedgerIntegrity integrity;
    private final EvidenceController evidence;

    AuditPagesController(LedgerIntegrity integrity, EvidenceController evidence) {
        this.integrity = integrity;
        this.evidence = evidence;
    }

    /** The latest digest as the page shows it: when, how many streams, its root (its heads are downloaded). */
    record DigestSummary(Instant recordedAt, long streams, String merkleRoot) {
    }

    @GetMapping("/audit/integrity")
    String integrity(@RequestParam(required = false) String check, Model model) {
        if ("now".equals(check)) {
            integrity.verify();
        }
        Optional<LedgerIntegrity.CheckedReport> checked = integrity.lastReport();
        model.addAttribute("report", checked.map(LedgerIntegrity.CheckedReport::report).orElse(null));
        model.addAttribute("checkedAt", checked.map(LedgerIntegrity.CheckedReport::checkedAt).orElse(null));
        model.addAttribute("digest", integrity.latestDigest()
                .map(d -> new DigestSummary(d.recordedAt(), d.streams(), d.merkleRoot())).orElse(null));
        model.addAttribute("rekeyings", integrity.rekeyings(20));
        return "audit-integrity";
    }

    @GetMapping(value = "/audit/integrity/digest.json")
    ResponseEntity<ChainDigest> digest() {
        ChainDigest latest = integrity.latestDigest()
                .orElseThrow(() -> new NotFoundException("no chain digest recorded yet"));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON)
                .header("Content-Disposition", "attachment; filename=\"chain-digest.json\"").body(latest);
    }

    @GetMapping("/audit/evidence")
    String evidenceForm(Model model) {
        model.addAttribute("maximum", evidence.maximum());
        return "audit-evidence";
    }

    @GetMapping("/audit/evidence/archive")
    String archive(@RequestParam(required = false) String subscribers, @RequestParam(required = false) String months,
                   Principal who, Model model, HttpServletResponse response) throws IOException {
        EvidenceSample sample;
        try {
            sample = EvidenceSample.parse(subscribers, months, evidence.maximum());
        } catch (BadRequestException e) {
            response.setStatus(400);
            model.addAttribute("maximum", evidence.maximum());
            model.addAttribute("problem", e.getMessage());
            model.addAttribute("subscribers", subscribers);
            model.addAttribute("months", months);
            return "audit-evidence";
        }
        evidence.download(sample, who, response);
        return null;
    }
}
