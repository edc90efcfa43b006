package io.keyward.crypto.sig;

/** How an ECDSA signature (r, s) is written. */
public enum EcdsaEncoding {
    /** {@code SEQUENCE { INTEGER r, INTEGER s }} in DER, as X.509, CMS and JCA's default use. */
    DER,
    /** Fixed-length {@code r || s}, each as wide as the curve order (IEEE P1363; JWS, WebAuthn COSE). */
    IEEE_P1363
}
