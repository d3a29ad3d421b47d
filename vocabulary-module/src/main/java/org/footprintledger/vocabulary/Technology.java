package org.footprintledger.vocabulary;

import java.util.Arrays;
import java.util.Optional;

/** Access technology of a line, as the mediation feed names it. */
public enum Technology {
    MOBILE_2G("2G", LineType.MOBILE),
    MOBILE_3G("3G", LineType.MOBILE),
    MOBILE_4G("4G", LineType.MOBILE),
    MOBILE_5G("5G", LineType.MOBILE),
    FTTH("FTTH", LineType.FIXED),
    XDSL("XDSL", LineType.FIXED),
    CABLE("CABLE", LineType.FIXED);

    private final String code;
    private final LineType lineType;

    Technology(String code, LineType lineType) {
        this.code = code;
        this.lineType = lineType;
    }

    public String code() {
        return code;
    }

    public LineType lineType() {
        return lineType;
    }

    public static Optional<Technology> fromCode(String code) {
        return Arrays.stream(values()).filter(t -> t.code.equals(code)).findFirst();
    }
}
