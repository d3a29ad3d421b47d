package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.BadRequestException;
import org.footprintledger.portal.web.NotFoundException;
import org.footprintledger.portal.web.RequestParameters;
import org.footprintledger.portal.web.StatementReader;
import java.time.Instant;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import org.footprintledger.footprint.api.LedgerRevisions;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementExplanation;
import org.footprintledger.usage.api.UsageHistory;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statements as the customer area shows them (contract.md); access is checked by the security chain. */
@RestController
class StatementsController {

    private final StatementReader statements;
    private final UsageHistory usage;
    private final RenderedStatements json;
    private final LedgerRevisions revisions;

    StatementsController(StatementReader statements, UsageHistory usage, RenderedStatements json,
                         LedgerRevisions revisions) {
        this.statements = statements;
        this.usage = usage;
        this.json = json;
        this.revisions = revisions;
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/statements/{month}")
    MonthlyStatement statement(@PathVariable String subscriberId, @PathVariable String month,
                               @RequestParam(required = false) String asOf) {
        return statements.monthly(subscriberId, RequestParameters.month(month, "month"), RequestParameters.instant(asOf))
                .orElseThrow(() -> new NotFoundException("no usage for subscriber " + subscriberId + " in " + month));
    }

    /**
     * The JSON of the statements, kept by the ledger's revision of those months ({@link RenderedStatements}): read
     * and written again only when it changed. Statements as of an instant are read at every request.
     */
    @GetMapping("/api/v1/subscribers/{subscriberId}/statements")
    ResponseEntity<byte[]> statements(@PathVariable String subscriberId, @RequestParam String from,
                                      @RequestParam String to, @RequestParam(required = false) String asOf) {
        YearMonth first = RequestParameters.month(from, "from");
        YearMonth last = RequestParameters.month(to, "to");
        if (last.isBefore(first)) {
            throw new BadRequestException("to (" + to + ") is before from (" + from + ")", null, null);
        }
        Instant at = RequestParameters.instant(asOf);
        byte[] body = at == null
                ? json.kept(subscriberId, first, last, revisions.of(subscriberId, first, last),
                        () -> statements.range(subscriberId, first, last))
                : json.of(statements.range(subscriberId, first, last, at));
        return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(body);
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/statements/{month}/explanation")
    ExplanationView explanation(@PathVariable String subscriberId, @PathVariable String month) {
        YearMonth statementMonth = RequestParameters.month(month, "month");
        StatementExplanation ledger = statements.explanation(subscriberId, statementMonth)
                .orElseThrow(() -> new NotFoundException("no usage for subscriber " + subscriberId + " in " + month));
        return ExplanationView.of(ledger, usage.dailyUsage(subscriberId, statementMonth),
                usage.detailPurge(statementMonth));
    }
}
