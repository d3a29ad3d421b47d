package org.footprintledger.usage.api;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;

/**
 * A synthetic but realistic mediation feed, seeded for repeatability: one record per line and day.
 * <ul>
 *   <li>each subscriber has one mobile line, a quarter of them a second one, and 60 % a fixed line;</li>
 *   <li>mobile lines on 4G (70 %), 5G (28 %) or 3G, monthly volume log-normal around 10 Go with a heavy tail;
 *       fixed lines on FTTH (70 %), XDSL (20 %) or CABLE, around 200 Go a month;</li>
 *   <li>some estimated records (5 % on XDSL, 0.5 % elsewhere), exact duplicates (0.5 %), re-rated records that
 *       replace an earlier one (0.3 %), and invalid rows (0.1 %) of several kinds.</li>
 * </ul>
 */
public final class SyntheticFeedGenerator {

    private static final double DUPLICATE_SHARE = 0.005;
    private static final double RERATED_SHARE = 0.003;
    private static final double INVALID_SHARE = 0.001;

    private final int subscribers;
    private final int days;
    private final LocalDate lastDay;
    private final long seed;

    public SyntheticFeedGenerator(int subscribers, int days, LocalDate lastDay, long seed) {
        if (subscribers < 1 || days < 1) {
            throw new IllegalArgumentException("at least one subscriber and one day");
        }
        this.subscribers = subscribers;
        this.days = days;
        this.lastDay = lastDay;
        this.seed = seed;
    }

    /** What was written: rows in all, and how many of them are meant as duplicates, re-rated or invalid. */
    public record Summary(long rows, long duplicates, long rerated, long invalid, long lines) {
    }

    /** Writes the feed to a file, gzip-compressed when its name ends in {@code .gz}. */
    public Summary writeCsv(Path file) throws IOException {
        try (OutputStream plain = Files.newOutputStream(file);
             OutputStream out = file.toString().endsWith(".gz") ? new GZIPOutputStream(plain, 1 << 16) : plain;
             Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16)) {
            return writeCsv(writer);
        }
    }

    public Summary writeCsv(Writer out) throws IOException {
        List<Line> lines = lines();
        SplittableRandom random = new SplittableRandom(seed ^ 0x5DEECE66DL);
        long rows = 0;
        long duplicates = 0;
        long rerated = 0;
        long invalid = 0;
        out.write(UsageRecordSubmission.CSV_HEADER);
        out.write('\n');
        StringBuilder row = new StringBuilder(160);
        LocalDate firstDay = lastDay.minusDays(days - 1L);
        for (LocalDate day = firstDay; !day.isAfter(lastDay); day = day.plusDays(1)) {
            String date = day.toString();
            String compactDate = date.replace("-", "");
            for (Line line : lines) {
                long total = line.dailyBytes(random);
                long up = total / (7 + random.nextInt(4));
                boolean estimated = random.nextDouble() < line.estimatedShare();
                String recordId = "R" + line.id + "-" + compactDate;
                row.setLength(0);
                line.appendRow(row, recordId, date, total - up, up, estimated, "");
                double draw = random.nextDouble();
                if (draw < INVALID_SHARE) {
                    breakRow(row, line, recordId, date, random.nextInt(4));
                    invalid++;
                }
                out.append(row).append('\n');
                rows++;
                if (draw >= INVALID_SHARE && draw < INVALID_SHARE + DUPLICATE_SHARE) {
                    out.append(row).append('\n');
                    rows++;
                    duplicates++;
                } else if (draw >= INVALID_SHARE + DUPLICATE_SHARE
                        && draw < INVALID_SHARE + DUPLICATE_SHARE + RERATED_SHARE) {
                    long reratedTotal = Math.max(0, total + (long) (total * (random.nextDouble() - 0.5) * 0.4));
                    row.setLength(0);
                    line.appendRow(row, recordId + "-r1", date, reratedTotal - reratedTotal / 9, reratedTotal / 9,
                            false, recordId);
                    out.append(row).append('\n');
                    rows++;
                    rerated++;
                }
            }
        }
        return new Summary(rows, duplicates, rerated, invalid, lines.size());
    }

    private static void breakRow(StringBuilder row, Line line, String recordId, String date, int kind) {
        row.setLength(0);
        switch (kind) {
            case 0 -> line.appendRow(row, recordId, date, -1, 0, false, "");
            case 1 -> line.appendRow(row, recordId, "2099-01-01", 1, 0, false, "");
            case 2 -> row.append(recordId).append(",").append(line.subscriberId).append(",")
                    .append(line.id).append(",").append(line.type).append(",6G,").append(date).append(",1,0,false,");
            default -> row.append(recordId).append(",").append(line.subscriberId).append(",").append(line.id)
                    .append(",\"").append(line.type).append(",").append(date);
        }
    }

    /** The subscribers of this feed that have a fixed line (and so a box), in id order. */
    public List<String> subscribersWithFixedLine() {
        return lines().stream().filter(line -> "FIXED".equals(line.type())).map(Line::subscriberId).distinct()
                .toList();
    }

    private List<Line> lines() {
        Random random = new Random(seed);
        List<Line> lines = new ArrayList<>();
        for (int s = 0; s < subscribers; s++) {
            String subscriberId = String.format("S%07d", s);
            lines.add(Line.mobile(subscriberId, subscriberId + "-M1", random));
            if (random.nextDouble() < 0.25) {
                lines.add(Line.mobile(subscriberId, subscriberId + "-M2", random));
            }
            if (random.nextDouble() < 0.6) {
                lines.add(Line.fixed(subscriberId, subscriberId + "-F1", random));
            }
        }
        return lines;
    }

    private record Line(String subscriberId, String id, String type, String technology, double meanDailyBytes,
                        double estimatedShare) {

        static Line mobile(String subscriberId, String id, Random random) {
            double draw = random.nextDouble();
            String technology = draw < 0.70 ? "4G" : draw < 0.98 ? "5G" : "3G";
            double monthly = 10e9 * Math.exp(random.nextGaussian() * 1.2);
            return new Line(subscriberId, id, "MOBILE", technology, Math.min(monthly, 2e12) / 30, 0.005);
        }

        static Line fixed(String subscriberId, String id, Random random) {
            double draw = random.nextDouble();
            String technology = draw < 0.70 ? "FTTH" : draw < 0.90 ? "XDSL" : "CABLE";
            double monthly = 200e9 * Math.exp(random.nextGaussian() * 0.8);
            return new Line(subscriberId, id, "FIXED", technology, Math.min(monthly, 2e13) / 30,
                    "XDSL".equals(technology) ? 0.05 : 0.005);
        }

        long dailyBytes(SplittableRandom random) {
            double factor = Math.exp((random.nextDouble() + random.nextDouble() + random.nextDouble() - 1.5) * 0.8);
            return (long) (meanDailyBytes * factor);
        }

        void appendRow(StringBuilder row, String recordId, String date, long down, long up, boolean estimated,
                       String replaces) {
            row.append(recordId).append(',').append(subscriberId).append(',').append(id).append(',').append(type)
                    .append(',').append(technology).append(',').append(date).append(',').append(down).append(',')
                    .append(up).append(',').append(estimated).append(',').append(replaces);
        }
    }
}
