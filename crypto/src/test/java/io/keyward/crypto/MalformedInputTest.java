package io.keyward.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import io.keyward.crypto.aead.AesGcm;
import io.keyward.crypto.aead.ChaCha20Poly1305;
import io.keyward.crypto.aead.XChaCha20Poly1305;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.ec.EcPublicKey;
import io.keyward.crypto.kem.MlKem768;
import io.keyward.crypto.keywrap.AesKeyWrapPad;
import io.keyward.crypto.kex.X25519;
import io.keyward.crypto.sig.EcdsaEncoding;
import io.keyward.crypto.sig.EcdsaSigner;
import io.keyward.crypto.sig.Ed25519Signer;
import io.keyward.crypto.sig.Ed25519Verifier;
import io.keyward.crypto.sig.MlDsa65Verifier;
import java.security.SecureRandom;
import java.util.Random;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Mangled and random inputs to every decoder and verifier: each call either succeeds or throws a
 * {@link CryptoException}. Nothing from inside the JDK or BouncyCastle may leak, and nothing hangs.
 * A fixed seed keeps failures reproducible.
 */
class MalformedInputTest {
    private static final int ROUNDS = 300;
    private final Random random = new Random(20261125L);
    private final SecureRandom secureRandom = new SecureRandom();

    @Test
    void ecPublicKeyDecoders() {
        byte[] spki = EcPrivateKey.generate(EcCurve.P256, secureRandom).publicKey().spki();
        byte[] k1Point = EcPrivateKey.generate(EcCurve.SECP256K1, secureRandom).publicKey().compressed();
        assertOnlyCryptoExceptions(spki, bytes -> EcPublicKey.fromSpki(EcCurve.P256, bytes));
        assertOnlyCryptoExceptions(k1Point, bytes -> EcPublicKey.fromPoint(EcCurve.SECP256K1, bytes));
    }

    @Test
    void ecdsaSignatureDecoders() {
        for (EcCurve curve : EcCurve.values()) {
            for (EcdsaEncoding encoding : EcdsaEncoding.values()) {
                EcdsaSigner signer = EcdsaSigner.of(EcPrivateKey.generate(curve, secureRandom), encoding);
                byte[] message = {1};
                assertOnlyCryptoExceptions(signer.sign(message), bytes -> signer.verifier().verify(bytes, message));
            }
        }
    }

    @Test
    void ed25519AndMlDsaVerifiers() {
        Ed25519Signer ed = Ed25519Signer.generate(secureRandom);
        byte[] message = {2};
        assertOnlyCryptoExceptions(ed.sign(message), bytes -> ed.verifier().verify(bytes, message));
        assertOnlyCryptoExceptions(ed.publicKey(), Ed25519Verifier::fromPublicKey);
        byte[] mlDsaKey = new byte[MlDsa65Verifier.PUBLIC_KEY_LENGTH];
        random.nextBytes(mlDsaKey);
        MlDsa65Verifier mlDsa = MlDsa65Verifier.fromPublicKey(mlDsaKey);
        assertOnlyCryptoExceptions(new byte[MlDsa65Verifier.SIGNATURE_LENGTH], bytes -> mlDsa.verify(bytes, message));
    }

    @Test
    void ciphersKeyWrapAndKem() {
        byte[] key = new byte[32];
        assertOnlyCryptoExceptions(AesGcm.AES_256.seal(key, new byte[12], new byte[20], null),
                bytes -> AesGcm.AES_256.open(key, new byte[12], bytes, null));
        assertOnlyCryptoExceptions(ChaCha20Poly1305.INSTANCE.seal(key, new byte[12], new byte[20], null),
                bytes -> ChaCha20Poly1305.INSTANCE.open(key, new byte[12], bytes, null));
        assertOnlyCryptoExceptions(XChaCha20Poly1305.INSTANCE.seal(key, new byte[24], new byte[20], null),
                bytes -> XChaCha20Poly1305.INSTANCE.open(key, new byte[24], bytes, null));
        assertOnlyCryptoExceptions(AesKeyWrapPad.wrap(key, new byte[20]), bytes -> AesKeyWrapPad.unwrap(key, bytes));
        assertOnlyCryptoExceptions(new byte[32], bytes -> X25519.sharedSecret(key, bytes));
        MlKem768.PrivateKey kem = MlKem768.generate(secureRandom);
        assertOnlyCryptoExceptions(kem.publicKey().encapsulate(secureRandom).ciphertext(), kem::decapsulate);
        assertOnlyCryptoExceptions(kem.publicKey().raw(), MlKem768.PublicKey::fromRaw);
    }

    /** Runs {@code operation} on truncations, extensions, bit flips and random bytes derived from {@code valid}. */
    private void assertOnlyCryptoExceptions(byte[] valid, Consumer<byte[]> operation) {
        int rounds = valid.length > 2000 ? ROUNDS / 10 : ROUNDS;
        for (int i = 0; i < rounds; i++) {
            byte[] input = mangle(valid);
            try {
                operation.accept(input);
            } catch (CryptoException expected) {
                assertThat(expected.getMessage()).doesNotContain("\n");
            } catch (RuntimeException leaked) {
                throw new AssertionError("leaked " + leaked + " for input of " + input.length + " bytes", leaked);
            }
        }
    }

    private byte[] mangle(byte[] valid) {
        return switch (random.nextInt(4)) {
            case 0 -> java.util.Arrays.copyOf(valid, random.nextInt(valid.length + 1));
            case 1 -> java.util.Arrays.copyOf(valid, valid.length + 1 + random.nextInt(4));
            case 2 -> {
                byte[] flipped = valid.clone();
                for (int j = 0; j <= random.nextInt(3); j++) {
                    flipped[random.nextInt(flipped.length)] ^= (byte) (1 << random.nextInt(8));
                }
                yield flipped;
            }
            default -> {
                byte[] noise = new byte[random.nextInt(valid.length + 8)];
                random.nextBytes(noise);
                yield noise;
            }
        };
    }
}
