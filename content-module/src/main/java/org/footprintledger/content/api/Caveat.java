package org.footprintledger.content.api;

/** Why a tip's saving is a convention of the method rather than a measure (regulation.md section 5). */
public enum Caveat {
    PER_GO_CONVENTION(
            "Économie estimée selon la méthode réglementaire, qui répartit les émissions du réseau au Go consommé. "
                    + "C'est une convention : l'énergie du réseau dépend peu du trafic.",
            "Saving estimated under the regulated method, which allocates network emissions per GB used. "
                    + "This is a convention: network energy barely depends on traffic."),
    FLAT_FIGURE(
            "La méthode réglementaire compte un forfait fixe par mois pour une ligne fixe, quel que soit l'usage : "
                    + "ce geste ne change pas ce chiffre (0 g), mais il économise réellement de l'énergie.",
            "The regulated method counts a flat monthly figure for a fixed line, whatever the use: this gesture "
                    + "does not change that figure (0 g), but it does save energy."),
    OUTSIDE_METHOD(
            "Hors du périmètre de la méthode réglementaire (réseaux et box) : l'effet porte sur vos équipements, "
                    + "comptés à part.",
            "Outside the regulated method's scope (networks and box): the effect is on your devices, "
                    + "counted separately.");

    private final String fr;
    private final String en;

    Caveat(String fr, String en) {
        this.fr = fr;
        this.en = en;
    }

    public String text(Lang lang) {
        return lang == Lang.EN ? en : fr;
    }
}
