package io.keyward.crypto.keys;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.keys.jwk.Jwk;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mangled inputs to every decoder of this package: each call succeeds or throws a
 * {@link CryptoException}; nothing from the JDK, BouncyCastle or Jackson leaks. Fixed seed.
 */
class KeysMalformedInputTest {
    private static final int ROUNDS = 200;
    private final Random random = new Random(20261125L);

    @Test
    void decodersOnlyThrowCryptoExceptions() {
        for (KeyType type : new KeyType[] {KeyType.ED25519, KeyType.X25519, KeyType.ECDSA_P256, KeyType.ECDSA_SECP256K1, KeyType.RSA_2048,
                KeyType.HMAC_SHA256, KeyType.ML_KEM_768}) {
            WorkingKey key = WorkingKey.generate(type);
            byte[] serialized = key.toBytes();
            mangle(serialized, WorkingKey::fromBytes);
            if (!type.isSymmetric()) {
                byte[] spki = key.publicKey().spki();
                mangle(spki, bytes -> PublicWorkingKey.fromSpki(type, bytes));
                mangle(key.publicKey().raw(), bytes -> PublicWorkingKey.fromRaw(type, bytes));
            }
            if (type != KeyType.ML_KEM_768 && !type.isSymmetric()) {
                mangle(key.toPkcs8(), bytes -> WorkingKey.importPkcs8(type, bytes));
            }
            if (type != KeyType.ML_KEM_768) {
                String jwk = Jwk.toJson(Jwk.privateJwk(key, "k"));
                mangle(jwk.getBytes(StandardCharsets.UTF_8), bytes -> Jwk.importPrivate(type, new String(bytes, StandardCharsets.UTF_8)));
            }
            if (type.permits(KeyOperation.UNWRAP)) {
                mangle(key.wrap(new byte[32], null), bytes -> key.unwrap(bytes, null));
            }
        }
        mangle("kw:v12:AAECAwQ".getBytes(StandardCharsets.US_ASCII),
                bytes -> VersionedValue.parse(new String(bytes, StandardCharsets.ISO_8859_1)));
    }

    private void mangle(byte[] valid, Consumer<byte[]> decoder) {
        for (int round = 0; round < ROUNDS; round++) {
            byte[] input = switch (round % 4) {
                case 0 -> flip(valid);
                case 1 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
                case 2 -> {
                    byte[] longer = java.util.Arrays.copyOf(valid, valid.length + 1 + random.nextInt(8));
                    yield longer;
                }
                default -> {
                    byte[] noise = new byte[random.nextInt(valid.length + 2)];
                    random.nextBytes(noise);
                    yield noise;
                }
            };
            try {
                decoder.accept(input);
            } catch (CryptoException expected) {
                assertThat(expected.getMessage()).isNotBlank().doesNotContain("\n");
            }
        }
    }

    private byte[] flip(byte[] valid) {
        byte[] copy = valid.clone();
        int flips = 1 + random.nextInt(3);
        for (int i = 0; i < flips; i++) {
            copy[random.nextInt(copy.length)] ^= (byte) (1 << random.nextInt(8));
        }
        return copy;
    }
}
