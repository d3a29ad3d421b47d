package org.footprintledger.portal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small HTTP client for tests: HTTP Basic as one of the demo identities, JSON in and out. */
public final class ApiClient {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final HttpClient http = HttpClient.newHttpClient();
    private final int port;
    private final String authorization;

    ApiClient(int port, String user, String password) {
        this.port = port;
        this.authorization = user == null ? null : "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    /** The body as bytes (an archive), with the status. */
    public BinaryResponse getBytes(String path) {
        try {
            HttpResponse<byte[]> response = http.send(request(path).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new BinaryResponse(response.statusCode(), response.body(),
                    response.headers().firstValue("Content-Type").orElse(""));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record BinaryResponse(int status, byte[] body, String contentType) {
    }

    public Response postJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response postJson(String path, Object body) {
        return postJson(path, JSON.writeValueAsString(body));
    }

    public Response postCsv(String path, String body) {
        return send(request(path).header("Content-Type", "text/csv").POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response putJson(String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response putJson(String path, Object body) {
        return putJson(path, JSON.writeValueAsString(body));
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path));
        if (authorization != null) {
            builder.header("Authorization", authorization);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public record Response(int status, String body) {

        public JsonNode json() {
            return JSON.readTree(body);
        }
    }
}
