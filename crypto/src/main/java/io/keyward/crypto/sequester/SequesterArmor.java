package io.keyward.crypto.sequester;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.aead.SecretBox;
import io.keyward.crypto.rsa.RsaDecryptionException;
import io.keyward.crypto.rsa.RsaOaepSha256;
import io.keyward.crypto.rsa.RsaPssSha256;
import io.keyward.crypto.rsa.UnsuitableKeyException;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.interfaces.RSAKey;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Arrays;

/**
 * Parsec's sequester armor, byte for byte (libparsec {@code crypto/src/common/sequester.rs} and the
 * OpenSSL backend {@code crypto/src/sodium/sequester.rs}).
 *
 * <pre>
 * encryption: "RSAES-OAEP-SHA256-XSALSA20-POLY1305:" || RSA-OAEP(k)       || nonce (24) || MAC (16) || ciphertext
 * signature:  "RSASSA-PSS-SHA256:"                   || RSASSA-PSS(data) || data
 * </pre>
 *
 * <p>{@code k} is a fresh 32-byte XSalsa20-Poly1305 key; RSA-OAEP uses SHA-256, MGF1-SHA-256 and
 * an empty label. Both RSA outputs are left-padded with zeros to the modulus length in bytes, which
 * is how a reader finds where they end. The secretbox is libsodium's {@code crypto_secretbox_easy}
 * with its random nonce in front.
 *
 * <p>Signing uses OpenSSL's default PSS salt length (the maximum, {@code emLen - 34}), as Parsec's
 * OpenSSL backend does. Parsec verifies with OpenSSL's salt-length auto-detection; this class
 * accepts the two lengths Parsec's signers produce: the maximum and the digest length (32, Parsec's
 * RustCrypto backend).
 *
 * <p>Keys: RSA of at least 1024 bits, Parsec's smallest size, so Parsec's own test vectors can be
 * read. Keyward's policy of 2048 bits or more is applied where keys enter ({@link SequesterKeys}).
 */
public final class SequesterArmor {
    public static final String ENCRYPTION_ALGORITHM = "RSAES-OAEP-SHA256-XSALSA20-POLY1305";
    public static final String SIGNATURE_ALGORITHM = "RSASSA-PSS-SHA256";
    /** Parsec's smallest sequester key size. */
    public static final int MIN_ARMOR_KEY_BITS = 1024;

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int SHOWN_PREFIX_CHARS = 48;

    private SequesterArmor() {}

    /** Encrypts {@code data} to the holder of the private half of {@code key}. */
    public static byte[] encrypt(RSAPublicKey key, byte[] data) {
        int keyBytes = keyBytes(key);
        byte[] secretKey = new byte[SecretBox.KEY_BYTES];
        byte[] nonce = new byte[SecretBox.NONCE_BYTES];
        RANDOM.nextBytes(secretKey);
        RANDOM.nextBytes(nonce);
        try {
            byte[] wrappedKey = RsaOaepSha256.encrypt(key, secretKey);
            byte[] box = SecretBox.seal(secretKey, nonce, data);
            return serialize(ENCRYPTION_ALGORITHM, wrappedKey, keyBytes, Bytes.concat(nonce, box));
        } finally {
            Bytes.zeroize(secretKey);
        }
    }

    /** Opens what {@link #encrypt} (or Parsec's {@code SequesterPublicKeyDer::encrypt}) produced. */
    public static byte[] decrypt(RSAPrivateKey key, byte[] armored) {
        int keyBytes = keyBytes(key);
        Parts parts = deserialize(ENCRYPTION_ALGORITHM, armored, keyBytes);
        if (parts.data().length < SecretBox.NONCE_BYTES + SecretBox.MAC_BYTES) {
            throw new MalformedArmorException("sequester ciphertext is truncated: "
                    + parts.data().length + " bytes after the RSA part, at least "
                    + (SecretBox.NONCE_BYTES + SecretBox.MAC_BYTES) + " needed");
        }
        byte[] secretKey = null;
        try {
            secretKey = RsaOaepSha256.decrypt(key, parts.output());
            if (secretKey.length != SecretBox.KEY_BYTES) {
                throw new SequesterDecryptionException();
            }
            byte[] nonce = Arrays.copyOfRange(parts.data(), 0, SecretBox.NONCE_BYTES);
            byte[] box = Arrays.copyOfRange(parts.data(), SecretBox.NONCE_BYTES, parts.data().length);
            return SecretBox.open(secretKey, nonce, box);
        } catch (RsaDecryptionException | AuthenticationFailedException e) {
            throw new SequesterDecryptionException();
        } finally {
            Bytes.zeroize(secretKey);
        }
    }

    /** Signs {@code data}; the result carries the data after the signature. */
    public static byte[] sign(RSAPrivateKey key, byte[] data) {
        int keyBytes = keyBytes(key);
        byte[] signature = RsaPssSha256.sign(key, data, RsaPssSha256.maxSaltLength(key));
        return serialize(SIGNATURE_ALGORITHM, signature, keyBytes, data);
    }

    /** Returns the signed data only if the signature verifies under {@code key}. */
    public static byte[] verify(RSAPublicKey key, byte[] armored) {
        int keyBytes = keyBytes(key);
        Parts parts = deserialize(SIGNATURE_ALGORITHM, armored, keyBytes);
        if (RsaPssSha256.verify(key, parts.data(), parts.output(), RsaPssSha256.maxSaltLength(key))
                || RsaPssSha256.verify(key, parts.data(), parts.output(), RsaPssSha256.DIGEST_SALT_LENGTH)) {
            return parts.data();
        }
        throw new SequesterSignatureException();
    }

    /** The RSA output length for this key: the modulus length in bytes. */
    public static int keyBytes(RSAKey key) {
        int bits = key.getModulus().bitLength();
        if (bits < MIN_ARMOR_KEY_BITS) {
            throw new UnsuitableKeyException("sequester armor needs an RSA key of at least "
                    + MIN_ARMOR_KEY_BITS + " bits, got " + bits);
        }
        return (bits + 7) / 8;
    }

    private record Parts(byte[] output, byte[] data) {}

    private static byte[] serialize(String algorithm, byte[] output, int keyBytes, byte[] data) {
        if (output.length > keyBytes) {
            throw new CryptoException("RSA output longer than the key size");
        }
        byte[] prefix = (algorithm + ":").getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + keyBytes + data.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        // Zero-pad on the left: an RSA output is a big-endian number that may have leading zeros.
        System.arraycopy(output, 0, out, prefix.length + keyBytes - output.length, output.length);
        System.arraycopy(data, 0, out, prefix.length + keyBytes, data.length);
        return out;
    }

    private static Parts deserialize(String algorithm, byte[] armored, int keyBytes) {
        if (armored == null) {
            throw new MalformedArmorException("sequester armor is missing");
        }
        int colon = -1;
        for (int i = 0; i < armored.length; i++) {
            if (armored[i] == ':') {
                colon = i;
                break;
            }
        }
        if (colon < 0) {
            throw new MalformedArmorException("not sequester armor: no \"ALGORITHM:\" prefix");
        }
        byte[] expected = algorithm.getBytes(StandardCharsets.US_ASCII);
        if (!Arrays.equals(armored, 0, colon, expected, 0, expected.length)) {
            throw new WrongArmorAlgorithmException(algorithm, printable(armored, colon));
        }
        int start = colon + 1;
        if (armored.length - start < keyBytes) {
            throw new MalformedArmorException("sequester armor is truncated: " + (armored.length - start)
                    + " bytes after the prefix, the " + (keyBytes * 8) + "-bit RSA part alone needs " + keyBytes);
        }
        return new Parts(Arrays.copyOfRange(armored, start, start + keyBytes),
                Arrays.copyOfRange(armored, start + keyBytes, armored.length));
    }

    /** The found prefix, for the message: printable ASCII only, shortened. */
    private static String printable(byte[] bytes, int length) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < Math.min(length, SHOWN_PREFIX_CHARS); i++) {
            int c = bytes[i] & 0xff;
            out.append(c >= 0x20 && c < 0x7f && c != '"' ? (char) c : '?');
        }
        if (length > SHOWN_PREFIX_CHARS) {
            out.append("...");
        }
        return out.toString();
    }
}
