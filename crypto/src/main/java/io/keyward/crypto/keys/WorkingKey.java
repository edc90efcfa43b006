package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.aead.ChaCha20Poly1305;
import io.keyward.crypto.aead.XChaCha20Poly1305;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.hpke.Hpke;
import io.keyward.crypto.kem.MlKem768;
import io.keyward.crypto.kex.X25519;
import io.keyward.crypto.mac.HmacSha256;
import io.keyward.crypto.rsa.RsaDecryptionException;
import io.keyward.crypto.rsa.RsaOaepSha256;
import io.keyward.crypto.rsa.RsaPkcs1Sha256;
import io.keyward.crypto.rsa.RsaPssSha256;
import io.keyward.crypto.sig.EcdsaSigner;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.sig.MlDsa65Signer;
import io.keyward.crypto.util.Bytes;
import java.security.SecureRandom;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;

/**
 * A working key: the private or secret material of one {@link KeyType} and the operations that
 * type permits (anything else is an {@link UnsupportedOperationForKeyException}). Thread-safe for
 * use; {@link #destroy()} zeroizes the byte arrays it owns (symmetric and X25519 keys; the JDK and
 * BouncyCastle key objects of the other types cannot be wiped from Java) and makes every later
 * call fail. {@code toString()} never shows key material.
 *
 * <p>Outputs: AEAD ciphertexts are {@code nonce || ciphertext || tag} with a random nonce (12
 * bytes, 24 for XChaCha20-Poly1305); RSA ciphertexts are RSA-OAEP-SHA256 with the associated data
 * as the OAEP label; wrapped content keys are in {@link KeyWrapFormat}. The key version that
 * labels outputs is the keystore's business ({@link VersionedValue}).
 */
public final class WorkingKey {
    private static final SecureRandom RANDOM = new SecureRandom();

    private final KeyType type;
    private final PublicWorkingKey publicKey;
    /** Symmetric keys, X25519 private keys. Owned; zeroized by destroy(). */
    private final byte[] secret;
    private final EcPrivateKey ec;
    private final RSAPrivateCrtKey rsa;
    private final Ed25519Signer ed25519;
    private final MlDsa65Signer mlDsa;
    private final MlKem768.PrivateKey mlKem;
    private volatile boolean destroyed;

    private WorkingKey(KeyType type, PublicWorkingKey publicKey, byte[] secret, EcPrivateKey ec, RSAPrivateCrtKey rsa,
            Ed25519Signer ed25519, MlDsa65Signer mlDsa, MlKem768.PrivateKey mlKem) {
        this.type = type;
        this.publicKey = publicKey;
        this.secret = secret;
        this.ec = ec;
        this.rsa = rsa;
        this.ed25519 = ed25519;
        this.mlDsa = mlDsa;
        this.mlKem = mlKem;
    }

    // ---- construction -------------------------------------------------------------------------

    public static WorkingKey generate(KeyType type) {
        return generate(type, RANDOM);
    }

    /** A fresh key of {@code type}. RSA generation takes a moment (seconds for 4096 bits). */
    public static WorkingKey generate(KeyType type, SecureRandom random) {
        return switch (type.family()) {
            case AEAD, MAC -> {
                byte[] key = new byte[32];
                random.nextBytes(key);
                yield ofSecret(type, key);
            }
            case EDDSA -> ofEd25519(Ed25519Signer.generate(random));
            case ECDSA -> ofEc(type, EcPrivateKey.generate(PublicWorkingKey.curveOf(type), random));
            case KEY_AGREEMENT -> type == KeyType.X25519 ? ofX25519(X25519.generateKeyPair(random).privateKey())
                    : ofEc(type, EcPrivateKey.generate(PublicWorkingKey.curveOf(type), random));
            case RSA -> ofRsa(type, RsaKeys.generate(type.size(), random));
            case ML_DSA -> ofMlDsa(MlDsa65Signer.generate(random));
            case KEM -> ofMlKem(MlKem768.generate(random));
        };
    }

    /** A symmetric key from raw bytes (32 bytes; HMAC-SHA256: 16 to 64). The array is copied. */
    public static WorkingKey importRaw(KeyType type, byte[] key) {
        if (!type.isSymmetric()) {
            throw new UnsupportedOperationForKeyException(type, "raw import (use PKCS#8 or JWK)");
        }
        if (key == null) {
            throw new KeyImportException(type.id() + " key is missing");
        }
        boolean sizeOk = type == KeyType.HMAC_SHA256 ? key.length >= HmacSha256.MIN_KEY_LENGTH && key.length <= 64
                : key.length == type.size();
        if (!sizeOk) {
            throw new KeyTypeMismatchException(type, "a " + key.length + "-byte key ("
                    + (type == KeyType.HMAC_SHA256 ? "16 to 64" : String.valueOf(type.size())) + " bytes needed)");
        }
        return ofSecret(type, key.clone());
    }

    /** A private key from DER PKCS#8 (as {@code openssl genpkey} writes it). See {@link Pkcs8Keys}. */
    public static WorkingKey importPkcs8(KeyType type, byte[] der) {
        return Pkcs8Keys.decode(type, der);
    }

    /** A private key from PEM {@code -----BEGIN PRIVATE KEY-----} (unencrypted PKCS#8). */
    public static WorkingKey importPkcs8Pem(KeyType type, String pem) {
        return Pkcs8Keys.decodePem(type, pem);
    }

    /** Restores a key serialized by {@link #toBytes()}. */
    public static WorkingKey fromBytes(byte[] serialized) {
        return KeySerialization.decode(serialized);
    }

    static WorkingKey ofSecret(KeyType type, byte[] ownedKey) {
        return new WorkingKey(type, null, ownedKey, null, null, null, null, null);
    }

    static WorkingKey ofEd25519(Ed25519Signer signer) {
        return new WorkingKey(KeyType.ED25519, PublicWorkingKey.ofEd25519(signer.verifier()), null, null, null, signer, null, null);
    }

    static WorkingKey ofEc(KeyType type, EcPrivateKey key) {
        if (key.curve() != PublicWorkingKey.curveOf(type)) {
            throw new KeyTypeMismatchException(type, "a key on " + key.curve().displayName());
        }
        return new WorkingKey(type, PublicWorkingKey.ofEc(type, key.publicKey()), null, key, null, null, null, null);
    }

    /** From an owned 32-byte X25519 private key. */
    static WorkingKey ofX25519(byte[] ownedPrivateKey) {
        return new WorkingKey(KeyType.X25519, PublicWorkingKey.ofX25519(X25519.publicKey(ownedPrivateKey)), ownedPrivateKey,
                null, null, null, null, null);
    }

    static WorkingKey ofRsa(KeyType type, RSAPrivateCrtKey key) {
        PublicWorkingKey.checkRsaSize(type, key.getModulus());
        return new WorkingKey(type, PublicWorkingKey.ofRsa(type, RsaKeys.publicOf(key)), null, null, key, null, null, null);
    }

    static WorkingKey ofMlDsa(MlDsa65Signer signer) {
        return new WorkingKey(KeyType.ML_DSA_65, PublicWorkingKey.ofMlDsa(signer.verifier()), null, null, null, null, signer, null);
    }

    static WorkingKey ofMlKem(MlKem768.PrivateKey key) {
        return new WorkingKey(KeyType.ML_KEM_768, PublicWorkingKey.ofMlKem(key.publicKey()), null, null, null, null, null, key);
    }

    // ---- accessors ----------------------------------------------------------------------------

    public KeyType type() {
        return type;
    }

    /** The public part; symmetric types have none ({@link UnsupportedOperationForKeyException}). */
    public PublicWorkingKey publicKey() {
        if (publicKey == null) {
            throw new UnsupportedOperationForKeyException(type, "a public key");
        }
        return publicKey;
    }

    /**
     * The versioned serialization for storage under a wrapping key ({@link KeySerialization},
     * docs/formats.md). The caller owns (and should zeroize) the returned array.
     */
    public byte[] toBytes() {
        live();
        return KeySerialization.encode(this);
    }

    /** The raw secret of a symmetric key, for a deliberate export; the caller owns (and should zeroize) the copy. */
    public byte[] exportSecret() {
        live();
        if (!type.isSymmetric()) {
            throw new UnsupportedOperationForKeyException(type, "raw secret export (use PKCS#8)");
        }
        return secret.clone();
    }

    /** Unencrypted PKCS#8 DER of an asymmetric key (not for ML-KEM-768 or ML-DSA-65). */
    public byte[] toPkcs8() {
        live();
        return Pkcs8Keys.encode(this);
    }

    // ---- operations ---------------------------------------------------------------------------

    /** AEAD types: {@code nonce || ciphertext || tag}; RSA: OAEP with the associated data as label. */
    public byte[] encrypt(byte[] plaintext, byte[] associatedData) {
        require(KeyOperation.ENCRYPT);
        if (plaintext == null) {
            throw new CryptoException(type.id() + " plaintext is missing");
        }
        if (type.family() == KeyType.Family.RSA) {
            return publicKey.encrypt(plaintext, associatedData);
        }
        var aead = aead();
        byte[] nonce = new byte[aead.nonceLength()];
        RANDOM.nextBytes(nonce);
        return Bytes.concat(nonce, aead.seal(secret, nonce, plaintext, associatedData));
    }

    /** The inverse of {@link #encrypt}; any tampering is an {@link AuthenticationFailedException}. */
    public byte[] decrypt(byte[] ciphertext, byte[] associatedData) {
        require(KeyOperation.DECRYPT);
        if (ciphertext == null) {
            throw new AuthenticationFailedException(type.id() + " ciphertext");
        }
        if (type.family() == KeyType.Family.RSA) {
            try {
                return RsaOaepSha256.decrypt(rsa, ciphertext, associatedData == null ? new byte[0] : associatedData);
            } catch (RsaDecryptionException e) {
                throw new AuthenticationFailedException(type.id() + " ciphertext");
            }
        }
        var aead = aead();
        int nonceLength = aead.nonceLength();
        if (ciphertext.length < nonceLength + aead.tagLength()) {
            throw new AuthenticationFailedException(type.id() + " ciphertext");
        }
        return aead.open(secret, Arrays.copyOf(ciphertext, nonceLength),
                Arrays.copyOfRange(ciphertext, nonceLength, ciphertext.length), associatedData);
    }

    public byte[] sign(byte[] message) {
        return sign(message, SignatureOptions.DEFAULT);
    }

    public byte[] sign(byte[] message, SignatureOptions options) {
        require(KeyOperation.SIGN);
        if (message == null) {
            throw new CryptoException("message to sign is missing");
        }
        return switch (type.family()) {
            case EDDSA -> ed25519.sign(message);
            case ECDSA -> (options.lowS() ? EcdsaSigner.lowS(ec, options.ecdsaEncoding())
                    : EcdsaSigner.of(ec, options.ecdsaEncoding())).sign(message);
            case ML_DSA -> mlDsa.sign(message);
            case RSA -> options.rsaPadding() == SignatureOptions.RsaPadding.PSS_SHA256
                    ? RsaPssSha256.sign(rsa, message, RsaPssSha256.DIGEST_SALT_LENGTH)
                    : RsaPkcs1Sha256.sign(rsa, message);
            default -> throw new UnsupportedOperationForKeyException(type, KeyOperation.SIGN);
        };
    }

    public void verify(byte[] signature, byte[] message) {
        verify(signature, message, SignatureOptions.DEFAULT);
    }

    public void verify(byte[] signature, byte[] message, SignatureOptions options) {
        require(KeyOperation.VERIFY);
        publicKey.verify(signature, message, options);
    }

    /** HMAC-SHA256, 32-byte tag. */
    public byte[] mac(byte[] message) {
        require(KeyOperation.MAC);
        if (message == null) {
            throw new CryptoException("message to MAC is missing");
        }
        return HmacSha256.FULL.compute(secret, message);
    }

    /** Constant-time check of a 32-byte tag; a mismatch is an {@link AuthenticationFailedException}. */
    public void verifyMac(byte[] message, byte[] tag) {
        require(KeyOperation.VERIFY_MAC);
        if (tag == null || message == null) {
            throw new AuthenticationFailedException("HMAC-SHA256 tag");
        }
        HmacSha256.FULL.verify(secret, message, tag);
    }

    /** Wraps a content key for this key's own public key, sender anonymous (HPKE base mode). */
    public byte[] wrap(byte[] contentKey, byte[] associatedData) {
        require(KeyOperation.WRAP);
        return publicKey.wrap(contentKey, associatedData);
    }

    /**
     * Wraps a content key for {@code recipient}, authenticated as coming from this key (HPKE
     * mode_auth: the recipient needs this key's public key to unwrap). Both keys must be of the
     * same type (X25519 or ECDH P-256).
     */
    public byte[] wrapAuthenticated(PublicWorkingKey recipient, byte[] contentKey, byte[] associatedData) {
        require(KeyOperation.WRAP);
        if (recipient.type() != type) {
            throw new KeyMismatchException("a " + type.id() + " sender cannot wrap for a " + recipient.type().id() + " recipient");
        }
        KeyWrapFormat.checkContentKey(contentKey);
        Hpke hpke = KeyWrapFormat.suite(type);
        byte[] senderPrivate = hpkePrivateKey();
        try {
            Hpke.Sealed sealed = hpke.sealAuth(recipient.raw(), senderPrivate, KeyWrapFormat.INFO, associatedData, contentKey, RANDOM);
            return KeyWrapFormat.encode(Hpke.Mode.AUTH, hpke, sealed);
        } finally {
            Bytes.zeroize(senderPrivate);
        }
    }

    /**
     * Unwraps a content key wrapped anonymously for this key. A sender-authenticated wrap is refused
     * here (use {@link #unwrapAuthenticated}); tampering is an {@link AuthenticationFailedException}.
     */
    public byte[] unwrap(byte[] wrapped, byte[] associatedData) {
        require(KeyOperation.UNWRAP);
        KeyWrapFormat.Parsed parsed = KeyWrapFormat.parse(wrapped, type);
        if (parsed.mode() != Hpke.Mode.BASE) {
            throw new KeyMismatchException("wrapped key is sender-authenticated: unwrap it with the sender's public key");
        }
        byte[] recipientPrivate = hpkePrivateKey();
        try {
            return parsed.hpke().openBase(parsed.enc(), recipientPrivate, KeyWrapFormat.INFO, associatedData, parsed.ciphertext());
        } finally {
            Bytes.zeroize(recipientPrivate);
        }
    }

    /** Unwraps a content key that {@code sender} wrapped for this key with {@link #wrapAuthenticated}. */
    public byte[] unwrapAuthenticated(byte[] wrapped, byte[] associatedData, PublicWorkingKey sender) {
        require(KeyOperation.UNWRAP);
        if (sender.type() != type) {
            throw new KeyMismatchException("a " + type.id() + " recipient cannot unwrap from a " + sender.type().id() + " sender");
        }
        KeyWrapFormat.Parsed parsed = KeyWrapFormat.parse(wrapped, type);
        if (parsed.mode() != Hpke.Mode.AUTH) {
            throw new KeyMismatchException("wrapped key is anonymous, not sender-authenticated");
        }
        byte[] recipientPrivate = hpkePrivateKey();
        try {
            return parsed.hpke().openAuth(parsed.enc(), recipientPrivate, sender.raw(), KeyWrapFormat.INFO, associatedData,
                    parsed.ciphertext());
        } finally {
            Bytes.zeroize(recipientPrivate);
        }
    }

    /**
     * A fresh 32-byte data key protected by this key: encrypted for AEAD types (with the associated
     * data), RSA-OAEP encrypted or HPKE-wrapped for the public-key types.
     */
    public DataKey generateDataKey(boolean includePlaintext, byte[] associatedData) {
        require(KeyOperation.GENERATE_DATA_KEY);
        if (type.family() != KeyType.Family.AEAD) {
            return publicKey.generateDataKey(includePlaintext, associatedData);
        }
        return DataKey.generate(key -> encrypt(key, associatedData), includePlaintext);
    }

    public MlKem768.Encapsulation encapsulate() {
        require(KeyOperation.ENCAPSULATE);
        return publicKey.encapsulate();
    }

    /**
     * The 32-byte shared secret. ML-KEM's implicit rejection means a tampered ciphertext of the
     * right length yields an unrelated secret rather than an error.
     */
    public byte[] decapsulate(byte[] ciphertext) {
        require(KeyOperation.DECAPSULATE);
        if (ciphertext == null) {
            throw new CryptoException("ML-KEM-768 ciphertext is missing");
        }
        return mlKem.decapsulate(ciphertext);
    }

    /** Zeroizes the byte arrays this key owns; every later operation fails. */
    public void destroy() {
        destroyed = true;
        if (secret != null) {
            Bytes.zeroize(secret);
        }
    }

    public boolean isDestroyed() {
        return destroyed;
    }

    // ---- internals for the codecs in this package -------------------------------------------

    byte[] secretCopy() {
        live();
        return secret.clone();
    }

    EcPrivateKey ec() {
        return ec;
    }

    RSAPrivateCrtKey rsa() {
        return rsa;
    }

    Ed25519Signer ed25519() {
        return ed25519;
    }

    MlDsa65Signer mlDsa() {
        return mlDsa;
    }

    MlKem768.PrivateKey mlKem() {
        return mlKem;
    }

    private byte[] hpkePrivateKey() {
        return type == KeyType.X25519 ? secret.clone() : ec.toScalarBytes();
    }

    private io.keyward.crypto.aead.Aead aead() {
        return switch (type) {
            case AES_256_GCM -> AesGcm.AES_256;
            case CHACHA20_POLY1305 -> ChaCha20Poly1305.INSTANCE;
            case XCHACHA20_POLY1305 -> XChaCha20Poly1305.INSTANCE;
            default -> throw new UnsupportedOperationForKeyException(type, KeyOperation.ENCRYPT);
        };
    }

    private void require(KeyOperation operation) {
        live();
        if (!type.permits(operation)) {
            throw new UnsupportedOperationForKeyException(type, operation);
        }
    }

    private void live() {
        if (destroyed) {
            throw new IllegalStateException(type.id() + " working key has been destroyed");
        }
    }

    @Override
    public String toString() {
        return "WorkingKey[" + type.id() + (destroyed ? ", destroyed" : ", key material hidden") + "]";
    }
}
