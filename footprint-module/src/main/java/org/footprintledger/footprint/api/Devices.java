package org.footprintledger.footprint.api;

import java.time.YearMonth;
import java.util.List;

/**
 * The device view ("mon équipement"): the catalogue of device models, each subscriber's devices as the operator sends
 * them, and their amortised monthly footprint. Outside the regulated scope: its figures are never added to a
 * statement.
 */
public interface Devices {

    /** At most this many devices per subscriber. */
    int MAX_DEVICES_PER_SUBSCRIBER = 50;

    List<DeviceModel> catalogue();

    /** The subscriber's devices, ordered by acquisition date then id; empty when none was sent. */
    List<SubscriberDevice> devicesOf(String subscriberId);

    /**
     * Replaces the whole list of the subscriber's devices (an empty list removes them all) and returns what is now
     * stored. Nothing is stored when any device is invalid.
     *
     * @throws DeviceRejectedException naming the first device and field at fault
     */
    List<SubscriberDevice> replaceDevicesOf(String subscriberId, List<SubscriberDevice> devices);

    /** The footprint in that month of each device acquired by the end of it, in the order of {@link #devicesOf}. */
    List<DeviceFootprint> monthlyFootprintOf(String subscriberId, YearMonth month);
}
