package org.footprintledger.content.api;

/**
 * How a tip's saving is estimated under the statement's method: VOLUME_SHARE removes a share of the month's volume
 * from the measured network (its grams per Go); LINE_FLAT acts on the line itself (box stand-by), which the method
 * counts as a flat figure; OUTSIDE_METHOD acts on devices, outside the regulated scope (no figure).
 */
public enum SavingBasis {
    VOLUME_SHARE,
    LINE_FLAT,
    OUTSIDE_METHOD
}
