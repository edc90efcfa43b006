package io.keyward.crypto.ec;

import io.keyward.crypto.InvalidKeyException;
import java.math.BigInteger;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.math.ec.ECPoint;

/**
 * The short-Weierstrass curves Keyward keys live on, with strict decoding of their points and
 * scalars. Arithmetic and point validation are BouncyCastle's constant-time custom curves.
 */
public enum EcCurve {
    /** NIST P-256 (secp256r1, prime256v1). */
    P256("P-256", "secp256r1", SECObjectIdentifiers.secp256r1),
    /** NIST P-384 (secp384r1). */
    P384("P-384", "secp384r1", SECObjectIdentifiers.secp384r1),
    /** secp256k1 (SEC 2), the curve of Bitcoin and Ethereum keys. */
    SECP256K1("secp256k1", "secp256k1", SECObjectIdentifiers.secp256k1);

    private final String displayName;
    private final String standardName;
    private final ASN1ObjectIdentifier oid;
    private final ECDomainParameters domain;

    EcCurve(String displayName, String standardName, ASN1ObjectIdentifier oid) {
        this.displayName = displayName;
        this.standardName = standardName;
        this.oid = oid;
        X9ECParameters x9 = CustomNamedCurves.getByOID(oid);
        this.domain = new ECDomainParameters(x9.getCurve(), x9.getG(), x9.getN(), x9.getH(), x9.getSeed());
    }

    public String displayName() {
        return displayName;
    }

    /** The SEC 2 name, which is also the JDK's ({@code ECGenParameterSpec}). */
    public String standardName() {
        return standardName;
    }

    /** The namedCurve object identifier of SPKI and PKCS#8 encodings. */
    public ASN1ObjectIdentifier oid() {
        return oid;
    }

    public ECDomainParameters domain() {
        return domain;
    }

    /** Bytes of a field element and of a scalar (P-256 and secp256k1: 32; P-384: 48). */
    public int fieldLength() {
        return (domain.getCurve().getFieldSize() + 7) / 8;
    }

    public BigInteger order() {
        return domain.getN();
    }

    /**
     * Decodes a SEC 1 point (uncompressed {@code 04||x||y} or compressed {@code 02/03||x}) and
     * checks it is on this curve and not the identity. All these curves have cofactor 1, so every such
     * point is in the prime-order group.
     */
    public ECPoint decodePoint(byte[] encoded) {
        ECPoint point;
        try {
            point = domain.getCurve().decodePoint(encoded);
        } catch (IllegalArgumentException | ArithmeticException | ArrayIndexOutOfBoundsException e) {
            throw new InvalidKeyException(displayName + " public key is not a valid point on the curve");
        }
        if (point.isInfinity()) {
            throw new InvalidKeyException(displayName + " public key is the point at infinity");
        }
        if (!point.isValid()) {
            throw new InvalidKeyException(displayName + " public key is not a valid point on the curve");
        }
        return point.normalize();
    }

    /** Decodes a big-endian scalar of exactly {@link #fieldLength()} bytes in [1, n-1]. */
    public BigInteger decodeScalar(byte[] encoded) {
        if (encoded.length != fieldLength()) {
            throw new InvalidKeyException(displayName + " private key must be " + fieldLength() + " bytes");
        }
        BigInteger d = new BigInteger(1, encoded);
        if (d.signum() == 0 || d.compareTo(order()) >= 0) {
            throw new InvalidKeyException(displayName + " private key is out of range");
        }
        return d;
    }
}
