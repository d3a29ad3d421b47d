package org.footprintledger.portal.web.ops;

import org.footprintledger.portal.web.RequestParameters;
import java.security.Principal;
import java.util.List;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.MonthCloseReport;
import org.footprintledger.footprint.api.MonthClosing;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Month closes and the factor registry: ops close months and publish factor sets; everyone may read the sets. */
@RestController
class LedgerOperationsController {

    private final MonthClosing closing;
    private final FactorSets factorSets;

    LedgerOperationsController(MonthClosing closing, FactorSets factorSets) {
        this.closing = closing;
        this.factorSets = factorSets;
    }

    /** Closes the month for every subscriber (contract.md); idempotent, answers when the close is complete. */
    @PostMapping("/api/v1/ops/months/{month}/close")
    MonthCloseReport close(@PathVariable String month, Principal who) {
        return closing.close(RequestParameters.month(month, "month"), who.getName());
    }

    @PostMapping("/api/v1/ops/factor-sets")
    @ResponseStatus(HttpStatus.CREATED)
    FactorSets.PublishedSet publish(@RequestBody FactorSet factorSet) {
        factorSets.publish(factorSet);
        return factorSets.all().stream().filter(p -> p.factorSet().id().equals(factorSet.id())).findFirst()
                .orElseThrow();
    }

    @GetMapping("/api/v1/factor-sets")
    List<FactorSets.PublishedSet> factorSets() {
        return factorSets.all();
    }
}
