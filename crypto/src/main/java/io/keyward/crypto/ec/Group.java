package io.keyward.crypto.ec;

import java.security.SecureRandom;

/**
 * A prime-order group as RFC 9497 section 2.1 describes it, the one abstraction OPRF and OPAQUE
 * are written against. Implementations: ristretto255 (with SHA-512) and P-256 (with SHA-256).
 *
 * <p>Elements and scalars of one group must not be mixed with another's; implementations check.
 * Deserialization is strict: non-canonical encodings, points off the curve and (for elements) the
 * identity are refused with {@link io.keyward.crypto.CryptoException}.
 */
public interface Group {
    /** The RFC 9497 identifier, e.g. {@code ristretto255-SHA512} or {@code P256-SHA256}. */
    String name();

    /** Ne: bytes of a serialized element. */
    int elementLength();

    /** Ns: bytes of a serialized scalar. */
    int scalarLength();

    Element generator();

    Element hashToGroup(byte[] input, byte[] dst);

    Scalar hashToScalar(byte[] input, byte[] dst);

    /** A uniformly random non-zero scalar. */
    Scalar randomScalar(SecureRandom random);

    Element deserializeElement(byte[] encoded);

    Scalar deserializeScalar(byte[] encoded);

    /** A group element. Immutable. */
    interface Element {
        Element add(Element other);

        Element multiply(Scalar scalar);

        boolean isIdentity();

        byte[] serialize();
    }

    /** A scalar modulo the group order. Immutable; {@code toString()} never shows its value. */
    interface Scalar {
        Scalar add(Scalar other);

        Scalar subtract(Scalar other);

        Scalar multiply(Scalar other);

        /** The multiplicative inverse; the zero scalar has none and is refused. */
        Scalar invert();

        boolean isZero();

        byte[] serialize();
    }
}
