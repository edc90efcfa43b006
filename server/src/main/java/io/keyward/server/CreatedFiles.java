package io.keyward.server;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a first start created, so that a first start that fails leaves nothing behind: no orphan root
 * key next to no database, no certificate that was never announced. Only paths recorded here are
 * ever deleted, newest first, and a directory only when it is empty.
 */
final class CreatedFiles {
    private static final Logger LOG = LoggerFactory.getLogger(CreatedFiles.class);
    private final Deque<Path> created = new ArrayDeque<>();

    void add(Path path) {
        created.push(path);
    }

    /** Keeps everything: the start got far enough that the files are in use. */
    void keep() {
        created.clear();
    }

    void rollback() {
        while (!created.isEmpty()) {
            Path path = created.pop();
            try {
                if (Files.isDirectory(path)) {
                    try (var entries = Files.list(path)) {
                        if (entries.findAny().isPresent()) {
                            continue; // never remove a directory holding something we did not create
                        }
                    }
                }
                Files.deleteIfExists(path);
            } catch (IOException e) {
                LOG.warn("could not remove {} after a failed first start: {}", path, e.getMessage());
            }
        }
    }
}
