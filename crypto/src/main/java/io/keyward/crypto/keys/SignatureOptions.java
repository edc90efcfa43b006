package io.keyward.crypto.keys;

import io.keyward.crypto.sig.EcdsaEncoding;
import java.util.Objects;

/**
 * How a signature is made and read, for the types where there is a choice: the ECDSA encoding
 * (DER or IEEE P1363), the RSA padding (PSS with SHA-256, MGF1-SHA-256 and a 32-byte salt, or
 * PKCS#1 v1.5 with SHA-256), and low-s normalization of ECDSA signatures (applied when signing;
 * verification accepts both halves, as FIPS 186 does). Ignored by types without the choice.
 */
public record SignatureOptions(EcdsaEncoding ecdsaEncoding, RsaPadding rsaPadding, boolean lowS) {
    /** DER, PSS, no normalization. */
    public static final SignatureOptions DEFAULT = new SignatureOptions(EcdsaEncoding.DER, RsaPadding.PSS_SHA256, false);

    /** The RSA signature schemes. */
    public enum RsaPadding { PSS_SHA256, PKCS1_V15_SHA256 }

    public SignatureOptions {
        Objects.requireNonNull(ecdsaEncoding, "ecdsaEncoding");
        Objects.requireNonNull(rsaPadding, "rsaPadding");
    }

    public SignatureOptions withEcdsaEncoding(EcdsaEncoding encoding) {
        return new SignatureOptions(encoding, rsaPadding, lowS);
    }

    public SignatureOptions withRsaPadding(RsaPadding padding) {
        return new SignatureOptions(ecdsaEncoding, padding, lowS);
    }

    public SignatureOptions withLowS(boolean normalize) {
        return new SignatureOptions(ecdsaEncoding, rsaPadding, normalize);
    }
}
