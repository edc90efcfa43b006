package io.keyward.crypto.envelope;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The AES-256-GCM envelope every wrapped key in Keyward uses (keystore lock keys under the root
 * lock, working keys under a keystore lock, server secrets).
 *
 * <h2>Byte layout, format version 1</h2>
 *
 * <pre>
 * offset   length  field
 * 0        1       format version: 0x01
 * 1        1       n: length of the key id in bytes, 1..255
 * 2        n       key id of the wrapping key, US-ASCII 0x21..0x7E
 * 2+n      4       key version of the wrapping key, unsigned big-endian, 1..2^31-1
 * 6+n      12      nonce, fresh from SecureRandom for every seal
 * 18+n     4       m: length of ciphertext+tag in bytes, unsigned big-endian, 16..
 * 22+n     m       AES-256-GCM ciphertext followed by the 16-byte tag
 * </pre>
 *
 * <p>The envelope is exactly {@code 22 + n + m} bytes; anything else is refused. The <em>header</em>
 * is bytes {@code [0, 22+n)}. The GCM associated data is {@code header || associatedData}, where
 * {@code associatedData} is given by the caller and names what the wrapped key belongs to (it is
 * not stored in the envelope). The header is self-delimiting, so that concatenation is
 * unambiguous, and binding it means no header field (version, key id, key version, nonce, length)
 * can be changed without the tag failing.
 *
 * <p>Nonces are random, so one wrapping key must not seal more than 2^32 envelopes (NIST SP
 * 800-38D, 8.3); key wrapping stays many orders of magnitude below that.
 *
 * <p>Parsing is strict and happens before any decryption: a malformed envelope throws
 * {@link MalformedEnvelopeException}, an envelope for another key or version throws
 * {@link EnvelopeKeyMismatchException}, and a wrong key, tampered byte or different associated
 * data throws {@link AuthenticationFailedException}. The exact format is also described in
 * {@code docs/formats.md}.
 */
public final class Envelope {
    public static final int FORMAT_VERSION = 1;
    public static final int NONCE_LENGTH = 12;
    public static final int TAG_LENGTH = 16;

    private static final AesGcm AEAD = AesGcm.AES_256;
    private static final SecureRandom RANDOM = new SecureRandom();
    /** Bytes of the header around the key id: version, id length, key version, nonce, ciphertext length. */
    private static final int FIXED_HEADER = 1 + 1 + 4 + NONCE_LENGTH + 4;

    private final KeyRef keyRef;
    private final byte[] nonce;
    private final byte[] ciphertextAndTag;

    private Envelope(KeyRef keyRef, byte[] nonce, byte[] ciphertextAndTag) {
        this.keyRef = keyRef;
        this.nonce = nonce;
        this.ciphertextAndTag = ciphertextAndTag;
    }

    /**
     * Encrypts {@code plaintext} under the 32-byte {@code key} named by {@code keyRef}, bound to
     * {@code associatedData}.
     *
     * @param associatedData what the wrapped value belongs to (e.g. a keystore id and key version);
     *     required and non-empty, since an unbound wrapped key could be moved to another row
     */
    public static Envelope seal(byte[] key, KeyRef keyRef, byte[] plaintext, byte[] associatedData) {
        return seal(softwareGcm(key), keyRef, plaintext, associatedData);
    }

    /**
     * Like {@link #seal(byte[], KeyRef, byte[], byte[])}, with AES-256-GCM computed by {@code gcm}
     * where the key lives (an HSM), so the key never enters this process. The result is byte for
     * byte the same format; only the nonce choice and the header binding stay here.
     */
    public static Envelope seal(KeyHolder gcm, KeyRef keyRef, byte[] plaintext, byte[] associatedData) {
        requireAssociatedData(associatedData);
        if (plaintext.length > Integer.MAX_VALUE - TAG_LENGTH - FIXED_HEADER - KeyRef.MAX_KEY_ID_LENGTH) {
            throw new CryptoException("envelope plaintext is too long");
        }
        byte[] nonce = new byte[NONCE_LENGTH];
        RANDOM.nextBytes(nonce);
        byte[] header = header(keyRef, nonce, plaintext.length + TAG_LENGTH);
        byte[] ciphertext = gcm.seal(nonce, plaintext, Bytes.concat(header, associatedData));
        if (ciphertext == null || ciphertext.length != plaintext.length + TAG_LENGTH) {
            throw new CryptoException("envelope cipher returned " + (ciphertext == null ? "nothing" : ciphertext.length
                    + " bytes") + ", not ciphertext and a " + TAG_LENGTH + "-byte tag");
        }
        return new Envelope(keyRef, nonce, ciphertext);
    }

    /**
     * AES-256-GCM with a 12-byte nonce and a 16-byte tag under a key this process may never see (an
     * HSM key). The envelope chooses the nonce and builds the associated data; the holder only
     * computes.
     */
    public interface KeyHolder {
        /** Returns ciphertext followed by the 16-byte tag. */
        byte[] seal(byte[] nonce, byte[] plaintext, byte[] associatedData);

        /**
         * Returns the plaintext only if the tag verifies.
         *
         * @throws AuthenticationFailedException when it does not (wrong key, changed byte, other data)
         */
        byte[] open(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData);
    }

    /** A holder that runs AES-256-GCM in this process with {@code key} (the caller owns and zeroizes it). */
    public static KeyHolder softwareGcm(byte[] key) {
        return new KeyHolder() {
            @Override
            public byte[] seal(byte[] nonce, byte[] plaintext, byte[] associatedData) {
                return AEAD.seal(key, nonce, plaintext, associatedData);
            }

            @Override
            public byte[] open(byte[] nonce, byte[] ciphertextAndTag, byte[] associatedData) {
                return AEAD.open(key, nonce, ciphertextAndTag, associatedData);
            }
        };
    }

    /** Parses an envelope strictly (see the class comment); decrypts nothing. */
    public static Envelope parse(byte[] bytes) {
        if (bytes == null) {
            throw new MalformedEnvelopeException("missing");
        }
        if (bytes.length < 1) {
            throw new MalformedEnvelopeException("truncated");
        }
        int formatVersion = bytes[0] & 0xff;
        if (formatVersion != FORMAT_VERSION) {
            throw new MalformedEnvelopeException("unsupported format version " + formatVersion);
        }
        if (bytes.length < 2) {
            throw new MalformedEnvelopeException("truncated");
        }
        int idLength = bytes[1] & 0xff;
        if (idLength == 0) {
            throw new MalformedEnvelopeException("empty key id");
        }
        int headerLength = FIXED_HEADER + idLength;
        if (bytes.length < headerLength) {
            throw new MalformedEnvelopeException("truncated");
        }
        char[] id = new char[idLength];
        for (int i = 0; i < idLength; i++) {
            int c = bytes[2 + i] & 0xff;
            if (!KeyRef.isKeyIdChar(c)) {
                throw new MalformedEnvelopeException("key id is not printable ASCII");
            }
            id[i] = (char) c;
        }
        int offset = 2 + idLength;
        long keyVersion = readU32(bytes, offset);
        if (keyVersion < 1 || keyVersion > Integer.MAX_VALUE) {
            throw new MalformedEnvelopeException("key version out of range");
        }
        offset += 4;
        byte[] nonce = Arrays.copyOfRange(bytes, offset, offset + NONCE_LENGTH);
        offset += NONCE_LENGTH;
        long ciphertextLength = readU32(bytes, offset);
        offset += 4;
        if (ciphertextLength < TAG_LENGTH) {
            throw new MalformedEnvelopeException("ciphertext shorter than the tag");
        }
        long remaining = bytes.length - (long) offset;
        if (remaining < ciphertextLength) {
            throw new MalformedEnvelopeException("truncated");
        }
        if (remaining > ciphertextLength) {
            throw new MalformedEnvelopeException("trailing bytes after the ciphertext");
        }
        return new Envelope(new KeyRef(new String(id), (int) keyVersion), nonce,
                Arrays.copyOfRange(bytes, offset, bytes.length));
    }

    /** The wrapping key this envelope says it was sealed under; use it to pick the key to open it. */
    public KeyRef keyRef() {
        return keyRef;
    }

    /**
     * Decrypts with {@code key}, which the caller names as {@code keyRef}; the envelope must name the
     * same key id and version, and the associated data must be the one given at seal.
     *
     * @throws EnvelopeKeyMismatchException the envelope names another key or version
     * @throws AuthenticationFailedException wrong key, tampered envelope or other associated data
     */
    public byte[] open(byte[] key, KeyRef keyRef, byte[] associatedData) {
        return open(softwareGcm(key), keyRef, associatedData);
    }

    /**
     * Like {@link #open(byte[], KeyRef, byte[])}, with AES-256-GCM computed by {@code gcm} where the
     * key lives.
     */
    public byte[] open(KeyHolder gcm, KeyRef keyRef, byte[] associatedData) {
        requireAssociatedData(associatedData);
        if (!this.keyRef.equals(keyRef)) {
            throw new EnvelopeKeyMismatchException(this.keyRef, keyRef);
        }
        byte[] header = header(this.keyRef, nonce, ciphertextAndTag.length);
        return gcm.open(nonce, ciphertextAndTag, Bytes.concat(header, associatedData));
    }

    /** The encoded envelope, as laid out in the class comment. */
    public byte[] toBytes() {
        return Bytes.concat(header(keyRef, nonce, ciphertextAndTag.length), ciphertextAndTag);
    }

    @Override
    public String toString() {
        return "Envelope[" + keyRef + ", " + ciphertextAndTag.length + " bytes of ciphertext]";
    }

    private static byte[] header(KeyRef keyRef, byte[] nonce, int ciphertextLength) {
        byte[] id = keyRef.keyIdBytes();
        return Bytes.concat(
                new byte[] {(byte) FORMAT_VERSION, (byte) id.length},
                id,
                Bytes.i2osp(keyRef.version(), 4),
                nonce,
                Bytes.i2osp(ciphertextLength, 4));
    }

    private static long readU32(byte[] bytes, int offset) {
        return ((bytes[offset] & 0xffL) << 24) | ((bytes[offset + 1] & 0xffL) << 16)
                | ((bytes[offset + 2] & 0xffL) << 8) | (bytes[offset + 3] & 0xffL);
    }

    private static void requireAssociatedData(byte[] associatedData) {
        if (associatedData == null || associatedData.length == 0) {
            throw new CryptoException("envelope associated data must name what the key belongs to");
        }
    }
}
