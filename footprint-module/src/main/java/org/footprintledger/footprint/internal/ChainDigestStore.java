package org.footprintledger.footprint.internal;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.footprintledger.footprint.api.ChainDigests;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainDigest;
import org.footprintledger.footprint.api.LedgerIntegrity.ChainHead;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * The recorded digests of every chain head ({@code ledger_chain_digest}); the latest
 * {@code footprint.integrity.digests-kept} are kept. Metrics: {@code ledger.integrity.digests} (counter of digests
 * recorded) and {@code ledger.integrity.digest.streams} (streams in the latest).
 */
@Component
class ChainDigestStore {

    private final JdbcTemplate jdbc;
    private final int kept;
    private final Counter recorded;
    private final AtomicLong latestStreams = new AtomicLong();

    ChainDigestStore(JdbcTemplate jdbc, MeterRegistry metrics,
                     @Value("${footprint.integrity.digests-kept:90}") int kept) {
        this.jdbc = jdbc;
        this.kept = kept;
        this.recorded = Counter.builder("ledger.integrity.digests").description("Chain-head digests recorded")
                .register(metrics);
        Gauge.builder("ledger.integrity.digest.streams", latestStreams, AtomicLong::get)
                .description("Streams in the latest chain-head digest recorded").register(metrics);
    }

    void record(ChainDigest digest) {
        jdbc.update("INSERT INTO ledger_chain_digest (recorded_at, streams, merkle_root, heads) VALUES (?, ?, ?, ?)",
                Timestamp.from(digest.recordedAt()), digest.streams(), digest.merkleRoot(), gzip(digest.heads()));
        jdbc.update("DELETE FROM ledger_chain_digest WHERE digest_id NOT IN (SELECT digest_id FROM ledger_chain_digest "
                + "ORDER BY recorded_at DESC, digest_id DESC LIMIT ?)", kept);
        recorded.increment();
        latestStreams.set(digest.streams());
    }

    Optional<ChainDigest> latest() {
        return jdbc.query("SELECT recorded_at, streams, merkle_root, heads FROM ledger_chain_digest "
                        + "ORDER BY recorded_at DESC, digest_id DESC LIMIT 1",
                (rs, n) -> new ChainDigest(rs.getTimestamp(1).toInstant(), rs.getLong(2), rs.getString(3),
                        gunzip(rs.getBytes(4)))).stream().findFirst();
    }

    /**
     * Rewrites every kept digest that names a stream of any of the subscriber keys: its heads without them, its
     * stream count and its Merkle root recomputed (the heads left are as they were), once for all the keys (a page of
     * the re-keying job rewrites each digest once). Nothing of the heads taken out is kept.
     *
     * @return the digests rewritten
     */
    long withoutStreamsOf(Set<String> subscriberKeys) {
        List<Long> ids = jdbc.queryForList("SELECT digest_id FROM ledger_chain_digest ORDER BY digest_id", Long.class);
        long rewritten = 0;
        for (long id : ids) {
            List<ChainHead> heads = gunzip(jdbc.queryForObject("SELECT heads FROM ledger_chain_digest WHERE digest_id = ?"
                    + " FOR UPDATE", byte[].class, id));
            List<ChainHead> kept = heads.stream()
                    .filter(head -> !subscriberKeys.contains(LedgerIds.subscriberOf(head.ledgerId()))).toList();
            if (kept.size() < heads.size()) {
                jdbc.update("UPDATE ledger_chain_digest SET streams = ?, merkle_root = ?, heads = ? WHERE digest_id = ?",
                        kept.size(), ChainDigests.merkleRoot(kept), gzip(kept), id);
                rewritten++;
            }
        }
        return rewritten;
    }

    private static byte[] gzip(List<ChainHead> heads) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            for (ChainHead head : heads) {
                out.write((head.ledgerId() + "|" + head.lastSequence() + "|" + head.lastHash() + "\n")
                        .getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static List<ChainHead> gunzip(byte[] stored) {
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored))) {
            List<ChainHead> heads = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (!line.isEmpty()) {
                    String[] parts = line.split("\\|");
                    heads.add(new ChainHead(parts[0], Long.parseLong(parts[1]), parts[2]));
                }
            }
            return heads;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
