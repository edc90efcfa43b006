package io.keyward.crypto.keys;

import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.edec.EdECObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/** Names the algorithm (and curve) of an SPKI or PKCS#8 AlgorithmIdentifier, to detect mismatched imports. */
final class KeyOids {
    static final ASN1ObjectIdentifier ML_DSA_65 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.3.18");
    static final ASN1ObjectIdentifier ML_KEM_768 = new ASN1ObjectIdentifier("2.16.840.1.101.3.4.4.2");

    private KeyOids() {}

    static String describe(AlgorithmIdentifier algorithm) {
        ASN1ObjectIdentifier oid = algorithm.getAlgorithm();
        if (EdECObjectIdentifiers.id_Ed25519.equals(oid)) {
            return "an Ed25519 key";
        }
        if (EdECObjectIdentifiers.id_X25519.equals(oid)) {
            return "an X25519 key";
        }
        if (PKCSObjectIdentifiers.rsaEncryption.equals(oid)) {
            return "an RSA key";
        }
        if (ML_DSA_65.equals(oid)) {
            return "an ML-DSA-65 key";
        }
        if (ML_KEM_768.equals(oid)) {
            return "an ML-KEM-768 key";
        }
        if (X9ObjectIdentifiers.id_ecPublicKey.equals(oid)) {
            ASN1Encodable parameters = algorithm.getParameters();
            if (SECObjectIdentifiers.secp256r1.equals(parameters)) {
                return "an EC P-256 key";
            }
            if (SECObjectIdentifiers.secp384r1.equals(parameters)) {
                return "an EC P-384 key";
            }
            if (SECObjectIdentifiers.secp256k1.equals(parameters)) {
                return "an EC secp256k1 key";
            }
            return "an EC key on another curve (or with explicit parameters)";
        }
        return "a key of another algorithm (" + oid.getId() + ")";
    }

    /** What {@link #describe} says for a key of {@code type}. */
    static String expected(KeyType type) {
        return switch (type) {
            case ED25519 -> "an Ed25519 key";
            case X25519 -> "an X25519 key";
            case RSA_2048, RSA_3072, RSA_4096 -> "an RSA key";
            case ML_DSA_65 -> "an ML-DSA-65 key";
            case ML_KEM_768 -> "an ML-KEM-768 key";
            case ECDSA_P256, ECDH_P256 -> "an EC P-256 key";
            case ECDSA_P384 -> "an EC P-384 key";
            case ECDSA_SECP256K1 -> "an EC secp256k1 key";
            default -> "a " + type.id() + " key";
        };
    }
}
