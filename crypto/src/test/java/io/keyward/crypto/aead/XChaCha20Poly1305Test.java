package io.keyward.crypto.aead;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.CryptoException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.ChaCha7539Engine;
import org.bouncycastle.crypto.engines.XChaCha20Engine;
import org.bouncycastle.crypto.params.KeyParameter;
import org.bouncycastle.crypto.params.ParametersWithIV;
import org.junit.jupiter.api.Test;

/** draft-irtf-cfrg-xchacha-03's own vectors, for the HChaCha20 step and the whole AEAD. */
class XChaCha20Poly1305Test {
    private static final HexFormat HEX = HexFormat.of();

    /**
     * Section 2.2.1: HChaCha20(key = 00..1f, nonce = 000000090000004a0000000031415927). BouncyCastle
     * keeps HChaCha20 inside XChaCha20Engine, so the subkey is observed through the keystream:
     * XChaCha20(key, n16 || n8) must equal ChaCha20(subkey, 00000000 || n8), which holds only if the
     * engine derived exactly the draft's subkey.
     */
    @Test
    void hChaCha20SubkeyMatchesTheDraft() {
        byte[] key = HEX.parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
        byte[] n16 = HEX.parseHex("000000090000004a0000000031415927");
        byte[] n8 = HEX.parseHex("0102030405060708");
        byte[] draftSubkey = HEX.parseHex("82413b4227b27bfed30e42508a877d73a0f9e4d58a74a853c12ec41326d3ecdc");

        byte[] xchacha = keystream(new XChaCha20Engine(), key, concat(n16, n8));
        byte[] chacha = keystream(new ChaCha7539Engine(), draftSubkey, concat(new byte[4], n8));
        assertThat(xchacha).isEqualTo(chacha);

        byte[] otherSubkey = draftSubkey.clone();
        otherSubkey[31] ^= 1;
        assertThat(keystream(new ChaCha7539Engine(), otherSubkey, concat(new byte[4], n8))).isNotEqualTo(xchacha);
    }

    /** Appendix A.3.1: the AEAD example. */
    @Test
    void aeadMatchesTheDraftExample() {
        byte[] key = HEX.parseHex("808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f");
        byte[] nonce = HEX.parseHex("404142434445464748494a4b4c4d4e4f5051525354555657");
        byte[] aad = HEX.parseHex("50515253c0c1c2c3c4c5c6c7");
        byte[] plaintext = ("Ladies and Gentlemen of the class of '99: If I could offer you only one tip for the"
                + " future, sunscreen would be it.").getBytes(StandardCharsets.US_ASCII);
        String ciphertext = "bd6d179d3e83d43b9576579493c0e939572a1700252bfaccbed2902c21396cbb"
                + "731c7f1b0b4aa6440bf3a82f4eda7e39ae64c6708c54c216cb96b72e1213b452"
                + "2f8c9ba40db5d945b11b69b982c1bb9e3f3fac2bc369488f76b2383565d3fff9"
                + "21f9664c97637da9768812f615c68b13b52e";
        String tag = "c0875924c1c7987947deafd8780acf49";

        byte[] sealed = XChaCha20Poly1305.INSTANCE.seal(key, nonce, plaintext, aad);
        assertThat(HEX.formatHex(sealed)).isEqualTo(ciphertext + tag);
        assertThat(XChaCha20Poly1305.INSTANCE.open(key, nonce, sealed, aad)).isEqualTo(plaintext);

        byte[] otherAad = aad.clone();
        otherAad[0] ^= 1;
        assertThatThrownBy(() -> XChaCha20Poly1305.INSTANCE.open(key, nonce, sealed, otherAad))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    @Test
    void refusesWrongKeyAndNonceLengths() {
        assertThatThrownBy(() -> XChaCha20Poly1305.INSTANCE.seal(new byte[31], new byte[24], new byte[1], null))
                .isInstanceOf(io.keyward.crypto.InvalidKeyException.class)
                .hasMessage("XChaCha20-Poly1305 key must be 32 bytes");
        assertThatThrownBy(() -> XChaCha20Poly1305.INSTANCE.seal(new byte[32], new byte[12], new byte[1], null))
                .isInstanceOf(CryptoException.class)
                .hasMessage("XChaCha20-Poly1305 nonce must be 24 bytes");
        assertThatThrownBy(() -> XChaCha20Poly1305.INSTANCE.open(new byte[32], new byte[24], new byte[15], null))
                .isInstanceOf(AuthenticationFailedException.class);
    }

    private static byte[] keystream(org.bouncycastle.crypto.StreamCipher engine, byte[] key, byte[] nonce) {
        engine.init(true, new ParametersWithIV(new KeyParameter(key), nonce));
        byte[] out = new byte[128];
        engine.processBytes(new byte[128], 0, 128, out, 0);
        return out;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
