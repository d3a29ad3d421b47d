package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.footprintledger.footprint.api.DeviceRejectedException;
import org.footprintledger.footprint.api.SubscriberDevice;
import org.junit.jupiter.api.Test;

class DeviceListPolicyTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 29);
    private final DeviceListPolicy policy = new DeviceListPolicy(Set.of("smartphone", "internet-box", "television"));

    private static SubscriberDevice device(String id, String model, String acquiredOn) {
        return new SubscriberDevice(id, model, acquiredOn == null ? null : LocalDate.parse(acquiredOn));
    }

    private DeviceRejectedException rejection(SubscriberDevice... devices) {
        return catchThrowableOfType(DeviceRejectedException.class, () -> policy.check(List.of(devices), TODAY));
    }

    @Test
    void a_list_of_known_models_acquired_up_to_today_is_accepted() {
        assertThatCode(() -> policy.check(List.of(device("phone-1", "smartphone", "2026-11-29"),
                device("box:1", "internet-box", "2019-02-01")), TODAY)).doesNotThrowAnyException();
        assertThatCode(() -> policy.check(List.of(), TODAY)).doesNotThrowAnyException();
    }

    @Test
    void an_acquisition_in_the_future_is_rejected() {
        DeviceRejectedException e = rejection(device("phone-1", "smartphone", "2026-11-29"),
                device("phone-2", "smartphone", "2026-11-30"));
        assertThat(e.index()).isEqualTo(1);
        assertThat(e.field()).isEqualTo("acquiredOn");
        assertThat(e.reason()).contains("2026-11-30 is in the future");
    }

    @Test
    void an_unknown_model_is_rejected_naming_the_field_and_the_known_models() {
        DeviceRejectedException e = rejection(device("w1", "smartwatch", "2025-01-01"));
        assertThat(e.index()).isZero();
        assertThat(e.field()).isEqualTo("modelId");
        assertThat(e.reason()).contains("unknown model \"smartwatch\"", "internet-box, smartphone, television");
        assertThat(e.getMessage()).isEqualTo("devices[0].modelId: " + e.reason());
    }

    @Test
    void device_ids_follow_the_identifier_rule_and_are_unique() {
        assertThat(rejection(device("phone 1", "smartphone", "2025-01-01")).field()).isEqualTo("deviceId");
        assertThat(rejection(device("", "smartphone", "2025-01-01")).reason()).isEqualTo("is missing");
        assertThat(rejection(device("x".repeat(65), "smartphone", "2025-01-01")).reason()).contains("64");
        DeviceRejectedException twice = rejection(device("p", "smartphone", "2025-01-01"),
                device("p", "television", "2025-01-01"));
        assertThat(twice.index()).isEqualTo(1);
        assertThat(twice.reason()).contains("already appears at index 0");
    }

    @Test
    void missing_fields_are_named() {
        assertThat(rejection(device("p", null, "2025-01-01")).field()).isEqualTo("modelId");
        assertThat(rejection(device("p", "smartphone", null)).field()).isEqualTo("acquiredOn");
    }

    @Test
    void a_subscriber_has_at_most_fifty_devices() {
        List<SubscriberDevice> many = new ArrayList<>();
        for (int i = 0; i < 51; i++) {
            many.add(device("d" + i, "smartphone", "2025-01-01"));
        }
        DeviceRejectedException e = catchThrowableOfType(DeviceRejectedException.class,
                () -> policy.check(many, TODAY));
        assertThat(e.index()).isNull();
        assertThat(e.field()).isEqualTo("devices");
    }
}
