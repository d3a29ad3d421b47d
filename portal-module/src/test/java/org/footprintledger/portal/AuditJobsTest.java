package org.footprintledger.portal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/** What the simulation and restatement tests share: factor sets as ops publish them, jobs followed to their end. */
abstract class AuditJobsTest extends LedgerIntegrationTest {

    /** One factor value: line type, technology (null for the default), fixed grams per line-month, grams per Go. */
    protected static Map<String, Object> value(String lineType, String technology, Object fixed, Object perGo) {
        Map<String, Object> value = new LinkedHashMap<>();
        value.put("lineType", lineType);
        if (technology != null) {
            value.put("technology", technology);
        }
        value.put("gramsPerLineMonth", fixed);
        value.put("gramsPerGo", perGo);
        value.put("source", "operator network measurements (test)");
        return value;
    }

    protected static Map<String, Object> set(String id, String from, String until, List<Map<String, Object>> values) {
        Map<String, Object> set = new LinkedHashMap<>();
        set.put("id", id);
        set.put("name", "operator " + id);
        set.put("method", "operator values per technology (test)");
        set.put("validFrom", from);
        set.put("validUntil", until);
        set.put("octetsPerGo", 1_000_000_000L);
        set.put("values", new ArrayList<>(values));
        set.put("methodSummary", "Valeurs opérateur " + id + " par technologie.");
        return set;
    }

    protected void publish(Map<String, Object> set) {
        ApiClient.Response response = ops.postJson("/api/v1/ops/factor-sets", set);
        assertThat(response.status()).as(response.body()).isEqualTo(201);
    }

    /** Starts a simulation and answers its report once completed. */
    protected JsonNode simulate(Map<String, Object> request) {
        ApiClient.Response started = auditor.postJson("/api/v1/audit/simulations", request);
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        String id = started.json().get("simulationId").asString();
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                auditor.get("/api/v1/audit/simulations/" + id).json().get("status").asString(),
                status -> status.equals("COMPLETED") || status.equals("FAILED"));
        JsonNode report = auditor.get("/api/v1/audit/simulations/" + id + "/report").json();
        assertThat(report.get("simulation").get("status").asString()).as(report.toString()).isEqualTo("COMPLETED");
        return report;
    }

    protected static Map<String, Object> published(String factorSetId, String from, String to) {
        return Map.of("factorSetId", factorSetId, "from", from, "to", to);
    }

    /** Starts a restatement from a simulation and answers the job once completed. */
    protected JsonNode restate(JsonNode simulation, String reason, boolean force) {
        ApiClient.Response started = auditor.postJson("/api/v1/audit/restatements", Map.of("simulationId",
                simulation.get("simulation").get("simulationId").asString(), "reason", reason, "force", force));
        assertThat(started.status()).as(started.body()).isEqualTo(202);
        return restatementOnceFinished(started.json().get("restatementId").asString());
    }

    protected JsonNode restatementOnceFinished(String id) {
        JsonNode job = await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(200)).until(() ->
                auditor.get("/api/v1/audit/restatements/" + id).json(),
                j -> j.get("status").asString().equals("COMPLETED") || j.get("status").asString().equals("FAILED"));
        assertThat(job.get("status").asString()).as(job.toString()).isEqualTo("COMPLETED");
        return job;
    }

    protected static JsonNode month(JsonNode reportOrJob, String month) {
        for (JsonNode m : reportOrJob.get("months")) {
            if (m.get("month").asString().equals(month)) {
                return m;
            }
        }
        throw new AssertionError("no month " + month + " in " + reportOrJob);
    }

    protected long gramsOf(String month, String lineId) {
        return line(auditor.get(statementPath(month)).json(), lineId).get("co2eGrams").asLong();
    }

    protected JsonNode correctionsOf(String month, String lineId) {
        return line(auditor.get(statementPath(month)).json(), lineId).get("corrections");
    }
}
