package io.keyward.server.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Every file under a directory with its mode and SHA-256, to prove that a refused start changed nothing. */
public final class DirectorySnapshot {
    private DirectorySnapshot() {}

    public static Map<String, String> of(Path dir) {
        Map<String, String> entries = new TreeMap<>();
        if (!Files.exists(dir)) {
            return entries;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.toList()) {
                String mode = PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
                String content = Files.isRegularFile(path)
                        ? HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(path)))
                        : "dir";
                entries.put(dir.relativize(path).toString(), mode + " " + content);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        return entries;
    }
}
