package org.footprintledger.portal.benchmark;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A PostgreSQL cluster of the system's binaries (initdb, pg_ctl; run as the {@code postgres} user) started inside a
 * memory cgroup, so that shared buffers, backends and the page cache of its files together stay under a limit, as
 * on a production server whose store is many times its memory. Needs root and a cgroup memory controller (v2, or
 * the v1 hierarchy at /sys/fs/cgroup/memory).
 */
final class MemoryLimitedPostgres implements AutoCloseable {

    private static final String GROUP = "footprint-growth-benchmark";

    private final Path binaries;
    private final Path dataDirectory;
    private final Path cgroup;
    private final boolean cgroupV2;
    private final int port;

    private MemoryLimitedPostgres(Path binaries, Path dataDirectory, Path cgroup, boolean cgroupV2, int port) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.cgroup = cgroup;
        this.cgroupV2 = cgroupV2;
        this.port = port;
    }

    static MemoryLimitedPostgres start(Path binaries, Path dataDirectory, long memoryLimitBytes, String sharedBuffers)
            throws IOException, InterruptedException {
        if (!"root".equals(System.getProperty("user.name"))) {
            throw new IllegalStateException("the growth benchmark sets up a memory cgroup: run it as root");
        }
        Path v2 = Path.of("/sys/fs/cgroup/cgroup.controllers");
        boolean cgroupV2 = Files.exists(v2) && Files.readString(v2).contains("memory");
        Path cgroup = cgroupV2 ? Path.of("/sys/fs/cgroup", GROUP) : Path.of("/sys/fs/cgroup/memory", GROUP);
        if (!cgroupV2 && !Files.isDirectory(cgroup.getParent())) {
            throw new IllegalStateException("no cgroup memory controller (neither cgroup v2 with memory nor "
                    + "/sys/fs/cgroup/memory)");
        }
        Files.createDirectories(cgroup);
        Files.writeString(cgroup.resolve(cgroupV2 ? "memory.max" : "memory.limit_in_bytes"),
                Long.toString(memoryLimitBytes));
        if (cgroupV2) {
            Files.writeString(cgroup.resolve("memory.swap.max"), "0");
        }

        deleteRecursively(dataDirectory);
        Files.createDirectories(dataDirectory);
        run("chown", "postgres:postgres", dataDirectory.toString());
        run("runuser", "-u", "postgres", "--", binaries.resolve("initdb").toString(), "-D", dataDirectory.toString(),
                "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C");
        int port = freePort();
        String options = String.join(" ", "-p", Integer.toString(port), "-c", "shared_buffers=" + sharedBuffers,
                "-c", "max_wal_size=8GB", "-c", "checkpoint_timeout=30min", "-c", "autovacuum=off",
                "-c", "fsync=on", "-c", "synchronous_commit=on", "-c", "max_connections=50",
                "-c", "unix_socket_directories=" + dataDirectory);
        // the shell joins the cgroup first, so pg_ctl, the postmaster and every backend it forks start inside it
        run("sh", "-c", "echo $$ > " + cgroup.resolve("cgroup.procs") + " && exec runuser -u postgres -- "
                + binaries.resolve("pg_ctl") + " -D " + dataDirectory + " -l " + dataDirectory.resolve("server.log")
                + " -w -o '" + options + "' start");
        MemoryLimitedPostgres postgres = new MemoryLimitedPostgres(binaries, dataDirectory, cgroup, cgroupV2, port);
        postgres.checkPostmasterIsInTheGroup();
        return postgres;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    void createDatabase(String name) throws IOException, InterruptedException {
        run("runuser", "-u", "postgres", "--", binaries.resolve("createdb").toString(), "-h", "localhost", "-p",
                Integer.toString(port), name);
    }

    /** The limit as the kernel holds it. */
    long memoryLimitBytes() throws IOException {
        return Long.parseLong(Files.readString(cgroup.resolve(cgroupV2 ? "memory.max" : "memory.limit_in_bytes"))
                .trim());
    }

    /** The most the group used (v1: since start; v2: the current use, v2 has a peak file only from Linux 5.19). */
    long memoryPeakBytes() throws IOException {
        Path peak = cgroup.resolve(cgroupV2 ? "memory.peak" : "memory.max_usage_in_bytes");
        Path current = cgroup.resolve(cgroupV2 ? "memory.current" : "memory.usage_in_bytes");
        return Long.parseLong(Files.readString(Files.exists(peak) ? peak : current).trim());
    }

    String cgroupDescription() {
        return (cgroupV2 ? "cgroup v2 " : "cgroup v1 ") + cgroup;
    }

    private void checkPostmasterIsInTheGroup() throws IOException {
        String pid = Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim();
        String groups = Files.readString(Path.of("/proc", pid, "cgroup"));
        if (!groups.contains(GROUP)) {
            throw new IllegalStateException("the postmaster " + pid + " is not in the cgroup: " + groups);
        }
    }

    @Override
    public void close() throws IOException, InterruptedException {
        try {
            run("runuser", "-u", "postgres", "--", binaries.resolve("pg_ctl").toString(), "-D",
                    dataDirectory.toString(), "-m", "fast", "-w", "stop");
        } finally {
            for (int i = 0; i < 50 && !Files.readString(cgroup.resolve("cgroup.procs")).isBlank(); i++) {
                Thread.sleep(100);
            }
            Files.deleteIfExists(cgroup);
            if (!Boolean.getBoolean("benchmark.keep")) {
                deleteRecursively(dataDirectory);
            }
        }
    }

    private static void run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        List<Path> paths = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(directory)) {
            walk.sorted(Comparator.reverseOrder()).forEach(paths::add);
        }
        for (Path path : paths) {
            Files.delete(path);
        }
    }
}
