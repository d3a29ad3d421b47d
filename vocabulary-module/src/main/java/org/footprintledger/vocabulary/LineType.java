package org.footprintledger.vocabulary;

/** The two kinds of subscription the decree distinguishes, with their legal wording. */
public enum LineType {
    MOBILE("internet mobile"),
    FIXED("internet fixe");

    private final String legalLabel;

    LineType(String legalLabel) {
        this.legalLabel = legalLabel;
    }

    /** The wording the decree asks the customer area to show. */
    public String legalLabel() {
        return legalLabel;
    }
}
