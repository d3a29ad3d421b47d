package org.footprintledger.portal.web.customer;

import java.time.YearMonth;
import org.footprintledger.content.api.CustomerContent;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.LedgerRevisions;
import org.springframework.stereotype.Component;

/**
 * What the customer page depends on, as change markers read cheaply (three index reads, the rest in memory): the
 * ledger's (the twelve months' statements, provisional ones included, and the devices), the content's (versions,
 * survey, the subscriber's answers, the tips' ranking), the comparison averages', the published factor sets, and the
 * current month (which decides the default month, the open month and the survey's quarter). A page rendered for one
 * revision is the page for it: {@link RenderedPages} keeps it and serves it again without assembling it.
 */
@Component
class CustomerAreaRevisions {

    private final LedgerRevisions ledger;
    private final CustomerContent content;
    private final LineAverages averages;
    private final FactorSets factorSets;
    private final CustomerAreaAssembler assembler;

    CustomerAreaRevisions(LedgerRevisions ledger, CustomerContent content, LineAverages averages,
                          FactorSets factorSets, CustomerAreaAssembler assembler) {
        this.ledger = ledger;
        this.content = content;
        this.averages = averages;
        this.factorSets = factorSets;
        this.assembler = assembler;
    }

    record Revision(YearMonth current, long ledger, long content, long averages, int factorSets) {
    }

    Revision of(String subscriberId) {
        YearMonth current = assembler.currentMonth();
        return new Revision(current, ledger.of(subscriberId, CustomerAreaAssembler.firstMonthShown(current), current),
                content.revision(subscriberId), averages.revision(), factorSets.all().size());
    }
}
