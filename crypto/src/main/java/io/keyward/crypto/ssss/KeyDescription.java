package io.keyward.crypto.ssss;

import java.util.Optional;

/**
 * A secret-storage key description ({@code m.secret_storage.key.[key ID]} in Matrix): what the
 * server stores about a key, never the key itself.
 *
 * @param algorithm always {@value AesHmacSha2#ALGORITHM}
 * @param name a human-readable name, may be null
 * @param check the key check ({@code iv} and {@code mac})
 * @param passphrase present when the key is derived from a passphrase
 */
public record KeyDescription(String algorithm, String name, KeyCheck check, Optional<PassphraseInfo> passphrase) {
    public KeyDescription {
        if (!AesHmacSha2.ALGORITHM.equals(algorithm)) {
            throw new SsssException("unsupported secret-storage algorithm (expected " + AesHmacSha2.ALGORITHM + ")");
        }
        if (check == null) {
            throw new SsssException("key description has no key check");
        }
        passphrase = passphrase == null ? Optional.empty() : passphrase;
    }

    /** Describes {@code key} with a fresh key check. */
    public static KeyDescription of(String name, SecretStorageKey key, PassphraseInfo passphraseOrNull) {
        return new KeyDescription(AesHmacSha2.ALGORITHM, name, AesHmacSha2.keyCheck(key),
                Optional.ofNullable(passphraseOrNull));
    }

    public byte[] iv() {
        return check.iv();
    }

    public byte[] mac() {
        return check.mac();
    }

    /** Whether {@code key} is the key this description was made for (constant-time MAC comparison). */
    public boolean matches(SecretStorageKey key) {
        return AesHmacSha2.verifyKeyCheck(key, check);
    }
}
