package io.keyward.crypto.ec;

import io.keyward.crypto.h2c.ExpandMessageXmd;
import io.keyward.crypto.h2c.P256HashToCurve;
import io.keyward.crypto.h2c.XmdHash;
import io.keyward.crypto.util.Bytes;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECConstantTimeMultiplier;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECMultiplier;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * NIST P-256 as the RFC 9497 section 4.3 group P256-SHA256: elements are SEC1 compressed points
 * (33 bytes), scalars 32-byte big-endian integers below the group order n. HashToGroup is the
 * RFC 9380 suite P256_XMD:SHA-256_SSWU_RO_; HashToScalar is hash_to_field modulo n with
 * expand_message_xmd over SHA-256 and L = 48.
 *
 * <p>Multiplications use BouncyCastle's fixed-point comb for the generator and its constant-time
 * multiplier for other points, since the scalars are usually secret (OPRF and AKE keys, blinds).
 */
public final class P256Group implements Group {
    public static final P256Group INSTANCE = new P256Group();

    private static final int ELEMENT_LENGTH = 33;
    private static final int SCALAR_LENGTH = 32;
    private static final int HASH_TO_SCALAR_L = 48;

    private final ECCurve curve;
    private final BigInteger order;
    private final P256Element generator;
    private final P256HashToCurve hashToCurve;
    private final ConstantTimeReduction scalarReduction;
    private final ECMultiplier fixedBase = new FixedPointCombMultiplier();
    private final ECMultiplier variableBase = new ECConstantTimeMultiplier();

    private P256Group() {
        X9ECParameters params = CustomNamedCurves.getByName("P-256");
        this.curve = params.getCurve();
        this.order = params.getN();
        this.generator = new P256Element(params.getG().normalize(), true);
        this.hashToCurve = new P256HashToCurve(curve);
        this.scalarReduction = new ConstantTimeReduction(order);
    }

    @Override
    public String name() {
        return "P256-SHA256";
    }

    @Override
    public int elementLength() {
        return ELEMENT_LENGTH;
    }

    @Override
    public int scalarLength() {
        return SCALAR_LENGTH;
    }

    /** The group order n. */
    public BigInteger order() {
        return order;
    }

    @Override
    public Element generator() {
        return generator;
    }

    @Override
    public Element hashToGroup(byte[] input, byte[] dst) {
        return new P256Element(hashToCurve.hashToCurve(input, dst), false);
    }

    /** hash_to_field(input, 1) modulo n with L = 48, reduced in constant time (the input is often a secret seed). */
    @Override
    public Scalar hashToScalar(byte[] input, byte[] dst) {
        byte[] uniform = ExpandMessageXmd.expand(XmdHash.SHA256, input, dst, HASH_TO_SCALAR_L);
        try {
            return new P256Scalar(scalarReduction.reduce(uniform));
        } finally {
            Bytes.zeroize(uniform);
        }
    }

    @Override
    public Scalar randomScalar(SecureRandom random) {
        // Rejection sampling keeps the distribution exactly uniform on [1, n).
        byte[] bytes = new byte[SCALAR_LENGTH];
        while (true) {
            random.nextBytes(bytes);
            BigInteger k = new BigInteger(1, bytes);
            if (k.signum() != 0 && k.compareTo(order) < 0) {
                return new P256Scalar(k);
            }
        }
    }

    @Override
    public Element deserializeElement(byte[] encoded) {
        if (encoded == null || encoded.length != ELEMENT_LENGTH) {
            throw new InvalidElementException("P-256 element must be " + ELEMENT_LENGTH + " bytes (SEC1 compressed)");
        }
        if (encoded[0] != 0x02 && encoded[0] != 0x03) {
            throw new InvalidElementException("P-256 element must be a SEC1 compressed point");
        }
        ECPoint point;
        try {
            // decodePoint refuses x >= p and x values with no point on the curve.
            point = curve.decodePoint(encoded).normalize();
        } catch (RuntimeException e) {
            throw new InvalidElementException("P-256 element is not a point on the curve");
        }
        if (point.isInfinity() || !point.isValid()) {
            throw new InvalidElementException("P-256 element is not a valid non-identity point");
        }
        return new P256Element(point, false);
    }

    @Override
    public Scalar deserializeScalar(byte[] encoded) {
        if (encoded == null || encoded.length != SCALAR_LENGTH) {
            throw new InvalidScalarException("P-256 scalar must be " + SCALAR_LENGTH + " bytes");
        }
        BigInteger k = new BigInteger(1, encoded);
        if (k.compareTo(order) >= 0) {
            throw new InvalidScalarException("P-256 scalar is not reduced modulo the group order");
        }
        return new P256Scalar(k);
    }

    private P256Element element(Element e) {
        if (e instanceof P256Element p) {
            return p;
        }
        throw new IllegalArgumentException("element of another group given to P-256");
    }

    private P256Scalar scalar(Scalar s) {
        if (s instanceof P256Scalar p) {
            return p;
        }
        throw new IllegalArgumentException("scalar of another group given to P-256");
    }

    /** A point of P-256, kept normalized (affine) so that serialization is cheap. */
    private final class P256Element implements Element {
        private final ECPoint point;
        private final boolean isGenerator;

        P256Element(ECPoint point, boolean isGenerator) {
            this.point = point;
            this.isGenerator = isGenerator;
        }

        @Override
        public Element add(Element other) {
            return new P256Element(point.add(element(other).point).normalize(), false);
        }

        @Override
        public Element multiply(Scalar scalar) {
            BigInteger k = scalar(scalar).value;
            ECPoint product = (isGenerator ? fixedBase : variableBase).multiply(point, k);
            return new P256Element(product.normalize(), false);
        }

        @Override
        public boolean isIdentity() {
            return point.isInfinity();
        }

        @Override
        public byte[] serialize() {
            if (point.isInfinity()) {
                // RFC 9497 never serializes the identity; refusing beats emitting a 1-byte encoding.
                throw new InvalidElementException("the identity element has no serialization");
            }
            return point.getEncoded(true);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof P256Element other && point.equals(other.point);
        }

        @Override
        public int hashCode() {
            return point.hashCode();
        }

        @Override
        public String toString() {
            return "P256Element";
        }
    }

    /** An integer modulo n. */
    private final class P256Scalar implements Scalar {
        private final BigInteger value;

        P256Scalar(BigInteger value) {
            this.value = value;
        }

        @Override
        public Scalar add(Scalar other) {
            return new P256Scalar(value.add(scalar(other).value).mod(order));
        }

        @Override
        public Scalar subtract(Scalar other) {
            return new P256Scalar(value.subtract(scalar(other).value).mod(order));
        }

        @Override
        public Scalar multiply(Scalar other) {
            return new P256Scalar(value.multiply(scalar(other).value).mod(order));
        }

        @Override
        public Scalar invert() {
            if (value.signum() == 0) {
                throw new InvalidScalarException("zero has no inverse");
            }
            // modOddInverse runs in time independent of the value (n is odd).
            return new P256Scalar(BigIntegers.modOddInverse(order, value));
        }

        @Override
        public boolean isZero() {
            return value.signum() == 0;
        }

        @Override
        public byte[] serialize() {
            return BigIntegers.asUnsignedByteArray(SCALAR_LENGTH, value);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof P256Scalar other && value.equals(other.value);
        }

        @Override
        public int hashCode() {
            return value.hashCode();
        }

        @Override
        public String toString() {
            return "P256Scalar[redacted]";
        }
    }
}
