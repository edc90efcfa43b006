package io.keyward.crypto.hpke;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.ec.EcPublicKey;
import io.keyward.crypto.kex.EcdhP256;
import io.keyward.crypto.kex.X25519;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;

/**
 * The two DH-based KEMs of RFC 9180 section 7.1 that Keyward uses. Keys travel in their RFC 9180
 * serializations: X25519 keys as 32 raw bytes; P-256 private keys as the 32-byte big-endian scalar
 * and public keys as the 65-byte uncompressed SEC 1 point.
 */
public enum HpkeKem {
    /** DHKEM(P-256, HKDF-SHA256), kem_id 0x0010. */
    DHKEM_P256_HKDF_SHA256(0x0010, 65, 32),
    /** DHKEM(X25519, HKDF-SHA256), kem_id 0x0020. */
    DHKEM_X25519_HKDF_SHA256(0x0020, 32, 32);

    private final int id;
    private final int publicKeyLength;
    private final int privateKeyLength;

    HpkeKem(int id, int publicKeyLength, int privateKeyLength) {
        this.id = id;
        this.publicKeyLength = publicKeyLength;
        this.privateKeyLength = privateKeyLength;
    }

    public int id() {
        return id;
    }

    /** Npk, which is also Nenc: the length of a serialized public key and of an encapsulated key. */
    public int publicKeyLength() {
        return publicKeyLength;
    }

    /** Nsk. */
    public int privateKeyLength() {
        return privateKeyLength;
    }

    /** The KEM with this kem_id. */
    public static HpkeKem byId(int id) {
        for (HpkeKem kem : values()) {
            if (kem.id == id) {
                return kem;
            }
        }
        throw new HpkeException("unsupported HPKE KEM id 0x" + Integer.toHexString(id));
    }

    /** A fresh private key. */
    byte[] generatePrivateKey(SecureRandom random) {
        return switch (this) {
            case DHKEM_X25519_HKDF_SHA256 -> X25519.generateKeyPair(random).privateKey();
            case DHKEM_P256_HKDF_SHA256 -> EcPrivateKey.generate(EcCurve.P256, random).toScalarBytes();
        };
    }

    /** The serialized public key of a serialized private key. */
    public byte[] publicKeyOf(byte[] privateKey) {
        checkPrivate(privateKey);
        return switch (this) {
            case DHKEM_X25519_HKDF_SHA256 -> X25519.publicKey(privateKey);
            case DHKEM_P256_HKDF_SHA256 -> EcPrivateKey.fromScalar(EcCurve.P256, privateKey).publicKey().uncompressed();
        };
    }

    /**
     * DH(sk, pk). X25519 refuses an all-zero result (RFC 9180 section 7.1.4); a P-256 public key
     * is validated (on the curve, not the identity) as DeserializePublicKey requires.
     */
    byte[] dh(byte[] privateKey, byte[] publicKey) {
        checkPrivate(privateKey);
        checkPublic(publicKey);
        try {
            return switch (this) {
                case DHKEM_X25519_HKDF_SHA256 -> X25519.sharedSecret(privateKey, publicKey);
                case DHKEM_P256_HKDF_SHA256 -> EcdhP256.sharedSecret(EcPrivateKey.fromScalar(EcCurve.P256, privateKey),
                        EcPublicKey.fromPoint(EcCurve.P256, publicKey));
            };
        } catch (CryptoException e) {
            throw new HpkeException("HPKE " + this + " refused a key: " + e.getMessage());
        }
    }

    void checkPublic(byte[] publicKey) {
        if (publicKey == null || publicKey.length != publicKeyLength
                || (this == DHKEM_P256_HKDF_SHA256 && publicKey[0] != 0x04)) {
            throw new HpkeException("HPKE " + this + " public key must be " + publicKeyLength + " bytes"
                    + (this == DHKEM_P256_HKDF_SHA256 ? " (uncompressed point)" : ""));
        }
    }

    private void checkPrivate(byte[] privateKey) {
        if (privateKey == null || privateKey.length != privateKeyLength) {
            throw new HpkeException("HPKE " + this + " private key must be " + privateKeyLength + " bytes");
        }
    }

    /** suite_id for the KEM's own labeled HKDF calls: "KEM" || I2OSP(kem_id, 2). */
    byte[] suiteId() {
        return Bytes.concat("KEM".getBytes(java.nio.charset.StandardCharsets.US_ASCII), Bytes.i2osp(id, 2));
    }

    @Override
    public String toString() {
        return this == DHKEM_P256_HKDF_SHA256 ? "DHKEM(P-256, HKDF-SHA256)" : "DHKEM(X25519, HKDF-SHA256)";
    }
}
