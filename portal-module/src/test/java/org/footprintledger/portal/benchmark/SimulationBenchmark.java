package org.footprintledger.portal.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import org.footprintledger.footprint.api.FactorSet;
import org.footprintledger.footprint.api.FactorSets;
import org.footprintledger.footprint.api.FactorValue;
import org.footprintledger.footprint.api.MonthClosing;
import org.footprintledger.footprint.api.RestatementJobs;
import org.footprintledger.footprint.api.Simulations;
import org.footprintledger.portal.FootprintLedgerApplication;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.vocabulary.LineType;
import org.footprintledger.vocabulary.Technology;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The what-if and the restatement at scale: N subscribers × 2 lines (mobile 4G, fixed FTTH) × the 12 months of 2024,
 * imported from one file and closed under ADEME 2022 (the close's rate measured), then a simulation of an operator set
 * over the 12 months end to end (queued, run, report stored) in line-months per second beside a raw SQL aggregate of
 * the same usage totals under the same factors, and the restatement of every affected statement from it, in
 * statements per second beside the month close's. Not part of the normal build: see docs/performance.md.
 */
@Tag("benchmark")
class SimulationBenchmark {

    private static final int SUBSCRIBERS = Integer.getInteger("benchmark.subscribers", 100_000);
    private static final YearMonth FIRST_MONTH = YearMonth.of(2024, 1);
    private static final int MONTHS = 12;

    @Test
    void a_twelve_month_simulation_and_its_restatement_beside_a_raw_aggregate_and_the_month_close() throws Exception {
        Path work = Files.createTempDirectory("simulation-benchmark");
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(FootprintLedgerApplication.class).run(
                "--server.port=0", "--footprint.embedded-db.directory=" + work.resolve("db"),
                "--footprint.demo-data.enabled=false", "--footprint.month-close.scheduled=false",
                "--footprint.audit-jobs.poll-interval=PT0.2S")) {
            JdbcTemplate jdbc = app.getBean(JdbcTemplate.class);
            Path feed = work.resolve("monthly.csv");
            long setUpStarted = System.nanoTime();
            BenchmarkFeed.write(feed, FIRST_MONTH, MONTHS, SUBSCRIBERS, (out, month, s) -> {
                String subscriber = String.format("B%07d", s);
                out.write("R" + subscriber + "M-" + month + "," + subscriber + "," + subscriber + "-M,MOBILE,4G,"
                        + month.atDay(15) + "," + (1_000_000L + 7919L * s % 9_000_000_000L) + ",1000,false,\n");
                out.write("R" + subscriber + "F-" + month + "," + subscriber + "," + subscriber + "-F,FIXED,FTTH,"
                        + month.atDay(15) + "," + (50_000_000_000L + s) + ",1000,false,\n");
                return 2;
            });
            app.getBean(FileImports.class).importFile(feed, progress -> { });
            double importSeconds = seconds(setUpStarted);

            long closeStarted = System.nanoTime();
            long closed = 0;
            for (int m = 0; m < MONTHS; m++) {
                closed += app.getBean(MonthClosing.class).close(FIRST_MONTH.plusMonths(m), "benchmark").newlyClosed();
            }
            double closeRate = closed / seconds(closeStarted);
            long lineMonths = 2L * SUBSCRIBERS * MONTHS;
            while (jdbc.queryForObject("SELECT count(*) FROM ledger_statement_line WHERE status = 'CLOSED'",
                    Long.class) < lineMonths) {
                Thread.sleep(200);
            }
            jdbc.execute("VACUUM ANALYZE ledger_statement_line");

            FactorSet operator = new FactorSet("BENCH-OP", "operator benchmark set", "per technology (benchmark)",
                    LocalDate.of(2024, 1, 1), LocalDate.of(2025, 1, 1), BigDecimal.TEN.pow(9), List.of(
                    FactorValue.of(LineType.MOBILE, "0", "40", "benchmark"),
                    new FactorValue(LineType.MOBILE, Technology.MOBILE_4G, BigDecimal.ZERO, new BigDecimal("30"),
                            "benchmark"),
                    FactorValue.of(LineType.FIXED, "4100", "0", "benchmark"),
                    new FactorValue(LineType.FIXED, Technology.FTTH, new BigDecimal("2000"), new BigDecimal("1.5"),
                            "benchmark")), "Benchmark operator set.");
            app.getBean(FactorSets.class).publish(operator);

            // the raw baseline: the same totals under the same factors, aggregated in SQL, twice (the second timed)
            String raw = "SELECT month, count(*), sum(CASE WHEN line_type = 'MOBILE' THEN bytes * 30 / 1e9 "
                    + "ELSE 2000 + bytes * 1.5 / 1e9 END), sum(exact_grams::numeric) FROM ledger_statement_line "
                    + "WHERE month BETWEEN '2024-01' AND '2024-12' AND status = 'CLOSED' AND shown_records > 0 "
                    + "GROUP BY month";
            jdbc.queryForList(raw);
            long rawStarted = System.nanoTime();
            long rawLines = jdbc.queryForList(raw).stream().mapToLong(row -> ((Number) row.get("count")).longValue())
                    .sum();
            double rawRate = rawLines / seconds(rawStarted);

            Simulations simulations = app.getBean(Simulations.class);
            // a first simulation of one month, not measured: the JIT warms up
            Simulations.SimulationJob warmUp = simulations.start(new Simulations.SimulationRequest("BENCH-OP", null,
                    FIRST_MONTH.toString(), FIRST_MONTH.toString()), "benchmark");
            while (simulations.job(warmUp.simulationId()).orElseThrow().status().ordinal() < 2) {
                Thread.sleep(20);
            }
            long simulationStarted = System.nanoTime();
            Simulations.SimulationJob simulation = simulations.start(new Simulations.SimulationRequest("BENCH-OP",
                    null, FIRST_MONTH.toString(), FIRST_MONTH.plusMonths(MONTHS - 1).toString()), "benchmark");
            while (simulations.job(simulation.simulationId()).orElseThrow().status().ordinal() < 2) {
                Thread.sleep(20);
            }
            double simulationSeconds = seconds(simulationStarted);
            Simulations.SimulationJob done = simulations.job(simulation.simulationId()).orElseThrow();
            double simulationRate = done.linesDone() / simulationSeconds;

            RestatementJobs restatements = app.getBean(RestatementJobs.class);
            long restatementStarted = System.nanoTime();
            RestatementJobs.RestatementJob job = restatements.start(simulation.simulationId(), "benchmark", false,
                    "benchmark");
            while (restatements.job(job.restatementId()).orElseThrow().status().ordinal() < 2) {
                Thread.sleep(50);
            }
            double restatementSeconds = seconds(restatementStarted);
            RestatementJobs.RestatementJob restated = restatements.job(job.restatementId()).orElseThrow();
            long statements = restated.months().stream().mapToLong(RestatementJobs.MonthProgress::ledgersRestated)
                    .sum();
            double restatementRate = statements / restatementSeconds;

            System.out.printf("%n=== Simulation benchmark: %d cores, max heap %d MB, %s ===%n",
                    Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20,
                    LocalDate.now());
            System.out.printf("set-up: %,d subscribers × 2 lines × %d months = %,d line-months imported in %.1f s%n",
                    SUBSCRIBERS, MONTHS, lineMonths, importSeconds);
            System.out.printf("month close: %,d statements in %.2f s = %,.0f statements/s%n", closed,
                    closed / closeRate, closeRate);
            System.out.printf("raw SQL aggregate of the same totals and factors: %,d line-months = %,.0f "
                    + "line-months/s%n", rawLines, rawRate);
            System.out.printf("simulation over %d months end to end (%s): %,d line-months in %.2f s = %,.0f "
                    + "line-months/s = %.1f %% of the raw aggregate (goal at least 10 %%)%n", MONTHS, done.status(),
                    done.linesDone(), simulationSeconds, simulationRate, 100 * simulationRate / rawRate);
            System.out.printf("restatement from it (%s): %,d statements in %.2f s = %,.0f statements/s = %.1f %% of "
                    + "the month close's rate (goal at least 50 %%)%n%n", restated.status(), statements,
                    restatementSeconds, restatementRate, 100 * restatementRate / closeRate);

            assertThat(done.status()).isEqualTo(Simulations.JobStatus.COMPLETED);
            assertThat(done.linesDone()).isEqualTo(lineMonths);
            assertThat(restated.status()).isEqualTo(Simulations.JobStatus.COMPLETED);
            assertThat(statements).isEqualTo((long) SUBSCRIBERS * MONTHS);
        }
    }

    private static double seconds(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1e9;
    }
}
