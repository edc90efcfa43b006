package io.keyward.crypto.ec;

import io.keyward.crypto.InvalidKeyException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * A private scalar in [1, n-1] on an {@link EcCurve}. Immutable. {@code toString()} never shows
 * the scalar. Java cannot wipe a {@link BigInteger}; callers zeroize the byte forms they export.
 */
public final class EcPrivateKey {
    private final EcCurve curve;
    private final BigInteger scalar;

    private EcPrivateKey(EcCurve curve, BigInteger scalar) {
        this.curve = curve;
        this.scalar = scalar;
    }

    /** From a big-endian scalar of exactly {@link EcCurve#fieldLength()} bytes. */
    public static EcPrivateKey fromScalar(EcCurve curve, byte[] scalar) {
        return new EcPrivateKey(curve, curve.decodeScalar(scalar));
    }

    /** A uniformly random key (rejection sampling over field-length strings). */
    public static EcPrivateKey generate(EcCurve curve, SecureRandom random) {
        byte[] candidate = new byte[curve.fieldLength()];
        while (true) {
            random.nextBytes(candidate);
            BigInteger d = new BigInteger(1, candidate);
            if (d.signum() > 0 && d.compareTo(curve.order()) < 0) {
                Arrays.fill(candidate, (byte) 0);
                return new EcPrivateKey(curve, d);
            }
        }
    }

    public EcCurve curve() {
        return curve;
    }

    /** The scalar, for the primitives in this module. */
    public BigInteger scalar() {
        return scalar;
    }

    /** The field-length big-endian scalar; the caller owns (and should zeroize) the copy. */
    public byte[] toScalarBytes() {
        return BigIntegers.asUnsignedByteArray(curve.fieldLength(), scalar);
    }

    public EcPublicKey publicKey() {
        var point = new FixedPointCombMultiplier().multiply(curve.domain().getG(), scalar).normalize();
        return EcPublicKey.fromPoint(curve, point.getEncoded(false));
    }

    /** This key as a JDK key, for the curves the JDK supports (P-256, P-384). */
    public ECPrivateKey toJdk() {
        try {
            return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(scalar, JdkCurves.spec(curve)));
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(curve.displayName() + " private key was refused by the JDK provider");
        }
    }

    @Override
    public String toString() {
        return "EcPrivateKey[" + curve.displayName() + ", scalar hidden]";
    }
}
