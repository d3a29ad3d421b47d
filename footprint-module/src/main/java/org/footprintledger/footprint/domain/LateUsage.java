package org.footprintledger.footprint.domain;

/** Why a closed statement changed when usage reached it late; shown to the subscriber beside the correction. */
final class LateUsage {

    private LateUsage() {
    }

    static String reasonFor(long recordsDelta) {
        if (recordsDelta > 0) {
            return "consommation reçue après la clôture du mois";
        }
        if (recordsDelta == 0) {
            return "consommation rectifiée par l'opérateur (enregistrements remplacés)";
        }
        return "consommation rectifiée par l'opérateur (enregistrements retirés)";
    }
}
