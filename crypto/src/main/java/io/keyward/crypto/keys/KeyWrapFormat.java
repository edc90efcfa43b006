package io.keyward.crypto.keys;

import io.keyward.crypto.hpke.Hpke;
import io.keyward.crypto.hpke.HpkeAead;
import io.keyward.crypto.hpke.HpkeKem;
import io.keyward.crypto.util.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The byte layout of a wrapped content key (docs/formats.md, "Wrapped keys"):
 *
 * <pre>
 * u8  format  = 0x01
 * u8  mode    = 0x00 (HPKE mode_base, anonymous sender) | 0x02 (mode_auth, sender-authenticated)
 * u16 kem_id  = 0x0020 DHKEM(X25519, HKDF-SHA256) | 0x0010 DHKEM(P-256, HKDF-SHA256)
 * u16 kdf_id  = 0x0001 HKDF-SHA256
 * u16 aead_id = 0x0002 AES-256-GCM
 * enc         Nenc bytes (32 for X25519, 65 for P-256)
 * ct          the content key sealed by HPKE (its length + 16)
 * </pre>
 *
 * HPKE info is the ASCII string {@value #INFO_TEXT}; HPKE aad is the caller's associated data.
 * The header is not fed to HPKE separately: mode and suite are already bound by HPKE's key
 * schedule (mode in key_schedule_context, the ids in every labeled HKDF call).
 */
public final class KeyWrapFormat {
    public static final int FORMAT = 0x01;
    public static final String INFO_TEXT = "keyward/wrap/v1";
    public static final int MAX_CONTENT_KEY_LENGTH = 1024;
    static final byte[] INFO = INFO_TEXT.getBytes(StandardCharsets.US_ASCII);
    private static final int HEADER_LENGTH = 8;
    private static final int TAG_LENGTH = 16;

    private KeyWrapFormat() {}

    /** A parsed wrapped key. */
    record Parsed(Hpke.Mode mode, Hpke hpke, byte[] enc, byte[] ciphertext) {}

    static Hpke suite(KeyType type) {
        return switch (type) {
            case X25519 -> Hpke.of(HpkeKem.DHKEM_X25519_HKDF_SHA256, HpkeAead.AES_256_GCM);
            case ECDH_P256 -> Hpke.of(HpkeKem.DHKEM_P256_HKDF_SHA256, HpkeAead.AES_256_GCM);
            default -> throw new UnsupportedOperationForKeyException(type, KeyOperation.WRAP);
        };
    }

    static void checkContentKey(byte[] contentKey) {
        if (contentKey == null || contentKey.length == 0 || contentKey.length > MAX_CONTENT_KEY_LENGTH) {
            throw new io.keyward.crypto.CryptoException("content key must be 1 to " + MAX_CONTENT_KEY_LENGTH + " bytes");
        }
    }

    static byte[] encode(Hpke.Mode mode, Hpke hpke, Hpke.Sealed sealed) {
        byte[] header = Bytes.concat(new byte[] {(byte) FORMAT, (byte) mode.id()}, Bytes.i2osp(hpke.kem().id(), 2),
                Bytes.i2osp(Hpke.KDF_HKDF_SHA256, 2), Bytes.i2osp(hpke.aead().id(), 2));
        return Bytes.concat(header, sealed.enc(), sealed.ciphertext());
    }

    static Parsed parse(byte[] wrapped, KeyType recipientType) {
        if (wrapped == null || wrapped.length < HEADER_LENGTH) {
            throw new MalformedKeyDataException("wrapped key is too short");
        }
        if ((wrapped[0] & 0xff) != FORMAT) {
            throw new MalformedKeyDataException("wrapped key has unknown format " + (wrapped[0] & 0xff));
        }
        Hpke.Mode mode = switch (wrapped[1]) {
            case 0x00 -> Hpke.Mode.BASE;
            case 0x02 -> Hpke.Mode.AUTH;
            default -> throw new MalformedKeyDataException("wrapped key has unknown HPKE mode " + (wrapped[1] & 0xff));
        };
        int kemId = u16(wrapped, 2);
        int kdfId = u16(wrapped, 4);
        int aeadId = u16(wrapped, 6);
        Hpke expected = suite(recipientType);
        if (kemId != expected.kem().id() || kdfId != Hpke.KDF_HKDF_SHA256 || aeadId != expected.aead().id()) {
            throw new KeyMismatchException("wrapped key is for suite 0x" + Integer.toHexString(kemId) + "/0x"
                    + Integer.toHexString(kdfId) + "/0x" + Integer.toHexString(aeadId) + ", not for a " + recipientType.id() + " key");
        }
        int encLength = expected.kem().publicKeyLength();
        if (wrapped.length < HEADER_LENGTH + encLength + TAG_LENGTH + 1) {
            throw new MalformedKeyDataException("wrapped key is too short");
        }
        return new Parsed(mode, expected, Arrays.copyOfRange(wrapped, HEADER_LENGTH, HEADER_LENGTH + encLength),
                Arrays.copyOfRange(wrapped, HEADER_LENGTH + encLength, wrapped.length));
    }

    private static int u16(byte[] b, int at) {
        return ((b[at] & 0xff) << 8) | (b[at + 1] & 0xff);
    }
}
