package io.keyward.cli.profile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.keyward.cli.CliException;
import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * The profile directory ({@code $KEYWARD_HOME}, else {@code ~/.keyward}; mode 0700) and its
 * {@code profile.json} (mode 0600). Every write goes to a temporary file created with mode 0600 in
 * the same directory and is then renamed over the old file, so a crash or a full disk never leaves a
 * half-written profile and the file is never readable by others, not even for a moment.
 */
public final class ProfileStore {
    public static final String FILE_NAME = "profile.json";
    static final Set<PosixFilePermission> DIR_MODE = PosixFilePermissions.fromString("rwx------");
    static final String FILE_MODE = "rw-------";

    private static final ObjectMapper JSON = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            // A newer keyward may add fields; this one keeps working with what it knows.
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private final Path directory;

    public ProfileStore(Path directory) {
        this.directory = directory;
    }

    /** The store at {@code $KEYWARD_HOME}, else {@code ~/.keyward}. */
    public static ProfileStore standard() {
        String home = Environment.get("KEYWARD_HOME");
        Path dir = home != null ? Path.of(home) : Path.of(System.getProperty("user.home"), ".keyward");
        return new ProfileStore(dir);
    }

    public Path directory() {
        return directory;
    }

    public Path file() {
        return directory.resolve(FILE_NAME);
    }

    /** The stored profile, or {@link Profile#EMPTY} when there is none yet. */
    public Profile load() {
        Path file = file();
        try {
            byte[] bytes = Files.readAllBytes(file);
            return JSON.readValue(bytes, Profile.class);
        } catch (NoSuchFileException e) {
            return Profile.EMPTY;
        } catch (AccessDeniedException e) {
            throw new CliException("profile_invalid: cannot read the profile " + file + ": permission denied");
        } catch (IOException e) {
            throw new CliException("profile_invalid: the profile " + file + " is not valid JSON (" + firstLine(e.getMessage())
                    + "); fix it or delete it (it holds only server, org, user and pinned fingerprints)");
        }
    }

    /** Replaces the profile atomically; creates the directory (0700) if needed. */
    public void save(Profile profile) {
        try {
            writePrivate(FILE_NAME, JSON.writeValueAsBytes(profile));
        } catch (IOException e) {
            throw new CliException("profile_write_failed: cannot write the profile " + file() + ": " + firstLine(e.getMessage()));
        }
    }

    /**
     * Writes {@code name} in the profile directory with mode 0600, atomically (temporary file, then
     * rename). The directory is created with mode 0700 if missing, and narrowed to 0700 if it is
     * wider: it holds key material.
     */
    public void writePrivate(String name, byte[] content) throws IOException {
        Path target = directory.resolve(name);
        Path dir = target.toAbsolutePath().getParent();
        ensurePrivateDirectory(dir);
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(FILE_MODE)));
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** The bytes of {@code name} in the profile directory, or null when it does not exist. */
    public byte[] readPrivate(String name) throws IOException {
        try {
            return Files.readAllBytes(directory.resolve(name));
        } catch (NoSuchFileException e) {
            return null;
        }
    }

    private void ensurePrivateDirectory(Path dir) throws IOException {
        if (!directory.toAbsolutePath().equals(dir)) {
            ensurePrivateDirectory(dir.getParent());
        } else if (!Files.exists(dir.getParent(), LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(dir.getParent());
        }
        if (!Files.exists(dir, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(DIR_MODE));
        }
        if (!Files.getPosixFilePermissions(dir).equals(DIR_MODE)) {
            Files.setPosixFilePermissions(dir, DIR_MODE);
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown error";
        }
        int newline = message.indexOf('\n');
        return (newline < 0 ? message : message.substring(0, newline)).strip();
    }
}
