package org.footprintledger.portal.web.ops;

import org.footprintledger.portal.web.NotFoundException;
import java.util.List;
import org.footprintledger.usage.api.LedgerFeed;
import org.footprintledger.usage.api.ParkedLedger;
import org.footprintledger.usage.api.ParkedLedgerRetry;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Ledgers parked by a poison fact (ops): listed with their reason, retried once the cause is fixed. A ledger id is
 * {@code subscriberId/yyyy-MM}, so it takes two path segments.
 */
@RestController
class ParkedLedgersController {

    private final LedgerFeed feed;

    ParkedLedgersController(LedgerFeed feed) {
        this.feed = feed;
    }

    @GetMapping("/api/v1/ops/parked-ledgers")
    List<ParkedLedger> parked() {
        return feed.parked();
    }

    @PostMapping("/api/v1/ops/parked-ledgers/{subscriberId}/{month}/retry")
    ParkedLedgerRetry retry(@PathVariable String subscriberId, @PathVariable String month) {
        String ledgerId = subscriberId + "/" + month;
        return feed.retryParked(ledgerId).orElseThrow(() -> new NotFoundException("no parked ledger " + ledgerId));
    }

    @PostMapping("/api/v1/ops/parked-ledgers/retry")
    List<ParkedLedgerRetry> retryAll() {
        return feed.retryAllParked();
    }
}
