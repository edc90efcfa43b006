package io.keyward.crypto.sig;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.signers.ECDSASigner;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;

/**
 * ECDSA with SHA-256 on P-256 or secp256k1. P-256 signs through the JDK's SunEC (random nonce
 * from its {@link SecureRandom}); secp256k1 through BouncyCastle's {@code ECDSASigner} with RFC
 * 6979 deterministic nonces ({@code HMacDSAKCalculator} over HMAC-SHA256), so a weak random
 * source can never leak that key. Signatures are not normalized to low s.
 */
public final class EcdsaSigner implements Signer {
    private final EcPrivateKey privateKey;
    private final EcdsaEncoding encoding;
    private final EcdsaVerifier verifier;
    private final ECPrivateKey jdkKey;

    private EcdsaSigner(EcPrivateKey privateKey, EcdsaEncoding encoding) {
        this.privateKey = privateKey;
        this.encoding = encoding;
        this.verifier = EcdsaVerifier.of(privateKey.publicKey(), encoding);
        this.jdkKey = privateKey.curve() == EcCurve.P256 ? privateKey.toJdk() : null;
    }

    public static EcdsaSigner of(EcPrivateKey privateKey, EcdsaEncoding encoding) {
        return new EcdsaSigner(privateKey, encoding);
    }

    @Override
    public String algorithm() {
        return EcdsaVerifier.algorithmName(privateKey.curve(), encoding);
    }

    @Override
    public byte[] sign(byte[] message) {
        EcCurve curve = privateKey.curve();
        if (curve == EcCurve.P256) {
            byte[] p1363 = signJdk(message);
            if (encoding == EcdsaEncoding.IEEE_P1363) {
                return p1363;
            }
            int width = curve.fieldLength();
            return EcdsaSignatures.encode(curve, encoding, new BigInteger(1, Arrays.copyOfRange(p1363, 0, width)),
                    new BigInteger(1, Arrays.copyOfRange(p1363, width, 2 * width)));
        }
        ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
        signer.init(true, new ECPrivateKeyParameters(privateKey.scalar(), curve.domain()));
        BigInteger[] rs = signer.generateSignature(EcdsaVerifier.sha256(message));
        return EcdsaSignatures.encode(curve, encoding, rs[0], rs[1]);
    }

    private byte[] signJdk(byte[] message) {
        try {
            Signature signer = Signature.getInstance("SHA256withECDSAinP1363Format");
            signer.initSign(jdkKey);
            signer.update(message);
            return signer.sign();
        } catch (GeneralSecurityException e) {
            throw new CryptoException(algorithm() + " signing failed: " + e.getClass().getSimpleName());
        }
    }

    @Override
    public EcdsaVerifier verifier() {
        return verifier;
    }

    @Override
    public String toString() {
        return "EcdsaSigner[" + algorithm() + ", private key hidden]";
    }
}
