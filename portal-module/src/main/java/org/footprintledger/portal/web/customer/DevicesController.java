package org.footprintledger.portal.web.customer;

import org.footprintledger.portal.web.JsonRequestBody;
import org.footprintledger.portal.web.RequestParameters;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.DeviceModel;
import org.footprintledger.footprint.api.DeviceRejectedException;
import org.footprintledger.footprint.api.Devices;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * The device view ("mon équipement"): the catalogue, a subscriber's devices with their amortised monthly footprint
 * (always labelled as outside the regulated figure), and the operator's feed replacing a subscriber's device list.
 * Access is checked by the security chain.
 */
@RestController
class DevicesController {

    /** 50 devices take about 5 KB. */
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final ZoneId PARIS = ZoneId.of("Europe/Paris");

    private final Devices devices;
    private final ObjectMapper json;
    private final Clock clock;

    DevicesController(Devices devices, ObjectMapper json, Clock clock) {
        this.devices = devices;
        this.json = json;
        this.clock = clock;
    }

    @GetMapping("/api/v1/devices/models")
    List<DeviceModel> models() {
        return devices.catalogue();
    }

    /** The devices and their footprint in {@code month} (default: the current month in Europe/Paris). */
    @GetMapping("/api/v1/subscribers/{subscriberId}/devices")
    DeviceView devicesOf(@PathVariable String subscriberId, @RequestParam(required = false) String month) {
        YearMonth chosen = month == null ? YearMonth.now(clock.withZone(PARIS))
                : RequestParameters.month(month, "month");
        return DeviceView.of(subscriberId, chosen, devices.monthlyFootprintOf(subscriberId, chosen));
    }

    /** Replaces the subscriber's whole device list: {@code {"devices":[{"deviceId","modelId","acquiredOn"}]}}. */
    @PutMapping(path = "/api/v1/subscribers/{subscriberId}/devices", consumes = MediaType.APPLICATION_JSON_VALUE)
    Map<String, Object> replace(@PathVariable String subscriberId, HttpServletRequest request) throws IOException {
        JsonNode root = JsonRequestBody.read(request, json, MAX_BODY_BYTES,
                "at most " + Devices.MAX_DEVICES_PER_SUBSCRIBER + " devices");
        JsonNode list = root == null ? null : root.get("devices");
        if (list == null || !list.isArray()) {
            throw new DeviceRejectedException(null, "devices", "the body must be an object with an array \"devices\"");
        }
        List<SubscriberDevice> submitted = new ArrayList<>(list.size());
        for (int i = 0; i < list.size(); i++) {
            submitted.add(toDevice(i, list.get(i)));
        }
        return Map.of("subscriberId", subscriberId, "devices", devices.replaceDevicesOf(subscriberId, submitted));
    }

    private static SubscriberDevice toDevice(int index, JsonNode node) {
        if (!node.isObject()) {
            throw new DeviceRejectedException(index, "device", "must be an object, got " + node);
        }
        String acquiredOn = text(index, node, "acquiredOn");
        LocalDate date = null;
        if (acquiredOn != null) {
            try {
                date = LocalDate.parse(acquiredOn);
            } catch (DateTimeParseException e) {
                throw new DeviceRejectedException(index, "acquiredOn",
                        "must be an ISO date YYYY-MM-DD, got \"" + acquiredOn + "\"");
            }
        }
        return new SubscriberDevice(text(index, node, "deviceId"), text(index, node, "modelId"), date);
    }

    private static String text(int index, JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw new DeviceRejectedException(index, field, "must be a string, got " + value);
        }
        return value.asString();
    }

}
