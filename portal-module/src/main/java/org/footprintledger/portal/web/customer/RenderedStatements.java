package org.footprintledger.portal.web.customer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import java.time.Duration;
import java.time.YearMonth;
import java.util.List;
import java.util.function.Supplier;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.ObjectWriter;
import tools.jackson.databind.json.JsonMapper;

/**
 * The statements API's JSON, written by the application's JSON mapper (the one the API's other answers are written
 * with, so the contract's format is the same) once per list of statements and kept while the same statements are
 * asked for again. The key is the statements themselves, compared by value: the statements are read from the read
 * models at every request, and a correction, a restatement or new usage makes other statements, hence another key.
 * Bounded by weight ({@code footprint.api.statements-cache-mb}); idle entries dropped after
 * {@code footprint.api.statements-cache-idle}. Metrics: {@code cache.*{cache="statements_json"}}.
 */
@Component
class RenderedStatements {

    /** A rough weight of the key beside the JSON's bytes. */
    private static final int KEY_WEIGHT = 4_096;
    private final ObjectWriter writer;
    /** Keyed by the statements themselves, or by a subscriber's months and their revision ({@link Revised}). */
    private final Cache<Object, byte[]> json;

    RenderedStatements(JsonMapper mapper, MeterRegistry registry,
                       @Value("${footprint.api.statements-cache-mb:64}") long megabytes,
                       @Value("${footprint.api.statements-cache-idle:PT30M}") Duration idle) {
        this.writer = mapper.writerFor(new TypeReference<List<MonthlyStatement>>() { });
        this.json = Caffeine.newBuilder()
                .maximumWeight(megabytes << 20)
                .<Object, byte[]>weigher((key, bytes) -> KEY_WEIGHT + bytes.length)
                .expireAfterAccess(idle)
                .recordStats()
                .build();
        CaffeineCacheMetrics.monitor(registry, json, "statements_json");
    }

    byte[] of(List<MonthlyStatement> statements) {
        return json.get(List.copyOf(statements), writer::writeValueAsBytes);
    }

    /**
     * The JSON of one subscriber's statements between two months, kept for the ledger's {@code revision} of them
     * ({@link org.footprintledger.footprint.api.LedgerRevisions}): {@code statements} is read only when no JSON is
     * kept for that revision.
     */
    byte[] kept(String subscriberId, YearMonth from, YearMonth to, long revision,
                Supplier<List<MonthlyStatement>> statements) {
        return json.get(new Revised(subscriberId, from, to, revision),
                key -> writer.writeValueAsBytes(List.copyOf(statements.get())));
    }

    /** One subscriber's statements between two months at one revision of the ledger. */
    private record Revised(String subscriberId, YearMonth from, YearMonth to, long revision) {
    }
}
