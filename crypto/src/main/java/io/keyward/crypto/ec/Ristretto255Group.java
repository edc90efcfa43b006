package io.keyward.crypto.ec;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.ristretto.RistrettoPoint;
import io.keyward.crypto.ec.ristretto.Scalar25519;
import io.keyward.crypto.h2c.ExpandMessageXmd;
import io.keyward.crypto.h2c.XmdHash;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * ristretto255 as the RFC 9497 section 4.1 group ristretto255-SHA512: elements are the 32-byte
 * RFC 9496 encodings, scalars 32-byte little-endian integers below l. HashToGroup is the one-way
 * map of 64 bytes of expand_message_xmd over SHA-512; HashToScalar reduces 64 such bytes mod l.
 */
public final class Ristretto255Group implements Group {
    public static final Ristretto255Group INSTANCE = new Ristretto255Group();

    private static final int LENGTH = 32;
    private static final int UNIFORM_LENGTH = 64;

    private final RistrettoElement generator = new RistrettoElement(RistrettoPoint.BASEPOINT);

    private Ristretto255Group() {}

    @Override
    public String name() {
        return "ristretto255-SHA512";
    }

    @Override
    public int elementLength() {
        return LENGTH;
    }

    @Override
    public int scalarLength() {
        return LENGTH;
    }

    @Override
    public Element generator() {
        return generator;
    }

    @Override
    public Element hashToGroup(byte[] input, byte[] dst) {
        byte[] uniform = ExpandMessageXmd.expand(XmdHash.SHA512, input, dst, UNIFORM_LENGTH);
        try {
            return new RistrettoElement(RistrettoPoint.fromUniformBytes(uniform));
        } finally {
            Bytes.zeroize(uniform);
        }
    }

    @Override
    public Scalar hashToScalar(byte[] input, byte[] dst) {
        byte[] uniform = ExpandMessageXmd.expand(XmdHash.SHA512, input, dst, UNIFORM_LENGTH);
        try {
            return new RistrettoScalar(Scalar25519.fromBytesModOrderWide(uniform));
        } finally {
            Bytes.zeroize(uniform);
        }
    }

    @Override
    public Scalar randomScalar(SecureRandom random) {
        return new RistrettoScalar(Scalar25519.random(random));
    }

    @Override
    public Element deserializeElement(byte[] encoded) {
        if (encoded == null || encoded.length != LENGTH) {
            throw new InvalidElementException("ristretto255 element must be " + LENGTH + " bytes");
        }
        RistrettoPoint point;
        try {
            point = RistrettoPoint.decode(encoded);
        } catch (CryptoException e) {
            throw new InvalidElementException("ristretto255 element is not a canonical encoding of a group element");
        }
        if (point.isIdentity()) {
            throw new InvalidElementException("ristretto255 element is the identity");
        }
        return new RistrettoElement(point);
    }

    @Override
    public Scalar deserializeScalar(byte[] encoded) {
        if (encoded == null || encoded.length != LENGTH) {
            throw new InvalidScalarException("ristretto255 scalar must be " + LENGTH + " bytes");
        }
        try {
            return new RistrettoScalar(Scalar25519.fromCanonicalBytes(encoded));
        } catch (CryptoException e) {
            throw new InvalidScalarException("ristretto255 scalar is not reduced modulo the group order");
        }
    }

    private static RistrettoElement element(Element e) {
        if (e instanceof RistrettoElement r) {
            return r;
        }
        throw new IllegalArgumentException("element of another group given to ristretto255");
    }

    private static RistrettoScalar scalar(Scalar s) {
        if (s instanceof RistrettoScalar r) {
            return r;
        }
        throw new IllegalArgumentException("scalar of another group given to ristretto255");
    }

    private record RistrettoElement(RistrettoPoint point) implements Element {
        @Override
        public Element add(Element other) {
            return new RistrettoElement(point.add(element(other).point));
        }

        @Override
        public Element multiply(Scalar scalar) {
            return new RistrettoElement(point.multiply(scalar(scalar).value));
        }

        @Override
        public boolean isIdentity() {
            return point.isIdentity();
        }

        @Override
        public byte[] serialize() {
            if (point.isIdentity()) {
                // RFC 9497 never serializes the identity: refuse rather than emit 32 zero bytes.
                throw new InvalidElementException("the identity element has no serialization");
            }
            return point.encode();
        }

        @Override
        public String toString() {
            return "RistrettoElement";
        }
    }

    private record RistrettoScalar(Scalar25519 value) implements Scalar {
        @Override
        public Scalar add(Scalar other) {
            return new RistrettoScalar(value.add(scalar(other).value));
        }

        @Override
        public Scalar subtract(Scalar other) {
            return new RistrettoScalar(value.subtract(scalar(other).value));
        }

        @Override
        public Scalar multiply(Scalar other) {
            return new RistrettoScalar(value.multiply(scalar(other).value));
        }

        @Override
        public Scalar invert() {
            if (value.isZero()) {
                throw new InvalidScalarException("zero has no inverse");
            }
            return new RistrettoScalar(value.invert());
        }

        @Override
        public boolean isZero() {
            return value.isZero();
        }

        @Override
        public byte[] serialize() {
            return value.toBytes();
        }

        @Override
        public String toString() {
            return "RistrettoScalar[redacted]";
        }
    }
}
