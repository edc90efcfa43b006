package io.keyward.crypto.kem;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

/**
 * mlkem_768_test.json gives a seed {@code d || z}, the encapsulation key it must expand to, a
 * ciphertext and the expected shared secret. Every test runs: seed to key pair (checking ek),
 * decapsulation (checking K), and, for valid keys, an encapsulate/decapsulate round trip with
 * the file's ek. Invalid tests are seeds or ciphertexts of the wrong length, refused up front.
 * (Encapsulation against the file's ciphertext cannot be replayed: the JDK API takes no message
 * m, and the file gives none.)
 */
class MlKem768WycheproofTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void mlKem768() {
        Wycheproof.Tally tally = Wycheproof.load("mlkem_768_test.json").run(c -> {
            MlKem768.PrivateKey privateKey = MlKem768.PrivateKey.fromSeed(c.bytes("seed"));
            Outcome decapsulated = Outcome.expectEqual("K", privateKey.decapsulate(c.bytes("c")), c.bytes("K"));
            if (!c.has("ek")) {
                return decapsulated;
            }
            return Outcome.expectEqual("ek", privateKey.publicKey().raw(), c.bytes("ek"))
                    .then(() -> decapsulated)
                    .then(() -> {
                        MlKem768.Encapsulation sent = MlKem768.PublicKey.fromRaw(c.bytes("ek")).encapsulate(RANDOM);
                        return Outcome.expectEqual("round-trip secret", privateKey.decapsulate(sent.ciphertext()), sent.sharedSecret());
                    });
        });
        assertThat(tally.passed()).isEqualTo(153);
    }

    /** A flipped ciphertext bit is implicitly rejected: decapsulation yields a different secret. */
    @Test
    void aFlippedCiphertextBitGivesAnotherSecret() {
        Case valid = Wycheproof.load("mlkem_768_test.json").firstValid();
        MlKem768.PrivateKey privateKey = MlKem768.PrivateKey.fromSeed(valid.bytes("seed"));
        byte[] ciphertext = valid.bytes("c");
        ciphertext[0] ^= 0x01;
        assertThat(privateKey.decapsulate(ciphertext)).hasSize(32).isNotEqualTo(valid.bytes("K"));
    }

    @Test
    void roundTripsAndRefusesBadLengths() {
        MlKem768.PrivateKey privateKey = MlKem768.generate(RANDOM);
        MlKem768.Encapsulation sent = privateKey.publicKey().encapsulate(RANDOM);
        assertThat(sent.ciphertext()).hasSize(MlKem768.CIPHERTEXT_LENGTH);
        assertThat(privateKey.decapsulate(sent.ciphertext())).isEqualTo(sent.sharedSecret());
        assertThat(MlKem768.PrivateKey.fromSeed(privateKey.seed()).publicKey().raw()).isEqualTo(privateKey.publicKey().raw());
        assertThat(privateKey.toString()).isEqualTo("MlKem768.PrivateKey[private key hidden]");
        assertThat(sent.toString()).contains("shared secret hidden");

        assertThatThrownBy(() -> MlKem768.PrivateKey.fromSeed(new byte[63])).isInstanceOf(InvalidKeyException.class)
                .hasMessage("ML-KEM-768 private key seed must be 64 bytes");
        assertThatThrownBy(() -> privateKey.decapsulate(new byte[1089])).isInstanceOf(CryptoException.class)
                .hasMessage("ML-KEM-768 ciphertext must be 1088 bytes");
        assertThatThrownBy(() -> MlKem768.PublicKey.fromRaw(new byte[1183])).isInstanceOf(InvalidKeyException.class);

        // A coefficient of 4095 (>= q = 3329) in the encapsulation key.
        byte[] ek = privateKey.publicKey().raw();
        ek[0] = (byte) 0xff;
        ek[1] |= 0x0f;
        assertThatThrownBy(() -> MlKem768.PublicKey.fromRaw(ek)).isInstanceOf(InvalidKeyException.class)
                .hasMessage("ML-KEM-768 public key fails the FIPS 203 modulus check");
    }
}
