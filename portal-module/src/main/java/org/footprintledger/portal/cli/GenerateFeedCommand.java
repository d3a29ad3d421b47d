package org.footprintledger.portal.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.zip.GZIPOutputStream;
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
        SyntheticFeedGenerator.Summary summary;
        try (OutputStream file = Files.newOutputStream(out);
             OutputStream maybeGzip = out.toString().endsWith(".gz") ? new GZIPOutputStream(file, 1 << 16) : file;
             Writer writer = new BufferedWriter(new OutputStreamWriter(maybeGzip, StandardCharsets.UTF_8), 1 << 16)) {
            summary = new SyntheticFeedGenerator(subscribers, days, lastDay, seed).writeCsv(writer);
        }
        System.out.printf("wrote %s: %,d rows for %,d lines of %,d subscribers over %d days to %s "
                        + "(%,d duplicates, %,d re-rated, %,d invalid) in %.1f s%n",
                out, summary.rows(), summary.lines(), subscribers, days, lastDay, summary.duplicates(),
                summary.rerated(), summary.invalid(), (System.nanoTime() - started) / 1e9);
        return 0;
    }
}
