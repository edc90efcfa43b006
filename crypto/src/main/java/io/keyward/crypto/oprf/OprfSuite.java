package io.keyward.crypto.oprf;

import io.keyward.crypto.ec.Group;
import io.keyward.crypto.ec.P256Group;
import io.keyward.crypto.ec.Ristretto255Group;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** The RFC 9497 ciphersuites Keyward speaks: a prime-order group and the hash used by Finalize. */
public enum OprfSuite {
    RISTRETTO255_SHA512("ristretto255-SHA512", "SHA-512", 64),
    P256_SHA256("P256-SHA256", "SHA-256", 32);

    private final String identifier;
    private final String hashAlgorithm;
    private final int hashLength;

    OprfSuite(String identifier, String hashAlgorithm, int hashLength) {
        this.identifier = identifier;
        this.hashAlgorithm = hashAlgorithm;
        this.hashLength = hashLength;
    }

    /** The RFC 9497 identifier, as it appears in the context string. */
    public String identifier() {
        return identifier;
    }

    public Group group() {
        return switch (this) {
            case RISTRETTO255_SHA512 -> Ristretto255Group.INSTANCE;
            case P256_SHA256 -> P256Group.INSTANCE;
        };
    }

    /** Nh: the output length of Finalize. */
    public int hashLength() {
        return hashLength;
    }

    MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance(hashAlgorithm);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(hashAlgorithm + " is missing from this JDK", e);
        }
    }

    /** contextString = "OPRFV1-" || I2OSP(mode, 1) || "-" || identifier, for the given mode. */
    byte[] contextString(int mode) {
        byte[] prefix = "OPRFV1-".getBytes(StandardCharsets.US_ASCII);
        byte[] id = ("-" + identifier).getBytes(StandardCharsets.US_ASCII);
        byte[] out = new byte[prefix.length + 1 + id.length];
        System.arraycopy(prefix, 0, out, 0, prefix.length);
        out[prefix.length] = (byte) mode;
        System.arraycopy(id, 0, out, prefix.length + 1, id.length);
        return out;
    }
}
