package org.footprintledger.portal.web.audit;

import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain-head digests for auditors: the latest to download and hold outside the database, one recorded now, and
 * the ledger checked against a digest they hold.
 */
@RestController
class ChainDigestController {

    private final LedgerIntegrity integrity;

    ChainDigestController(LedgerIntegrity integrity) {
        this.integrity = integrity;
    }

    @GetMapping("/api/v1/audit/integrity/digests/latest")
    ChainDigest latest() {
        return integrity.latestDigest().orElseThrow(() -> new NotFoundException("no chain digest recorded yet"));
    }

    @PostMapping("/api/v1/audit/integrity/digests")
    ChainDigest recordNow() {
        return integrity.recordDigest();
    }

    @PostMapping("/api/v1/audit/integrity/digest-check")
    LedgerIntegrity.DigestCheck check(@RequestBody ChainDigest digest) {
        if (digest == null || digest.merkleRoot() == null || digest.heads() == null
                || digest.heads().stream().anyMatch(h -> h == null || h.ledgerId() == null || h.lastHash() == null)) {
            throw new BadRequestException("the body must be a chain digest as GET /api/v1/audit/integrity/digests/latest"
                    + " gives it: {\"recordedAt\",\"streams\",\"merkleRoot\",\"heads\":[{\"ledgerId\",\"lastSequence\","
                    + "\"lastHash\"}]}", null, null);
        }
        return integrity.check(digest);
    }
}
