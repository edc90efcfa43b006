package io.keyward.server.lock;

/**
 * The root of the key hierarchy (DESIGN.md, "Key hierarchy"): wraps keystore lock keys and server
 * secrets. Providers: a local key file ({@link KeyFileRootLock}), a PKCS#11 HSM key
 * ({@link Pkcs11RootLock}), an AWS KMS key ({@link AwsKmsRootLock}), chosen by
 * {@code root_lock.provider}.
 *
 * <p>Associated data binds a wrapped value to what it belongs to, so a wrapped key moved to another
 * row fails to unwrap. Unwrap failures throw {@link RootLockException}; they never reveal why in a
 * way that helps an attacker (a wrong key and a tampered blob look alike). A backing service that
 * cannot be reached throws {@link RootLockUnavailableException} instead, so that an outage is never
 * mistaken for a wrong key.
 */
public interface RootLock extends AutoCloseable {
    /** A short, non-secret identifier of the root key (provider and key id), recorded beside wrapped values. */
    String keyId();

    byte[] wrap(byte[] plaintext, byte[] associatedData);

    byte[] unwrap(byte[] wrapped, byte[] associatedData);

    /**
     * Empty when the lock's backing service answers; otherwise one line saying what is unreachable (no
     * secrets). Providers that cache unwrapped keys (AWS KMS) answer this from a probe of the service
     * itself, since a cached key would hide an outage. Called by {@code /v1/ready}.
     */
    default java.util.Optional<String> unavailableReason() {
        return java.util.Optional.empty();
    }

    @Override
    void close();
}
