package io.keyward.server.config;

import java.nio.file.Path;

/**
 * Which provider protects the root of the key hierarchy (DESIGN.md, "Key hierarchy"). Only the local
 * key file exists today; PKCS#11 and AWS KMS will join this sealed set.
 */
public sealed interface RootLockConfig {
    /** The name used in the {@code root_lock.provider} field. */
    String provider();

    /** A local key file, readable by the node's user only. */
    record KeyFile(Path keyFile) implements RootLockConfig {
        @Override
        public String provider() {
            return "file";
        }
    }
}
