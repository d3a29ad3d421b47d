package org.footprintledger.footprint.api;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * Text forms that do not depend on how a value was written or parsed: the input of hashes and checksums, and the exact
 * figures stored and shown ({@link #decimal}).
 */
public final class Canonical {

    private Canonical() {
    }

    /** A plain decimal without trailing zeros (no exponent), {@code 0} for zero: e.g. {@code 642.1999999506}. */
    public static String decimal(BigDecimal value) {
        return value.signum() == 0 ? "0" : value.stripTrailingZeros().toPlainString();
    }

    static String text(Object value) {
        return Objects.toString(value, "");
    }

    static String join(Object... parts) {
        StringBuilder joined = new StringBuilder();
        for (Object part : parts) {
            String text = part instanceof BigDecimal d ? decimal(d) : text(part);
            // a separator inside a value is escaped, so two different contents never join to the same text
            joined.append(text.replace("\\", "\\\\").replace("|", "\\|")).append('|');
        }
        return joined.toString();
    }
}
