package org.footprintledger.footprint.domain;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.footprintledger.footprint.api.DeviceRejectedException;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.SubscriberDevice;

/**
 * What a subscriber's device list must satisfy before it is stored; the first fault found is reported with the
 * device's index, the field and the reason.
 * <ul>
 *   <li>at most {@link Devices#MAX_DEVICES_PER_SUBSCRIBER} devices;</li>
 *   <li>{@code deviceId}: 1 to 64 characters of {@code A-Za-z0-9._:-} (like every identifier of the feed), unique in
 *       the list;</li>
 *   <li>{@code modelId}: a model of the catalogue;</li>
 *   <li>{@code acquiredOn}: present and not after today (Europe/Paris).</li>
 * </ul>
 */
public final class DeviceListPolicy {

    private final Set<String> knownModels;

    public DeviceListPolicy(Set<String> knownModels) {
        this.knownModels = new TreeSet<>(knownModels);
    }

    public void check(List<SubscriberDevice> devices, LocalDate today) {
        if (devices == null) {
            throw new DeviceRejectedException(null, "devices", "is missing");
        }
        if (devices.size() > Devices.MAX_DEVICES_PER_SUBSCRIBER) {
            throw new DeviceRejectedException(null, "devices", "at most " + Devices.MAX_DEVICES_PER_SUBSCRIBER
                    + " devices per subscriber, got " + devices.size());
        }
        Map<String, Integer> seen = new HashMap<>();
        for (int i = 0; i < devices.size(); i++) {
            SubscriberDevice device = devices.get(i);
            if (device == null) {
                throw new DeviceRejectedException(i, "device", "is missing");
            }
            String idError = identifierError(device.deviceId());
            if (idError != null) {
                throw new DeviceRejectedException(i, "deviceId", idError);
            }
            Integer earlier = seen.putIfAbsent(device.deviceId(), i);
            if (earlier != null) {
                throw new DeviceRejectedException(i, "deviceId",
                        "\"" + device.deviceId() + "\" already appears at index " + earlier);
            }
            if (device.modelId() == null || device.modelId().isEmpty()) {
                throw new DeviceRejectedException(i, "modelId", "is missing");
            }
            if (!knownModels.contains(device.modelId())) {
                throw new DeviceRejectedException(i, "modelId", "unknown model \"" + device.modelId()
                        + "\"; the catalogue has " + String.join(", ", knownModels));
            }
            if (device.acquiredOn() == null) {
                throw new DeviceRejectedException(i, "acquiredOn", "is missing");
            }
            if (device.acquiredOn().isAfter(today)) {
                throw new DeviceRejectedException(i, "acquiredOn",
                        device.acquiredOn() + " is in the future (today is " + today + " in Europe/Paris)");
            }
        }
    }

    /** Same rule as the feed's identifiers (contract.md): 1 to 64 characters of {@code A-Za-z0-9._:-}. */
    static String identifierError(String id) {
        if (id == null || id.isEmpty()) {
            return "is missing";
        }
        if (id.length() > 64) {
            return "is longer than 64 characters";
        }
        for (int i = 0; i < id.length(); i++) {
            char c = id.charAt(i);
            boolean allowed = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '.' || c == '_' || c == ':' || c == '-';
            if (!allowed) {
                return "may hold only A-Z a-z 0-9 . _ : -, got \"" + id + "\"";
            }
        }
        return null;
    }
}
