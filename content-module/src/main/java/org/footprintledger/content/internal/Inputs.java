package org.footprintledger.content.internal;

import org.footprintledger.content.api.EquivalenceInput;
import org.footprintledger.content.api.TipInput;

/** Editorial input as stored: texts stripped, a blank optional text stored as none. */
final class Inputs {

    private Inputs() {
    }

    static EquivalenceInput clean(EquivalenceInput in) {
        return new EquivalenceInput(strip(in.key()), strip(in.labelFrSingular()), strip(in.labelFrPlural()),
                strip(in.labelEnSingular()), strip(in.labelEnPlural()), in.kgCo2ePerUnit(), strip(in.unit()),
                strip(in.source()), in.validFrom());
    }

    static EquivalenceInput withKey(EquivalenceInput in, String key) {
        return new EquivalenceInput(key, in.labelFrSingular(), in.labelFrPlural(), in.labelEnSingular(),
                in.labelEnPlural(), in.kgCo2ePerUnit(), in.unit(), in.source(), in.validFrom());
    }

    static TipInput clean(TipInput in) {
        return new TipInput(strip(in.key()), strip(in.textFr()), strip(in.textEn()), in.lineType(),
                in.technologies(), in.minMonthlyGo(), in.savingBasis(), in.volumeShare());
    }

    static TipInput withKey(TipInput in, String key) {
        return new TipInput(key, in.textFr(), in.textEn(), in.lineType(), in.technologies(), in.minMonthlyGo(),
                in.savingBasis(), in.volumeShare());
    }

    private static String strip(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
