package io.keyward.crypto.ssss;

import java.util.Arrays;
import java.util.Objects;

/**
 * A secret-storage key description ({@code m.secret_storage.key.[key ID]} in Matrix): what the
 * server stores about a key, never the key itself.
 *
 * @param algorithm always {@value AesHmacSha2#ALGORITHM}
 * @param name a human-readable name, may be null
 * @param iv the key check's IV, 16 bytes
 * @param mac the key check's MAC, 32 bytes
 * @param passphrase the {@code m.pbkdf2} parameters when the key is derived from a passphrase,
 *     otherwise null
 */
public record KeyDescription(String algorithm, String name, byte[] iv, byte[] mac, PassphraseInfo passphrase) {
    public KeyDescription {
        if (!AesHmacSha2.ALGORITHM.equals(algorithm)) {
            throw new SsssException("unsupported secret-storage algorithm (expected " + AesHmacSha2.ALGORITHM + ")");
        }
        KeyCheck check = new KeyCheck(iv, mac); // validates the lengths
        iv = check.iv();
        mac = check.mac();
    }

    /** Describes {@code key} with a fresh key check; {@code passphraseOrNull} as it was derived. */
    public static KeyDescription of(String name, SecretStorageKey key, PassphraseInfo passphraseOrNull) {
        KeyCheck check = AesHmacSha2.keyCheck(key);
        return new KeyDescription(AesHmacSha2.ALGORITHM, name, check.iv(), check.mac(), passphraseOrNull);
    }

    @Override
    public byte[] iv() {
        return iv.clone();
    }

    @Override
    public byte[] mac() {
        return mac.clone();
    }

    /** The key check this description carries. */
    public KeyCheck check() {
        return new KeyCheck(iv, mac);
    }

    /** Whether {@code key} is the key this description was made for (constant-time MAC comparison). */
    public boolean matches(SecretStorageKey key) {
        return AesHmacSha2.verifyKeyCheck(key, check());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyDescription other && algorithm.equals(other.algorithm) && Objects.equals(name, other.name)
                && Arrays.equals(iv, other.iv) && Arrays.equals(mac, other.mac) && Objects.equals(passphrase, other.passphrase);
    }

    @Override
    public int hashCode() {
        return Objects.hash(algorithm, name, Arrays.hashCode(iv), Arrays.hashCode(mac), passphrase);
    }

    @Override
    public String toString() {
        return "KeyDescription[algorithm=" + algorithm + ", name=" + name + ", " + check() + ", passphrase=" + passphrase + "]";
    }
}
