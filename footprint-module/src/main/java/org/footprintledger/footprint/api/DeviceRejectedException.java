package org.footprintledger.footprint.api;

/**
 * A device list that cannot be stored, with the position of the device at fault (or {@code null} when the list
 * itself is wrong), the field and the reason.
 */
public class DeviceRejectedException extends IllegalArgumentException {

    private final Integer index;
    private final String field;
    private final String reason;

    public DeviceRejectedException(Integer index, String field, String reason) {
        super((index == null ? "" : "devices[" + index + "].") + field + ": " + reason);
        this.index = index;
        this.field = field;
        this.reason = reason;
    }

    public Integer index() {
        return index;
    }

    public String field() {
        return field;
    }

    public String reason() {
        return reason;
    }
}
