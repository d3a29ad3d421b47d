package org.footprintledger.footprint.domain;

import static org.footprintledger.footprint.domain.LedgerStory.CLOSED_AT;
import static org.footprintledger.footprint.domain.LedgerStory.LEDGER;
import static org.footprintledger.footprint.domain.LedgerStory.OCTOBER;
import static org.footprintledger.footprint.domain.LedgerStory.SUBSCRIBER;
import static org.footprintledger.footprint.domain.LedgerStory.accrue;
import static org.footprintledger.footprint.domain.LedgerStory.close;
import static org.footprintledger.footprint.domain.LedgerStory.closeCounting;
import static org.footprintledger.footprint.domain.LedgerStory.counted;
import static org.footprintledger.footprint.domain.LedgerStory.figures;
import static org.footprintledger.footprint.domain.LedgerStory.restate;

import java.time.Instant;
import java.time.LocalDate;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.axonframework.test.aggregate.TestExecutor;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.CloseLedgerMonthCommand;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.footprint.api.StatementFigures;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriberMonthLedgerTest {

    private static final FactorSet ADEME = FactorRegistry.ADEME_2022;
    private static final FactorSet OPERATOR_2026 =
            LineMonthFootprintTest.operatorSet("OP-2026", LocalDate.of(2026, 1, 1), "24.3");
    private static final Instant LATER = Instant.parse("2026-11-20T10:00:00Z");

    private FixtureConfiguration<SubscriberMonthLedger> fixture;
    private LedgerStory story;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubscriberMonthLedger.class);
        story = new LedgerStory();
    }

    /** 12 999 999 999 octets on 4G: 12.999999999 Go x 49.4 g/Go = 642.1999999506 g, shown 13 Go and 642 g. */
    private static final StatementFigures MOBILE_642 = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
            12_999_999_999L, 30, 0, "12.999999999", "642.1999999506", 13, 642);
    /** A fixed line used during the month: a flat 4 100 g, whatever its 250 Go. */
    private static final StatementFigures FIXED_4100 = figures("box-1", LineType.FIXED, Technology.FTTH,
            250_000_000_000L, 31, 0, "250", "4100", 250, 4100);

    /** A record of 1 000 000 001 octets reaching the mobile line after the close. */
    private static final AccrueLineUsageCommand LATE_GIGABYTE =
            accrue("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0);

    /** What the late gigabyte records on a closed 642 g line: 14 Go x 49.4 = 691.6 g, shown 692 g. */
    private Object[] lateGigabyteCorrecting642() {
        return new Object[] {
                story.accrued("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0, 14_000_000_000L, 31, 0),
                story.corrected(LATER, "consommation reçue après la clôture du mois", ADEME, MOBILE_642,
                        figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 14_000_000_000L, 31, 0, "14",
                                "691.6", 14, 692))};
    }

    @Nested
    class AccruingUsage {

        @Test
        void the_first_fact_of_a_month_opens_the_ledger_with_its_totals() {
            fixture.givenNoPriorActivity()
                    .when(accrue("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 5_000_000_000L, 3, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 5_000_000_000L, 3, 1,
                            5_000_000_000L, 3, 1));
        }

        @Test
        void later_facts_add_to_the_totals_of_their_line() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, Technology.MOBILE_5G, 50, 2, 1))
                    .expectEvents(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_5G, 50, 2, 1, 150, 3, 1));
        }

        @Test
        void each_line_keeps_its_own_totals() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("box-1", LineType.FIXED, Technology.FTTH, 7, 1, 0))
                    .expectEvents(story.accrued("box-1", LineType.FIXED, Technology.FTTH, 7, 1, 0, 7, 1, 0));
        }

        @Test
        void a_superseded_record_comes_off_the_totals() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 2, 1, 100, 2, 1))
                    .when(accrue("mob-1", LineType.MOBILE, null, -40, -1, -1))
                    .expectEvents(story.accrued("mob-1", LineType.MOBILE, null, -40, -1, -1, 60, 1, 0));
        }

        @Test
        void an_empty_fact_changes_nothing_and_records_nothing() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, null, 0, 0, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RefusingInconsistentFacts {

        @Test
        void a_line_cannot_change_its_line_type() {
            fixture.given(story.accrued("line-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("line-1", LineType.FIXED, null, 10, 1, 0))
                    .expectException(LineTypeConflictException.class)
                    .expectNoEvents();
        }

        @Test
        void a_technology_must_belong_to_the_line_type() {
            fixture.givenNoPriorActivity()
                    .when(accrue("line-1", LineType.MOBILE, Technology.FTTH, 10, 1, 0))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void usage_never_goes_below_zero() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, null, -101, -1, 0))
                    .expectException(NegativeUsageException.class)
                    .expectNoEvents();
        }

        @Test
        void a_line_cannot_have_more_estimated_records_than_records() {
            fixture.givenNoPriorActivity()
                    .when(accrue("mob-1", LineType.MOBILE, null, 10, 1, 2))
                    .expectException(NegativeUsageException.class)
                    .expectNoEvents();
        }

        @Test
        void the_ledger_id_must_name_the_subscriber_and_month_of_the_fact() {
            AccrueLineUsageCommand misrouted = new AccrueLineUsageCommand(LEDGER, SUBSCRIBER, OCTOBER.plusMonths(1),
                    "mob-1", LineType.MOBILE, null, 10, 1, 0, "batch-1");
            fixture.givenNoPriorActivity()
                    .when(misrouted)
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }

        @Test
        void an_overflowing_total_is_refused() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, Long.MAX_VALUE, 1, 0, Long.MAX_VALUE, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, null, 1, 1, 0))
                    .expectException(ArithmeticException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ClosingTheMonth {

        @Test
        void the_statement_is_issued_with_figures_computed_by_hand_and_the_whole_factor_set() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30, 0,
                            12_999_999_999L, 30, 0),
                    story.accrued("box-1", LineType.FIXED, Technology.FTTH, 250_000_000_000L, 31, 0,
                            250_000_000_000L, 31, 0))
                    .when(close(ADEME))
                    .expectResultMessagePayload(true)
                    .expectEvents(story.issued(ADEME, FIXED_4100, MOBILE_642));
        }

        @Test
        void an_estimated_month_keeps_its_flag_and_rounds_half_up() {
            // 1.5 Go x 49.4 = 74.1 g: shown 2 Go (1.5 rounds up) and 74 g, flagged estimated
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 1_500_000_000L, 2, 1, 1_500_000_000L, 2, 1))
                    .when(close(ADEME))
                    .expectEvents(story.issued(ADEME, figures("mob-1", LineType.MOBILE, null, 1_500_000_000L, 2, 1,
                            "1.5", "74.1", 2, 74)));
        }

        @Test
        void a_month_with_records_but_zero_octets_shows_zero_for_mobile_and_the_flat_figure_for_fixed() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 0, 1, 0, 0, 1, 0),
                            story.accrued("box-1", LineType.FIXED, null, 0, 1, 0, 0, 1, 0))
                    .when(close(ADEME))
                    .expectEvents(story.issued(ADEME,
                            figures("box-1", LineType.FIXED, null, 0, 1, 0, "0", "4100", 0, 4100),
                            figures("mob-1", LineType.MOBILE, null, 0, 1, 0, "0", "0", 0, 0)));
        }

        @Test
        void a_line_left_without_any_record_is_not_on_the_statement() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0),
                            story.accrued("mob-1", LineType.MOBILE, null, -100, -1, 0, 0, 0, 0))
                    .when(close(ADEME))
                    .expectEvents(story.issued(ADEME));
        }

        @Test
        void closing_a_closed_month_again_changes_nothing() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30, 0,
                            12_999_999_999L, 30, 0), story.issued(ADEME, MOBILE_642))
                    .when(close(OPERATOR_2026))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }

        @Test
        void a_close_addressed_to_another_month_is_refused() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(new CloseLedgerMonthCommand(LEDGER, SUBSCRIBER, OCTOBER.minusMonths(1), ADEME, CLOSED_AT,
                            null))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }

    @Nested
    class ClosingWithTheCountedUsage {

        @Test
        void a_month_the_ledger_was_not_told_of_is_stated_and_issued_in_one_event() {
            fixture.givenNoPriorActivity()
                    .when(closeCounting(ADEME,
                            counted("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30, 0),
                            counted("box-1", LineType.FIXED, Technology.FTTH, 250_000_000_000L, 31, 0)))
                    .expectResultMessagePayload(true)
                    .expectEvents(story.issued(ADEME, FIXED_4100, MOBILE_642));
        }

        @Test
        void the_counted_usage_is_stated_even_where_an_earlier_release_accrued_part_of_it() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 2_000_000_000L, 5, 0,
                            2_000_000_000L, 5, 0))
                    .when(closeCounting(ADEME,
                            counted("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30, 0)))
                    .expectEvents(story.issued(ADEME, MOBILE_642));
        }

        @Test
        void a_counted_line_whose_records_were_all_replaced_is_not_on_the_statement() {
            fixture.givenNoPriorActivity()
                    .when(closeCounting(ADEME, counted("mob-1", LineType.MOBILE, null, 0, 0, 0),
                            counted("box-1", LineType.FIXED, Technology.FTTH, 250_000_000_000L, 31, 0)))
                    .expectEvents(story.issued(ADEME, FIXED_4100));
        }

        @Test
        void late_usage_adds_to_the_totals_the_statement_stated() {
            fixture.given(story.issued(ADEME, MOBILE_642)).andGivenCurrentTime(LATER)
                    .when(LATE_GIGABYTE)
                    .expectEvents(lateGigabyteCorrecting642());
        }

        @Test
        void a_counted_close_of_a_closed_month_changes_nothing() {
            fixture.given(story.issued(ADEME, MOBILE_642))
                    .when(closeCounting(OPERATOR_2026,
                            counted("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 99_000_000_000L, 40, 0)))
                    .expectResultMessagePayload(false)
                    .expectNoEvents();
        }
    }

    @Nested
    class CorrectingAClosedStatement {

        private TestExecutor<SubscriberMonthLedger> closedWithMobile642() {
            return fixture.given(story.accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30,
                    0, 12_999_999_999L, 30, 0), story.issued(ADEME, MOBILE_642));
        }

        @Test
        void late_usage_is_recorded_then_corrects_the_figure_keeping_the_one_first_shown() {
            closedWithMobile642().andGivenCurrentTime(LATER)
                    .when(LATE_GIGABYTE)
                    .expectEvents(lateGigabyteCorrecting642());
        }

        @Test
        void a_replaced_record_touching_a_closed_month_corrects_it_as_re_rated() {
            closedWithMobile642().andGivenCurrentTime(LATER)
                    .when(accrue("mob-1", LineType.MOBILE, null, -2_999_999_999L, 0, 0))
                    .expectEvents(
                            story.accrued("mob-1", LineType.MOBILE, null, -2_999_999_999L, 0, 0, 10_000_000_000L, 30,
                                    0),
                            story.corrected(LATER, "consommation rectifiée par l'opérateur (enregistrements remplacés)",
                                    ADEME, MOBILE_642, figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
                                            10_000_000_000L, 30, 0, "10", "494", 10, 494)));
        }

        @Test
        void a_line_first_seen_after_the_close_is_added_by_a_correction_from_nothing() {
            closedWithMobile642().andGivenCurrentTime(LATER)
                    .when(accrue("box-1", LineType.FIXED, Technology.FTTH, 5_000_000_000L, 1, 1))
                    .expectEvents(
                            story.accrued("box-1", LineType.FIXED, Technology.FTTH, 5_000_000_000L, 1, 1,
                                    5_000_000_000L, 1, 1),
                            story.corrected(LATER, "consommation reçue après la clôture du mois", ADEME, null,
                                    figures("box-1", LineType.FIXED, Technology.FTTH, 5_000_000_000L, 1, 1, "5",
                                            "4100", 5, 4100)));
        }

        @Test
        void a_restatement_under_another_set_corrects_every_line_with_its_reason() {
            closedWithMobile642()
                    .when(restate(OPERATOR_2026, "valeurs opérateur RCP", LATER))
                    // 12.999999999 Go x 24.3 g/Go = 315.8999999757 g, shown 316 g
                    .expectEvents(story.corrected(LATER, "valeurs opérateur RCP", OPERATOR_2026, MOBILE_642,
                            figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30, 0,
                                    "12.999999999", "315.8999999757", 13, 316)));
        }

        @Test
        void after_a_restatement_late_usage_is_computed_under_the_restated_set() {
            StatementFigures restated = figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 12_999_999_999L, 30,
                    0, "12.999999999", "315.8999999757", 13, 316);
            closedWithMobile642().andGiven(story.corrected(LATER, "valeurs opérateur RCP", OPERATOR_2026, MOBILE_642, restated))
                    .andGivenCurrentTime(LATER)
                    .when(accrue("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0))
                    .expectEvents(story.accrued("mob-1", LineType.MOBILE, null, 1_000_000_001L, 1, 0,
                                    14_000_000_000L, 31, 0),
                            // 14 Go x 24.3 = 340.2 g
                            story.corrected(LATER, "consommation reçue après la clôture du mois", OPERATOR_2026,
                                    restated, figures("mob-1", LineType.MOBILE, Technology.MOBILE_4G,
                                            14_000_000_000L, 31, 0, "14", "340.2", 14, 340)));
        }

        @Test
        void an_open_month_cannot_be_restated() {
            fixture.given(story.accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(restate(OPERATOR_2026, "valeurs opérateur RCP", LATER))
                    .expectException(MonthNotClosedException.class)
                    .expectNoEvents();
        }

        @Test
        void a_restatement_needs_a_reason() {
            closedWithMobile642()
                    .when(restate(OPERATOR_2026, " ", LATER))
                    .expectException(IllegalArgumentException.class)
                    .expectNoEvents();
        }
    }
}
