package org.footprintledger.portal.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import org.footprintledger.usage.api.SyntheticFeedGenerator;

/**
 * {@code java -jar footprint-ledger.jar generate --subscribers N --days M [--seed S] [--last-day YYYY-MM-DD]
 * --out FILE[.gz]}: writes a synthetic, realistic feed file (gzip when the name ends in .gz). No database needed.
 */
public final class GenerateFeedCommand {

    private GenerateFeedCommand() {
    }

    public static int run(String[] args) throws IOException {
        CommandLineOptions options = CommandLineOptions.parse(args);
        int subscribers = options.intValue("subscribers", 1000);
        int days = options.intValue("days", 30);
        long seed = options.longValue("seed", 42);
        LocalDate lastDay = options.value("last-day")
                .map(LocalDate::parse)
                .orElse(LocalDate.now(ZoneId.of("Europe/Paris")).minusDays(1));
        Path out = Path.of(options.value("out").orElseThrow(
                () -> new IllegalArgumentException("--out FILE is required")));
        long started = System.nanoTime();
        SyntheticFeedGenerator.Summary summary =
                new SyntheticFeedGenerator(subscribers, days, lastDay, seed).writeCsv(out);
        System.out.printf("wrote %s: %,d rows for %,d lines of %,d subscribers over %d days to %s "
                        + "(%,d duplicates, %,d re-rated, %,d invalid) in %.1f s%n",
                out, summary.rows(), summary.lines(), subscribers, days, lastDay, summary.duplicates(),
                summary.rerated(), summary.invalid(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
