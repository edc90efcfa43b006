package io.keyward.server.lock;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.server.store.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Ties a database to its root key, so that a node started with the wrong key file stops before it
 * writes anything wrapped under a key the data was not made with.
 *
 * <p>The check value is a fixed label wrapped by the root lock (in the provider's own wrapped
 * format: an {@link Envelope} for the key file and the HSM, an envelope under a KMS-encrypted data
 * key for AWS KMS), stored base64url in the server setting
 * {@value #SETTING}. The first start records it; every later start unwraps it, which succeeds only
 * under the same root key.
 */
public final class RootLockCheck {
    public static final String SETTING = "root_lock_check";
    private static final byte[] LABEL = "keyward root lock check".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] ASSOCIATED_DATA = "keyward/v1/server_settings/root_lock_check".getBytes(StandardCharsets.US_ASCII);

    private RootLockCheck() {}

    /**
     * Records the check value when the database has none; otherwise verifies it, writing nothing.
     *
     * @throws RootLockException "root key does not match this database" when the lock's key is not
     *     the one the database was set up with
     * @throws RootLockUnavailableException when the lock's HSM or KMS cannot be reached
     */
    public static void verifyOrRecord(RootLock lock, ServerSettings settings) {
        Optional<String> recorded = settings.get(SETTING);
        if (recorded.isEmpty()) {
            String check = Base64Url.encode(lock.wrap(LABEL, ASSOCIATED_DATA));
            if (settings.putIfAbsent(SETTING, check)) {
                return;
            }
            // Another node sharing this database recorded its check first: verify against that one.
            recorded = settings.get(SETTING);
        }
        verify(lock, recorded.orElseThrow());
    }

    private static void verify(RootLock lock, String recorded) {
        byte[] wrapped;
        try {
            wrapped = Base64Url.decode(recorded, "root key check value");
        } catch (CryptoException e) {
            throw new RootLockException("root key check value in this database is malformed");
        }
        byte[] label;
        try {
            label = lock.unwrap(wrapped, ASSOCIATED_DATA);
        } catch (RootLockUnavailableException e) {
            // An HSM or KMS that does not answer says nothing about whether the key matches.
            throw e;
        } catch (MalformedWrappedValueException e) {
            throw new RootLockException("root key check value in this database is malformed");
        } catch (RootLockException e) {
            throw new RootLockException("root key does not match this database");
        }
        if (!Bytes.constantTimeEquals(label, LABEL)) {
            throw new RootLockException("root key does not match this database");
        }
    }
}
