package org.footprintledger.footprint.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.footprintledger.footprint.domain.LedgerStory.CLOSED_AT;
import static org.footprintledger.footprint.domain.LedgerStory.OCTOBER;
import static org.footprintledger.footprint.domain.LedgerStory.SUBSCRIBER;
import static org.footprintledger.footprint.domain.LedgerStory.figures;

import java.time.Instant;
import java.util.Optional;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.MonthlyStatement;
import org.footprintledger.footprint.api.StatementCorrectedEvent;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.footprint.api.StatementIssuedEvent;
import org.footprintledger.footprint.api.StatementStatus;
import org.footprintledger.vocabulary.Technology;
import org.footprintledger.footprint.domain.StatementFold.LineState;
import org.junit.jupiter.api.Test;

/**
 * The one fold of a ledger month, as a plain class: the statement it shows, the chain link it keeps for the next
 * event, and what it says of each line for the read model.
 */
class StatementFoldTest {

    private static final FactorSet ADEME = FactorRegistry.ADEME_2022;
    private static final Instant LATER = Instant.parse("2026-11-20T10:00:00Z");
    /** 12 999 999 999 octets on 4G: 12.999999999 Go x 49.4 g/Go = 642.1999999506 g, shown 13 Go and 642 g. */
    private static final StatementFigures MOBILE_642 = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
            12_999_999_999L, 30, 0, "12.999999999", "642.1999999506", 13, 642);
    /** The same line after a late gigabyte: 14 Go x 49.4 = 691.6 g, shown 692 g. */
    private static final StatementFigures MOBILE_692 = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
            14_000_000_000L, 31, 0, "14", "691.6", 14, 692);

    private final LedgerStory story = new LedgerStory();
    private final StatementIssuedEvent issued = story.issued(ADEME, MOBILE_642);
    private final LineUsageAccruedEvent late = story.accrued("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0,
            14_000_000_000L, 31, 0);
    private final StatementCorrectedEvent corrected = story.corrected(LATER, "late usage", ADEME, MOBILE_642,
            MOBILE_692);

    @Test
    void an_issued_then_corrected_month_shows_the_corrected_figure_with_the_correction() {
        StatementFold fold = folded();

        MonthlyStatement statement = fold.statement(month -> Optional.empty()).orElseThrow();

        assertThat(statement.status()).isEqualTo(StatementStatus.CLOSED);
        assertThat(statement.lines()).singleElement().satisfies(line -> {
            assertThat(line.co2eGrams()).isEqualTo(692);
            assertThat(line.corrections()).singleElement().satisfies(correction -> {
                assertThat(correction.fromGrams()).isEqualTo(642);
                assertThat(correction.toGrams()).isEqualTo(692);
            });
        });
        assertThat(fold.lastHash()).isEqualTo(corrected.hash());
        assertThat(fold.totalsOf("mob-1")).get().extracting(LineTotals::bytes).isEqualTo(14_000_000_000L);
    }

    @Test
    void each_line_states_its_latest_accrual_figures_shown_set_technology_and_event_for_the_read_model() {
        LineState line = folded().lines().get(0);

        assertThat(line.subscriberId()).isEqualTo(SUBSCRIBER);
        assertThat(line.month()).isEqualTo(OCTOBER);
        assertThat(line.lastAccrual()).isEqualTo(late);
        assertThat(line.shown()).isEqualTo(MOBILE_692);
        assertThat(line.factorSetId()).isEqualTo(ADEME.id());
        assertThat(line.technology()).as("the latest named (the late accrual names none)")
                .isEqualTo(Technology.MOBILE_4G);
        assertThat(line.eventIds()).containsExactly("e-issued", "e-late", "e-corrected");
        assertThat(line.lastEventId()).isEqualTo("e-corrected");
        assertThat(line.lastChangedAt()).isEqualTo(LATER);
        assertThat(line.corrections()).singleElement()
                .satisfies(applied -> assertThat(applied.eventId()).isEqualTo("e-corrected"));
    }

    @Test
    void an_event_of_another_kind_changes_nothing_and_an_empty_fold_says_so() {
        StatementFold fold = new StatementFold(SUBSCRIBER, OCTOBER);
        fold.apply("not a ledger event", "e-x", CLOSED_AT);

        assertThat(fold.isEmpty()).isTrue();
        assertThat(fold.lines()).isEmpty();
        assertThat(fold.statement(month -> Optional.of(ADEME))).isEmpty();
    }

    @Test
    void a_fold_learns_its_identity_from_its_first_event() {
        StatementFold fold = new StatementFold();
        fold.apply(issued, "e-issued", CLOSED_AT);

        assertThat(fold.subscriberId()).isEqualTo(SUBSCRIBER);
        assertThat(fold.closed()).isTrue();
        assertThat(fold.statementFactorSet()).isEqualTo(ADEME);
        assertThat(fold.statement(month -> Optional.empty()).orElseThrow().month()).isEqualTo(OCTOBER.toString());
    }

    private StatementFold folded() {
        StatementFold fold = new StatementFold();
        fold.apply(issued, "e-issued", CLOSED_AT);
        fold.apply(late, "e-late", LATER);
        fold.apply(corrected, "e-corrected", LATER);
        return fold;
    }
}
