package io.keyward.crypto.sig;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPublicKey;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;

/**
 * ECDSA (FIPS 186-5) with SHA-256 on P-256 or secp256k1 and with SHA-384 on P-384, for one public
 * key and one signature encoding. The signature is decoded strictly first ({@link EcdsaSignatures});
 * P-256 and P-384 then verify through the JDK's SunEC, secp256k1 (which JDK 25 no longer has)
 * through BouncyCastle's {@code ECDSASigner}. High-s signatures are accepted, as FIPS 186 does; callers that need
 * Bitcoin-style low-s must check it themselves.
 */
public final class EcdsaVerifier implements Verifier {
    private final EcPublicKey publicKey;
    private final EcdsaEncoding encoding;
    private final ECPublicKey jdkKey;

    private EcdsaVerifier(EcPublicKey publicKey, EcdsaEncoding encoding) {
        this.publicKey = publicKey;
        this.encoding = encoding;
        this.jdkKey = publicKey.curve() != EcCurve.SECP256K1 ? publicKey.toJdk() : null;
    }

    public static EcdsaVerifier of(EcPublicKey publicKey, EcdsaEncoding encoding) {
        return new EcdsaVerifier(publicKey, encoding);
    }

    public EcPublicKey publicKey() {
        return publicKey;
    }

    public EcdsaEncoding encoding() {
        return encoding;
    }

    @Override
    public String algorithm() {
        return algorithmName(publicKey.curve(), encoding);
    }

    static String algorithmName(EcCurve curve, EcdsaEncoding encoding) {
        String name = switch (curve) {
            case P256 -> "P256-SHA256";
            case P384 -> "P384-SHA384";
            case SECP256K1 -> "secp256k1-SHA256";
        };
        return "ECDSA-" + name + "-" + (encoding == EcdsaEncoding.DER ? "DER" : "P1363");
    }

    @Override
    public void verify(byte[] signature, byte[] message) {
        EcCurve curve = publicKey.curve();
        EcdsaSignatures.Rs rs = EcdsaSignatures.decode(curve, encoding, signature);
        boolean valid = curve != EcCurve.SECP256K1 ? verifyJdk(rs, message) : verifyBouncyCastle(rs, message);
        if (!valid) {
            throw new InvalidSignatureException(algorithm() + " signature does not verify");
        }
    }

    private boolean verifyJdk(EcdsaSignatures.Rs rs, byte[] message) {
        try {
            Signature verifier = Signature.getInstance(jdkAlgorithm(publicKey.curve()));
            verifier.initVerify(jdkKey);
            verifier.update(message);
            return verifier.verify(EcdsaSignatures.encode(publicKey.curve(), EcdsaEncoding.IEEE_P1363, rs.r(), rs.s()));
        } catch (java.security.SignatureException e) {
            return false;
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm() + " is unavailable: " + e.getClass().getSimpleName());
        }
    }

    private boolean verifyBouncyCastle(EcdsaSignatures.Rs rs, byte[] message) {
        ECDSASigner verifier = new ECDSASigner();
        verifier.init(false, new ECPublicKeyParameters(publicKey.point(), publicKey.curve().domain()));
        return verifier.verifySignature(sha256(message), rs.r(), rs.s());
    }

    /** The JDK signature algorithm for a curve the JDK supports, in P1363 form. */
    static String jdkAlgorithm(EcCurve curve) {
        return curve == EcCurve.P384 ? "SHA384withECDSAinP1363Format" : "SHA256withECDSAinP1363Format";
    }

    static byte[] sha256(byte[] message) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(message);
        } catch (NoSuchAlgorithmException e) {
            throw new CryptoException("SHA-256 is unavailable");
        }
    }

    @Override
    public String toString() {
        return "EcdsaVerifier[" + algorithm() + "]";
    }
}
