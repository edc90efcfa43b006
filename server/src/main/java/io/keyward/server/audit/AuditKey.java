package io.keyward.server.audit;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.util.Base64Url;
import io.keyward.crypto.util.Bytes;
import io.keyward.server.lock.RootLock;
import io.keyward.server.lock.RootLockException;
import io.keyward.server.store.ServerSettings;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;

/**
 * The server's Ed25519 audit signing key: one per deployment (every node sharing the database uses
 * it, and every organization's checkpoints are signed with it). Its 32-byte seed is stored only
 * wrapped by the root lock, as unpadded base64url in the server setting {@value #SETTING}, with
 * associated data {@code keyward/v1/server_settings/audit_signing_key}. It is created on first use;
 * when two nodes create it at once, the first stored wins and the other adopts it.
 */
public final class AuditKey {
    public static final String SETTING = "audit_signing_key";
    private static final byte[] ASSOCIATED_DATA =
            "keyward/v1/server_settings/audit_signing_key".getBytes(StandardCharsets.US_ASCII);
    /** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410 section 4), followed by the 32-byte key. */
    private static final byte[] SPKI_PREFIX = {0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00};

    private final Ed25519Signer signer;

    private AuditKey(Ed25519Signer signer) {
        this.signer = signer;
    }

    /** Unwraps the stored key, or creates, wraps and stores one when there is none. */
    public static AuditKey loadOrCreate(RootLock lock, ServerSettings settings) {
        Optional<String> stored = settings.get(SETTING);
        if (stored.isEmpty()) {
            Ed25519Signer fresh = Ed25519Signer.generate(new SecureRandom());
            byte[] seed = fresh.privateKey();
            try {
                String wrapped = Base64Url.encode(lock.wrap(seed, ASSOCIATED_DATA));
                if (settings.putIfAbsent(SETTING, wrapped)) {
                    return new AuditKey(fresh);
                }
            } finally {
                Bytes.zeroize(seed);
            }
            stored = settings.get(SETTING); // another node stored its key first
        }
        byte[] seed = null;
        try {
            seed = lock.unwrap(Base64Url.decode(stored.orElseThrow(), "audit signing key"), ASSOCIATED_DATA);
            return new AuditKey(Ed25519Signer.fromPrivateKey(seed));
        } catch (CryptoException | RootLockException e) {
            throw new RootLockException("the audit signing key in this database cannot be unwrapped by the root lock");
        } finally {
            if (seed != null) {
                Bytes.zeroize(seed);
            }
        }
    }

    /** For tests and tools that hold a key of their own. */
    public static AuditKey of(Ed25519Signer signer) {
        return new AuditKey(signer);
    }

    public byte[] sign(byte[] message) {
        return signer.sign(message);
    }

    /** The raw 32-byte public key. */
    public byte[] publicKey() {
        return signer.publicKey();
    }

    /** The public key as an SPKI PEM block ({@code -----BEGIN PUBLIC KEY-----}). */
    public String publicKeyPem() {
        return publicKeyPem(publicKey());
    }

    public static String publicKeyPem(byte[] rawPublicKey) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(Bytes.concat(SPKI_PREFIX, rawPublicKey));
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----\n";
    }

    /**
     * Reads an Ed25519 public key given as unpadded base64url of the raw 32 bytes, or as an SPKI PEM
     * block; anything else is an {@link IllegalArgumentException} saying what was expected.
     */
    public static byte[] parsePublicKey(String text) {
        String trimmed = text.strip();
        if (trimmed.startsWith("-----BEGIN PUBLIC KEY-----")) {
            String body = trimmed.replace("-----BEGIN PUBLIC KEY-----", "").replace("-----END PUBLIC KEY-----", "")
                    .replaceAll("\\s", "");
            byte[] der;
            try {
                der = Base64.getDecoder().decode(body);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("the public key PEM is not valid base64");
            }
            if (der.length != SPKI_PREFIX.length + 32
                    || !Bytes.constantTimeEquals(Bytes.slice(der, 0, SPKI_PREFIX.length), SPKI_PREFIX)) {
                throw new IllegalArgumentException("the public key PEM is not an Ed25519 SubjectPublicKeyInfo");
            }
            return Bytes.slice(der, SPKI_PREFIX.length, 32);
        }
        byte[] raw;
        try {
            raw = Base64Url.decode(trimmed, "audit public key");
        } catch (CryptoException e) {
            throw new IllegalArgumentException("the public key must be unpadded base64url of 32 bytes or an SPKI PEM block");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("the public key must be 32 bytes, got " + raw.length);
        }
        return raw;
    }

    @Override
    public String toString() {
        return "AuditKey[" + Base64Url.encode(publicKey()) + "]";
    }
}
