package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.util.Base64Url;
import java.util.Objects;

/**
 * A ciphertext, signature, MAC or wrapped key labeled with the version of the key that made it, in
 * the text form {@code kw:v<version>:<unpadded base64url>} (as Vault transit writes
 * {@code vault:v1:...}). The version is a decimal integer from 1 to 2^31-1 without leading zeros,
 * so every value has exactly one spelling. See docs/formats.md.
 */
public record VersionedValue(int version, byte[] bytes) {
    public static final String PREFIX = "kw:v";

    public VersionedValue {
        if (version < 1) {
            throw new MalformedKeyDataException("key version must be at least 1");
        }
        bytes = Objects.requireNonNull(bytes, "bytes").clone();
    }

    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /** {@code kw:v<version>:<base64url>}. */
    public String format() {
        return PREFIX + version + ":" + Base64Url.encode(bytes);
    }

    /** Parses the text form strictly; anything else is a {@link MalformedKeyDataException}. */
    public static VersionedValue parse(String text) {
        if (text == null || !text.startsWith(PREFIX)) {
            throw new MalformedKeyDataException("versioned value must start with \"" + PREFIX + "\"");
        }
        int colon = text.indexOf(':', PREFIX.length());
        if (colon < 0) {
            throw new MalformedKeyDataException("versioned value must be kw:v<version>:<base64url>");
        }
        String digits = text.substring(PREFIX.length(), colon);
        if (digits.isEmpty() || digits.length() > 10 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')
                || digits.charAt(0) == '0') {
            throw new MalformedKeyDataException("versioned value has a malformed version number");
        }
        long version = Long.parseLong(digits);
        if (version > Integer.MAX_VALUE) {
            throw new MalformedKeyDataException("versioned value has a version number out of range");
        }
        byte[] bytes;
        try {
            bytes = Base64Url.decode(text.substring(colon + 1), "versioned value payload");
        } catch (MalformedKeyDataException e) {
            throw e;
        } catch (CryptoException e) {
            throw new MalformedKeyDataException(e.getMessage());
        }
        return new VersionedValue((int) version, bytes);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof VersionedValue that && version == that.version && java.util.Arrays.equals(bytes, that.bytes);
    }

    @Override
    public int hashCode() {
        return 31 * version + java.util.Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "VersionedValue[v" + version + ", " + bytes.length + " bytes]";
    }
}
