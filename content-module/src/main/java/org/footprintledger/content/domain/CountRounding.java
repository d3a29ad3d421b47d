package org.footprintledger.content.domain;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import org.footprintledger.content.api.Lang;

/**
 * How an equivalence count is rounded for display, the only place it is rounded: below 10, one significant digit
 * half-up (0.47 shows "0.5", 3.4 shows "3", 9.6 shows "10"); from 10 up, the unit half-up (18.8 shows "19").
 * A count is shown only when its rounded value lies between 0.5 and 1 000 inclusive.
 */
public final class CountRounding {

    public static final BigDecimal MIN_SHOWN = new BigDecimal("0.5");
    public static final BigDecimal MAX_SHOWN = new BigDecimal("1000");
    private static final MathContext ONE_DIGIT = new MathContext(1, RoundingMode.HALF_UP);

    private CountRounding() {
    }

    public static BigDecimal round(BigDecimal exact) {
        BigDecimal rounded = exact.compareTo(BigDecimal.TEN) < 0
                ? exact.round(ONE_DIGIT)
                : exact.setScale(0, RoundingMode.HALF_UP);
        BigDecimal plain = rounded.stripTrailingZeros();
        return plain.scale() < 0 ? plain.setScale(0) : plain;
    }

    public static boolean shown(BigDecimal rounded) {
        return rounded.compareTo(MIN_SHOWN) >= 0 && rounded.compareTo(MAX_SHOWN) <= 0;
    }

    /** "0,5" in French, "0.5" in English; no grouping separator (counts stay at most 1 000). */
    public static String format(BigDecimal rounded, Lang lang) {
        String plain = rounded.toPlainString();
        return lang == Lang.FR ? plain.replace('.', ',') : plain;
    }

    /** French takes the singular below 2 ("0,5 repas", "1,5 km"); English only for exactly 1. */
    public static boolean plural(BigDecimal rounded, Lang lang) {
        return lang == Lang.FR ? rounded.compareTo(BigDecimal.valueOf(2)) >= 0
                : rounded.compareTo(BigDecimal.ONE) != 0;
    }
}
