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
        return addCached(Cached.of(o));
    }

    public RistrettoPoint subtract(RistrettoPoint o) {
        return add(o.negate());
    }

    public RistrettoPoint negate() {
        return new RistrettoPoint(Field25519.negate(x), y, z, Field25519.negate(t));
    }

    /** Doubling ("dbl-2008-hwcd" with a = -1, signs folded so every output is a product). */
    RistrettoPoint twice() {
        int[] a = sqr(x);
        int[] b = sqr(y);
        int[] c = sqr(z);
        c = plus(c, c);
        int[] h = plus(a, b);
        int[] e = Field25519.carried(minus(h, sqr(plus(x, y)))); // -E
        int[] g = minus(a, b);                                   // -G
        int[] f = Field25519.carried(plus(c, g));               // -F
        return new RistrettoPoint(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
    }

    /**
     * Scalar multiplication, constant time in {@code s}: 4-bit fixed window, 64 digits from the
     * top, four doublings and one addition per digit, table entry chosen by masked moves over all
     * 16 entries (entry 0 is the identity, so a zero digit costs the same).
     */
    public RistrettoPoint multiply(Scalar25519 s) {
        Cached[] table = new Cached[16];
        table[0] = Cached.IDENTITY;
        table[1] = Cached.of(this);
        RistrettoPoint multiple = this;
        for (int i = 2; i < 16; i++) {
            multiple = multiple.addCached(table[1]);
            table[i] = Cached.of(multiple);
        }

        RistrettoPoint acc = IDENTITY;
        for (int digit = 63; digit >= 0; digit--) {
            acc = acc.twice().twice().twice().twice();
            acc = acc.addCached(Cached.select(table, s.nibble(digit)));
        }
        return acc;
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
        return "RistrettoPoint[" + HexFormat.of().formatHex(encode()) + "]";
    }

    private RistrettoPoint addCached(Cached q) {
        int[] a = mul(minus(y, x), q.yMinusX);
        int[] b = mul(plus(y, x), q.yPlusX);
        int[] c = mul(t, q.t2d);
        int[] d = mul(z, q.z2);
        int[] e = minus(b, a);
        int[] f = minus(d, c);
        int[] g = plus(d, c);
        int[] h = plus(b, a);
        return new RistrettoPoint(mul(e, f), mul(g, h), mul(f, g), mul(e, h));
    }

    /** A point prepared as an addend: (Y+X, Y-X, 2d*T, 2Z), saving work in table lookups. */
    private record Cached(int[] yPlusX, int[] yMinusX, int[] t2d, int[] z2) {
        static final Cached IDENTITY = of(RistrettoPoint.IDENTITY);

        static Cached of(RistrettoPoint p) {
            return new Cached(Field25519.carried(plus(p.y, p.x)), Field25519.carried(minus(p.y, p.x)),
                    mul(p.t, Field25519.D2), Field25519.carried(plus(p.z, p.z)));
        }

        /** table[index], reading every entry and keeping one by masks. */
        static Cached select(Cached[] table, int index) {
            int[] ypx = Field25519.create();
            int[] ymx = Field25519.create();
            int[] t2d = Field25519.create();
            int[] z2 = Field25519.create();
            for (int i = 0; i < table.length; i++) {
                int mask = ((i ^ index) - 1) >> 31; // -1 exactly when i == index
                Cached e = table[i];
                org.bouncycastle.math.ec.rfc7748.X25519Field.cmov(mask, e.yPlusX, 0, ypx, 0);
                org.bouncycastle.math.ec.rfc7748.X25519Field.cmov(mask, e.yMinusX, 0, ymx, 0);
                org.bouncycastle.math.ec.rfc7748.X25519Field.cmov(mask, e.t2d, 0, t2d, 0);
                org.bouncycastle.math.ec.rfc7748.X25519Field.cmov(mask, e.z2, 0, z2, 0);
            }
            return new Cached(ypx, ymx, t2d, z2);
        }
    }
}
