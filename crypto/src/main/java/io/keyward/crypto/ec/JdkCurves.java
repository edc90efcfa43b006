package io.keyward.crypto.ec;

import io.keyward.crypto.CryptoException;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;

/** The JDK's parameter objects for the curves its SunEC provider still supports. */
final class JdkCurves {
    private static final ECParameterSpec P256 = load("secp256r1");
    private static final ECParameterSpec P384 = load("secp384r1");

    private JdkCurves() {}

    static ECParameterSpec spec(EcCurve curve) {
        return switch (curve) {
            case P256 -> P256;
            case P384 -> P384;
            // JDK 25's SunEC dropped secp256k1; its primitives use BouncyCastle directly.
            case SECP256K1 -> throw new CryptoException(curve.displayName() + " is not supported by the JDK provider");
        };
    }

    private static ECParameterSpec load(String name) {
        try {
            AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
            parameters.init(new ECGenParameterSpec(name));
            return parameters.getParameterSpec(ECParameterSpec.class);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the JDK has no " + name, e);
        }
    }
}
