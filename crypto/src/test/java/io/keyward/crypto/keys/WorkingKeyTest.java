package io.keyward.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.aead.AuthenticationFailedException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.kem.MlKem768;
import io.keyward.crypto.sig.EcdsaEncoding;
import io.keyward.crypto.sig.InvalidSignatureException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Every type and operation round trip, tampering, wrong-type refusals, serialization and destruction. */
class WorkingKeyTest {
    private static final byte[] MESSAGE = "keyward working key".getBytes(StandardCharsets.US_ASCII);
    private static final byte[] AAD = "keystore=ks1;key=k1;version=3".getBytes(StandardCharsets.US_ASCII);
    /** One key per type, generated once (RSA generation is the slow part of this class). */
    private static final Map<KeyType, WorkingKey> KEYS = new EnumMap<>(KeyType.class);

    @BeforeAll
    static void generateOncePerType() {
        for (KeyType type : KeyType.values()) {
            KEYS.put(type, WorkingKey.generate(type));
        }
    }

    @Test
    void everyTypeRoundTripsEveryOperationItPermits() {
        for (KeyType type : KeyType.values()) {
            WorkingKey key = KEYS.get(type);
            if (type.permits(KeyOperation.ENCRYPT)) {
                byte[] ciphertext = key.encrypt(MESSAGE, AAD);
                assertThat(key.decrypt(ciphertext, AAD)).as(type.id()).isEqualTo(MESSAGE);
                assertThat(key.encrypt(MESSAGE, AAD)).as(type.id() + " randomized").isNotEqualTo(ciphertext);
                byte[] tampered = ciphertext.clone();
                tampered[tampered.length - 1] ^= 1;
                assertThatThrownBy(() -> key.decrypt(tampered, AAD)).as(type.id()).isInstanceOf(AuthenticationFailedException.class);
                assertThatThrownBy(() -> key.decrypt(ciphertext, "other".getBytes(StandardCharsets.US_ASCII)))
                        .as(type.id() + " other aad").isInstanceOf(AuthenticationFailedException.class);
            }
            if (type.permits(KeyOperation.SIGN)) {
                byte[] signature = key.sign(MESSAGE);
                key.verify(signature, MESSAGE);
                key.publicKey().verify(signature, MESSAGE);
                byte[] other = MESSAGE.clone();
                other[0] ^= 1;
                assertThatThrownBy(() -> key.publicKey().verify(signature, other)).as(type.id())
                        .isInstanceOf(InvalidSignatureException.class);
                byte[] tampered = signature.clone();
                tampered[tampered.length / 2] ^= 4;
                assertThatThrownBy(() -> key.verify(tampered, MESSAGE)).as(type.id()).isInstanceOf(InvalidSignatureException.class);
            }
            if (type.permits(KeyOperation.MAC)) {
                byte[] tag = key.mac(MESSAGE);
                assertThat(tag).hasSize(32);
                key.verifyMac(MESSAGE, tag);
                tag[0] ^= 1;
                assertThatThrownBy(() -> key.verifyMac(MESSAGE, tag)).isInstanceOf(AuthenticationFailedException.class);
            }
            if (type.permits(KeyOperation.WRAP)) {
                byte[] contentKey = new byte[32];
                Arrays.fill(contentKey, (byte) 7);
                byte[] wrapped = key.publicKey().wrap(contentKey, AAD);
                assertThat(key.unwrap(wrapped, AAD)).as(type.id()).isEqualTo(contentKey);
                byte[] tampered = wrapped.clone();
                tampered[tampered.length - 3] ^= 1;
                assertThatThrownBy(() -> key.unwrap(tampered, AAD)).as(type.id()).isInstanceOf(AuthenticationFailedException.class);
                assertThatThrownBy(() -> key.unwrap(wrapped, new byte[0])).isInstanceOf(AuthenticationFailedException.class);
            }
            if (type.permits(KeyOperation.GENERATE_DATA_KEY)) {
                DataKey withPlaintext = key.generateDataKey(true, AAD);
                assertThat(withPlaintext.plaintext()).hasSize(32);
                byte[] recovered = type.permits(KeyOperation.UNWRAP) ? key.unwrap(withPlaintext.wrapped(), AAD)
                        : key.decrypt(withPlaintext.wrapped(), AAD);
                assertThat(recovered).as(type.id()).isEqualTo(withPlaintext.plaintext());
                assertThat(withPlaintext.toString()).contains("plaintext hidden");
                DataKey wrappedOnly = key.generateDataKey(false, AAD);
                assertThat(wrappedOnly.plaintext()).isNull();
                assertThat(wrappedOnly.hasPlaintext()).isFalse();
            }
            if (type.permits(KeyOperation.ENCAPSULATE)) {
                MlKem768.Encapsulation sent = key.publicKey().encapsulate();
                assertThat(key.decapsulate(sent.ciphertext())).isEqualTo(sent.sharedSecret());
            }
            assertThat(key.toString()).as(type.id()).isEqualTo("WorkingKey[" + type.id() + ", key material hidden]");
        }
    }

    @Test
    void operationsATypeDoesNotPermitAreRefusedWithTheirOwnException() {
        for (KeyType type : KeyType.values()) {
            WorkingKey key = KEYS.get(type);
            for (KeyOperation operation : KeyOperation.values()) {
                if (type.permits(operation)) {
                    continue;
                }
                assertThatThrownBy(() -> invoke(key, operation)).as(type.id() + " " + operation)
                        .isInstanceOf(UnsupportedOperationForKeyException.class)
                        .hasMessage(type.id() + " keys do not support " + operation.wireName());
            }
        }
        assertThatThrownBy(() -> KEYS.get(KeyType.AES_256_GCM).publicKey()).isInstanceOf(UnsupportedOperationForKeyException.class)
                .hasMessage("aes256-gcm keys do not support a public key");
    }

    @Test
    void authenticatedWrapNeedsTheRightSender() {
        for (KeyType type : new KeyType[] {KeyType.X25519, KeyType.ECDH_P256}) {
            WorkingKey sender = KEYS.get(type);
            WorkingKey recipient = WorkingKey.generate(type);
            WorkingKey impostor = WorkingKey.generate(type);
            byte[] contentKey = "0123456789abcdef0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
            byte[] wrapped = sender.wrapAuthenticated(recipient.publicKey(), contentKey, AAD);
            assertThat(wrapped[1]).isEqualTo((byte) 0x02);
            assertThat(recipient.unwrapAuthenticated(wrapped, AAD, sender.publicKey())).isEqualTo(contentKey);
            assertThatThrownBy(() -> recipient.unwrapAuthenticated(wrapped, AAD, impostor.publicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            assertThatThrownBy(() -> recipient.unwrap(wrapped, AAD)).isInstanceOf(KeyMismatchException.class)
                    .hasMessage("wrapped key is sender-authenticated: unwrap it with the sender's public key");
            assertThatThrownBy(() -> impostor.unwrapAuthenticated(wrapped, AAD, sender.publicKey()))
                    .isInstanceOf(AuthenticationFailedException.class);
            byte[] anonymous = recipient.publicKey().wrap(contentKey, AAD);
            assertThatThrownBy(() -> recipient.unwrapAuthenticated(anonymous, AAD, sender.publicKey()))
                    .isInstanceOf(KeyMismatchException.class);
        }
        WorkingKey x = KEYS.get(KeyType.X25519);
        assertThatThrownBy(() -> x.wrapAuthenticated(KEYS.get(KeyType.ECDH_P256).publicKey(), new byte[16], AAD))
                .isInstanceOf(KeyMismatchException.class).hasMessage("a x25519 sender cannot wrap for a ecdh-p256 recipient");
        byte[] forP256 = KEYS.get(KeyType.ECDH_P256).publicKey().wrap(new byte[16], AAD);
        assertThatThrownBy(() -> x.unwrap(forP256, AAD)).isInstanceOf(KeyMismatchException.class);
        assertThatThrownBy(() -> x.unwrap(new byte[5], AAD)).isInstanceOf(MalformedKeyDataException.class)
                .hasMessage("wrapped key is too short");
    }

    @Test
    void wrapFormatHeaderIsAsDocumented() {
        byte[] wrapped = KEYS.get(KeyType.X25519).publicKey().wrap(new byte[32], AAD);
        assertThat(Arrays.copyOf(wrapped, 8)).containsExactly(0x01, 0x00, 0x00, 0x20, 0x00, 0x01, 0x00, 0x02);
        assertThat(wrapped).hasSize(8 + 32 + 32 + 16);
        byte[] p256 = KEYS.get(KeyType.ECDH_P256).publicKey().wrap(new byte[32], AAD);
        assertThat(Arrays.copyOf(p256, 8)).containsExactly(0x01, 0x00, 0x00, 0x10, 0x00, 0x01, 0x00, 0x02);
        assertThat(p256).hasSize(8 + 65 + 32 + 16);
    }

    @Test
    void ecdsaEncodingsAndLowS() {
        WorkingKey k1 = KEYS.get(KeyType.ECDSA_SECP256K1);
        SignatureOptions p1363LowS = SignatureOptions.DEFAULT.withEcdsaEncoding(EcdsaEncoding.IEEE_P1363).withLowS(true);
        BigInteger halfOrder = EcCurve.SECP256K1.order().shiftRight(1);
        for (int i = 0; i < 16; i++) {
            byte[] message = ("message " + i).getBytes(StandardCharsets.US_ASCII);
            byte[] signature = k1.sign(message, p1363LowS);
            assertThat(signature).hasSize(64);
            assertThat(new BigInteger(1, Arrays.copyOfRange(signature, 32, 64))).isLessThanOrEqualTo(halfOrder);
            k1.verify(signature, message, p1363LowS);
        }
        WorkingKey p384 = KEYS.get(KeyType.ECDSA_P384);
        SignatureOptions p1363 = SignatureOptions.DEFAULT.withEcdsaEncoding(EcdsaEncoding.IEEE_P1363);
        byte[] signature = p384.sign(MESSAGE, p1363);
        assertThat(signature).hasSize(96);
        p384.verify(signature, MESSAGE, p1363);
        // A P1363 signature is not a DER one.
        assertThatThrownBy(() -> p384.verify(signature, MESSAGE)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void rsaSignaturePaddingsAreDistinct() {
        WorkingKey rsa = KEYS.get(KeyType.RSA_2048);
        SignatureOptions pkcs1 = SignatureOptions.DEFAULT.withRsaPadding(SignatureOptions.RsaPadding.PKCS1_V15_SHA256);
        byte[] v15 = rsa.sign(MESSAGE, pkcs1);
        assertThat(rsa.sign(MESSAGE, pkcs1)).as("PKCS#1 v1.5 is deterministic").isEqualTo(v15);
        rsa.verify(v15, MESSAGE, pkcs1);
        assertThatThrownBy(() -> rsa.verify(v15, MESSAGE)).isInstanceOf(InvalidSignatureException.class);
        byte[] pss = rsa.sign(MESSAGE);
        assertThatThrownBy(() -> rsa.verify(pss, MESSAGE, pkcs1)).isInstanceOf(InvalidSignatureException.class);
    }

    @Test
    void everyKeySurvivesSerializationExactly() {
        for (KeyType type : KeyType.values()) {
            WorkingKey key = KEYS.get(type);
            byte[] serialized = key.toBytes();
            assertThat(serialized[0]).isEqualTo((byte) 1);
            assertThat(new String(serialized, 2, serialized[1], StandardCharsets.US_ASCII)).isEqualTo(type.id());
            WorkingKey restored = WorkingKey.fromBytes(serialized);
            assertThat(restored.type()).isEqualTo(type);
            assertThat(restored.toBytes()).as(type.id()).isEqualTo(serialized);
            if (!type.isSymmetric()) {
                assertThat(restored.publicKey()).isEqualTo(key.publicKey());
            }
            if (type.permits(KeyOperation.DECRYPT)) {
                assertThat(restored.decrypt(key.encrypt(MESSAGE, AAD), AAD)).isEqualTo(MESSAGE);
            }
            if (type.permits(KeyOperation.SIGN)) {
                key.verify(restored.sign(MESSAGE), MESSAGE);
            }
            if (type.permits(KeyOperation.MAC)) {
                assertThat(restored.mac(MESSAGE)).isEqualTo(key.mac(MESSAGE));
            }
            if (type.permits(KeyOperation.UNWRAP)) {
                assertThat(restored.unwrap(key.wrap(new byte[24], AAD), AAD)).isEqualTo(new byte[24]);
            }
        }
        assertThatThrownBy(() -> WorkingKey.fromBytes(new byte[] {2, 1, 'x', 0})).isInstanceOf(MalformedKeyDataException.class)
                .hasMessage("serialized key has unknown format 2");
        assertThatThrownBy(() -> WorkingKey.fromBytes(new byte[] {1, 3, 'f', 'o', 'o', 0})).isInstanceOf(MalformedKeyDataException.class)
                .hasMessage("serialized key names an unknown key type \"foo\"");
        byte[] truncated = Arrays.copyOf(KEYS.get(KeyType.ECDSA_P256).toBytes(), 30);
        assertThatThrownBy(() -> WorkingKey.fromBytes(truncated)).isInstanceOf(MalformedKeyDataException.class);
    }

    @Test
    void aKeyStoredInAnEnvelopeIsRestoredExactly() {
        byte[] lock = new byte[32];
        new java.security.SecureRandom().nextBytes(lock);
        io.keyward.crypto.envelope.KeyRef lockRef = new io.keyward.crypto.envelope.KeyRef("ks1-lock", 1);
        for (KeyType type : new KeyType[] {KeyType.ECDSA_P256, KeyType.ML_DSA_65, KeyType.X25519, KeyType.HMAC_SHA256}) {
            WorkingKey key = KEYS.get(type);
            byte[] binding = ("ks1/k1/v1/" + type.id()).getBytes(StandardCharsets.US_ASCII);
            byte[] stored = io.keyward.crypto.envelope.Envelope.seal(lock, lockRef, key.toBytes(), binding).toBytes();
            WorkingKey restored = WorkingKey.fromBytes(io.keyward.crypto.envelope.Envelope.parse(stored).open(lock, lockRef, binding));
            assertThat(restored.toBytes()).as(type.id()).isEqualTo(key.toBytes());
            assertThatThrownBy(() -> io.keyward.crypto.envelope.Envelope.parse(stored).open(lock, lockRef, "ks1/k1/v2".getBytes(StandardCharsets.US_ASCII)))
                    .isInstanceOf(AuthenticationFailedException.class);
        }
    }

    @Test
    void destroyZeroizesAndStopsTheKey() {
        WorkingKey key = WorkingKey.generate(KeyType.AES_256_GCM);
        byte[] ciphertext = key.encrypt(MESSAGE, AAD);
        key.destroy();
        assertThat(key.isDestroyed()).isTrue();
        assertThat(key.toString()).isEqualTo("WorkingKey[aes256-gcm, destroyed]");
        assertThatThrownBy(() -> key.decrypt(ciphertext, AAD)).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(key::toBytes).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rawImportChecksSizes() {
        assertThatThrownBy(() -> WorkingKey.importRaw(KeyType.AES_256_GCM, new byte[16])).isInstanceOf(KeyTypeMismatchException.class)
                .hasMessage("declared aes256-gcm but the key material is a 16-byte key (32 bytes needed)");
        assertThatThrownBy(() -> WorkingKey.importRaw(KeyType.HMAC_SHA256, new byte[8])).isInstanceOf(KeyTypeMismatchException.class);
        assertThat(WorkingKey.importRaw(KeyType.HMAC_SHA256, new byte[64]).mac(MESSAGE)).hasSize(32);
        assertThatThrownBy(() -> WorkingKey.importRaw(KeyType.ED25519, new byte[32])).isInstanceOf(UnsupportedOperationForKeyException.class);
        assertThatThrownBy(() -> KeyType.fromId("des")).isInstanceOf(UnknownKeyTypeException.class).hasMessage("unknown key type \"des\"");
    }

    @Test
    void rsa3072And4096SignAndDecrypt() {
        for (KeyType type : new KeyType[] {KeyType.RSA_3072, KeyType.RSA_4096}) {
            WorkingKey key = KEYS.get(type);
            assertThat(key.publicKey().spki()).isNotEmpty();
            assertThat(key.sign(MESSAGE)).hasSize(type.size() / 8);
            assertThat(key.encrypt(MESSAGE, null)).hasSize(type.size() / 8);
        }
        // An RSA key of another size is refused as a mismatch.
        byte[] pkcs8 = KEYS.get(KeyType.RSA_2048).toPkcs8();
        assertThatThrownBy(() -> WorkingKey.importPkcs8(KeyType.RSA_3072, pkcs8)).isInstanceOf(KeyTypeMismatchException.class)
                .hasMessage("declared rsa-3072 but the key material is a 2048-bit RSA key");
    }

    private static Object invoke(WorkingKey key, KeyOperation operation) {
        return switch (operation) {
            case ENCRYPT -> key.encrypt(MESSAGE, AAD);
            case DECRYPT -> key.decrypt(new byte[64], AAD);
            case SIGN -> key.sign(MESSAGE);
            case VERIFY -> {
                key.verify(new byte[64], MESSAGE);
                yield null;
            }
            case MAC -> key.mac(MESSAGE);
            case VERIFY_MAC -> {
                key.verifyMac(MESSAGE, new byte[32]);
                yield null;
            }
            case WRAP -> key.wrap(new byte[32], AAD);
            case UNWRAP -> key.unwrap(new byte[100], AAD);
            case GENERATE_DATA_KEY -> key.generateDataKey(true, AAD);
            case ENCAPSULATE -> key.encapsulate();
            case DECAPSULATE -> key.decapsulate(new byte[1088]);
        };
    }

}
