package io.keyward.crypto.ec.ristretto;

import static io.keyward.crypto.ec.ristretto.Field25519.minus;
import static io.keyward.crypto.ec.ristretto.Field25519.mul;
import static io.keyward.crypto.ec.ristretto.Field25519.plus;
import static io.keyward.crypto.ec.ristretto.Field25519.sqr;

import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

/**
 * An element of the ristretto255 group (RFC 9496 section 4), held as a representative point
 * (X:Y:Z:T) in extended twisted Edwards coordinates on edwards25519. Immutable.
 *
 * <p>Equality is group equality (section 4.3.3), not equality of representatives. Decoding,
 * encoding, the one-way map and {@link #multiply} are constant time in the values they handle:
 * validity checks are combined as masks and inspected once at the end, selections use masked moves,
 * and scalar multiplication is a fixed 4-bit window over all 64 digits with a full scan of the
 * 16-entry table for each digit. Group addition uses the complete (exception-free) formulas for
 * a = -1 twisted Edwards curves (Hisil-Wong-Carter-Dawson 2008), so no input needs special casing.
 */
public final class RistrettoPoint {
    /** The identity element (encodes as 32 zero bytes). */
    public static final RistrettoPoint IDENTITY = new RistrettoPoint(
            Field25519.create(), Field25519.one(), Field25519.one(), Field25519.create());

    /** The generator: the Ed25519 base point, encoded e2f2ae0a...2d76 (RFC 9496 A.1). */
    public static final RistrettoPoint BASEPOINT = decode(HexFormat.of().parseHex(
            "e2f2ae0a6abc4e71a884a961c500515f58e30b6aa582dd8db6a65945e08d2d76"));

    private final int[] x;
    private final int[] y;
    private final int[] z;
    private final int[] t;

    private RistrettoPoint(int[] x, int[] y, int[] z, int[] t) {
        this.x = x;
        this.y = y;
        this.z = z;
        this.t = t;
    }

    /** A representative given directly in extended coordinates; tests use it for torsion points. */
    static RistrettoPoint fromExtended(int[] x, int[] y, int[] z, int[] t) {
        return new RistrettoPoint(x.clone(), y.clone(), z.clone(), t.clone());
    }

    /**
     * Decodes 32 bytes (RFC 9496 section 4.3.1). Non-canonical field encodings, negative s, and
     * strings that decode to no valid element are refused with {@link InvalidEncodingException}.
     */
    public static RistrettoPoint decode(byte[] encoded32) {
        if (encoded32 == null || encoded32.length != 32) {
            throw new InvalidEncodingException("ristretto255 element must be 32 bytes, got "
                    + (encoded32 == null ? "null" : encoded32.length));
        }
        int[] s = Field25519.decode(encoded32, 0);
        // Canonical iff re-encoding gives the same bytes (catches s >= p and a set top bit).
        byte[] canonical = Field25519.encode(s);
        int canonicalMask = MessageDigest.isEqual(canonical, encoded32) ? -1 : 0;
        int sNegative = canonical[0] & 1;

        int[] one = Field25519.one();
        int[] ss = sqr(s);
        int[] u1 = minus(one, ss);
        int[] u2 = plus(one, ss);
        int[] u2Sqr = sqr(u2);
        int[] v = minus(Field25519.negate(mul(Field25519.D, sqr(u1))), u2Sqr);

        Field25519.SqrtRatio inv = Field25519.sqrtRatioM1(one, mul(v, u2Sqr));
        int[] invSqrt = inv.root();
        int[] denX = mul(invSqrt, u2);
        int[] denY = mul(mul(invSqrt, denX), v);

        int[] px = Field25519.abs(mul(plus(s, s), denX));
        int[] py = mul(u1, denY);
        int[] pt = mul(px, py);

        int valid = canonicalMask & ~(-sNegative) & inv.wasSquare()
                & ~(-Field25519.isNegative(pt)) & ~Field25519.ctIsZero(py);
        if (valid == 0) {
            throw new InvalidEncodingException("not a valid ristretto255 encoding");
        }
        return new RistrettoPoint(px, py, one, pt);
    }

    /** Encodes this element as 32 bytes (RFC 9496 section 4.3.2); equal elements encode equally. */
    public byte[] encode() {
        int[] u1 = mul(plus(z, y), minus(z, y));
        int[] u2 = mul(x, y);
        int[] invSqrt = Field25519.sqrtRatioM1(Field25519.one(), mul(u1, sqr(u2))).root();
        int[] den1 = mul(invSqrt, u1);
        int[] den2 = mul(invSqrt, u2);
        int[] zInv = mul(mul(den1, den2), t);

        int[] ix0 = mul(x, Field25519.SQRT_M1);
        int[] iy0 = mul(y, Field25519.SQRT_M1);
        int[] enchantedDenominator = mul(den1, Field25519.INVSQRT_A_MINUS_D);

        int rotate = -Field25519.isNegative(mul(t, zInv));
        int[] rx = Field25519.select(rotate, iy0, x);
        int[] ry = Field25519.select(rotate, ix0, y);
        int[] denInv = Field25519.select(rotate, enchantedDenominator, den2);

        ry = Field25519.conditionalNegate(Field25519.isNegative(mul(rx, zInv)), ry);
        int[] s = Field25519.abs(mul(denInv, minus(z, ry)));
        return Field25519.encode(s);
    }

    /**
     * The one-way map from 64 uniformly random bytes to an element (RFC 9496 section 4.3.4), the
     * last step of hash-to-group: MAP of each 32-byte half (top bit masked), added.
     */
    public static RistrettoPoint fromUniformBytes(byte[] bytes64) {
        if (bytes64 == null || bytes64.length != 64) {
            throw new InvalidEncodingException("uniform bytes must be 64 bytes, got "
                    + (bytes64 == null ? "null" : bytes64.length));
        }
        RistrettoPoint p1 = map(Field25519.decode(bytes64, 0));
        RistrettoPoint p2 = map(Field25519.decode(bytes64, 32));
        return p1.add(p2);
    }

    /** MAP(t), RFC 9496 section 4.3.4 (Elligator 2 adapted to ristretto255). */
    private static RistrettoPoint map(int[] t0) {
        int[] one = Field25519.one();
        int[] r = mul(Field25519.SQRT_M1, sqr(t0));
        int[] u = mul(plus(r, one), Field25519.ONE_MINUS_D_SQ);
        int[] v = mul(minus(Field25519.negate(one), mul(r, Field25519.D)), plus(r, Field25519.D));

        Field25519.SqrtRatio sr = Field25519.sqrtRatioM1(u, v);
        int wasSquare = sr.wasSquare();
        int[] sPrime = Field25519.negate(Field25519.abs(mul(sr.root(), t0)));
        int[] s = Field25519.select(wasSquare, sr.root(), sPrime);
        int[] c = Field25519.select(wasSquare, Field25519.negate(one), r);

        int[] n = minus(mul(mul(c, minus(r, one)), Field25519.D_MINUS_ONE_SQ), v);

        int[] sSq = sqr(s);
        int[] w0 = mul(plus(s, s), v);
        int[] w1 = mul(n, Field25519.SQRT_AD_MINUS_ONE);
        int[] w2 = minus(one, sSq);
        int[] w3 = plus(one, sSq);
        return new RistrettoPoint(mul(w0, w3), mul(w2, w1), mul(w1, w3), mul(w0, w2));
    }

    /** Group addition (complete extended-coordinates formula, "add-2008-hwcd-3"). */
    public RistrettoPoint add(RistrettoPoint o) {
        ExtendedPoint sum = mutableCopy();
        sum.add(ExtendedPoint.Cached.of(o.x, o.y, o.z, o.t));
        return of(sum);
    }

    public RistrettoPoint subtract(RistrettoPoint o) {
        return add(o.negate());
    }

    public RistrettoPoint negate() {
        return new RistrettoPoint(Field25519.negate(x), y, z, Field25519.negate(t));
    }

    /** Doubling, for tests of the doubling formula against RFC 9496 A.1. */
    RistrettoPoint twice() {
        ExtendedPoint p = mutableCopy();
        p.twice(true);
        return of(p);
    }

    /**
     * Scalar multiplication, constant time in {@code s}: a 4-bit fixed window over all 64 digits
     * from the top, four doublings and one addition per digit, the table entry picked by masked
     * moves over all 16 entries (entry 0 is the identity, so a zero digit costs the same).
     * Multiplying {@link #BASEPOINT} uses a precomputed table instead (see {@link BasepointTable}).
     */
    public RistrettoPoint multiply(Scalar25519 s) {
        if (this == BASEPOINT) { // object identity: public, says nothing about s
            return of(BasepointTable.multiply(s));
        }
        ExtendedPoint.Cached[] table = new ExtendedPoint.Cached[16];
        ExtendedPoint multiple = new ExtendedPoint().setIdentity();
        table[0] = ExtendedPoint.Cached.of(multiple);
        table[1] = ExtendedPoint.Cached.of(x, y, z, t);
        for (int i = 2; i < 16; i++) {
            multiple.set(x, y, z, t);
            multiple.add(table[i - 1]);
            table[i] = ExtendedPoint.Cached.of(multiple);
        }

        ExtendedPoint acc = new ExtendedPoint().setIdentity();
        ExtendedPoint.Cached addend = new ExtendedPoint.Cached();
        for (int digit = 63; digit >= 0; digit--) {
            acc.twice(false);
            acc.twice(false);
            acc.twice(false);
            acc.twice(true);
            ExtendedPoint.Cached.select(table, s.nibble(digit), addend);
            acc.add(addend);
        }
        return of(acc);
    }

    public boolean isIdentity() {
        return equals(IDENTITY);
    }

    /** Group equality, RFC 9496 section 4.3.3: x1*y2 == y1*x2 or y1*y2 == x1*x2. */
    @Override
    public boolean equals(Object obj) {
        if (!(obj instanceof RistrettoPoint o)) {
            return false;
        }
        int eq = Field25519.ctEqual(mul(x, o.y), mul(y, o.x))
                | Field25519.ctEqual(mul(y, o.y), mul(x, o.x));
        return eq != 0;
    }

    /** Hash of the canonical encoding, so equal elements hash equally. */
    @Override
    public int hashCode() {
        return Arrays.hashCode(encode());
    }

    @Override
    public String toString() {
        // An element can be secret-derived (an OPRF output), so its value is never shown.
        return "RistrettoPoint[redacted]";
    }

    void copyInto(ExtendedPoint p) {
        p.set(x, y, z, t);
    }

    private ExtendedPoint mutableCopy() {
        return new ExtendedPoint().set(x, y, z, t);
    }

    static RistrettoPoint of(ExtendedPoint p) {
        return new RistrettoPoint(p.x.clone(), p.y.clone(), p.z.clone(), p.t.clone());
    }
}
