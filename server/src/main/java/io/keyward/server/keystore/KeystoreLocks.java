package io.keyward.server.keystore;

import io.keyward.server.config.KeystoresConfig;
import io.keyward.crypto.CryptoException;
import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.WorkingKey;
import io.keyward.crypto.util.Bytes;
import io.keyward.server.lock.RootLock;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;

/**
 * The two lower levels of the key hierarchy: keystore lock keys (random AES-256, wrapped by the root lock
 * with AAD binding org and keystore) and working keys ({@link WorkingKey#toBytes()} sealed in an
 * {@link Envelope} under the lock key with AAD binding keystore, key, version and type, so a sealed key
 * copied into another row, or relabeled with another type, does not open). Unwrapped values are cached.
 */
final class KeystoreLocks {
    static final String LOCK_AAD = "keyward/keystore-lock/v1";
    static final String KEY_AAD = "keyward/working-key/v1";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final RootLock rootLock;
    private final TtlCache<String, byte[]> lockKeys;
    private final TtlCache<String, WorkingKey> workingKeys;

    KeystoreLocks(RootLock rootLock, KeystoresConfig config, Clock clock) {
        this.rootLock = rootLock;
        this.lockKeys = new TtlCache<>(config.cacheTtl(), config.cacheSize(), clock);
        this.workingKeys = new TtlCache<>(config.cacheTtl(), config.cacheSize(), clock);
    }

    String rootKeyId() {
        return rootLock.keyId();
    }

    /** A new random lock key for a keystore, wrapped by the root lock; the plaintext is zeroized. */
    byte[] newWrappedLock(String org, String keystoreId) {
        byte[] lock = new byte[32];
        RANDOM.nextBytes(lock);
        try {
            return rootLock.wrap(lock, lockAad(org, keystoreId));
        } finally {
            Bytes.zeroize(lock);
        }
    }

    /** Seals a working key version under its keystore's lock. */
    byte[] seal(KeystoreTables.KeystoreRow keystore, String keyId, int version, WorkingKey key) {
        byte[] serialized = key.toBytes();
        try {
            return Envelope.seal(lockKey(keystore), keyRef(keystore.keystoreId()), serialized,
                    keyAad(keystore.keystoreId(), keyId, version, key.type())).toBytes();
        } finally {
            Bytes.zeroize(serialized);
        }
    }

    /** The working key of one version (cached); the caller must not destroy it. */
    WorkingKey open(KeystoreTables.KeystoreRow keystore, String keyId, int version, KeyType type, byte[] sealed) {
        String cacheKey = keystore.keystoreId() + "/" + keyId + "@" + version;
        return workingKeys.get(cacheKey, () -> {
            byte[] serialized;
            try {
                serialized = Envelope.parse(sealed).open(lockKey(keystore), keyRef(keystore.keystoreId()),
                        keyAad(keystore.keystoreId(), keyId, version, type));
            } catch (CryptoException e) {
                // Not the caller's fault: the stored row was altered or moved (a 500, logged by the sealed routes).
                throw new IllegalStateException("stored working key " + cacheKey + " does not open under its keystore lock");
            }
            try {
                WorkingKey key = WorkingKey.fromBytes(serialized);
                if (key.type() != type) {
                    throw new IllegalStateException("stored working key " + cacheKey + " is not of its recorded type");
                }
                return key;
            } finally {
                Bytes.zeroize(serialized);
            }
        });
    }

    /** Drops a deleted keystore's (or key's) unwrapped values from memory. */
    void forget(String keystoreId, String keyIdOrNull) {
        String prefix = keystoreId + "/" + (keyIdOrNull == null ? "" : keyIdOrNull + "@");
        workingKeys.removeIf(k -> k.startsWith(prefix));
        if (keyIdOrNull == null) {
            lockKeys.remove(keystoreId);
        }
    }

    private byte[] lockKey(KeystoreTables.KeystoreRow keystore) {
        return lockKeys.get(keystore.keystoreId(),
                () -> rootLock.unwrap(keystore.lockWrapped(), lockAad(keystore.org(), keystore.keystoreId())));
    }

    private static KeyRef keyRef(String keystoreId) {
        return new KeyRef("keystore:" + keystoreId, 1);
    }

    static byte[] lockAad(String org, String keystoreId) {
        return (LOCK_AAD + "\n" + org + "\n" + keystoreId).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] keyAad(String keystoreId, String keyId, int version, KeyType type) {
        return (KEY_AAD + "\n" + keystoreId + "\n" + keyId + "\n" + version + "\n" + type.id()).getBytes(StandardCharsets.UTF_8);
    }
}
