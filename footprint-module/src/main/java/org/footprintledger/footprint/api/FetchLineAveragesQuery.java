package org.footprintledger.footprint.api;

import java.time.YearMonth;

/**
 * The average closed line of each line type and technology in a month, over every subscriber's statement as shown
 * (issued or corrected): for comparisons that name no one. Answered with a list of {@link LineAverage}.
 */
public record FetchLineAveragesQuery(YearMonth month) {
}
