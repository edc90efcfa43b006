package io.keyward.crypto.h2c;

import org.bouncycastle.crypto.ExtendedDigest;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.digests.SHA512Digest;

/**
 * The hash functions expand_message_xmd is defined over in this project, with the two sizes
 * RFC 9380 section 5.3.1 needs: {@code b_in_bytes} (output) and {@code s_in_bytes} (input block).
 */
public enum XmdHash {
    SHA256(32, 64),
    SHA512(64, 128);

    private final int outputLength;
    private final int blockLength;

    XmdHash(int outputLength, int blockLength) {
        this.outputLength = outputLength;
        this.blockLength = blockLength;
    }

    /** b_in_bytes. */
    public int outputLength() {
        return outputLength;
    }

    /** s_in_bytes. */
    public int blockLength() {
        return blockLength;
    }

    ExtendedDigest newDigest() {
        return switch (this) {
            case SHA256 -> new SHA256Digest();
            case SHA512 -> new SHA512Digest();
        };
    }
}
