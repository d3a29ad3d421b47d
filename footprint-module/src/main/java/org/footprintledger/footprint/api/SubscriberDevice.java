package org.footprintledger.footprint.api;

import java.time.LocalDate;

/** A device the operator says a subscriber has (its feed or API), with the day it was acquired. */
public record SubscriberDevice(String deviceId, String modelId, LocalDate acquiredOn) {
}
