package io.keyward.crypto.kex;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.ec.EcPublicKey;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import java.math.BigInteger;
import java.security.SecureRandom;
import org.bouncycastle.util.BigIntegers;
import org.junit.jupiter.api.Test;

class KexWycheproofTest {

    @Test
    void x25519() {
        Wycheproof.Tally tally = Wycheproof.load("x25519_test.json").run(c ->
                Outcome.expectEqual("shared", X25519.sharedSecret(c.bytes("private"), c.bytes("public")), c.bytes("shared")));
        assertThat(tally.passed()).isGreaterThanOrEqualTo(264);
        // Every all-zero result (low-order peer keys) is refused, as RFC 7748 section 6.1 suggests.
        assertThat(tally.acceptableRejected()).isEqualTo(countFlag("x25519_test.json", "ZeroSharedSecret"));
    }

    @Test
    void ecdhP256() {
        Wycheproof.Tally tally = Wycheproof.load("ecdh_secp256r1_test.json").run(c -> {
            EcPublicKey peer = EcPublicKey.fromSpki(EcCurve.P256, c.bytes("public"));
            return Outcome.expectEqual("shared", EcdhP256.sharedSecret(p256Private(c), peer), c.bytes("shared"));
        });
        assertThat(tally.passed()).isGreaterThanOrEqualTo(330);
    }

    @Test
    void aCorruptedPeerKeyIsRejectedOrChangesTheSecret() {
        Case x = Wycheproof.load("x25519_test.json").firstValid();
        byte[] peer = x.bytes("public");
        peer[0] ^= 0x01;
        assertThat(X25519.sharedSecret(x.bytes("private"), peer)).isNotEqualTo(x.bytes("shared"));

        // A flipped coordinate bit takes a P-256 point off the curve: refused before any arithmetic.
        Case e = Wycheproof.load("ecdh_secp256r1_test.json").firstValid();
        byte[] spki = e.bytes("public");
        spki[spki.length - 1] ^= 0x01;
        assertThatThrownBy(() -> EcPublicKey.fromSpki(EcCurve.P256, spki))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("P-256 public key is not a valid point on the curve");
    }

    @Test
    void bothSidesAgree() {
        SecureRandom random = new SecureRandom();
        X25519.KeyPair alice = X25519.generateKeyPair(random);
        X25519.KeyPair bob = X25519.generateKeyPair(random);
        assertThat(X25519.sharedSecret(alice.privateKey(), bob.publicKey()))
                .isEqualTo(X25519.sharedSecret(bob.privateKey(), alice.publicKey()));
        assertThat(alice.toString()).doesNotContain(java.util.HexFormat.of().formatHex(alice.privateKey()));

        EcPrivateKey a = EcPrivateKey.generate(EcCurve.P256, random);
        EcPrivateKey b = EcPrivateKey.generate(EcCurve.P256, random);
        assertThat(EcdhP256.sharedSecret(a, b.publicKey())).isEqualTo(EcdhP256.sharedSecret(b, a.publicKey()));
        assertThat(a.toString()).isEqualTo("EcPrivateKey[P-256, scalar hidden]");
    }

    @Test
    void refusesZeroSharedSecretAndBadLengths() {
        assertThatThrownBy(() -> X25519.sharedSecret(new byte[32], new byte[32]))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("X25519 peer public key has small order (shared secret is all zero)");
        assertThatThrownBy(() -> X25519.sharedSecret(new byte[32], new byte[31]))
                .hasMessage("X25519 peer public key must be 32 bytes");
        assertThatThrownBy(() -> EcPrivateKey.fromScalar(EcCurve.P256, new byte[32]))
                .hasMessage("P-256 private key is out of range");
    }

    private static EcPrivateKey p256Private(Case c) {
        // The file writes the scalar as a minimal two's-complement integer (sometimes 33 bytes).
        return EcPrivateKey.fromScalar(EcCurve.P256, BigIntegers.asUnsignedByteArray(32, new BigInteger(1, c.bytes("private"))));
    }

    private static int countFlag(String file, String flag) {
        return (int) Wycheproof.load(file).cases().stream().filter(c -> c.flags().contains(flag)).count();
    }
}
