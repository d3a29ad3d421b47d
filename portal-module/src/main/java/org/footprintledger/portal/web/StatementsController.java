package org.footprintledger.portal.web;

import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Statements as the customer area shows them (contract.md); access is checked by the security chain. */
@RestController
class StatementsController {

    private final StatementReader statements;

    StatementsController(StatementReader statements) {
        this.statements = statements;
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/statements/{month}")
    MonthlyStatement statement(@PathVariable String subscriberId, @PathVariable String month) {
        return statements.monthly(subscriberId, parseMonth(month, "month"))
                .orElseThrow(() -> new NotFoundException("no usage for subscriber " + subscriberId + " in " + month));
    }

    @GetMapping("/api/v1/subscribers/{subscriberId}/statements")
    List<MonthlyStatement> statements(@PathVariable String subscriberId, @RequestParam String from,
                                      @RequestParam String to) {
        YearMonth first = parseMonth(from, "from");
        YearMonth last = parseMonth(to, "to");
        if (last.isBefore(first)) {
            throw new BadRequestException("to (" + to + ") is before from (" + from + ")", null, null);
        }
        return statements.range(subscriberId, first, last);
    }

    static YearMonth parseMonth(String value, String name) {
        try {
            return YearMonth.parse(value);
        } catch (DateTimeParseException e) {
            throw new BadRequestException(name + " must be a month yyyy-MM, got \"" + value + "\"", null, null);
        }
    }
}
