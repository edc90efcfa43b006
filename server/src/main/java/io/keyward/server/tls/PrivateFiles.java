package io.keyward.server.tls;

import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes files that must be readable by the node's user only, without a moment of wider access. */
final class PrivateFiles {
    private PrivateFiles() {}

    /**
     * Writes {@code content} to {@code target} with mode 0600 (or {@code mode}): the bytes go to a temporary
     * file created with that mode, then moved into place, so a crash never leaves a half-written file.
     * Refuses to replace an existing file.
     */
    static void writeNew(Path target, byte[] content, String mode) throws IOException {
        if (Files.exists(target)) {
            throw new FileAlreadyExistsException(target.toString());
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = Files.createTempFile(dir, "." + target.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(mode)));
        try {
            Files.write(temp, content);
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
