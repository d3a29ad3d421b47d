package org.footprintledger.footprint.internal;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.footprintledger.footprint.api.SubscriberKeys;

/** A fresh ledger key: {@code ~} and 32 hex digits of a {@link SecureRandom} (128 bits), derived from nothing. */
final class RandomKeys {

    private static final SecureRandom RANDOM = new SecureRandom();

    private RandomKeys() {
    }

    static String fresh() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return SubscriberKeys.PREFIX + HexFormat.of().formatHex(bytes);
    }
}
