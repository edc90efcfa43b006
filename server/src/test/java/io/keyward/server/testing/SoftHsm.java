package io.keyward.server.testing;

import io.keyward.server.config.RootLockConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * SoftHSM2 tokens for PKCS#11 tests, in a temporary token directory of their own (never the system's).
 *
 * <p>Why per JVM and not per test class: SoftHSM reads {@code SOFTHSM2_CONF} (and so its token
 * directory) once, when the module is initialized, and SunPKCS11 initializes a module once per JVM and
 * never finalizes it; a token created after that is not seen. So the first test that asks creates the
 * directory, points this JVM's {@code SOFTHSM2_CONF} at it (with libc's {@code setenv}, since Java
 * cannot change its own environment), and initializes the tokens before SunPKCS11 loads the module.
 * Test classes then use their own key labels. The directory is deleted when the JVM exits.
 *
 * <p>Two tokens: {@link #main()} for everything, and {@link #pinTestSlot()}, which no test ever logs
 * in to successfully: SunPKCS11 skips the login (and so the PIN check) when the process is already
 * logged in to a token, so a wrong-PIN test needs a token nobody logged in to.
 *
 * <p>When SoftHSM2 is not installed, {@link #main()} skips the calling test visibly (a line on stderr
 * and a JUnit assumption).
 */
public final class SoftHsm {
    public static final Path LIBRARY = Path.of("/usr/lib/softhsm/libsofthsm2.so");
    public static final String PIN = "keyward-test-pin";
    private static final Pattern SLOT = Pattern.compile("reassigned to slot (\\d+)");
    private static SoftHsm instance;
    private static String unavailable;

    private final long mainSlot;
    private final long pinTestSlot;

    private SoftHsm(long mainSlot, long pinTestSlot) {
        this.mainSlot = mainSlot;
        this.pinTestSlot = pinTestSlot;
    }

    /** The JVM's SoftHSM2 tokens, created on first use; skips the test when SoftHSM2 is absent. */
    public static synchronized SoftHsm main() {
        if (instance == null && unavailable == null) {
            try {
                instance = create();
            } catch (RuntimeException e) {
                unavailable = e.getMessage();
            }
        }
        if (instance == null) {
            System.err.println("SKIPPED: PKCS#11 test needs SoftHSM2: " + unavailable);
            Assumptions.abort("SoftHSM2 unavailable: " + unavailable);
        }
        return instance;
    }

    public long slot() {
        return mainSlot;
    }

    public long pinTestSlot() {
        return pinTestSlot;
    }

    /** A root lock configuration for a key in the main token. */
    public RootLockConfig.Pkcs11 config(String keyLabel, boolean createKey) {
        return new RootLockConfig.Pkcs11(LIBRARY, new RootLockConfig.Pkcs11.Slot.Id(mainSlot), PIN, keyLabel, createKey);
    }

    private static SoftHsm create() {
        if (!Files.isReadable(LIBRARY)) {
            throw new IllegalStateException(LIBRARY + " is missing (apt-get install softhsm2)");
        }
        try {
            Path dir = Files.createTempDirectory("keyward-softhsm");
            Path tokens = Files.createDirectory(dir.resolve("tokens"));
            Path conf = dir.resolve("softhsm2.conf");
            Files.writeString(conf, "directories.tokendir = " + tokens + "\nobjectstore.backend = file\nlog.level = ERROR\n");
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(dir)));
            setenv("SOFTHSM2_CONF", conf.toString());
            long main = initToken(conf, "keyward-test");
            long pinTest = initToken(conf, "keyward-pin-test");
            return new SoftHsm(main, pinTest);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long initToken(Path conf, String label) throws IOException {
        ProcessBuilder builder = new ProcessBuilder("softhsm2-util", "--init-token", "--free", "--label", label,
                "--pin", PIN, "--so-pin", "keyward-test-so-pin").redirectErrorStream(true);
        builder.environment().put("SOFTHSM2_CONF", conf.toString());
        Process process;
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new IllegalStateException("softhsm2-util is not on the PATH (apt-get install softhsm2)");
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        try {
            if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
                throw new IllegalStateException("softhsm2-util --init-token failed: " + output.strip());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
        Matcher m = SLOT.matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("softhsm2-util did not say which slot it used: " + output.strip());
        }
        return Long.parseLong(m.group(1));
    }

    private static void setenv(String name, String value) {
        try (Arena arena = Arena.ofConfined()) {
            Linker linker = Linker.nativeLinker();
            MethodHandle setenv = linker.downcallHandle(linker.defaultLookup().find("setenv").orElseThrow(),
                    FunctionDescriptor.of(ValueLayout.JAVA_INT, ValueLayout.ADDRESS, ValueLayout.ADDRESS, ValueLayout.JAVA_INT));
            int result = (int) setenv.invokeExact(arena.allocateFrom(name), arena.allocateFrom(value), 1);
            if (result != 0) {
                throw new IllegalStateException("setenv failed");
            }
        } catch (Throwable e) {
            throw new IllegalStateException("cannot set SOFTHSM2_CONF for this JVM: " + e, e);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans up eventually
        }
    }
}
