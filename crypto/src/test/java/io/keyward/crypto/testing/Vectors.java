package io.keyward.crypto.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Finds the published test vectors. They live in {@code shared/vectors} beside the repository
 * (never copied into it); the {@code keyward.vectors} system property overrides the location.
 * Where the folder is absent, as in a user's clone, vector tests are skipped with a visible line.
 */
public final class Vectors {
    private Vectors() {}

    public static Path dir() {
        String configured = System.getProperty("keyward.vectors");
        Path dir = configured != null ? Path.of(configured) : defaultDir();
        return dir.toAbsolutePath().normalize();
    }

    /** The named vector file, or a skipped test (with a message on stderr) when it is absent. */
    public static Path file(String name) {
        Path file = dir().resolve(name);
        if (!Files.isRegularFile(file)) {
            String message = "SKIPPED: test vectors not found at " + file
                    + " (set -Dkeyward.vectors=DIR to run the vector tests)";
            System.err.println(message);
            assumeTrue(false, message);
        }
        return file;
    }

    /** Walks up from the working directory to the repository root (the folder with mvnw). */
    private static Path defaultDir() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            if (Files.exists(p.resolve("mvnw"))) {
                return p.resolveSibling("shared").resolve("vectors");
            }
        }
        return here.resolveSibling("shared").resolve("vectors");
    }
}
