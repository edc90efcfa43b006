package io.keyward.bench;

import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.server.audit.AuditEvent;
import io.keyward.server.audit.AuditKey;
import io.keyward.server.audit.AuditLog;
import io.keyward.server.audit.AuditQuery;
import io.keyward.server.audit.Outcome;
import io.keyward.server.store.Database;
import io.keyward.server.store.Databases;
import io.keyward.server.store.StorageSettings;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Sustained audit appends per second on SQLite and PostgreSQL: each append is its own transaction
 * (lock the org's head row, insert the entry, move the head), as the request hook does. Not a JMH
 * benchmark, because the unit of work is a durable database transaction, not a CPU-bound call; not
 * run by {@code ./mvnw verify}.
 *
 * <pre>
 * ./mvnw -q -pl bench -am package -DskipTests
 * java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar io.keyward.bench.AuditAppendLoad \
 *     [seconds=10] [threads=4] [sqlite|postgres|both]
 * </pre>
 *
 * Prints, per database and workload (all threads on one organization's chain, then one organization
 * per thread), appends per second over the run (after a 2 s warm-up) and checks that every chain is
 * gap-free at the end. SQLite runs with {@code synchronous=FULL}, so its figure is bound by the disk's
 * fsync and drops sharply when other processes write to the same disk.
 */
public final class AuditAppendLoad {
    private AuditAppendLoad() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 4;
        String which = args.length > 2 ? args[2] : "both";
        AuditKey key = AuditKey.of(Ed25519Signer.generate(new SecureRandom()));
        System.out.printf("audit append load: %d s per run, %d threads, %d cores%n", seconds, threads,
                Runtime.getRuntime().availableProcessors());
        if (!which.equals("postgres")) {
            Path dir = Files.createTempDirectory("keyward-audit-bench");
            try {
                int[] n = {0};
                run("sqlite", () -> Databases.open(new StorageSettings(null, dir.resolve("run-" + (++n[0])), null, null,
                        threads + 1)), key, seconds, threads);
            } finally {
                deleteTree(dir);
            }
        }
        if (!which.equals("sqlite")) {
            try (EmbeddedPostgres pg = EmbeddedPostgres.builder().start()) {
                int[] n = {0};
                run("postgres", () -> {
                    String name = "audit_bench_" + (++n[0]);
                    try (Connection c = pg.getPostgresDatabase().getConnection(); Statement s = c.createStatement()) {
                        s.execute("CREATE DATABASE " + name);
                    }
                    return Databases.open(new StorageSettings(pg.getJdbcUrl("postgres", name), null, "postgres", null,
                            threads + 1));
                }, key, seconds, threads);
            }
        }
    }

    @FunctionalInterface
    interface Opener {
        Database open() throws Exception;
    }

    private static void run(String kind, Opener opener, AuditKey key, int seconds, int threads) throws Exception {
        for (int orgs : new int[] {1, threads}) {
            try (Database db = opener.open()) {
                AuditLog log = new AuditLog(db, () -> key, Clock.systemUTC());
                double rate = measure(log, seconds, threads, orgs);
                long total = 0;
                for (int o = 0; o < orgs; o++) {
                    total += checkGapFree(log, "org-" + o);
                }
                System.out.printf("%-8s %d thread(s) -> %d org(s): %8.0f appends/s (%d entries, chains gap-free)%n",
                        kind, threads, orgs, rate, total);
            }
        }
    }

    private static double measure(AuditLog log, int seconds, int threads, int orgs) throws InterruptedException {
        AtomicLong counted = new AtomicLong();
        long warmupEnd = System.nanoTime() + 2_000_000_000L;
        long end = warmupEnd + seconds * 1_000_000_000L;
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int id = t;
            workers.add(Thread.ofPlatform().start(() -> {
                long i = 0;
                while (true) {
                    long now = System.nanoTime();
                    if (now >= end) {
                        return;
                    }
                    log.append(new AuditEvent("org-" + (id % orgs), "user", "user-" + id, "device-" + id,
                            "secret.read", "secret:item-" + (i % 100), Outcome.SUCCESS, null, "req-" + id + "-" + i,
                            "10.0.0." + (id + 1)));
                    if (System.nanoTime() >= warmupEnd) {
                        counted.incrementAndGet();
                    }
                    i++;
                }
            }));
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return counted.get() / (double) seconds;
    }

    private static long checkGapFree(AuditLog log, String org) {
        long expected = 1;
        while (true) {
            var page = log.read(AuditQuery.all(org, expected - 1, AuditQuery.MAX_LIMIT));
            for (var entry : page) {
                if (entry.seq() != expected) {
                    throw new IllegalStateException(org + ": expected seq " + expected + ", found " + entry.seq());
                }
                expected++;
            }
            if (page.size() < AuditQuery.MAX_LIMIT) {
                return expected - 1;
            }
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }
}
