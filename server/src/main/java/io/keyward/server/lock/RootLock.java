package io.keyward.server.lock;

/**
 * The root of the key hierarchy (DESIGN.md, "Key hierarchy"): wraps keystore lock keys and server
 * secrets. Providers: a local key file, a PKCS#11 HSM key, an AWS KMS key.
 *
 * <p>Associated data binds a wrapped value to what it belongs to, so a wrapped key moved to another
 * row fails to unwrap. Unwrap failures throw {@link RootLockException}; they never reveal why in a
 * way that helps an attacker (a wrong key and a tampered blob look alike).
 */
public interface RootLock extends AutoCloseable {
    /** A short, non-secret identifier of the root key (provider and key id), recorded beside wrapped values. */
    String keyId();

    byte[] wrap(byte[] plaintext, byte[] associatedData);

    byte[] unwrap(byte[] wrapped, byte[] associatedData);

    @Override
    void close();
}
