package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Test;

/**
 * A stream an earlier release wrote under the subscriber's id and its line ids, re-keyed (ADR 0013): the same events
 * and figures under the new names, chained again from the genesis hash, naming neither the id nor a line id.
 */
class RekeyedChainTest {

    private static final String KEY = "~0123456789abcdef0123456789abcdef";
    private static final String LINE_KEY = "~fedcba9876543210fedcba9876543210";
    private static final String NEW_LEDGER = LedgerIds.of(KEY, LedgerStory.OCTOBER);

    /** The line is named as the demo generator names lines: its id embeds the subscriber id. */
    private final String line = LedgerStory.SUBSCRIBER + "-M1";
    private final LedgerStory story = new LedgerStory();
    private final StatementFigures issuedFigures = LedgerStory.figures(line, LineType.MOBILE, Technology.MOBILE_4G,
            3_000_000_000L, 2, 0, "3", "118.5", 3, 119);
    private final StatementFigures correctedFigures = LedgerStory.figures(line, LineType.MOBILE, Technology.MOBILE_4G,
            4_000_000_000L, 3, 0, "4", "158", 4, 158);
    private final List<LedgerChain.Chained> stream = List.of(
            story.accrued(line, LineType.MOBILE, Technology.MOBILE_4G, 3_000_000_000L, 2, 0, 3_000_000_000L, 2, 0),
            story.issued(FactorRegistry.ADEME_2022, issuedFigures),
            story.accrued(line, LineType.MOBILE, Technology.MOBILE_4G, 1_000_000_000L, 1, 0, 4_000_000_000L, 3, 0),
            story.corrected(Instant.parse("2026-11-07T10:00:00Z"), "late usage", FactorRegistry.ADEME_2022,
                    issuedFigures, correctedFigures));

    @Test
    void the_rekeyed_stream_is_chained_again_from_genesis_under_the_new_names_with_every_figure_kept() {
        List<LedgerChain.Chained> rekeyed = LedgerChain.rekeyed(stream, NEW_LEDGER, KEY, Map.of(line, LINE_KEY)::get);

        assertThat(rekeyed).hasSameSizeAs(stream);
        String previous = LedgerChain.GENESIS;
        for (LedgerChain.Chained event : rekeyed) {
            assertThat(event.previousHash()).isEqualTo(previous);
            assertThat(event.hashMatchesContent()).isTrue();
            assertThat(event.ledgerId()).isEqualTo(NEW_LEDGER);
            assertThat(event.subscriberId()).isEqualTo(KEY);
            assertThat(event.chainContent()).doesNotContain(LedgerStory.SUBSCRIBER);
            previous = event.hash();
        }
        for (int i = 0; i < stream.size(); i++) {
            assertThat(rekeyed.get(i).hash()).as("no hash of the old chain is kept").isNotEqualTo(stream.get(i).hash());
        }
        LineUsageAccruedEvent lateUsage = (LineUsageAccruedEvent) rekeyed.get(2);
        assertThat(lateUsage.lineId()).isEqualTo(LINE_KEY);
        assertThat(lateUsage.bytesTotal()).isEqualTo(4_000_000_000L);
        StatementIssuedEvent issued = (StatementIssuedEvent) rekeyed.get(1);
        assertThat(issued.lines()).containsExactly(issuedFigures.named(LINE_KEY));
        assertThat(issued.issuedAt()).isEqualTo(LedgerStory.CLOSED_AT);
        StatementCorrectedEvent corrected = (StatementCorrectedEvent) rekeyed.get(3);
        assertThat(corrected.from()).isEqualTo(issuedFigures.named(LINE_KEY));
        assertThat(corrected.to()).isEqualTo(correctedFigures.named(LINE_KEY));
        assertThat(corrected.reason()).isEqualTo("late usage");
    }

    @Test
    void a_stream_whose_chain_is_broken_is_not_relinked_which_would_hide_the_break() {
        LineUsageAccruedEvent first = (LineUsageAccruedEvent) stream.get(0);
        LineUsageAccruedEvent altered = new LineUsageAccruedEvent(first.ledgerId(), first.subscriberId(),
                first.month(), first.lineId(), first.lineType(), first.technology(), 1, first.recordsDelta(),
                first.estimatedRecordsDelta(), 1, first.recordsTotal(), first.estimatedRecordsTotal(),
                first.sourceBatchId(), first.previousHash(), first.hash());
        List<LedgerChain.Chained> tampered = List.of(altered, stream.get(1));

        assertThatThrownBy(() -> LedgerChain.rekeyed(tampered, NEW_LEDGER, KEY, Map.of(line, LINE_KEY)::get))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sequence 0")
                .hasMessageNotContaining(LedgerStory.SUBSCRIBER);
        List<LedgerChain.Chained> cut = List.of(stream.get(0), stream.get(2));
        assertThatThrownBy(() -> LedgerChain.rekeyed(cut, NEW_LEDGER, KEY, Map.of(line, LINE_KEY)::get))
                .hasMessageContaining("sequence 1");
    }
}
