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
 * ECDSA with SHA-256 on P-256 or secp256k1, and with SHA-384 on P-384. P-256 and P-384 sign
 * through the JDK's SunEC (random nonce from its {@link SecureRandom}); secp256k1 through
 * BouncyCastle's {@code ECDSASigner} with RFC 6979 deterministic nonces ({@code HMacDSAKCalculator}
 * over HMAC-SHA256), so a weak random source can never leak that key. Signatures are normalized to
 * low s (s <= n/2, as Bitcoin's BIP 62/146 and Ethereum require) only when asked for.
 */
public final class EcdsaSigner implements Signer {
    private final EcPrivateKey privateKey;
    private final EcdsaEncoding encoding;
    private final EcdsaVerifier verifier;
    private final ECPrivateKey jdkKey;
    private final boolean lowS;

    private EcdsaSigner(EcPrivateKey privateKey, EcdsaEncoding encoding, boolean lowS) {
        this.privateKey = privateKey;
        this.encoding = encoding;
        this.lowS = lowS;
        this.verifier = EcdsaVerifier.of(privateKey.publicKey(), encoding);
        this.jdkKey = privateKey.curve() != EcCurve.SECP256K1 ? privateKey.toJdk() : null;
    }

    public static EcdsaSigner of(EcPrivateKey privateKey, EcdsaEncoding encoding) {
        return new EcdsaSigner(privateKey, encoding, false);
    }

    /** A signer whose signatures always have s <= n/2 (replacing s by n - s, which is equally valid). */
    public static EcdsaSigner lowS(EcPrivateKey privateKey, EcdsaEncoding encoding) {
        return new EcdsaSigner(privateKey, encoding, true);
    }

    @Override
    public String algorithm() {
        return EcdsaVerifier.algorithmName(privateKey.curve(), encoding);
    }

    @Override
    public byte[] sign(byte[] message) {
        EcCurve curve = privateKey.curve();
        BigInteger r;
        BigInteger s;
        if (curve != EcCurve.SECP256K1) {
            byte[] p1363 = signJdk(message);
            if (encoding == EcdsaEncoding.IEEE_P1363 && !lowS) {
                return p1363;
            }
            int width = curve.fieldLength();
            r = new BigInteger(1, Arrays.copyOfRange(p1363, 0, width));
            s = new BigInteger(1, Arrays.copyOfRange(p1363, width, 2 * width));
        } else {
            ECDSASigner signer = new ECDSASigner(new HMacDSAKCalculator(new SHA256Digest()));
            signer.init(true, new ECPrivateKeyParameters(privateKey.scalar(), curve.domain()));
            BigInteger[] rs = signer.generateSignature(EcdsaVerifier.sha256(message));
            r = rs[0];
            s = rs[1];
        }
        if (lowS && s.compareTo(curve.order().shiftRight(1)) > 0) {
            s = curve.order().subtract(s);
        }
        return EcdsaSignatures.encode(curve, encoding, r, s);
    }

    private byte[] signJdk(byte[] message) {
        try {
            Signature signer = Signature.getInstance(EcdsaVerifier.jdkAlgorithm(privateKey.curve()));
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
        return "EcdsaSigner[" + algorithm() + (lowS ? ", low s" : "") + ", private key hidden]";
    }
}
