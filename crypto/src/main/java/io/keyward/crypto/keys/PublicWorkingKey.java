package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPublicKey;
import io.keyward.crypto.hpke.Hpke;
import io.keyward.crypto.kem.MlKem768;
import io.keyward.crypto.pem.PemKeys;
import io.keyward.crypto.rsa.RsaOaepSha256;
import io.keyward.crypto.rsa.RsaPkcs1Sha256;
import io.keyward.crypto.rsa.RsaPssSha256;
import io.keyward.crypto.sig.EcdsaVerifier;
import io.keyward.crypto.sig.Ed25519Verifier;
import io.keyward.crypto.sig.InvalidSignatureException;
import io.keyward.crypto.sig.MlDsa65Verifier;
import io.keyward.crypto.util.Bytes;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.SecureRandom;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.asn1.ASN1Encoding;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;

/**
 * The public part of an asymmetric working key: verify, RSA-OAEP encrypt, wrap a content key for
 * this recipient (HPKE base mode), generate a data key wrapped for it, ML-KEM encapsulate, and the
 * export forms ({@link #raw()}, {@link #spki()}, {@link #spkiPem()}). Immutable; compares by type
 * and key.
 *
 * <p>Raw forms: Ed25519 and X25519 the 32-byte key (RFC 8032, RFC 7748); EC the uncompressed SEC 1
 * point; RSA the PKCS#1 {@code RSAPublicKey} DER; ML-DSA-65 the 1952-byte and ML-KEM-768 the
 * 1184-byte FIPS 204/203 encodings.
 */
public final class PublicWorkingKey {
    static final byte[] ED25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b6570032100");
    static final byte[] X25519_SPKI_PREFIX = HexFormat.of().parseHex("302a300506032b656e032100");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyType type;
    private final byte[] raw;
    private final EcPublicKey ec;
    private final RSAPublicKey rsa;
    private final Ed25519Verifier ed25519;
    private final MlDsa65Verifier mlDsa;
    private final MlKem768.PublicKey mlKem;

    private PublicWorkingKey(KeyType type, byte[] raw, EcPublicKey ec, RSAPublicKey rsa, Ed25519Verifier ed25519,
            MlDsa65Verifier mlDsa, MlKem768.PublicKey mlKem) {
        this.type = type;
        this.raw = raw;
        this.ec = ec;
        this.rsa = rsa;
        this.ed25519 = ed25519;
        this.mlDsa = mlDsa;
        this.mlKem = mlKem;
    }

    static PublicWorkingKey ofEc(KeyType type, EcPublicKey key) {
        return new PublicWorkingKey(type, key.uncompressed(), key, null, null, null, null);
    }

    static PublicWorkingKey ofRsa(KeyType type, RSAPublicKey key) {
        checkRsaSize(type, key.getModulus());
        try {
            byte[] pkcs1 = new org.bouncycastle.asn1.pkcs.RSAPublicKey(key.getModulus(), key.getPublicExponent())
                    .getEncoded(ASN1Encoding.DER);
            return new PublicWorkingKey(type, pkcs1, null, key, null, null, null);
        } catch (IOException e) {
            throw new CryptoException("RSA public key could not be encoded");
        }
    }

    static PublicWorkingKey ofEd25519(Ed25519Verifier verifier) {
        return new PublicWorkingKey(KeyType.ED25519, verifier.publicKey(), null, null, verifier, null, null);
    }

    static PublicWorkingKey ofX25519(byte[] publicKey) {
        return new PublicWorkingKey(KeyType.X25519, publicKey.clone(), null, null, null, null, null);
    }

    static PublicWorkingKey ofMlDsa(MlDsa65Verifier verifier) {
        return new PublicWorkingKey(KeyType.ML_DSA_65, verifier.publicKey(), null, null, null, verifier, null);
    }

    static PublicWorkingKey ofMlKem(MlKem768.PublicKey key) {
        return new PublicWorkingKey(KeyType.ML_KEM_768, key.raw(), null, null, null, null, key);
    }

    /** From the raw form of {@code type} (see the class comment); bad bytes are a {@link KeyImportException}. */
    public static PublicWorkingKey fromRaw(KeyType type, byte[] raw) {
        if (type.isSymmetric()) {
            throw new UnsupportedOperationForKeyException(type, "public keys");
        }
        try {
            return switch (type.family()) {
                case EDDSA -> ofEd25519(Ed25519Verifier.fromPublicKey(raw));
                case ECDSA, KEY_AGREEMENT -> type == KeyType.X25519 ? ofX25519(requireLength(raw, 32, "X25519 public key"))
                        : ofEc(type, EcPublicKey.fromPoint(curveOf(type), raw));
                case RSA -> ofRsa(type, rsaFromPkcs1(raw));
                case ML_DSA -> ofMlDsa(MlDsa65Verifier.fromPublicKey(raw));
                case KEM -> ofMlKem(MlKem768.PublicKey.fromRaw(raw));
                case AEAD, MAC -> throw new IllegalStateException();
            };
        } catch (KeyImportException e) {
            throw e;
        } catch (CryptoException e) {
            throw new KeyImportException(type.id() + " public key: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new KeyImportException(type.id() + " public key is malformed");
        }
    }

    /**
     * From a DER SubjectPublicKeyInfo. A well-formed key of another algorithm, curve or size is a
     * {@link KeyTypeMismatchException}.
     */
    public static PublicWorkingKey fromSpki(KeyType type, byte[] der) {
        if (type.isSymmetric()) {
            throw new UnsupportedOperationForKeyException(type, "public keys");
        }
        SubjectPublicKeyInfo spki;
        try {
            spki = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
            if (spki == null || !Arrays.equals(spki.getEncoded(ASN1Encoding.DER), der)) {
                throw new KeyImportException(type.id() + " public key is not DER SubjectPublicKeyInfo");
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof KeyImportException k) {
                throw k;
            }
            throw new KeyImportException(type.id() + " public key is not DER SubjectPublicKeyInfo");
        }
        String found = KeyOids.describe(spki.getAlgorithm());
        if (!found.equals(KeyOids.expected(type))) {
            throw new KeyTypeMismatchException(type, found);
        }
        if (spki.getPublicKeyData() == null || spki.getPublicKeyData().getPadBits() != 0) {
            throw new KeyImportException(type.id() + " public key has a malformed bit string");
        }
        byte[] bits = spki.getPublicKeyData().getOctets();
        if (type.family() == KeyType.Family.RSA) {
            try {
                RSAPublicKey key = PemKeys.readRsaPublicKeyDer(der);
                if (key.getModulus().bitLength() != type.size()) {
                    throw new KeyTypeMismatchException(type, "a " + key.getModulus().bitLength() + "-bit RSA key");
                }
                return ofRsa(type, key);
            } catch (KeyImportException e) {
                throw e;
            } catch (CryptoException e) {
                throw new KeyImportException(type.id() + " public key: " + e.getMessage());
            }
        }
        return fromRaw(type, bits);
    }

    public KeyType type() {
        return type;
    }

    /** The raw public key (a copy). */
    public byte[] raw() {
        return raw.clone();
    }

    /** The DER SubjectPublicKeyInfo, as {@code openssl pkey -pubin -outform DER} writes it. */
    public byte[] spki() {
        return switch (type.family()) {
            case EDDSA -> Bytes.concat(ED25519_SPKI_PREFIX, raw);
            case KEY_AGREEMENT -> type == KeyType.X25519 ? Bytes.concat(X25519_SPKI_PREFIX, raw) : ec.spki();
            case ECDSA -> ec.spki();
            case RSA -> PemKeys.publicKeyDer(rsa);
            case ML_DSA -> mlDsa.spki();
            case KEM -> mlKem.spki();
            case AEAD, MAC -> throw new IllegalStateException();
        };
    }

    /** SPKI PEM with OpenSSL's layout ({@code -----BEGIN PUBLIC KEY-----}, 64-column base64, LF). */
    public String spkiPem() {
        return PemKeys.armor("PUBLIC KEY", spki());
    }

    /** Verifies with {@link SignatureOptions#DEFAULT}. */
    public void verify(byte[] signature, byte[] message) {
        verify(signature, message, SignatureOptions.DEFAULT);
    }

    /** Returns normally only for a valid signature; anything else is an {@link InvalidSignatureException}. */
    public void verify(byte[] signature, byte[] message, SignatureOptions options) {
        require(KeyOperation.VERIFY);
        if (signature == null || message == null) {
            throw new InvalidSignatureException(type.id() + " signature or message is missing");
        }
        switch (type.family()) {
            case EDDSA -> ed25519.verify(signature, message);
            case ECDSA -> EcdsaVerifier.of(ec, options.ecdsaEncoding()).verify(signature, message);
            case ML_DSA -> mlDsa.verify(signature, message);
            case RSA -> {
                boolean valid = options.rsaPadding() == SignatureOptions.RsaPadding.PSS_SHA256
                        ? RsaPssSha256.verify(rsa, message, signature, RsaPssSha256.DIGEST_SALT_LENGTH)
                        : RsaPkcs1Sha256.verify(rsa, message, signature);
                if (!valid) {
                    throw new InvalidSignatureException(type.id() + " " + options.rsaPadding() + " signature does not verify");
                }
            }
            default -> throw new UnsupportedOperationForKeyException(type, KeyOperation.VERIFY);
        }
    }

    /** RSA-OAEP-SHA256 (MGF1-SHA-256) with the associated data as the OAEP label. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        require(KeyOperation.ENCRYPT);
        if (type.family() != KeyType.Family.RSA) {
            throw new UnsupportedOperationForKeyException(type, "public-key encryption");
        }
        if (plaintext == null) {
            throw new CryptoException(type.id() + " plaintext is missing");
        }
        return RsaOaepSha256.encrypt(rsa, plaintext, associatedData == null ? new byte[0] : associatedData);
    }

    /**
     * Wraps a content key for this recipient, sender anonymous (HPKE base mode); the result is in
     * the format of {@link KeyWrapFormat}. The associated data must be given again to unwrap.
     */
    public byte[] wrap(byte[] contentKey, byte[] associatedData) {
        require(KeyOperation.WRAP);
        KeyWrapFormat.checkContentKey(contentKey);
        Hpke hpke = KeyWrapFormat.suite(type);
        Hpke.Sealed sealed = hpke.sealBase(raw, KeyWrapFormat.INFO, associatedData, contentKey, RANDOM);
        return KeyWrapFormat.encode(Hpke.Mode.BASE, hpke, sealed);
    }

    /**
     * A fresh 32-byte data key wrapped for this key: RSA-OAEP for RSA keys, HPKE base mode for
     * X25519 and P-256 keys. With {@code includePlaintext} false the plaintext is zeroized before
     * returning.
     */
    public DataKey generateDataKey(boolean includePlaintext, byte[] associatedData) {
        require(KeyOperation.GENERATE_DATA_KEY);
        return DataKey.generate(key -> type.family() == KeyType.Family.RSA ? encrypt(key, associatedData)
                : wrap(key, associatedData), includePlaintext);
    }

    /** ML-KEM-768 encapsulation: a 32-byte shared secret and the 1088-byte ciphertext to send. */
    public MlKem768.Encapsulation encapsulate() {
        require(KeyOperation.ENCAPSULATE);
        return mlKem.encapsulate(RANDOM);
    }

    void require(KeyOperation operation) {
        if (!type.permits(operation)) {
            throw new UnsupportedOperationForKeyException(type, operation);
        }
    }

    EcPublicKey ec() {
        return ec;
    }

    RSAPublicKey rsa() {
        return rsa;
    }

    static EcCurve curveOf(KeyType type) {
        return switch (type) {
            case ECDSA_P256, ECDH_P256 -> EcCurve.P256;
            case ECDSA_P384 -> EcCurve.P384;
            case ECDSA_SECP256K1 -> EcCurve.SECP256K1;
            default -> throw new IllegalArgumentException(type.id() + " is not an elliptic-curve type");
        };
    }

    static void checkRsaSize(KeyType type, BigInteger modulus) {
        if (modulus.bitLength() != type.size()) {
            throw new KeyTypeMismatchException(type, "a " + modulus.bitLength() + "-bit RSA key");
        }
    }

    private static RSAPublicKey rsaFromPkcs1(byte[] der) {
        try {
            var pkcs1 = org.bouncycastle.asn1.pkcs.RSAPublicKey.getInstance(ASN1Primitive.fromByteArray(der));
            if (!Arrays.equals(pkcs1.getEncoded(ASN1Encoding.DER), der)) {
                throw new KeyImportException("RSA public key is not DER");
            }
            return (RSAPublicKey) KeyFactory.getInstance("RSA")
                    .generatePublic(new RSAPublicKeySpec(pkcs1.getModulus(), pkcs1.getPublicExponent()));
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            if (e instanceof KeyImportException k) {
                throw k;
            }
            throw new KeyImportException("RSA public key is not a DER PKCS#1 RSAPublicKey");
        }
    }

    private static byte[] requireLength(byte[] bytes, int length, String what) {
        if (bytes == null || bytes.length != length) {
            throw new KeyImportException(what + " must be " + length + " bytes");
        }
        return bytes;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PublicWorkingKey that && type == that.type && Arrays.equals(raw, that.raw);
    }

    @Override
    public int hashCode() {
        return type.hashCode() * 31 + Arrays.hashCode(raw);
    }

    @Override
    public String toString() {
        return "PublicWorkingKey[" + type.id() + ", " + HexFormat.of().formatHex(raw, 0, Math.min(8, raw.length)) + "...]";
    }
}
