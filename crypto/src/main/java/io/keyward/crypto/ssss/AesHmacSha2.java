package io.keyward.crypto.ssss;

import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Cipher;
import javax.crypto.KDF;
import javax.crypto.Mac;
import javax.crypto.spec.HKDFParameterSpec;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Matrix secret storage, algorithm {@value #ALGORITHM} (Matrix client-server spec, "Secret
 * storage"):
 *
 * <ol>
 *   <li>HKDF-SHA256 with 32 zero bytes as salt, the key as input and the secret's name as info
 *       gives 64 bytes: an AES-256 key, then an HMAC-SHA256 key;
 *   <li>AES-256-CTR with a random 16-byte IV whose bit 63 is cleared (so that implementations
 *       counting on only the low 64 bits agree with those counting on all 128);
 *   <li>HMAC-SHA256 over the ciphertext alone.
 * </ol>
 *
 * The name binds an item to the secret it is stored as: an item decrypted under another name fails
 * its MAC. The key check is the MAC of 32 zero bytes encrypted with the empty name.
 */
public final class AesHmacSha2 {
    public static final String ALGORITHM = "m.secret_storage.v1.aes-hmac-sha2";

    private static final byte[] ZERO_SALT = new byte[32];
    private static final byte[] KEY_CHECK_PLAINTEXT = new byte[32];
    private static final SecureRandom RANDOM = new SecureRandom();

    private AesHmacSha2() {}

    /** Encrypts {@code plaintext} as the secret named {@code name}, with a fresh random IV. */
    public static SsssItem encrypt(SecretStorageKey key, String name, byte[] plaintext) {
        return encrypt(key, name, plaintext, randomIv());
    }

    /**
     * Encrypts with the given IV, used as is (bit 63 is not touched). Only for key checks and known
     * answer tests: reusing an IV under one key and name reveals the XOR of two plaintexts.
     */
    public static SsssItem encrypt(SecretStorageKey key, String name, byte[] plaintext, byte[] iv) {
        if (iv == null || iv.length != 16) {
            throw new SsssException("iv must be 16 bytes, got " + (iv == null ? 0 : iv.length));
        }
        byte[][] keys = deriveKeys(key, name);
        try {
            byte[] ciphertext = aesCtr(keys[0], iv, plaintext);
            return new SsssItem(iv, ciphertext, hmac(keys[1], ciphertext));
        } finally {
            Bytes.zeroize(keys[0], keys[1]);
        }
    }

    /**
     * Checks the MAC (in constant time) and only then decrypts.
     *
     * @throws AuthenticationFailedException for a wrong key, a wrong name or an altered item
     *     (they cannot be told apart: all three are a MAC mismatch)
     */
    public static byte[] decrypt(SecretStorageKey key, String name, SsssItem item) {
        byte[][] keys = deriveKeys(key, name);
        try {
            byte[] ciphertext = item.ciphertext();
            if (!Bytes.constantTimeEquals(hmac(keys[1], ciphertext), item.mac())) {
                throw new AuthenticationFailedException("secret storage item");
            }
            return aesCtr(keys[0], item.iv(), ciphertext);
        } finally {
            Bytes.zeroize(keys[0], keys[1]);
        }
    }

    /** A new key check with a random IV, for a new key description. */
    public static KeyCheck keyCheck(SecretStorageKey key) {
        return keyCheck(key, randomIv());
    }

    /** The key check for the given IV (deterministic). */
    public static KeyCheck keyCheck(SecretStorageKey key, byte[] iv) {
        SsssItem item = encrypt(key, "", KEY_CHECK_PLAINTEXT, iv);
        return new KeyCheck(item.iv(), item.mac());
    }

    /** Whether {@code key} produces {@code check}'s MAC for its IV; compares in constant time. */
    public static boolean verifyKeyCheck(SecretStorageKey key, KeyCheck check) {
        return Bytes.constantTimeEquals(keyCheck(key, check.iv()).mac(), check.mac());
    }

    /** 16 random bytes with bit 63 (the top bit of byte 8) cleared, as the spec asks. */
    public static byte[] randomIv() {
        byte[] iv = new byte[16];
        RANDOM.nextBytes(iv);
        iv[8] &= 0x7f;
        return iv;
    }

    /** {AES key, HMAC key} from HKDF-SHA256(salt = 32 zero bytes, ikm = key, info = name, 64 bytes). */
    static byte[][] deriveKeys(SecretStorageKey key, String name) {
        if (name == null) {
            throw new SsssException("secret name is missing");
        }
        byte[] okm;
        try {
            KDF hkdf = KDF.getInstance("HKDF-SHA256");
            okm = hkdf.deriveData(HKDFParameterSpec.ofExtract()
                    .addIKM(key.unsafeBytes())
                    .addSalt(ZERO_SALT)
                    .thenExpand(name.getBytes(StandardCharsets.UTF_8), 64));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HKDF-SHA256 is unavailable in this JDK", e);
        }
        try {
            return new byte[][] {Bytes.slice(okm, 0, 32), Bytes.slice(okm, 32, 32)};
        } finally {
            Bytes.zeroize(okm);
        }
    }

    private static byte[] aesCtr(byte[] aesKey, byte[] iv, byte[] input) {
        try {
            Cipher cipher = Cipher.getInstance("AES/CTR/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(aesKey, "AES"), new IvParameterSpec(iv));
            return cipher.doFinal(input);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-256-CTR is unavailable in this JDK", e);
        }
    }

    private static byte[] hmac(byte[] macKey, byte[] data) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(macKey, "HmacSHA256"));
            return mac.doFinal(data);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is unavailable in this JDK", e);
        }
    }
}
