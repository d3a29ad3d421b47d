package org.footprintledger.portal.web.audit;

import java.util.List;
import org.footprintledger.footprint.api.LedgerIntegrity;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.NotFoundException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The chain-head digests for auditors: the latest to download and hold outside the database, one recorded now, and
 * the ledger checked against a digest they hold, and the re-keyings that explain streams gone since a digest.
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

    /** The re-keyings of streams an earlier release wrote under a subscriber's id: what explains a digest held before. */
    @GetMapping("/api/v1/audit/integrity/rekeyings")
    List<LedgerIntegrity.Rekeying> rekeyings(@RequestParam(defaultValue = "100") int limit) {
        if (limit < 1 || limit > 1000) {
            throw new BadRequestException("limit must be between 1 and 1000, got " + limit, null, null);
        }
        return integrity.rekeyings(limit);
    }
}
