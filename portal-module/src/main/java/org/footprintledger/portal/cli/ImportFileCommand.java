package org.footprintledger.portal.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.footprintledger.usage.api.FileImports;
import org.footprintledger.usage.api.ImportProgress;
import org.footprintledger.usage.api.ImportStatus;
import org.footprintledger.usage.api.LedgerFeed;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * {@code java -jar footprint-ledger.jar import FILE [--spring.datasource.url=…]}: imports a feed file into the
 * configured database (the embedded default's data directory when no URL is given; stop the server first, it holds
 * that directory) with a progress bar, waits until the ledger holds the totals, and prints a summary.
 */
public final class ImportFileCommand {

    private ImportFileCommand() {
    }

    public static int run(Class<?> application, String[] args) {
        List<String> springArgs = new ArrayList<>();
        Path file = null;
        for (String arg : args) {
            if (arg.startsWith("--")) {
                springArgs.add(arg);
            } else {
                file = Path.of(arg);
            }
        }
        if (file == null || !Files.isReadable(file)) {
            System.err.println("usage: import FILE [--spring.datasource.url=...]; cannot read " + file);
            return 2;
        }
        springArgs.add("--footprint.demo-data.enabled=false");
        try (ConfigurableApplicationContext context = new SpringApplicationBuilder(application)
                .web(WebApplicationType.NONE).logStartupInfo(false).run(springArgs.toArray(String[]::new))) {
            long started = System.nanoTime();
            ProgressBar bar = new ProgressBar(started);
            ImportStatus status = context.getBean(FileImports.class).importFile(file, bar::show);
            System.err.println();
            LedgerFeed ledger = context.getBean(LedgerFeed.class);
            ledger.feedAll();
            while (ledger.hasBacklog()) {
                Thread.sleep(100);
            }
            double seconds = (System.nanoTime() - started) / 1e9;
            System.out.printf("import %s %s: %,d rows read, %,d accepted, %,d duplicates, %,d rejected "
                            + "in %.1f s (%,.0f rows/s), ledger up to date%s%n",
                    status.importId(), status.status(), status.rowsRead(), status.accepted(), status.duplicates(),
                    status.rejected(), seconds, status.rowsRead() / seconds,
                    status.error() == null ? "" : "; " + status.error());
            if (status.rejected() > 0) {
                System.out.println("rejected rows: GET /api/v1/usage/imports/" + status.importId() + "/rejections");
            }
            return "COMPLETED".equals(status.status()) ? 0 : 1;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 1;
        }
    }

    private record ProgressBar(long startedNanos) {

        void show(ImportProgress progress) {
            int width = 40;
            int done = (int) Math.round(progress.fraction() * width);
            double seconds = Math.max(1e-9, (System.nanoTime() - startedNanos) / 1e9);
            System.err.printf("\r[%s%s] %3.0f%%  %,d rows  %,.0f rows/s", "#".repeat(done), " ".repeat(width - done),
                    progress.fraction() * 100, progress.rowsRead(), progress.rowsRead() / seconds);
        }
    }
}
