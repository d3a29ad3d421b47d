package org.footprintledger.portal.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * The CPU a phase of a benchmark used, read from Linux's {@code /proc}: this JVM's threads (and among them the JIT
 * compiler's and the garbage collector's) and the PostgreSQL server's processes. On two shared cores a rate alone
 * cannot say whether a phase was slow by its own work or by the compiler still compiling it; this can. Elsewhere than
 * on Linux every figure reads zero.
 */
final class PhaseCpu {

    private static final double TICKS_PER_SECOND = 100.0;

    private final double application;
    private final double compiler;
    private final double collector;
    private final double postgres;

    private PhaseCpu(double application, double compiler, double collector, double postgres) {
        this.application = application;
        this.compiler = compiler;
        this.collector = collector;
        this.postgres = postgres;
    }

    /** The CPU used so far: the threads of this JVM alive now, and every PostgreSQL process. */
    static PhaseCpu now() {
        double application = 0;
        double compiler = 0;
        double collector = 0;
        for (Path task : entries(Path.of("/proc/self/task"))) {
            Stat stat = Stat.of(task);
            if (stat == null) {
                continue;
            }
            application += stat.seconds();
            if (stat.name().contains("CompilerThre")) {
                compiler += stat.seconds();
            } else if (stat.name().startsWith("GC Thread") || stat.name().startsWith("G1 ")) {
                collector += stat.seconds();
            }
        }
        double postgres = 0;
        for (Path process : entries(Path.of("/proc"))) {
            Stat stat = Stat.of(process);
            if (stat != null && stat.name().equals("postgres")) {
                postgres += stat.seconds();
            }
        }
        return new PhaseCpu(application, compiler, collector, postgres);
    }

    /**
     * What was used since {@code before}, in CPU-seconds. A thread that ended in between (a file import's writers)
     * takes its time with it, so the application's figure is a lower bound for a phase that ends its threads.
     */
    String since(PhaseCpu before) {
        return String.format("CPU: the application %.1f s (of it the JIT compiler %.1f s, the garbage collector %.1f s), "
                        + "PostgreSQL %.1f s", application - before.application, compiler - before.compiler,
                collector - before.collector, postgres - before.postgres);
    }

    private static Iterable<Path> entries(Path directory) {
        if (!Files.isDirectory(directory)) {
            return List.of();
        }
        try (Stream<Path> entries = Files.list(directory)) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A thread's or process's name and its user and system time, from its stat file (proc(5)). */
    private record Stat(String name, double seconds) {
        static Stat of(Path entry) {
            try {
                String stat = Files.readString(entry.resolve("stat"));
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                // utime and stime, fields 14 and 15 of the file, the 12th and 13th after the name
                return new Stat(name, (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND);
            } catch (IOException | RuntimeException e) {
                return null; // gone in between
            }
        }
    }
}
