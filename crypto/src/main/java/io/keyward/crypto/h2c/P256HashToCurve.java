package io.keyward.crypto.h2c;

import java.math.BigInteger;
import org.bouncycastle.crypto.hash2curve.impl.SimplifiedShallueVanDeWoestijneMapToCurve;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Curve;

/**
 * The RFC 9380 suite P256_XMD:SHA-256_SSWU_RO_ (section 8.2): hash_to_field with
 * expand_message_xmd over SHA-256 (L = 48, two field elements), the simplified SWU map with
 * Z = -10 (BouncyCastle's {@code hash2curve} implementation), and point addition; the cofactor
 * of P-256 is 1.
 *
 * <p>Points are returned on the curve instance given to the constructor so that callers can
 * combine them with their own points.
 */
public final class P256HashToCurve {
    private static final int L = 48;

    private final ECCurve curve;
    private final SimplifiedShallueVanDeWoestijneMapToCurve sswu;

    public P256HashToCurve(ECCurve curve) {
        if (!(curve instanceof SecP256R1Curve)) {
            throw new IllegalArgumentException("P256HashToCurve needs the P-256 curve");
        }
        this.curve = curve;
        BigInteger p = curve.getField().getCharacteristic();
        this.sswu = new SimplifiedShallueVanDeWoestijneMapToCurve(curve, p.subtract(BigInteger.TEN));
    }

    /** hash_to_curve(msg): a point indistinguishable from a random oracle output, never the identity in practice. */
    public ECPoint hashToCurve(byte[] msg, byte[] dst) {
        BigInteger[] u = HashToField.hashToField(XmdHash.SHA256, msg, dst, 2, curve.getField().getCharacteristic(), L);
        ECPoint q0 = sswu.process(u[0]);
        ECPoint q1 = sswu.process(u[1]);
        return q0.add(q1).normalize();
    }

    public ECCurve curve() {
        return curve;
    }
}
