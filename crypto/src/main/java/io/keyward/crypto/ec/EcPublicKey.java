package io.keyward.crypto.ec;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;

/**
 * A validated public key on an {@link EcCurve}: the point is on the curve and not the identity.
 * Immutable; decoded from SPKI DER (namedCurve form only) or a SEC 1 point.
 */
public final class EcPublicKey {
    private final EcCurve curve;
    private final ECPoint point;

    private EcPublicKey(EcCurve curve, ECPoint point) {
        this.curve = curve;
        this.point = point;
    }

    /** From a SEC 1 point, compressed or uncompressed. */
    public static EcPublicKey fromPoint(EcCurve curve, byte[] sec1) {
        return new EcPublicKey(curve, curve.decodePoint(sec1));
    }

    /**
     * From a DER SubjectPublicKeyInfo ({@code id-ecPublicKey} with the curve's namedCurve OID).
     * Explicit curve parameters are refused: they are where invalid-curve attacks hide, and every
     * mainstream encoder names the curve. BER and trailing bytes are refused too.
     */
    public static EcPublicKey fromSpki(EcCurve curve, byte[] der) {
        String what = curve.displayName() + " public key";
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (spki == null || !Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
                throw new InvalidKeyException(what + " is not DER SubjectPublicKeyInfo");
            }
        } catch (IOException | IllegalArgumentException | IllegalStateException | ClassCastException e) {
            throw new InvalidKeyException(what + " is not DER SubjectPublicKeyInfo");
        }
        AlgorithmIdentifier algorithm = spki.getAlgorithm();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(algorithm.getAlgorithm())) {
            throw new InvalidKeyException(what + " is not an EC key");
        }
        ASN1Encodable parameters = algorithm.getParameters();
        if (!(parameters instanceof ASN1ObjectIdentifier named)) {
            throw new InvalidKeyException(what + " must name its curve (explicit parameters are refused)");
        }
        if (!curve.oid().equals(named)) {
            throw new InvalidKeyException(what + " is on another curve");
        }
        if (spki.getPublicKeyData().getPadBits() != 0) {
            throw new InvalidKeyException(what + " has a malformed bit string");
        }
        return fromPoint(curve, spki.getPublicKeyData().getOctets());
    }

    public EcCurve curve() {
        return curve;
    }

    /** The normalized BouncyCastle point (for the primitives in this module). */
    public ECPoint point() {
        return point;
    }

    public byte[] uncompressed() {
        return point.getEncoded(false);
    }

    public byte[] compressed() {
        return point.getEncoded(true);
    }

    /** DER SubjectPublicKeyInfo with the namedCurve OID and the uncompressed point. */
    public byte[] spki() {
        try {
            return new SubjectPublicKeyInfo(new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, curve.oid()),
                    uncompressed()).getEncoded(ASN1Encoding.DER);
        } catch (IOException e) {
            throw new CryptoException(curve.displayName() + " public key could not be encoded");
        }
    }

    /** This key as a JDK key, for the curves the JDK supports (P-256, P-384). */
    public ECPublicKey toJdk() {
        try {
            var spec = new ECPublicKeySpec(new java.security.spec.ECPoint(
                    point.getAffineXCoord().toBigInteger(), point.getAffineYCoord().toBigInteger()), JdkCurves.spec(curve));
            return (ECPublicKey) KeyFactory.getInstance("EC").generatePublic(spec);
        } catch (GeneralSecurityException e) {
            throw new InvalidKeyException(curve.displayName() + " public key was refused by the JDK provider");
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EcPublicKey that && curve == that.curve && point.equals(that.point);
    }

    @Override
    public int hashCode() {
        return curve.hashCode() * 31 + point.hashCode();
    }

    @Override
    public String toString() {
        return "EcPublicKey[" + curve.displayName() + ", " + HexFormat.of().formatHex(compressed()) + "]";
    }
}
