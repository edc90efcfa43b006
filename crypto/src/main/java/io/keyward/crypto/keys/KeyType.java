package io.keyward.crypto.keys;

import static io.keyward.crypto.keys.KeyOperation.DECAPSULATE;
import static io.keyward.crypto.keys.KeyOperation.DECRYPT;
import static io.keyward.crypto.keys.KeyOperation.ENCAPSULATE;
import static io.keyward.crypto.keys.KeyOperation.ENCRYPT;
import static io.keyward.crypto.keys.KeyOperation.GENERATE_DATA_KEY;
import static io.keyward.crypto.keys.KeyOperation.MAC;
import static io.keyward.crypto.keys.KeyOperation.SIGN;
import static io.keyward.crypto.keys.KeyOperation.UNWRAP;
import static io.keyward.crypto.keys.KeyOperation.VERIFY;
import static io.keyward.crypto.keys.KeyOperation.VERIFY_MAC;
import static io.keyward.crypto.keys.KeyOperation.WRAP;

import java.util.EnumSet;
import java.util.Set;

/**
 * The closed set of working-key types, each with its parameters and permitted operations. The
 * {@link #id()} is stable: it is stored (serialized keys, keystore rows) and sent on the wire.
 */
public enum KeyType {
    AES_256_GCM("aes256-gcm", Family.AEAD, 32, EnumSet.of(ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    CHACHA20_POLY1305("chacha20-poly1305", Family.AEAD, 32, EnumSet.of(ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    XCHACHA20_POLY1305("xchacha20-poly1305", Family.AEAD, 32, EnumSet.of(ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    /** HMAC-SHA256 with a 32-byte generated key (imports: 16 to 64 bytes). */
    HMAC_SHA256("hmac-sha256", Family.MAC, 32, EnumSet.of(MAC, VERIFY_MAC)),
    ED25519("ed25519", Family.EDDSA, 256, EnumSet.of(SIGN, VERIFY)),
    /** ECDSA on P-256 with SHA-256. */
    ECDSA_P256("ecdsa-p256", Family.ECDSA, 256, EnumSet.of(SIGN, VERIFY)),
    /** ECDSA on P-384 with SHA-384. */
    ECDSA_P384("ecdsa-p384", Family.ECDSA, 384, EnumSet.of(SIGN, VERIFY)),
    /** ECDSA on secp256k1 with SHA-256 (RFC 6979 nonces; low-s on request). */
    ECDSA_SECP256K1("ecdsa-secp256k1", Family.ECDSA, 256, EnumSet.of(SIGN, VERIFY)),
    RSA_2048("rsa-2048", Family.RSA, 2048, EnumSet.of(SIGN, VERIFY, ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    RSA_3072("rsa-3072", Family.RSA, 3072, EnumSet.of(SIGN, VERIFY, ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    RSA_4096("rsa-4096", Family.RSA, 4096, EnumSet.of(SIGN, VERIFY, ENCRYPT, DECRYPT, GENERATE_DATA_KEY)),
    /** X25519 key agreement for wrapping content keys (HPKE with DHKEM(X25519, HKDF-SHA256)). */
    X25519("x25519", Family.KEY_AGREEMENT, 256, EnumSet.of(WRAP, UNWRAP, GENERATE_DATA_KEY)),
    /** P-256 ECDH for wrapping content keys (HPKE with DHKEM(P-256, HKDF-SHA256)). */
    ECDH_P256("ecdh-p256", Family.KEY_AGREEMENT, 256, EnumSet.of(WRAP, UNWRAP, GENERATE_DATA_KEY)),
    ML_KEM_768("ml-kem-768", Family.KEM, 768, EnumSet.of(ENCAPSULATE, DECAPSULATE)),
    ML_DSA_65("ml-dsa-65", Family.ML_DSA, 65, EnumSet.of(SIGN, VERIFY));

    /** Which primitive family a type belongs to; decides the key material and the codecs. */
    public enum Family { AEAD, MAC, EDDSA, ECDSA, RSA, KEY_AGREEMENT, KEM, ML_DSA }

    private final String id;
    private final Family family;
    private final int size;
    private final Set<KeyOperation> operations;

    KeyType(String id, Family family, int size, EnumSet<KeyOperation> operations) {
        this.id = id;
        this.family = family;
        this.size = size;
        this.operations = java.util.Collections.unmodifiableSet(operations);
    }

    /** The stable identifier, e.g. {@code ecdsa-p256}. */
    public String id() {
        return id;
    }

    public Family family() {
        return family;
    }

    /**
     * The size parameter: the key length in bytes for symmetric types, the modulus bits for RSA,
     * the curve bits for elliptic-curve types, the parameter set for ML-KEM and ML-DSA.
     */
    public int size() {
        return size;
    }

    public Set<KeyOperation> operations() {
        return operations;
    }

    public boolean permits(KeyOperation operation) {
        return operations.contains(operation);
    }

    /** Symmetric types have no public part. */
    public boolean isSymmetric() {
        return family == Family.AEAD || family == Family.MAC;
    }

    /** The type with this {@link #id()}; an unknown id is an {@link UnknownKeyTypeException}. */
    public static KeyType fromId(String id) {
        for (KeyType type : values()) {
            if (type.id.equals(id)) {
                return type;
            }
        }
        throw new UnknownKeyTypeException(id);
    }

    @Override
    public String toString() {
        return id;
    }
}
