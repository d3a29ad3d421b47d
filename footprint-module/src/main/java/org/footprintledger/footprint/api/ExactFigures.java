package org.footprintledger.footprint.api;

/** The unrounded figures: octets as counted, grams as an exact decimal string. */
public record ExactFigures(long bytes, String co2eGrams) {
}
