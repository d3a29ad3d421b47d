package org.footprintledger.footprint.api;

import org.footprintledger.vocabulary.LineType;

import java.math.BigDecimal;

/**
 * The average of the closed lines of one line type and technology in a month: how many lines it is taken over, and
 * their mean Go and g éqCO2 (exact means of the exact figures, rounded only for display by the caller).
 *
 * @param technology the feed's code, {@code null} for the lines no record named a technology for
 */
public record LineAverage(LineType lineType, String technology, long lines, BigDecimal averageGo,
                          BigDecimal averageGrams) {
}
