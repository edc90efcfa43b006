package io.keyward.server.lock;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.envelope.Envelope;
import io.keyward.crypto.envelope.EnvelopeKeyMismatchException;
import io.keyward.crypto.envelope.KeyRef;
import io.keyward.crypto.envelope.MalformedEnvelopeException;
import java.util.concurrent.locks.ReentrantReadWriteLock;

/**
 * A root lock whose wrapped values are envelopes (docs/formats.md) sealed by one AES-256-GCM key,
 * wherever that key lives (a key file, an HSM). The wrap/unwrap discipline is shared here: associated
 * data is required, failures say the same thing whatever the cause (a wrong key and a tampered value
 * look alike), and closing waits for operations in flight so none uses destroyed key material.
 */
abstract class EnvelopeRootLock implements RootLock {
    private final KeyRef keyRef;
    private final ReentrantReadWriteLock closeLock = new ReentrantReadWriteLock();
    private boolean closed;

    EnvelopeRootLock(KeyRef keyRef) {
        this.keyRef = keyRef;
    }

    /** Seals and opens under the root key; called with the lock open. */
    abstract Envelope.KeyHolder keyHolder();

    /** Releases the key material; called once, when no operation is in flight. */
    abstract void destroyKey();

    final KeyRef keyRef() {
        return keyRef;
    }

    final boolean isClosed() {
        return closed;
    }

    @Override
    public final String keyId() {
        return keyRef.keyId();
    }

    @Override
    public final byte[] wrap(byte[] plaintext, byte[] associatedData) {
        requireAssociatedData(associatedData);
        closeLock.readLock().lock();
        try {
            requireOpen();
            return Envelope.seal(keyHolder(), keyRef, plaintext, associatedData).toBytes();
        } catch (RootLockException e) {
            throw e;
        } catch (CryptoException e) {
            throw new RootLockException("root lock cannot wrap: " + e.getMessage());
        } finally {
            closeLock.readLock().unlock();
        }
    }

    @Override
    public final byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        requireAssociatedData(associatedData);
        closeLock.readLock().lock();
        try {
            requireOpen();
            return Envelope.parse(wrapped).open(keyHolder(), keyRef, associatedData);
        } catch (RootLockException e) {
            throw e;
        } catch (MalformedEnvelopeException e) {
            throw new MalformedWrappedValueException("cannot unwrap: " + e.getMessage());
        } catch (EnvelopeKeyMismatchException e) {
            throw new RootLockException("cannot unwrap: value is wrapped by root key " + e.found().keyId()
                    + ", not by this node's root key " + keyRef.keyId());
        } catch (CryptoException e) {
            // Wrong key material, tampered value or other associated data: deliberately alike.
            throw new RootLockException("cannot unwrap: wrapped value failed to authenticate under root key "
                    + keyRef.keyId());
        } finally {
            closeLock.readLock().unlock();
        }
    }

    @Override
    public final void close() {
        closeLock.writeLock().lock();
        try {
            if (!closed) {
                closed = true;
                destroyKey();
            }
        } finally {
            closeLock.writeLock().unlock();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new RootLockException("root lock " + keyRef.keyId() + " is closed");
        }
    }

    private static void requireAssociatedData(byte[] associatedData) {
        if (associatedData == null || associatedData.length == 0) {
            throw new IllegalArgumentException("associated data must name what the wrapped value belongs to");
        }
    }
}
