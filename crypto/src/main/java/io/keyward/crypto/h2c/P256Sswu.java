package io.keyward.crypto.h2c;

import java.math.BigInteger;
import org.bouncycastle.math.ec.custom.sec.SecP256R1Field;
import org.bouncycastle.math.raw.Nat;
import org.bouncycastle.math.raw.Nat256;

/**
 * The simplified Shallue-van de Woestijne-Ulas map for P-256 (RFC 9380 section 6.6.2), in the
 * straight-line form of appendix F.2 with sqrt_ratio for q = 3 mod 4 (appendix F.2.1.2).
 *
 * <p>Written on BouncyCastle's fixed-size P-256 field arithmetic with masked selection instead of
 * branches, so that the time taken does not depend on the (password-derived) input: BouncyCastle's
 * own {@code hash2curve} map works on {@link BigInteger}, whose square roots and comparisons are
 * variable-time.
 */
final class P256Sswu {
    static final BigInteger P = new BigInteger("ffffffff00000001000000000000000000000000ffffffffffffffffffffffff", 16);
    private static final BigInteger B_VALUE = new BigInteger("5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604b", 16);

    private static final int[] A = SecP256R1Field.fromBigInteger(P.subtract(BigInteger.valueOf(3)));
    private static final int[] B = SecP256R1Field.fromBigInteger(B_VALUE);
    private static final int[] Z = SecP256R1Field.fromBigInteger(P.subtract(BigInteger.TEN));
    private static final int[] ONE = SecP256R1Field.fromBigInteger(BigInteger.ONE);
    /** c1 = (q - 3) / 4, the public exponent of sqrt_ratio_3mod4. */
    private static final BigInteger C1 = P.subtract(BigInteger.valueOf(3)).shiftRight(2);
    /** c2 = sqrt(-Z) = sqrt(10). */
    private static final int[] C2;

    static {
        BigInteger ten = BigInteger.TEN;
        BigInteger root = ten.modPow(P.add(BigInteger.ONE).shiftRight(2), P);
        if (!root.multiply(root).mod(P).equals(ten)) {
            throw new ExceptionInInitializerError("10 is not a square modulo the P-256 prime");
        }
        C2 = SecP256R1Field.fromBigInteger(root);
    }

    private P256Sswu() {}

    /** Affine coordinates of map_to_curve(u), each a fully reduced 8-limb field element. */
    record Affine(int[] x, int[] y) {}

    /** map_to_curve_simple_swu(u) for u in [0, p), given as 8 little-endian 32-bit limbs. */
    static Affine map(int[] u) {
        int[] tv1 = Nat256.create();
        int[] tv2 = Nat256.create();
        int[] tv3 = Nat256.create();
        int[] tv4 = Nat256.create();
        int[] tv5 = Nat256.create();
        int[] tv6 = Nat256.create();
        int[] x = Nat256.create();
        int[] y = Nat256.create();

        SecP256R1Field.square(u, tv1);               // 1. tv1 = u^2
        SecP256R1Field.multiply(Z, tv1, tv1);        // 2. tv1 = Z * tv1
        SecP256R1Field.square(tv1, tv2);             // 3. tv2 = tv1^2
        SecP256R1Field.add(tv2, tv1, tv2);           // 4. tv2 = tv2 + tv1
        SecP256R1Field.add(tv2, ONE, tv3);           // 5. tv3 = tv2 + 1
        SecP256R1Field.multiply(B, tv3, tv3);        // 6. tv3 = B * tv3
        SecP256R1Field.negate(tv2, tv4);             // 7. tv4 = CMOV(Z, -tv2, tv2 != 0)
        Nat.cmov(8, SecP256R1Field.isZero(tv2), Z, 0, tv4, 0);
        SecP256R1Field.multiply(A, tv4, tv4);        // 8. tv4 = A * tv4
        SecP256R1Field.square(tv3, tv2);             // 9. tv2 = tv3^2
        SecP256R1Field.square(tv4, tv6);             // 10. tv6 = tv4^2
        SecP256R1Field.multiply(A, tv6, tv5);        // 11. tv5 = A * tv6
        SecP256R1Field.add(tv2, tv5, tv2);           // 12. tv2 = tv2 + tv5
        SecP256R1Field.multiply(tv2, tv3, tv2);      // 13. tv2 = tv2 * tv3
        SecP256R1Field.multiply(tv6, tv4, tv6);      // 14. tv6 = tv6 * tv4
        SecP256R1Field.multiply(B, tv6, tv5);        // 15. tv5 = B * tv6
        SecP256R1Field.add(tv2, tv5, tv2);           // 16. tv2 = tv2 + tv5
        SecP256R1Field.multiply(tv1, tv3, x);        // 17. x = tv1 * tv3
        int[] y1 = Nat256.create();
        int isGx1Square = sqrtRatio(tv2, tv6, y1);   // 18. (is_gx1_square, y1) = sqrt_ratio(tv2, tv6)
        SecP256R1Field.multiply(tv1, u, y);          // 19. y = tv1 * u
        SecP256R1Field.multiply(y, y1, y);           // 20. y = y * y1
        Nat.cmov(8, isGx1Square, tv3, 0, x, 0);      // 21. x = CMOV(x, tv3, is_gx1_square)
        Nat.cmov(8, isGx1Square, y1, 0, y, 0);       // 22. y = CMOV(y, y1, is_gx1_square)
        int e1 = ~(sgn0(u) ^ sgn0(y)) & 1;           // 23. e1 = sgn0(u) == sgn0(y)
        int[] negY = Nat256.create();
        SecP256R1Field.negate(y, negY);              // 24. y = CMOV(-y, y, e1)
        Nat.cmov(8, e1 ^ 1, negY, 0, y, 0);
        int[] inv = Nat256.create();
        SecP256R1Field.inv(tv4, inv);                // 25. x = x / tv4
        SecP256R1Field.multiply(x, inv, x);
        return new Affine(x, y);
    }

    /** sqrt_ratio_3mod4(u, v): writes y and returns 1 if u/v is square (y = sqrt(u/v)), else 0 (y = sqrt(Z*u/v)). */
    private static int sqrtRatio(int[] u, int[] v, int[] y) {
        int[] tv1 = Nat256.create();
        int[] tv2 = Nat256.create();
        int[] tv3 = Nat256.create();
        int[] y1 = Nat256.create();
        int[] y2 = Nat256.create();
        SecP256R1Field.square(v, tv1);               // 1. tv1 = v^2
        SecP256R1Field.multiply(u, v, tv2);          // 2. tv2 = u * v
        SecP256R1Field.multiply(tv1, tv2, tv1);      // 3. tv1 = tv1 * tv2
        pow(tv1, C1, y1);                            // 4. y1 = tv1^c1
        SecP256R1Field.multiply(y1, tv2, y1);        // 5. y1 = y1 * tv2
        SecP256R1Field.multiply(y1, C2, y2);         // 6. y2 = y1 * c2
        SecP256R1Field.square(y1, tv3);              // 7. tv3 = y1^2
        SecP256R1Field.multiply(tv3, v, tv3);        // 8. tv3 = tv3 * v
        int isQr = Nat.equalTo(8, tv3, u) & 1;       // 9. isQR = tv3 == u
        Nat256.copy(y2, y);                          // 10. y = CMOV(y2, y1, isQR)
        Nat.cmov(8, isQr, y1, 0, y, 0);
        return isQr;
    }

    /** x^e for a public exponent e: left-to-right square-and-multiply, branching only on e's bits. */
    private static void pow(int[] x, BigInteger e, int[] z) {
        int[] acc = Nat256.create();
        Nat256.copy(x, acc);
        for (int i = e.bitLength() - 2; i >= 0; i--) {
            SecP256R1Field.square(acc, acc);
            if (e.testBit(i)) {
                SecP256R1Field.multiply(acc, x, acc);
            }
        }
        Nat256.copy(acc, z);
    }

    /** sgn0 for a prime field: the parity of the fully reduced value. */
    private static int sgn0(int[] x) {
        return x[0] & 1;
    }
}
