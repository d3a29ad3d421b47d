package org.footprintledger.footprint.internal;

import jakarta.annotation.PreDestroy;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Runs the auditors' jobs (simulations, restatements) one at a time on a thread of its own: woken when a job is
 * queued, at start (a job a crash interrupted resumes) and by a periodic poll (a job another node left when it
 * stopped, once its lease ran out).
 */
@Component
class AuditJobRunner {

    private static final Logger log = LoggerFactory.getLogger(AuditJobRunner.class);

    private final LedgerSimulations simulations;
    private final LedgerRestatementJobs restatements;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "audit-jobs");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicBoolean wakeQueued = new AtomicBoolean();

    AuditJobRunner(LedgerSimulations simulations, LedgerRestatementJobs restatements) {
        this.simulations = simulations;
        this.restatements = restatements;
    }

    @EventListener(ApplicationReadyEvent.class)
    void atStart() {
        wake();
    }

    @Scheduled(fixedDelayString = "${footprint.audit-jobs.poll-interval:PT10S}",
            initialDelayString = "${footprint.audit-jobs.poll-interval:PT10S}")
    void poll() {
        wake();
    }

    /** Runs every job waiting (soon, on the worker thread); a wake while one is already queued adds nothing. */
    void wake() {
        if (wakeQueued.compareAndSet(false, true)) {
            worker.execute(this::drain);
        }
    }

    private void drain() {
        wakeQueued.set(false);
        try {
            boolean ran = true;
            while (ran) {
                Optional<String> simulation = simulations.claimNext();
                simulation.ifPresent(simulations::run);
                Optional<String> restatement = restatements.claimNext();
                restatement.ifPresent(restatements::run);
                ran = simulation.isPresent() || restatement.isPresent();
            }
        } catch (RuntimeException e) {
            log.warn("audit jobs: the poll failed, the next one retries: {}", e.getMessage());
        }
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
