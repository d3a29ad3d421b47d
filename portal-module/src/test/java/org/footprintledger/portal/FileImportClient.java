package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Base64;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;

/** Posts files to the import endpoint as the feed and waits for their end. */
final class FileImportClient {

    static final String HEADER =
            "record_id,subscriber_id,line_id,line_type,technology,usage_date,bytes_down,bytes_up,estimated,replaces\n";

    private final int port;

    FileImportClient(int port) {
        this.port = port;
    }

    /** Posts the body and answers the import's status once it is no longer RUNNING. */
    JsonNode importAndWait(byte[] body, String contentType) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/usage/imports"))
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("feed:feed".getBytes()))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        String importId = new ApiClient.Response(202, response.body()).json().get("importId").asString();
        ApiClient feed = new ApiClient(port, "feed", "feed");
        return await().atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(100))
                .until(() -> feed.get("/api/v1/usage/imports/" + importId).json(),
                        status -> !"RUNNING".equals(status.get("status").asString()));
    }

    String rejections(JsonNode status) {
        return new ApiClient(port, "feed", "feed").get("/api/v1/usage/imports/" + status.get("importId").asString()
                + "/rejections").body();
    }

    static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(out)) {
            gzip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
