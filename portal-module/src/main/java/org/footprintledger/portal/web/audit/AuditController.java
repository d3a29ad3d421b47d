package org.footprintledger.portal.web.audit;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.RequestParameters;
import java.security.Principal;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.Restatements;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The auditors' API: chain integrity, and the compare-then-restate of a closed month under another factor set. */
@RestController
class AuditController {

    private final LedgerIntegrity integrity;
    private final Restatements restatements;

    AuditController(LedgerIntegrity integrity, Restatements restatements) {
        this.integrity = integrity;
        this.restatements = restatements;
    }

    @GetMapping("/api/v1/audit/integrity")
    LedgerIntegrity.IntegrityReport integrity() {
        return integrity.verify();
    }

    @GetMapping("/api/v1/audit/months/{month}/restatement")
    Restatements.Comparison compare(@PathVariable String month, @RequestParam String factorSetId) {
        return restatements.compare(RequestParameters.month(month, "month"), factorSetId);
    }

    record RestatementRequest(String factorSetId, String reason) {
    }

    @PostMapping("/api/v1/audit/months/{month}/restatement")
    Restatements.RestatementReport restate(@PathVariable String month, @RequestBody RestatementRequest request,
                                           Principal who) {
        if (request.factorSetId() == null || request.reason() == null || request.reason().isBlank()) {
            throw new BadRequestException("factorSetId and reason are required", null, null);
        }
        return restatements.restate(RequestParameters.month(month, "month"), request.factorSetId(),
                request.reason(), who.getName());
    }
}
