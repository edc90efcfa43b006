package io.keyward.crypto.kex;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.ec.EcPublicKey;
import java.security.GeneralSecurityException;
import javax.crypto.KeyAgreement;

/**
 * Ephemeral-static or static-static ECDH on P-256 (SP 800-56A, SEC 1 section 3.3.1) through the
 * JDK's {@code ECDH}: the shared secret is the 32-byte x-coordinate of d * Q. The peer key has
 * already been validated by {@link EcPublicKey} (on the curve, not the identity; P-256 has
 * cofactor 1), which is what defeats invalid-curve attacks. The raw x-coordinate is not uniformly
 * random: feed it to a KDF such as HKDF.
 */
public final class EcdhP256 {
    public static final int SHARED_SECRET_LENGTH = 32;

    private EcdhP256() {}

    public static byte[] sharedSecret(EcPrivateKey privateKey, EcPublicKey peerPublicKey) {
        if (privateKey.curve() != EcCurve.P256 || peerPublicKey.curve() != EcCurve.P256) {
            throw new InvalidKeyException("ECDH-P256 needs P-256 keys");
        }
        try {
            KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
            agreement.init(privateKey.toJdk());
            agreement.doPhase(peerPublicKey.toJdk(), true);
            return agreement.generateSecret();
        } catch (java.security.InvalidKeyException e) {
            throw new InvalidKeyException("ECDH-P256 refused the keys");
        } catch (GeneralSecurityException | IllegalStateException e) {
            throw new CryptoException("ECDH-P256 failed: " + e.getClass().getSimpleName());
        }
    }
}
