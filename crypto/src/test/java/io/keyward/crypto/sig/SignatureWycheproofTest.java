package io.keyward.crypto.sig;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.InvalidKeyException;
import io.keyward.crypto.ec.EcCurve;
import io.keyward.crypto.ec.EcPrivateKey;
import io.keyward.crypto.ec.EcPublicKey;
import io.keyward.crypto.testing.Wycheproof;
import io.keyward.crypto.testing.Wycheproof.Case;
import io.keyward.crypto.testing.Wycheproof.Outcome;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The verify paths against Wycheproof: valid signatures verify, invalid ones are refused. */
class SignatureWycheproofTest {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Test
    void ed25519() {
        Wycheproof.Tally tally = Wycheproof.load("ed25519_test.json").run(c -> verify(Ed25519Verifier.fromPublicKey(ed25519Key(c)), c));
        assertThat(tally.passed()).isEqualTo(88);
    }

    @Test
    void ecdsaP256Der() {
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256r1_sha256_test.json")
                .run(c -> verify(EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.P256, c.groupBytes("publicKeyDer")), EcdsaEncoding.DER), c));
        assertThat(tally.passed()).isEqualTo(174);
    }

    @Test
    void ecdsaP256P1363() {
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256r1_sha256_p1363_test.json")
                .run(c -> verify(EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.P256, c.groupBytes("publicKeyDer")), EcdsaEncoding.IEEE_P1363), c));
        assertThat(tally.passed()).isEqualTo(173);
    }

    @Test
    void ecdsaSecp256k1Der() {
        Wycheproof.Tally tally = Wycheproof.load("ecdsa_secp256k1_sha256_test.json")
                .run(c -> verify(EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.SECP256K1, c.groupBytes("publicKeyDer")), EcdsaEncoding.DER), c));
        assertThat(tally.passed()).isEqualTo(168);
    }

    @Test
    void mlDsa65() {
        Wycheproof.Tally tally = Wycheproof.load("mldsa_65_verify_test.json").run(c -> {
            if (c.has("ctx") && c.bytes("ctx").length > 0) {
                return Outcome.skipped("non-empty context (JDK 25 has no public ML-DSA context API, JDK-8351351 keeps it internal)");
            }
            return verify(MlDsa65Verifier.fromPublicKey(c.groupBytes("publicKey")), c);
        });
        assertThat(tally.skipped()).isEqualTo(7);
    }

    @Test
    void aFlippedSignatureBitIsRejectedByEveryVerifier() {
        assertTamperedSignatureRejected("ed25519_test.json", c -> Ed25519Verifier.fromPublicKey(ed25519Key(c)));
        assertTamperedSignatureRejected("ecdsa_secp256r1_sha256_test.json",
                c -> EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.P256, c.groupBytes("publicKeyDer")), EcdsaEncoding.DER));
        assertTamperedSignatureRejected("ecdsa_secp256r1_sha256_p1363_test.json",
                c -> EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.P256, c.groupBytes("publicKeyDer")), EcdsaEncoding.IEEE_P1363));
        assertTamperedSignatureRejected("ecdsa_secp256k1_sha256_test.json",
                c -> EcdsaVerifier.of(EcPublicKey.fromSpki(EcCurve.SECP256K1, c.groupBytes("publicKeyDer")), EcdsaEncoding.DER));
        assertTamperedSignatureRejected("mldsa_65_verify_test.json", c -> MlDsa65Verifier.fromPublicKey(c.groupBytes("publicKey")));
    }

    @Test
    void signersRoundTripAndHideTheirKeys() {
        byte[] message = "keyward".getBytes(StandardCharsets.US_ASCII);
        for (Signer signer : new Signer[] {
                Ed25519Signer.generate(RANDOM),
                EcdsaSigner.of(EcPrivateKey.generate(EcCurve.P256, RANDOM), EcdsaEncoding.DER),
                EcdsaSigner.of(EcPrivateKey.generate(EcCurve.P256, RANDOM), EcdsaEncoding.IEEE_P1363),
                EcdsaSigner.of(EcPrivateKey.generate(EcCurve.SECP256K1, RANDOM), EcdsaEncoding.DER),
                EcdsaSigner.of(EcPrivateKey.generate(EcCurve.SECP256K1, RANDOM), EcdsaEncoding.IEEE_P1363),
                MlDsa65Signer.generate(RANDOM)}) {
            byte[] signature = signer.sign(message);
            signer.verifier().verify(signature, message);
            byte[] other = message.clone();
            other[0] ^= 1;
            assertThatThrownBy(() -> signer.verifier().verify(signature, other))
                    .as(signer.algorithm()).isInstanceOf(InvalidSignatureException.class);
            assertThat(signer.toString()).as(signer.algorithm()).contains("private key hidden");
        }
    }

    /** Our DER signatures are what the JDK's own verifier expects. */
    @Test
    void p256DerSignaturesVerifyWithThePlainJdk() throws Exception {
        EcPrivateKey key = EcPrivateKey.generate(EcCurve.P256, RANDOM);
        byte[] message = {4, 5, 6};
        byte[] signature = EcdsaSigner.of(key, EcdsaEncoding.DER).sign(message);
        java.security.Signature jdk = java.security.Signature.getInstance("SHA256withECDSA");
        jdk.initVerify(key.publicKey().toJdk());
        jdk.update(message);
        assertThat(jdk.verify(signature)).isTrue();
    }

    @Test
    void mlDsa65KeysSurviveAPkcs8RoundTripAndMismatchesAreCaught() {
        MlDsa65Signer signer = MlDsa65Signer.generate(RANDOM);
        MlDsa65Signer restored = MlDsa65Signer.fromPkcs8(signer.toPkcs8(), signer.verifier().publicKey(), RANDOM);
        byte[] message = {7};
        signer.verifier().verify(restored.sign(message), message);
        byte[] otherPublic = MlDsa65Signer.generate(RANDOM).verifier().publicKey();
        assertThatThrownBy(() -> MlDsa65Signer.fromPkcs8(signer.toPkcs8(), otherPublic, RANDOM))
                .isInstanceOf(InvalidKeyException.class)
                .hasMessage("ML-DSA-65 private key does not match the public key");
    }

    /** RFC 6979 nonces make secp256k1 signatures deterministic. */
    @Test
    void secp256k1SignaturesAreDeterministic() {
        EcdsaSigner signer = EcdsaSigner.of(EcPrivateKey.generate(EcCurve.SECP256K1, RANDOM), EcdsaEncoding.IEEE_P1363);
        byte[] message = {1, 2, 3};
        assertThat(signer.sign(message)).isEqualTo(signer.sign(message));
    }

    /** RFC 8032 section 7.1, TEST 1: the empty message. */
    @Test
    void ed25519MatchesRfc8032Test1() {
        var hex = java.util.HexFormat.of();
        Ed25519Signer signer = Ed25519Signer.fromPrivateKey(hex.parseHex("9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60"));
        assertThat(hex.formatHex(signer.publicKey())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(hex.formatHex(signer.sign(new byte[0]))).isEqualTo("e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e06522490155"
                + "5fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b");
    }

    @Test
    void refusesMalformedKeys() {
        assertThatThrownBy(() -> Ed25519Verifier.fromPublicKey(new byte[31])).isInstanceOf(InvalidKeyException.class);
        var hex = java.util.HexFormat.of();
        // y = p (a non-canonical encoding of 0) and y = 1 (the identity) are not acceptable keys.
        for (String key : new String[] {"edffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
                "0100000000000000000000000000000000000000000000000000000000000000"}) {
            assertThatThrownBy(() -> Ed25519Verifier.fromPublicKey(hex.parseHex(key)))
                    .isInstanceOf(InvalidKeyException.class).hasMessage("Ed25519 public key is not a valid point");
        }
        assertThatThrownBy(() -> MlDsa65Verifier.fromPublicKey(new byte[1953]))
                .hasMessage("ML-DSA-65 public key must be 1952 bytes");
        // A P-256 SPKI is not a secp256k1 key.
        Case p256 = Wycheproof.load("ecdsa_secp256r1_sha256_test.json").firstValid();
        assertThatThrownBy(() -> EcPublicKey.fromSpki(EcCurve.SECP256K1, p256.groupBytes("publicKeyDer")))
                .hasMessage("secp256k1 public key is on another curve");
    }

    private static void assertTamperedSignatureRejected(String file, Function<Case, Verifier> verifierFor) {
        Case valid = Wycheproof.load(file).firstValid();
        Verifier verifier = verifierFor.apply(valid);
        verifier.verify(valid.bytes("sig"), valid.bytes("msg"));
        byte[] signature = valid.bytes("sig");
        signature[signature.length / 2] ^= 0x01;
        assertThatThrownBy(() -> verifier.verify(signature, valid.bytes("msg")))
                .as(file).isInstanceOf(InvalidSignatureException.class);
    }

    /** The group's raw key sits inside its {@code publicKey} object. */
    private static byte[] ed25519Key(Case c) {
        return java.util.HexFormat.of().parseHex(c.group().path("publicKey").path("pk").asText());
    }

    private static Outcome verify(Verifier verifier, Case c) {
        verifier.verify(c.bytes("sig"), c.bytes("msg"));
        return Outcome.accepted();
    }
}
