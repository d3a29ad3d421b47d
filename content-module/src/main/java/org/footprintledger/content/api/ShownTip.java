package org.footprintledger.content.api;

import java.math.BigDecimal;

/**
 * A tip as a customer sees it: its text rendered to safe HTML (escaped, then the Markdown subset), the saving under
 * the statement's method with its caveat, and its usefulness score with the votes it comes from.
 */
public record ShownTip(
        long itemId,
        int version,
        String key,
        String htmlFr,
        String htmlEn,
        SavingEstimate saving,
        BigDecimal usefulness,
        long yes,
        long no) {

    public String html(Lang lang) {
        return lang == Lang.EN && htmlEn != null ? htmlEn : htmlFr;
    }
}
