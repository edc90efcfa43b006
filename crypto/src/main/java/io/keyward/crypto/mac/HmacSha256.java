package io.keyward.crypto.mac;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.util.Bytes;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 (RFC 2104) through the JDK, with a fixed tag length: the full 32 bytes, or the
 * leftmost 16 to 31 bytes (RFC 2104 section 5 truncation; 16 bytes keeps 128-bit forgery
 * resistance). Keys must be at least 16 bytes. Verification compares in constant time and fails
 * with {@link AuthenticationFailedException}.
 */
public final class HmacSha256 {
    public static final int MAX_TAG_LENGTH = 32;
    public static final int MIN_TAG_LENGTH = 16;
    public static final int MIN_KEY_LENGTH = 16;

    /** Full-length tags. */
    public static final HmacSha256 FULL = new HmacSha256(MAX_TAG_LENGTH);

    private final int tagLength;

    private HmacSha256(int tagLength) {
        this.tagLength = tagLength;
    }

    /** An instance whose tags are the leftmost {@code tagLength} bytes of the HMAC. */
    public static HmacSha256 truncatedTo(int tagLength) {
        if (tagLength < MIN_TAG_LENGTH || tagLength > MAX_TAG_LENGTH) {
            throw new CryptoException("HMAC-SHA256 tag length must be " + MIN_TAG_LENGTH + " to " + MAX_TAG_LENGTH + " bytes");
        }
        return tagLength == MAX_TAG_LENGTH ? FULL : new HmacSha256(tagLength);
    }

    public int tagLength() {
        return tagLength;
    }

    public byte[] compute(byte[] key, byte[] message) {
        if (key.length < MIN_KEY_LENGTH) {
            throw new InvalidKeyException("HMAC-SHA256 key must be at least " + MIN_KEY_LENGTH + " bytes");
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] full = mac.doFinal(message);
            if (tagLength == MAX_TAG_LENGTH) {
                return full;
            }
            byte[] tag = Arrays.copyOf(full, tagLength);
            Bytes.zeroize(full);
            return tag;
        } catch (GeneralSecurityException e) {
            throw new CryptoException("HMAC-SHA256 is unavailable: " + e.getClass().getSimpleName());
        }
    }

    /** Returns normally only if {@code tag} is this instance's tag of {@code message} under {@code key}. */
    public void verify(byte[] key, byte[] message, byte[] tag) {
        byte[] expected = compute(key, message);
        // MessageDigest.isEqual leaks only the lengths, and the expected length is public.
        if (!Bytes.constantTimeEquals(expected, tag)) {
            throw new AuthenticationFailedException("HMAC-SHA256 tag");
        }
    }

    @Override
    public String toString() {
        return "HmacSha256[tagLength=" + tagLength + "]";
    }
}
