package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.footprintledger.content.api.TipInput;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;

/**
 * Whom a tip is for and what it saves: a line type, the technologies it suits (empty: any), a minimum monthly volume
 * in Go (null: any), and the basis of its saving with the share of volume it removes from the measured network.
 */
public record TipRule(LineType lineType, Set<Technology> technologies, BigDecimal minMonthlyGo,
                      SavingBasis savingBasis, BigDecimal volumeShare) {

    /** The rule of a stored tip, as stored (validated when it was written); unknown technology codes are ignored. */
    public static TipRule of(TipInput tip) {
        Set<Technology> technologies = EnumSet.noneOf(Technology.class);
        for (String code : tip.technologies() == null ? List.<String>of() : tip.technologies()) {
            Technology.fromCode(code).ifPresent(technologies::add);
        }
        return new TipRule(tip.lineType(), technologies, tip.minMonthlyGo(), tip.savingBasis(), tip.volumeShare());
    }
}
