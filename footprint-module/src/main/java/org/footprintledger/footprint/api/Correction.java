package org.footprintledger.footprint.api;

import java.time.Instant;

/** A change to a figure after it was first shown on a closed statement. */
public record Correction(Instant at, long fromGrams, long toGrams, String reason) {
}
