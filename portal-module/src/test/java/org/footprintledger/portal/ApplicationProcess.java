package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The application as an operator runs it: its own JVM (this test run's class path, the JVM options given), on a
 * database of the test's, in demo security mode without demo data, answering once its health is UP. Talks to its
 * file import as the feed.
 */
public final class ApplicationProcess {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Process process;
    private final int port;

    private ApplicationProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it on a free port with {@code jvmOptions} and {@code arguments}, its output to {@code log}. */
    public static ApplicationProcess start(String jdbcUrl, List<String> jvmOptions, List<String> arguments, Path log)
            throws IOException {
        return start(freePort(), jdbcUrl, jvmOptions, arguments, log);
    }

    /** The same on a given port (a node started again where the previous one listened). */
    public static ApplicationProcess start(int port, String jdbcUrl, List<String> jvmOptions, List<String> arguments,
                                           Path log) throws IOException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), FootprintLedgerApplication.class.getName(),
                "--server.port=" + port, "--spring.datasource.url=" + jdbcUrl, "--spring.datasource.username=postgres",
                "--footprint.security.mode=demo", "--footprint.demo-data.enabled=false"));
        command.addAll(arguments);
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        ApplicationProcess application = new ApplicationProcess(process, port);
        await().atMost(Duration.ofSeconds(180)).pollInterval(Duration.ofMillis(250)).ignoreExceptions()
                .until(() -> application.get("/actuator/health").contains("UP"));
        return application;
    }

    public Process process() {
        return process;
    }

    public int port() {
        return port;
    }

    /** Posts the file to the import endpoint and answers its import id (202). */
    public String postImport(Path file, String contentType) throws IOException, InterruptedException {
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/api/v1/usage/imports"))
                .header("Authorization", feedAuthorization()).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofFile(file)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
        return JSON.readTree(response.body()).get("importId").asString();
    }

    public JsonNode importStatus(String importId) throws IOException, InterruptedException {
        return JSON.readTree(get("/api/v1/usage/imports/" + importId));
    }

    /** A GET as the feed, its body. */
    public String get(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Authorization", feedAuthorization()).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    private static String feedAuthorization() {
        return "Basic " + Base64.getEncoder().encodeToString("feed:feed".getBytes(StandardCharsets.UTF_8));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
