package org.footprintledger.footprint.domain;

import java.time.YearMonth;
import org.axonframework.test.aggregate.AggregateTestFixture;
import org.axonframework.test.aggregate.FixtureConfiguration;
import org.footprintledger.footprint.api.AccrueLineUsageCommand;
import org.footprintledger.footprint.api.LedgerIds;
import org.footprintledger.footprint.api.LineType;
import org.footprintledger.footprint.api.LineUsageAccruedEvent;
import org.footprintledger.footprint.api.Technology;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SubscriberMonthLedgerTest {

    private static final String SUBSCRIBER = "sub-1";
    private static final YearMonth OCTOBER = YearMonth.of(2026, 10);
    private static final String LEDGER = LedgerIds.of(SUBSCRIBER, OCTOBER);

    private FixtureConfiguration<SubscriberMonthLedger> fixture;

    @BeforeEach
    void setUp() {
        fixture = new AggregateTestFixture<>(SubscriberMonthLedger.class);
    }

    private static AccrueLineUsageCommand accrue(String line, LineType type, Technology technology, long bytes,
                                                 long records, long estimated) {
        return AccrueLineUsageCommand.of(SUBSCRIBER, OCTOBER, line, type, technology, bytes, records, estimated,
                "batch-1");
    }

    private static LineUsageAccruedEvent accrued(String line, LineType type, Technology technology, long bytes,
                                                 long records, long estimated, long bytesTotal, long recordsTotal,
                                                 long estimatedTotal) {
        return new LineUsageAccruedEvent(LEDGER, SUBSCRIBER, OCTOBER, line, type, technology, bytes, records,
                estimated, bytesTotal, recordsTotal, estimatedTotal, "batch-1");
    }

    @Nested
    class AccruingUsage {

        @Test
        void the_first_fact_of_a_month_opens_the_ledger_with_its_totals() {
            fixture.givenNoPriorActivity()
                    .when(accrue("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 5_000_000_000L, 3, 1))
                    .expectSuccessfulHandlerExecution()
                    .expectEvents(accrued("mob-1", LineType.MOBILE, Technology.MOBILE_4G, 5_000_000_000L, 3, 1,
                            5_000_000_000L, 3, 1));
        }

        @Test
        void later_facts_add_to_the_totals_of_their_line() {
            fixture.given(accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, Technology.MOBILE_5G, 50, 2, 1))
                    .expectEvents(accrued("mob-1", LineType.MOBILE, Technology.MOBILE_5G, 50, 2, 1, 150, 3, 1));
        }

        @Test
        void each_line_keeps_its_own_totals() {
            fixture.given(accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("box-1", LineType.FIXED, Technology.FTTH, 7, 1, 0))
                    .expectEvents(accrued("box-1", LineType.FIXED, Technology.FTTH, 7, 1, 0, 7, 1, 0));
        }

        @Test
        void a_superseded_record_comes_off_the_totals() {
            fixture.given(accrued("mob-1", LineType.MOBILE, null, 100, 2, 1, 100, 2, 1))
                    .when(accrue("mob-1", LineType.MOBILE, null, -40, -1, -1))
                    .expectEvents(accrued("mob-1", LineType.MOBILE, null, -40, -1, -1, 60, 1, 0));
        }

        @Test
        void an_empty_fact_changes_nothing_and_records_nothing() {
            fixture.given(accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, null, 0, 0, 0))
                    .expectSuccessfulHandlerExecution()
                    .expectNoEvents();
        }
    }

    @Nested
    class RefusingInconsistentFacts {

        @Test
        void a_line_cannot_change_its_line_type() {
            fixture.given(accrued("line-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
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
            fixture.given(accrued("mob-1", LineType.MOBILE, null, 100, 1, 0, 100, 1, 0))
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
            fixture.given(accrued("mob-1", LineType.MOBILE, null, Long.MAX_VALUE, 1, 0, Long.MAX_VALUE, 1, 0))
                    .when(accrue("mob-1", LineType.MOBILE, null, 1, 1, 0))
                    .expectException(ArithmeticException.class)
                    .expectNoEvents();
        }
    }
}
