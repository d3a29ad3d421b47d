package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Each subscriber sees only its own data; feed, ops, auditor and editor clients each get only their own rights. */
class AccessRulesTest extends PortalIntegrationTest {

    private String alice;
    private String bob;

    @BeforeEach
    void twoSubscribersWithUsage() {
        alice = "alice-" + UUID.randomUUID().toString().substring(0, 8);
        bob = "bob-" + UUID.randomUUID().toString().substring(0, 8);
        ApiClient.Response response = as("feed", "feed").postJson("/api/v1/usage/records", UsageFeed.batch()
                .mobile(alice + "-r1", alice, alice + "-mob", "2025-10-01", 1_000_000_000L, 0, false)
                .mobile(bob + "-r1", bob, bob + "-mob", "2025-10-01", 2_000_000_000L, 0, false).body());
        assertThat(response.status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(20)).until(() -> as("auditor", "auditor")
                .get(statement(bob)).status() == 200);
    }

    private static String statement(String subscriber) {
        return "/api/v1/subscribers/" + subscriber + "/statements/2025-10";
    }

    @Test
    void a_subscriber_reads_its_own_statement() {
        ApiClient.Response own = as(alice, "demo").get(statement(alice));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().get("subscriberId").asString()).isEqualTo(alice);
    }

    @Test
    void a_subscriber_cannot_read_another_subscribers_statement() {
        assertThat(as(alice, "demo").get(statement(bob)).status()).isEqualTo(403);
        assertThat(as(alice, "demo").get("/api/v1/subscribers/" + bob + "/statements?from=2025-01&to=2025-12")
                .status()).isEqualTo(403);
    }

    @Test
    void a_wrong_password_or_no_credentials_are_refused() {
        assertThat(as(alice, "not-demo").get(statement(alice)).status()).isEqualTo(401);
        assertThat(anonymous().get(statement(alice)).status()).isEqualTo(401);
        assertThat(as("someone-unknown", "demo").get(statement(alice)).status()).isEqualTo(401);
    }

    @Test
    void the_auditor_reads_every_subscriber() {
        assertThat(as("auditor", "auditor").get(statement(alice)).status()).isEqualTo(200);
        assertThat(as("auditor", "auditor").get(statement(bob)).status()).isEqualTo(200);
    }

    @Test
    void only_the_feed_sends_usage() {
        String body = "{\"records\":[]}";
        assertThat(as("feed", "feed").postJson("/api/v1/usage/records", body).status()).isEqualTo(200);
        for (String[] other : new String[][] {{alice, "demo"}, {"ops", "ops"}, {"auditor", "auditor"},
                {"editor", "editor"}}) {
            assertThat(as(other[0], other[1]).postJson("/api/v1/usage/records", body).status())
                    .as(other[0]).isEqualTo(403);
        }
    }

    @Test
    void staff_other_than_the_auditor_cannot_read_statements() {
        for (String staff : new String[] {"feed", "ops", "editor"}) {
            assertThat(as(staff, staff).get(statement(alice)).status()).as(staff).isEqualTo(403);
        }
    }

    @Test
    void metrics_are_for_ops_and_health_is_public() {
        assertThat(as("ops", "ops").get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(as("feed", "feed").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(as(alice, "demo").get("/actuator/prometheus").status()).isEqualTo(403);
        assertThat(anonymous().get("/actuator/prometheus").status()).isEqualTo(401);
        ApiClient.Response health = anonymous().get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @Test
    void unknown_api_paths_are_denied_even_to_staff() {
        assertThat(as("ops", "ops").get("/api/v1/nothing-here").status()).isEqualTo(403);
    }
}
