package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.util.Set;
import org.footprintledger.content.api.SavingBasis;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.Technology;

/**
 * Whom a tip is for and what it saves: a line type, the technologies it suits (empty: any), a minimum monthly volume
 * in Go (null: any), and the basis of its saving with the share of volume it removes from the measured network.
 */
public record TipRule(LineType lineType, Set<Technology> technologies, BigDecimal minMonthlyGo,
                      SavingBasis savingBasis, BigDecimal volumeShare) {
}
