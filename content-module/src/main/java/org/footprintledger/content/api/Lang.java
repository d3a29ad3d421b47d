package org.footprintledger.content.api;

import java.util.Locale;

/** Languages of the content: French is mandatory (loi Toubon), English optional. */
public enum Lang {
    FR,
    EN;

    /** {@code en} (any case) is English; anything else, absent included, is French. */
    public static Lang parse(String code) {
        return code != null && code.toLowerCase(Locale.ROOT).startsWith("en") ? EN : FR;
    }
}
