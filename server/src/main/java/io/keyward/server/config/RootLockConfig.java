package io.keyward.server.config;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * Which provider protects the root of the key hierarchy (DESIGN.md, "Key hierarchy"), selected with
 * {@code root_lock.provider}: a local key file, a key inside a PKCS#11 token, or an AWS KMS key.
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

    /**
     * An AES-256 key inside a PKCS#11 token, used through the JDK's SunPKCS11 provider.
     *
     * @param library the token's PKCS#11 module (a shared library)
     * @param slot the token: a slot id, or an index into the module's slot list
     * @param pin the user PIN (never printed: {@link #toString()} masks it)
     * @param keyLabel the key's {@code CKA_LABEL}; letters, digits, {@code . _ -}
     * @param createKey generate the key inside the token when no key has this label
     */
    record Pkcs11(Path library, Slot slot, String pin, String keyLabel, boolean createKey) implements RootLockConfig {
        public Pkcs11 {
            Objects.requireNonNull(library, "library");
            Objects.requireNonNull(slot, "slot");
            Objects.requireNonNull(pin, "pin");
            Objects.requireNonNull(keyLabel, "keyLabel");
        }

        @Override
        public String provider() {
            return "pkcs11";
        }

        @Override
        public String toString() {
            return "Pkcs11[library=" + library + ", " + slot + ", pin=" + Secrets.MASK + ", keyLabel=" + keyLabel
                    + ", createKey=" + createKey + "]";
        }

        /** How SunPKCS11 finds the token: {@code slot} or {@code slotListIndex} in its configuration. */
        public sealed interface Slot {
            /** A slot id as the module numbers it ({@code softhsm2-util --show-slots}). */
            record Id(long id) implements Slot {}

            /** A position in the module's list of slots with a token, 0 first. */
            record ListIndex(int index) implements Slot {}
        }
    }

    /**
     * A symmetric AWS KMS key that encrypts the data keys which wrap Keyward's keys.
     *
     * @param keyId a key id, key ARN, alias name ({@code alias/...}) or alias ARN
     * @param region the AWS region of the key
     * @param endpoint a KMS endpoint other than the region's (a VPC endpoint, a test server)
     * @param cacheTtl how long a data key stays in memory after KMS returned it
     * @param readyCheckInterval how often {@code /v1/ready} asks KMS whether it answers
     */
    record AwsKms(String keyId, String region, Optional<URI> endpoint, Duration cacheTtl, Duration readyCheckInterval)
            implements RootLockConfig {
        public AwsKms {
            Objects.requireNonNull(keyId, "keyId");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(cacheTtl, "cacheTtl");
            Objects.requireNonNull(readyCheckInterval, "readyCheckInterval");
        }

        @Override
        public String provider() {
            return "aws-kms";
        }
    }
}
