package io.keyward.crypto.h2c;

import java.math.BigInteger;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat256;

/**
 * The RFC 9380 suite P256_XMD:SHA-256_SSWU_RO_ (section 8.2): hash_to_field with
 * expand_message_xmd over SHA-256 (L = 48, two field elements), the simplified SWU map with
 * Z = -10, and point addition; the cofactor of P-256 is 1.
 *
 * <p>The field reduction and the map run on fixed-size field arithmetic without branches on the
 * input (see {@link P256Sswu}), because the input is usually a password. Points are returned on
 * the curve instance given to the constructor so that callers can combine them with their own.
 */
public final class P256HashToCurve {
    private static final int L = 48;

    private final ECCurve curve;

    public P256HashToCurve(ECCurve curve) {
        if (!(curve instanceof SecP256R1Curve)) {
            throw new IllegalArgumentException("P256HashToCurve needs BouncyCastle's P-256 curve");
        }
        this.curve = curve;
    }

    /** hash_to_curve(msg) with the given domain separation tag. */
    public ECPoint hashToCurve(byte[] msg, byte[] dst) {
        byte[] uniform = ExpandMessageXmd.expand(XmdHash.SHA256, msg, dst, 2 * L);
        try {
            ECPoint q0 = toPoint(P256Sswu.map(fieldElement(uniform, 0)));
            ECPoint q1 = toPoint(P256Sswu.map(fieldElement(uniform, L)));
            return q0.add(q1).normalize();
        } finally {
            java.util.Arrays.fill(uniform, (byte) 0);
        }
    }

    /** map_to_curve(u) alone, for tests against the RFC's intermediate values. */
    ECPoint mapToCurve(BigInteger u) {
        return toPoint(P256Sswu.map(SecP256R1Field.fromBigInteger(u.mod(P256Sswu.P))));
    }

    /** OS2IP(uniform[offset, offset+L)) mod p, reduced as a 512-bit value by the field's own reduction. */
    private static int[] fieldElement(byte[] uniform, int offset) {
        int[] wide = new int[16];
        for (int i = 0; i < L; i++) {
            int b = uniform[offset + L - 1 - i] & 0xff; // i-th least significant byte
            wide[i >>> 2] |= b << ((i & 3) << 3);
        }
        int[] z = Nat256.create();
        SecP256R1Field.reduce(wide, z);
        java.util.Arrays.fill(wide, 0);
        return z;
    }

    private ECPoint toPoint(P256Sswu.Affine a) {
        return curve.createPoint(Nat256.toBigInteger(a.x()), Nat256.toBigInteger(a.y()));
    }

    public ECCurve curve() {
        return curve;
    }
}
