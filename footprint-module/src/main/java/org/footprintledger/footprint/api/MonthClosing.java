package org.footprintledger.footprint.api;

import java.time.YearMonth;

/** Closes a month for every subscriber: issues each statement under the factor set in force. Idempotent. */
public interface MonthClosing {

    MonthCloseReport close(YearMonth month, String requestedBy);
}
