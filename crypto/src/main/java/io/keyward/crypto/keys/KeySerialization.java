package io.keyward.crypto.keys;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.kem.MlKem768;
import io.keyward.crypto.sig.MlDsa65Signer;
import io.keyward.crypto.sig.MlDsa65Verifier;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Arrays;

/**
 * The storage form of a working key, meant to be sealed by an envelope under the keystore lock
 * (docs/formats.md, "Serialized working keys"):
 *
 * <pre>
 * u8  format = 0x01
 * u8  n, then n bytes: the key type id in ASCII (e.g. "ecdsa-p256")
 * body, by type:
 *   aes256-gcm, chacha20-poly1305, xchacha20-poly1305, hmac-sha256: the raw secret key
 *   ed25519, x25519, ecdsa-*, ecdh-p256, rsa-*: PKCS#8 DER (as {@link WorkingKey#toPkcs8()})
 *   ml-kem-768: the 64-byte FIPS 203 seed d || z
 *   ml-dsa-65: u16 length, the JDK's PKCS#8 DER, then the 1952-byte public key
 * </pre>
 */
public final class KeySerialization {
    public static final int FORMAT = 0x01;
    private static final SecureRandom RANDOM = new SecureRandom();

    private KeySerialization() {}

    static byte[] encode(WorkingKey key) {
        KeyType type = key.type();
        byte[] id = type.id().getBytes(StandardCharsets.US_ASCII);
        byte[] body = switch (type.family()) {
            case AEAD, MAC -> key.secretCopy();
            case KEM -> key.mlKem().seed();
            case ML_DSA -> {
                byte[] pkcs8 = key.mlDsa().toPkcs8();
                try {
                    yield Bytes.concat(Bytes.i2osp(pkcs8.length, 2), pkcs8, key.publicKey().raw());
                } finally {
                    Bytes.zeroize(pkcs8);
                }
            }
            default -> Pkcs8Keys.encode(key);
        };
        try {
            return Bytes.concat(new byte[] {(byte) FORMAT, (byte) id.length}, id, body);
        } finally {
            Bytes.zeroize(body);
        }
    }

    static WorkingKey decode(byte[] bytes) {
        if (bytes == null || bytes.length < 3) {
            throw new MalformedKeyDataException("serialized key is too short");
        }
        if ((bytes[0] & 0xff) != FORMAT) {
            throw new MalformedKeyDataException("serialized key has unknown format " + (bytes[0] & 0xff));
        }
        int idLength = bytes[1] & 0xff;
        if (bytes.length < 2 + idLength + 1) {
            throw new MalformedKeyDataException("serialized key is truncated");
        }
        KeyType type;
        try {
            type = KeyType.fromId(new String(bytes, 2, idLength, StandardCharsets.US_ASCII));
        } catch (UnknownKeyTypeException e) {
            throw new MalformedKeyDataException("serialized key names an " + e.getMessage());
        }
        byte[] body = Arrays.copyOfRange(bytes, 2 + idLength, bytes.length);
        try {
            return switch (type.family()) {
                case AEAD, MAC -> WorkingKey.importRaw(type, body);
                case KEM -> WorkingKey.ofMlKem(MlKem768.PrivateKey.fromSeed(body));
                case ML_DSA -> {
                    if (body.length < 2) {
                        throw new MalformedKeyDataException("serialized ML-DSA-65 key is truncated");
                    }
                    int pkcs8Length = ((body[0] & 0xff) << 8) | (body[1] & 0xff);
                    if (body.length != 2 + pkcs8Length + MlDsa65Verifier.PUBLIC_KEY_LENGTH) {
                        throw new MalformedKeyDataException("serialized ML-DSA-65 key has the wrong length");
                    }
                    byte[] pkcs8 = Arrays.copyOfRange(body, 2, 2 + pkcs8Length);
                    byte[] publicKey = Arrays.copyOfRange(body, 2 + pkcs8Length, body.length);
                    try {
                        yield WorkingKey.ofMlDsa(MlDsa65Signer.fromPkcs8(pkcs8, publicKey, RANDOM));
                    } finally {
                        Bytes.zeroize(pkcs8);
                    }
                }
                default -> Pkcs8Keys.decode(type, body);
            };
        } catch (MalformedKeyDataException e) {
            throw e;
        } catch (CryptoException e) {
            throw new MalformedKeyDataException("serialized " + type.id() + " key is invalid: " + e.getMessage());
        } catch (RuntimeException e) {
            throw new MalformedKeyDataException("serialized " + type.id() + " key is malformed");
        } finally {
            Bytes.zeroize(body);
        }
    }
}
