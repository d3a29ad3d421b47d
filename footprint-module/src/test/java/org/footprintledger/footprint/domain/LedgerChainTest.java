package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.footprintledger.footprint.api.LedgerChain;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.junit.jupiter.api.Test;

class LedgerChainTest {

    @Test
    void each_event_is_linked_to_the_one_before_and_its_hash_covers_its_content() {
        LedgerStory story = new LedgerStory();
        LineUsageAccruedEvent first = story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0);
        LineUsageAccruedEvent second = story.accrued("mob-1", LineType.MOBILE, null, 50, 1, 0, 150, 2, 0);

        assertThat(first.previousHash()).isEqualTo(LedgerChain.GENESIS);
        assertThat(second.previousHash()).isEqualTo(first.hash());
        assertThat(second.hashMatchesContent()).isTrue();
    }

    @Test
    void altering_any_figure_of_an_event_no_longer_matches_its_hash() {
        LineUsageAccruedEvent event = new LedgerStory().accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0);
        LineUsageAccruedEvent altered = new LineUsageAccruedEvent(event.ledgerId(), event.subscriberId(),
                event.month(), event.lineId(), event.lineType(), event.technology(), event.bytesDelta(),
                event.recordsDelta(), event.estimatedRecordsDelta(), 1, event.recordsTotal(),
                event.estimatedRecordsTotal(), event.sourceBatchId(), event.previousHash(), event.hash());

        assertThat(altered.hashMatchesContent()).isFalse();
    }

    @Test
    void a_separator_inside_a_value_cannot_make_two_contents_alike() {
        LedgerStory story = new LedgerStory();
        LineUsageAccruedEvent a = story.accrued("a|b", LineType.MOBILE, null, 1, 1, 0, 1, 1, 0);
        LineUsageAccruedEvent b = new LedgerStory().accrued("a", LineType.MOBILE, null, 1, 1, 0, 1, 1, 0);

        assertThat(a.chainContent()).isNotEqualTo(b.chainContent());
    }
}
