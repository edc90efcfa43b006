package io.keyward.crypto.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs the real {@code openssl} command so tests read keys exactly as operators make them. Where
 * the command is absent the calling test is skipped with a visible line on stderr.
 */
public final class OpenSsl {
    private static final long TIMEOUT_SECONDS = 120;

    private OpenSsl() {}

    /** The openssl binary, or a skipped test. */
    public static Path binary() {
        Path found = find();
        if (found == null) {
            String message = "SKIPPED: the openssl command was not found on PATH or at /usr/bin/openssl";
            System.err.println(message);
            assumeTrue(false, message);
        }
        return found;
    }

    /** Runs {@code openssl args...} in {@code dir}; fails the test with openssl's stderr if it fails. */
    public static String run(Path dir, String... args) {
        List<String> command = new ArrayList<>();
        command.add(binary().toString());
        command.addAll(List.of(args));
        try {
            Path err = Files.createTempFile(dir, "openssl", ".err");
            Process process = new ProcessBuilder(command).directory(dir.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .redirectError(err.toFile()).start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new AssertionError("openssl timed out: " + String.join(" ", args));
            }
            if (process.exitValue() != 0) {
                throw new AssertionError("openssl " + String.join(" ", args) + " failed: "
                        + Files.readString(err, StandardCharsets.UTF_8).strip());
            }
            Files.deleteIfExists(err);
            return new String(out, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new AssertionError("cannot run openssl: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running openssl", e);
        }
    }

    private static Path find() {
        String path = System.getenv("PATH");
        if (path != null) {
            for (String dir : path.split(File.pathSeparator)) {
                Path candidate = Path.of(dir, "openssl");
                if (Files.isExecutable(candidate)) {
                    return candidate;
                }
            }
        }
        Path usual = Path.of("/usr/bin/openssl");
        return Files.isExecutable(usual) ? usual : null;
    }
}
