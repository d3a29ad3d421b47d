package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The device view over HTTP: the operator's feed sends a subscriber's devices, the subscriber (or an auditor) reads
 * them with their amortised monthly footprint, labelled as outside the regulated figure.
 */
class DevicesTest extends PortalIntegrationTest {

    private String alice;
    private String bob;

    @BeforeEach
    void twoSubscribersKnownToTheFeed() {
        alice = "dev-a-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "dev-b-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response response = as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(alice + "-r1", alice, alice + "-mob", "2025-10-01", 1_000_000_000L, 0, false)
                .mobile(bob + "-r1", bob, bob + "-mob", "2025-10-01", 1_000_000_000L, 0, false).body());
        assertThat(response.status()).isEqualTo(200);
    }

    private static String devices(String subscriber) {
        return "/api/v1/subscribers/" + subscriber + "/devices";
    }

    private static Map<String, Object> device(String id, String model, String acquiredOn) {
        return Map.of("deviceId", id, "modelId", model, "acquiredOn", acquiredOn);
    }

    private ApiClient.Response put(String subscriber, Object... devices) {
        return as("feed", "feed").putJson(devices(subscriber), Map.of("devices", List.of(devices)));
    }

    @Test
    void the_feed_puts_devices_and_gets_the_stored_list_back() {
        ApiClient.Response response = put(alice, device("box-1", "internet-box", "2024-03-15"),
                device("phone-1", "smartphone", "2025-01-10"));

        assertThat(response.status()).isEqualTo(200);
        JsonNode stored = response.json().get("devices");
        assertThat(stored).hasSize(2);
        assertThat(stored.get(0).get("deviceId").asString()).isEqualTo("box-1");
        assertThat(stored.get(0).get("acquiredOn").asString()).isEqualTo("2024-03-15");
        assertThat(stored.get(1).get("modelId").asString()).isEqualTo("smartphone");
    }

    @Test
    void the_subscriber_reads_its_devices_and_their_amortised_footprint_apart_from_the_regulated_figure() {
        put(alice, device("phone-1", "smartphone", "2025-01-10"), device("box-1", "internet-box", "2024-03-15"));

        ApiClient.Response response = as(alice, "demo").get(devices(alice) + "?month=2025-06");

        assertThat(response.status()).isEqualTo(200);
        JsonNode view = response.json();
        assertThat(view.get("month").asString()).isEqualTo("2025-06");
        assertThat(view.get("scope").asString())
                .isEqualTo("hors périmètre réglementaire : non inclus dans l'équivalent CO2 de la consommation");
        JsonNode box = view.get("devices").get(0);
        // box: 61.4 kg / 60 months = 1.0233… kg, use 4.2 / 12 = 0.35 kg; 15 months old
        assertThat(box.get("deviceId").asString()).isEqualTo("box-1");
        assertThat(box.get("name").asString()).isEqualTo("Box internet");
        assertThat(box.get("ageMonths").asInt()).isEqualTo(15);
        assertThat(box.get("withinLifetime").asBoolean()).isTrue();
        assertThat(box.get("lastAmortisedMonth").asString()).isEqualTo("2029-02");
        assertThat(box.get("manufactureKgCo2e").decimalValue()).isEqualByComparingTo("1.0");
        assertThat(box.get("useKgCo2e").decimalValue()).isEqualByComparingTo("0.4");
        assertThat(box.get("totalKgCo2e").decimalValue()).isEqualByComparingTo("1.4");
        assertThat(box.get("exact").get("manufactureKgCo2e").asString()).isEqualTo("1.023333333333333");
        assertThat(box.get("exact").get("useKgCo2e").asString()).isEqualTo("0.35");
        assertThat(box.get("source").asString()).contains("ADEME-Arcep", "Boavizta");
        JsonNode phone = view.get("devices").get(1);
        // smartphone: 85.1 kg / 30 months = 2.8366… kg, use 0.2 / 12 = 0.0166… kg; its total is what is shown,
        // 2.8 + 0.0 = 2.8 (the exact 2.853… would round to 2.9 and the row would not add up)
        assertThat(phone.get("manufactureKgCo2e").decimalValue()).isEqualByComparingTo("2.8");
        assertThat(phone.get("useKgCo2e").decimalValue()).isEqualByComparingTo("0.0");
        assertThat(phone.get("totalKgCo2e").decimalValue()).isEqualByComparingTo("2.8");
        assertThat(phone.get("exact").get("totalKgCo2e").asString()).isEqualTo("2.85333333333333367");
        // the devices' own total, never added to a statement, is the sum of the rows shown: 1.4 + 2.8 = 4.2 kg
        // (exact: 1.373… + 2.853… = 4.2266… kg)
        assertThat(view.get("totalKgCo2e").decimalValue())
                .isEqualByComparingTo(box.get("totalKgCo2e").decimalValue().add(phone.get("totalKgCo2e").decimalValue()))
                .isEqualByComparingTo("4.2");
        assertThat(view.get("exactTotalKgCo2e").asString()).isEqualTo("4.22666666666666667");
    }

    @Test
    void after_its_lifetime_a_device_counts_only_its_use_and_before_its_acquisition_not_at_all() {
        put(alice, device("box-old", "internet-box", "2019-01-01"), device("phone-new", "smartphone", "2025-07-01"));

        JsonNode view = as(alice, "demo").get(devices(alice) + "?month=2025-06").json();

        assertThat(view.get("devices")).hasSize(1);
        JsonNode box = view.get("devices").get(0);
        assertThat(box.get("withinLifetime").asBoolean()).isFalse();
        assertThat(box.get("manufactureKgCo2e").decimalValue()).isEqualByComparingTo("0");
        assertThat(box.get("totalKgCo2e").decimalValue()).isEqualByComparingTo("0.4");
    }

    @Test
    void a_put_replaces_the_whole_list() {
        put(alice, device("phone-1", "smartphone", "2025-01-10"));
        put(alice, device("phone-2", "smartphone", "2025-02-10"));
        JsonNode view = as(alice, "demo").get(devices(alice)).json();
        assertThat(view.get("devices")).hasSize(1);
        assertThat(view.get("devices").get(0).get("deviceId").asString()).isEqualTo("phone-2");

        assertThat(put(alice).status()).isEqualTo(200);
        assertThat(as(alice, "demo").get(devices(alice)).json().get("devices")).isEmpty();
    }

    @Test
    void an_unknown_model_is_a_400_naming_the_device_and_the_field_and_nothing_is_stored() {
        put(alice, device("phone-1", "smartphone", "2025-01-10"));

        ApiClient.Response response = put(alice, device("phone-2", "smartphone", "2025-01-10"),
                device("watch-1", "smartwatch", "2025-01-10"));

        assertThat(response.status()).isEqualTo(400);
        JsonNode error = response.json();
        assertThat(error.get("index").asInt()).isEqualTo(1);
        assertThat(error.get("field").asString()).isEqualTo("modelId");
        assertThat(error.get("reason").asString()).contains("unknown model \"smartwatch\"");
        assertThat(error.get("message").asString()).startsWith("devices[1].modelId: unknown model");
        JsonNode kept = as(alice, "demo").get(devices(alice)).json().get("devices");
        assertThat(kept).hasSize(1);
        assertThat(kept.get(0).get("deviceId").asString()).isEqualTo("phone-1");
    }

    @Test
    void other_bad_input_is_a_400_naming_the_field() {
        String tomorrow = LocalDate.now(ZoneId.of("Europe/Paris")).plusDays(1).toString();
        assertField(put(alice, device("p", "smartphone", tomorrow)), "acquiredOn", "is in the future");
        assertField(put(alice, device("p", "smartphone", "2025-02-30")), "acquiredOn", "ISO date");
        assertField(put(alice, device("p q", "smartphone", "2025-02-01")), "deviceId", "may hold only");
        assertField(put(alice, device("p", "smartphone", "2025-02-01"), device("p", "smartphone", "2025-02-01")),
                "deviceId", "already appears");
        assertField(as("feed", "feed").putJson(devices(alice), "{\"devices\":[{\"deviceId\":\"p\",\"modelId\":7,"
                + "\"acquiredOn\":\"2025-01-01\"}]}"), "modelId", "must be a string");
        assertField(as("feed", "feed").putJson(devices(alice), "{\"things\":[]}"), "devices", "array");
        ApiClient.Response broken = as("feed", "feed").putJson(devices(alice), "{\"devices\":[");
        assertThat(broken.status()).isEqualTo(400);
        assertThat(broken.json().get("line").asInt()).isEqualTo(1);
        assertThat(as(alice, "demo").get(devices(alice) + "?month=2025-13").status()).isEqualTo(400);
    }

    private static void assertField(ApiClient.Response response, String field, String reason) {
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.json().get("field").asString()).isEqualTo(field);
        assertThat(response.json().get("reason").asString()).contains(reason);
    }

    @Test
    void a_subscriber_reads_only_its_own_devices_and_only_the_auditor_reads_everyones() {
        put(bob, device("phone-1", "smartphone", "2025-01-10"));

        assertThat(as(alice, "demo").get(devices(bob)).status()).isEqualTo(403);
        assertThat(as(bob, "demo").get(devices(bob)).status()).isEqualTo(200);
        assertThat(as("auditor", "auditor").get(devices(bob)).json().get("devices")).hasSize(1);
        // the feed writes devices but does not read a subscriber's data back, as for statements
        for (String staff : new String[] {"feed", "ops", "editor"}) {
            assertThat(as(staff, staff).get(devices(bob)).status()).as(staff).isEqualTo(403);
        }
        assertThat(anonymous().get(devices(bob)).status()).isEqualTo(401);
    }

    @Test
    void only_the_feed_sends_devices() {
        String body = "{\"devices\":[]}";
        for (String[] other : new String[][] {{alice, "demo"}, {"ops", "ops"}, {"auditor", "auditor"},
                {"editor", "editor"}}) {
            assertThat(as(other[0], other[1]).putJson(devices(alice), body).status()).as(other[0]).isEqualTo(403);
        }
        assertThat(anonymous().putJson(devices(alice), body).status()).isEqualTo(401);
    }

    @Test
    void the_catalogue_is_readable_by_anyone_logged_in_with_its_values_and_sources() {
        ApiClient.Response response = as(alice, "demo").get("/api/v1/devices/models");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json()).hasSize(3);
        JsonNode phone = null;
        for (JsonNode model : response.json()) {
            if (model.get("modelId").asString().equals("smartphone")) {
                phone = model;
            }
        }
        assertThat(phone).isNotNull();
        assertThat(phone.get("manufactureKgCo2e").decimalValue()).isEqualByComparingTo("85.1");
        assertThat(phone.get("useKgCo2ePerYear").decimalValue()).isEqualByComparingTo("0.2");
        assertThat(phone.get("lifetimeYears").decimalValue()).isEqualByComparingTo("2.5");
        assertThat(phone.get("source").asString()).contains("impactco2.fr", "84,0");
        assertThat(as("feed", "feed").get("/api/v1/devices/models").status()).isEqualTo(200);
        assertThat(anonymous().get("/api/v1/devices/models").status()).isEqualTo(401);
    }

    @Test
    void device_updates_are_counted_for_ops() {
        put(alice, device("phone-1", "smartphone", "2025-01-10"));
        put(alice, device("watch-1", "smartwatch", "2025-01-10"));

        String metrics = as("ops", "ops").get("/actuator/prometheus").body();
        assertThat(metrics).containsPattern("devices_updates_total\\{[^}]*outcome=\"stored\"")
                .containsPattern("devices_updates_total\\{[^}]*outcome=\"rejected\"");
    }
}
