package org.footprintledger.vocabulary;

import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

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

    /** Read for every record of every batch: one map look-up, not a stream over the values. */
    private static final Map<String, Technology> BY_CODE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(Technology::code, t -> t));

    public static Optional<Technology> fromCode(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(BY_CODE.get(code));
    }
}
