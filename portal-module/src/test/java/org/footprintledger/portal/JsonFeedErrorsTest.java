package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/** Bad input on the JSON endpoint gets a clear error saying what and where. */
class JsonFeedErrorsTest extends PortalIntegrationTest {

    private final ApiClient feed() {
        return as("feed", "feed");
    }

    @Test
    void a_body_that_is_not_json_is_refused_with_the_position_of_the_error() {
        ApiClient.Response response = feed().postJson("/api/v1/usage/records", "{\"records\": [\n {\"recordId\": }");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("line").asInt()).isEqualTo(2);
        assertThat(response.json().get("column").asInt()).isPositive();
        assertThat(response.json().get("message").asString()).contains("not valid JSON at line 2");
    }

    @Test
    void a_body_without_a_records_array_is_refused() {
        ApiClient.Response response = feed().postJson("/api/v1/usage/records", "[1, 2]");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("message").asString()).contains("\"records\"");
    }

    @Test
    void more_than_ten_thousand_records_is_too_large() {
        StringBuilder body = new StringBuilder("{\"records\":[");
        for (int i = 0; i <= 10_000; i++) {
            body.append(i == 0 ? "" : ",").append("{}");
        }
        ApiClient.Response response = feed().postJson("/api/v1/usage/records", body.append("]}").toString());

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().get("message").asString()).contains("10000");
    }

    @Test
    void a_body_over_the_size_limit_is_refused_before_it_is_read() throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            // announce 17 MiB and send none of it: the answer must come from the announced size alone
            String request = "POST /api/v1/usage/records HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Basic " + Base64.getEncoder().encodeToString("feed:feed".getBytes()) + "\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (17 * 1024 * 1024) + "\r\n\r\n";
            socket.getOutputStream().write(request.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            socket.setSoTimeout(10_000);
            StringBuilder response = new StringBuilder();
            byte[] buffer = new byte[4096];
            for (int n = socket.getInputStream().read(buffer); n > 0; n = socket.getInputStream().read(buffer)) {
                response.append(new String(buffer, 0, n, StandardCharsets.UTF_8));
                if (response.toString().contains("bytes (at most")) {
                    break;
                }
            }

            assertThat(response.toString()).startsWith("HTTP/1.1 413");
            assertThat(response.toString()).contains("limit is 16777216 bytes");
        }
    }

    @Test
    void invalid_records_are_reported_one_by_one_and_valid_ones_beside_them_are_kept() {
        String subscriber = "j-" + UUID.randomUUID().toString().substring(0, 8);
        String body = """
                {"records":[
                  {"recordId":"%1$s-1","subscriberId":"%1$s","lineId":"%1$s-l","lineType":"MOBILE","technology":"4G",
                   "usageDate":"2025-01-01","bytesDown":1,"bytesUp":2},
                  "not an object",
                  {"recordId":"%1$s-2","subscriberId":"%1$s","lineId":"%1$s-l","lineType":"MOBILE","technology":"4G",
                   "usageDate":"2025-01-02","bytesDown":1.5,"bytesUp":2},
                  {"recordId":"%1$s-3","subscriberId":"%1$s","lineId":"%1$s-l","lineType":"MOBILE","technology":"4G",
                   "usageDate":"2025-01-03","bytesDown":"12","bytesUp":2,"estimated":true}
                ]}""".formatted(subscriber);

        ApiClient.Response response = feed().postJson("/api/v1/usage/records", body);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().get("accepted").asInt()).isEqualTo(2);
        assertThat(response.json().get("rejected")).hasSize(2);
        assertThat(response.json().get("rejected").get(0).get("index").asInt()).isEqualTo(1);
        assertThat(response.json().get("rejected").get(0).get("field").asString()).isEqualTo("record_id");
        assertThat(response.json().get("rejected").get(1).get("index").asInt()).isEqualTo(2);
        assertThat(response.json().get("rejected").get(1).get("field").asString()).isEqualTo("bytes_down");
    }

    @Autowired
    JdbcTemplate db;

    @Test
    void a_batch_the_database_fails_says_nothing_of_it_was_stored_and_sending_it_again_stores_it_once() {
        String subscriber = "d-" + UUID.randomUUID().toString().substring(0, 8);
        UsageFeed batch = UsageFeed.batch();
        for (int i = 0; i < 1_411; i++) {
            batch.mobile(subscriber + "-" + i, subscriber, subscriber + "-l", "2025-01-02", 1, 0, false);
        }
        // the database refuses the batch at its commit (a deferred check), after every statement of it succeeded
        db.execute("CREATE OR REPLACE FUNCTION fail_at_commit() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                + "RAISE EXCEPTION 'disk full (simulated)'; END $$");
        db.execute("CREATE CONSTRAINT TRIGGER fail_at_commit AFTER INSERT ON usage_record DEFERRABLE INITIALLY "
                + "DEFERRED FOR EACH ROW WHEN (NEW.subscriber_id = '" + subscriber + "') "
                + "EXECUTE FUNCTION fail_at_commit()");
        try {
            ApiClient.Response failed = feed().postJson("/api/v1/usage/records", batch.body());

            assertThat(failed.status()).isEqualTo(503);
            assertThat(failed.json().get("message").asString()).contains("nothing of it was stored; send it again");
            assertThat(db.queryForObject("SELECT count(*) FROM usage_record WHERE subscriber_id = ?", Long.class,
                    subscriber)).isZero();
        } finally {
            db.execute("DROP TRIGGER fail_at_commit ON usage_record");
        }
        ApiClient.Response again = feed().postJson("/api/v1/usage/records", batch.body());
        assertThat(again.json().get("accepted").asInt()).isEqualTo(1_411);
        assertThat(feed().postJson("/api/v1/usage/records", batch.body()).json().get("duplicates").asInt())
                .isEqualTo(1_411);
    }
}
