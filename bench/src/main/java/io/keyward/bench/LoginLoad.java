package io.keyward.bench;

import io.keyward.client.KeywardClient;
import io.keyward.client.ServerTrust;
import io.keyward.client.Session;
import io.keyward.crypto.ksf.IdentityKsf;
import io.keyward.crypto.opaque.ClientLoginResult;
import io.keyward.crypto.opaque.Identities;
import io.keyward.crypto.opaque.LoginStart;
import io.keyward.crypto.opaque.OpaqueClient;
import io.keyward.crypto.opaque.OpaqueServer;
import io.keyward.crypto.opaque.OpaqueSuite;
import io.keyward.crypto.opaque.RegistrationRecord;
import io.keyward.crypto.opaque.RegistrationStart;
import io.keyward.crypto.opaque.ServerLoginStart;
import io.keyward.crypto.opaque.ServerSetup;
import io.keyward.crypto.util.Base64Url;
import io.keyward.protocol.account.CompleteAccountRequest;
import io.keyward.protocol.account.CreateOrgRequest;
import io.keyward.protocol.account.CreateOrgResponse;
import io.keyward.protocol.account.DeviceKeys;
import io.keyward.server.KeywardNode;
import io.keyward.server.StartReport;
import io.keyward.server.config.ConfigField;
import io.keyward.server.config.ConfigLoader;
import io.keyward.server.config.ConfigSources;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;

/**
 * Full logins per second against the HTTPS API of an in-process node on SQLite: N concurrent
 * clients (each its own {@link KeywardClient}, so its own connection) log in over and over for a
 * bounded time; the figures are logins/s and the latency percentiles of one login.
 *
 * <p>A "full login" is what {@link KeywardClient#login} does: {@code GET /v1/orgs/{org}},
 * {@code login/start} (KE1 -> KE2) and {@code login/finish} (KE3 -> session), i.e. three HTTPS requests,
 * the server's OPAQUE work, its database writes (pending login, session) and the client's OPAQUE work.
 * The client's key-stretching function is excluded by giving the org the {@code identity} KSF, which the
 * node here allows through {@code accounts.allow_identity_ksf} (off by default; never for real users). The client's remaining OPAQUE work still runs on
 * the same cores as the server; it is measured alone and printed, to be set against the figures.
 * Sessions are not logged out in the loop (that would add a fourth request); they expire. It also prints
 * the process CPU time per login (node and clients together), which, unlike logins/s, does not depend on
 * what else a shared machine is running.
 *
 * <p>Run it (not part of {@code ./mvnw verify}):
 * <pre>
 *   ./mvnw -q -pl bench -am package -DskipTests
 *   java --enable-native-access=ALL-UNNAMED -cp bench/target/benchmarks.jar io.keyward.bench.LoginLoad \
 *       [--clients 8] [--seconds 20] [--warmup 5] [--suite ristretto255-sha512]
 * </pre>
 */
public final class LoginLoad {
    private LoginLoad() {}

    public static void main(String[] args) throws Exception {
        int clients = 8;
        int seconds = 20;
        int warmup = 5;
        String suite = "ristretto255-sha512";
        for (int i = 0; i < args.length; i += 2) {
            switch (args[i]) {
                case "--clients" -> clients = Integer.parseInt(args[i + 1]);
                case "--seconds" -> seconds = Integer.parseInt(args[i + 1]);
                case "--warmup" -> warmup = Integer.parseInt(args[i + 1]);
                case "--suite" -> suite = args[i + 1];
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path data = Files.createTempDirectory("keyward-loginload");
        Map<ConfigField, String> flags = new EnumMap<>(ConfigField.class);
        flags.put(ConfigField.DATA_DIR, data.resolve("data").toString());
        flags.put(ConfigField.SERVER_HOST, "127.0.0.1");
        flags.put(ConfigField.SERVER_PORT, "0");
        flags.put(ConfigField.SERVER_SHUTDOWN_GRACE, "0s");
        flags.put(ConfigField.ACCOUNTS_ALLOW_IDENTITY_KSF, "true"); // to exclude the client KSF from the figures
        try (KeywardNode node = new KeywardNode(ConfigLoader.load(ConfigSources.ofFlags(flags)))) {
            StartReport report = node.start();
            URI server = URI.create("https://127.0.0.1:" + node.port());
            ServerTrust trust = ServerTrust.pinned(node.fingerprint());
            char[] password = "login load password".toCharArray();
            List<String> users = setUp(server, trust, report.adminToken().orElseThrow(), suite, clients, password);

            System.out.printf(Locale.ROOT, "LoginLoad: %d clients, %d s (after %d s warm-up), suite %s, ksf identity,"
                    + " SQLite, %d cores%n", clients, seconds, warmup, suite, Runtime.getRuntime().availableProcessors());
            run(server, trust, users, password, warmup, null);
            List<long[]> latencies = new ArrayList<>();
            long cpuBefore = processCpuNanos();
            long logins = run(server, trust, users, password, seconds, latencies);
            long cpu = processCpuNanos() - cpuBefore;
            long[] all = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            System.out.printf(Locale.ROOT, "full logins: %d in %d s = %.1f logins/s; latency p50 %.2f ms, p99 %.2f ms,"
                    + " max %.2f ms%n", logins, seconds, logins / (double) seconds, percentile(all, 0.50) / 1e6,
                    percentile(all, 0.99) / 1e6, all.length == 0 ? 0 : all[all.length - 1] / 1e6);
            double clientMicros = clientOpaqueMicros(OpaqueSuite.fromId(suite));
            double cpuMicrosPerLogin = logins == 0 ? 0 : cpu / 1000.0 / logins;
            // CPU time does not depend on what else the machine runs, unlike logins/s on a shared machine.
            System.out.printf(Locale.ROOT, "process CPU per full login (node and clients together, TLS and HTTP included):"
                    + " %.0f us%n", cpuMicrosPerLogin);
            System.out.printf(Locale.ROOT, "client OPAQUE work alone (same JVM, identity KSF): %.0f us per login;"
                    + " so about %.0f us of CPU per login for everything else%n", clientMicros, cpuMicrosPerLogin - clientMicros);
            System.out.printf(Locale.ROOT, "load average during the run: %.2f%n",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        } finally {
            try (Stream<Path> paths = Files.walk(data)) {
                paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            } catch (IOException e) {
                // a temporary directory
            }
        }
    }

    /** An org with the identity KSF and open registration, and one completed account per client. */
    private static List<String> setUp(URI server, ServerTrust trust, String adminToken, String suite, int clients,
                                      char[] password) {
        List<String> users = new ArrayList<>();
        try (KeywardClient client = KeywardClient.connect(server, trust)) {
            CreateOrgResponse org = client.createOrg(adminToken, new CreateOrgRequest("bench", suite, "open", "identity"));
            for (int i = 0; i < clients; i++) {
                String user = "user" + i;
                if (i == 0) {
                    client.bootstrap("bench", user, password, org.bootstrapToken(), null);
                } else {
                    client.register("bench", user, password, null);
                }
                Session registration = client.login("bench", user, password);
                registration.complete(new CompleteAccountRequest(Base64Url.encode(new byte[61]),
                        new DeviceKeys("bench", Base64Url.encode(new byte[32]), Base64Url.encode(new byte[32]))));
                registration.close();
                users.add(user);
            }
        }
        return users;
    }

    /** Each client logs in as its own user until the time is up; returns the number of logins completed. */
    private static long run(URI server, ServerTrust trust, List<String> users, char[] password, int seconds,
                            List<long[]> latencies) throws InterruptedException {
        AtomicLong count = new AtomicLong();
        CountDownLatch done = new CountDownLatch(users.size());
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        List<Thread> threads = new ArrayList<>();
        for (String user : users) {
            threads.add(Thread.ofPlatform().name("login-" + user).start(() -> {
                long[] mine = new long[1 << 16];
                int n = 0;
                try (KeywardClient client = KeywardClient.connect(server, trust)) {
                    while (System.nanoTime() < end) {
                        long start = System.nanoTime();
                        Session session = client.login("bench", user, password);
                        long took = System.nanoTime() - start;
                        session.exportKeys(); // used, never logged out: it expires
                        if (n < mine.length) {
                            mine[n++] = took;
                        }
                        count.incrementAndGet();
                    }
                } finally {
                    if (latencies != null) {
                        synchronized (latencies) {
                            latencies.add(Arrays.copyOf(mine, n));
                        }
                    }
                    done.countDown();
                }
            }));
        }
        done.await();
        for (Thread thread : threads) {
            thread.join();
        }
        return count.get();
    }

    private static long processCpuNanos() {
        if (java.lang.management.ManagementFactory.getOperatingSystemMXBean()
                instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime();
        }
        return 0;
    }

    private static double percentile(long[] sorted, double p) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    /** The client's OPAQUE work of one login (KE1, then KE2 -> KE3), without the network, averaged. */
    private static double clientOpaqueMicros(OpaqueSuite suite) {
        SecureRandom random = new SecureRandom();
        byte[] pw = "login load password".getBytes(StandardCharsets.UTF_8);
        byte[] user = "user0".getBytes(StandardCharsets.UTF_8);
        OpaqueServer server = new OpaqueServer(ServerSetup.generate(suite, random), new byte[0], random);
        OpaqueClient client = new OpaqueClient(suite, IdentityKsf.INSTANCE, new byte[0], random);
        RegistrationStart reg = client.startRegistration(pw);
        RegistrationRecord record = client.finishRegistration(reg.state(),
                server.createRegistrationResponse(reg.request(), user), Identities.NONE).record();
        long total = 0;
        int rounds = 2000;
        int warm = 500;
        for (int i = 0; i < warm + rounds; i++) {
            long c0 = System.nanoTime();
            LoginStart login = client.startLogin(pw);
            long c1 = System.nanoTime();
            ServerLoginStart ke2 = server.startLogin(record, user, login.ke1(), Identities.NONE);
            long c2 = System.nanoTime();
            ClientLoginResult result = client.finishLogin(login.state(), ke2.ke2(), Identities.NONE);
            long c3 = System.nanoTime();
            if (result.ke3() == null) {
                throw new IllegalStateException("no KE3");
            }
            if (i >= warm) {
                total += (c1 - c0) + (c3 - c2); // the client's two steps, not the server's in between
            }
        }
        return total / (double) rounds / 1000.0;
    }
}
