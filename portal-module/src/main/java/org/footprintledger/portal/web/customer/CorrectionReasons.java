package org.footprintledger.portal.web.customer;

import java.util.Map;

/**
 * The reasons the ledger gives for a correction, as message keys so the page says them in the visitor's language;
 * any other reason (an operator's restatement reason) is shown as recorded.
 */
final class CorrectionReasons {

    private static final Map<String, String> KEYS = Map.of(
            "consommation reçue après la clôture du mois", "correction.reason.late",
            "consommation rectifiée par l'opérateur (enregistrements remplacés)", "correction.reason.replaced",
            "consommation rectifiée par l'opérateur (enregistrements retirés)", "correction.reason.withdrawn");

    private CorrectionReasons() {
    }

    static String keyOf(String reason) {
        return reason == null ? null : KEYS.get(reason);
    }
}
