package io.keyward.crypto.sequester;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.keyward.crypto.pem.PemKeys;
import java.nio.charset.StandardCharsets;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Parsec's own sequester compatibility vectors, from Scille/parsec-cloud
 * {@code libparsec/crates/crypto/tests/unit/sequester.rs} (tests {@code encrypt_compat},
 * {@code sign_compat}, {@code verify_with_different_salt_len}): a 1024-bit key made with
 * {@code openssl genrsa}, a "Hello world" encrypted by Parsec 3.0, and PSS signatures with salt
 * lengths 32 and 94 (the maximum for 1024 bits). They prove the armor byte layout, the RSA-OAEP
 * parameters and the secretbox layout against the implementation Keyward follows.
 */
class ParsecCompatibilityTest {
    private static final HexFormat HEX = HexFormat.of();

    private static final String PRIVATE_KEY_PEM_1024 = """
            -----BEGIN PRIVATE KEY-----
            MIICdgIBADANBgkqhkiG9w0BAQEFAASCAmAwggJcAgEAAoGBALLcAKPDtcaJsGnz
            9AxJTSpb4xOxA0+/Hf4O7uDzbPvPYkQAJWzGYNUIR4JzijBF11tYTBlDvATHEj1o
            rAzvJTtO6Neb0J2hkWLcwINmImm3tiyzhYL4owIZBHsIfBG2AYSwST4MHIsdEPnX
            5qLrWv9m9+4YMDGV87zHKrVyB+v9AgMBAAECgYBBfQRO8g3QkAGkCcrF5OD4LYTL
            ZPjNbjDRIS6d9wNkf95+/360gT5bQhjMzvk+C5R6wa27Ym2pYipvia/VXIrIuwoP
            GDKyUg/B2SrDIBgLlleosVmOZwERnY939ShaxXA/TAqT4eXr5uwXm8z/YkledzTV
            iZ2G0ty962SJI9KbEQJBAOsrXVrVvCjK4WVFBcFqKw2Cz6I3+PEPcOXnozMwKKre
            XeT54rPoqfkkoFOPcRngiPPBHxJYMZxZ2gPWN6MkxmMCQQDCs8SRRd/XkwrH9Wga
            +kO3sY9pcWNGnHq5psqOEhaOqxozzE5ztT9FCcSAUqMf8onnNXpU+I4o7lQwQACZ
            dmIfAkAmtgiz/yLuBBd+OBJueC+GFdZf+Z6877HB5pNyxaasGdaS7p9mxhHUtTa/
            ComvnMpudYfL2UCxYAkHQKf/7vnJAkEAk1Zqd+zCmWXikLK7Fz8vo4CwoAB4OeUM
            UhVPzvcNLuV4LJ58976+pEXh96GRZAmsJdUoP8jf+0VvXBvy2C7nzQJAGLjFefMr
            vXTMHxDHhuHg4ZJSbJ5BNMZb/HZ5m4KQCt9Gelx/sxZOt3VlCrquCFALxmkeYMhX
            W1pav08hVpEcTg==
            -----END PRIVATE KEY-----
            """;

    private static final String PUBLIC_KEY_PEM_1024 = """
            -----BEGIN PUBLIC KEY-----
            MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQCy3ACjw7XGibBp8/QMSU0qW+MT
            sQNPvx3+Du7g82z7z2JEACVsxmDVCEeCc4owRddbWEwZQ7wExxI9aKwM7yU7TujX
            m9CdoZFi3MCDZiJpt7Yss4WC+KMCGQR7CHwRtgGEsEk+DByLHRD51+ai61r/Zvfu
            GDAxlfO8xyq1cgfr/QIDAQAB
            -----END PUBLIC KEY-----
            """;

    private static final byte[] ENCRYPTED_HELLO_WORLD = HEX.parseHex(
            "52534145532d4f4145502d5348413235362d5853414c534132302d504f4c5931333035"
            + "3a1746e89540d079567e6868b01e4ecbccd821a8c56c8ef1b9d01998dba701add9a8fa"
            + "22786fe35c5e1214c850b35e0751d06b4fcf39207bc8d02088ef09ce159aa941d319c6"
            + "248e7059965058f50ee651df6fd8c6e64256d0384eb66e4008de12158bb7258f09db26"
            + "ef9e2387f5a9bb460332b1815650596c688b5f3bec88a056fe68817b81a6fa4525b6e6"
            + "6eafd10790ce7862ac5a77f01950a7c93c6ab7bb1ad0dc325a34552ec93311f7e9573a"
            + "40bdc72362");

    private static final byte[] SIGNED_HELLO_WORLD = HEX.parseHex(
            "5253415353412d5053532d5348413235363a0afc141b03789ac3f2c69bd1e577e279d4"
            + "570bf3fe387f389fe52c2b4ac08a9cacbd3c5c1b080cb39969cf3ff7a375619b4b5adc"
            + "4aef2aec2800f6ead1d78019f8e37d036880b71e6ba4e89562e14ab2d6b35d0db4db48"
            + "d818f8d4395f8d692be38fcdfa8d526a352bb811393dd987ed5a8257b7583d14509903"
            + "7178456baf3c48656c6c6f20776f726c64");

    private static final byte[] SIGNED_SALT_32 = HEX.parseHex(
            "5253415353412d5053532d5348413235363a"
            + "5533ef66fbd8249dcf2f813da9e381bde5d5d730231584e194e43b5a2cd2802a"
            + "3a9f713939cf5398f7dd445a97ac9ae7aa3b871b296ff5defa1afe4ee8b1083d"
            + "f0c7c2631f0efb400202d5800c0540e87c4c9b94ecc50d99095212baf35e0ea7"
            + "9d3a56739867e31126b60d6f11b6448719b69562207a376ca5c5ccc0154318c9"
            + "48656c6c6f20576f726c640a");

    private static final byte[] SIGNED_SALT_94 = HEX.parseHex(
            "5253415353412d5053532d5348413235363a"
            + "320bb6b943bdf45fb39bc65b60f6353aa29f11c5990f664b555723cc910a1b07"
            + "e95fe82f1ac7c519088d03347461fa7d168686e431f0e4666752ecbcd3d9c576"
            + "98cc41b3280784c762effd2771ebc78e55351db499f0242a1e7067e275493d51"
            + "3ac8c04fa8f26ca54633c75ec01a9a60eac2eedc74bbf2979a0140e24976e287"
            + "48656c6c6f20576f726c640a");

    private final RSAPrivateCrtKey privateKey = PemKeys.readRsaPrivateKey(PRIVATE_KEY_PEM_1024, null);
    private final RSAPublicKey publicKey = PemKeys.readRsaPublicKey(PUBLIC_KEY_PEM_1024);

    @Test
    void theVectorKeyPairMatches() {
        assertThat(PemKeys.publicKeyOf(privateKey)).isEqualTo(publicKey);
        assertThat(PemKeys.publicKeyPem(publicKey)).isEqualTo(PUBLIC_KEY_PEM_1024);
    }

    @Test
    void decryptsWhatParsecEncrypted() {
        assertThat(new String(SequesterArmor.decrypt(privateKey, ENCRYPTED_HELLO_WORLD), StandardCharsets.US_ASCII))
                .isEqualTo("Hello world");
    }

    @Test
    void verifiesWhatParsecSigned() {
        assertThat(SequesterArmor.verify(publicKey, SIGNED_HELLO_WORLD)).isEqualTo("Hello world".getBytes());
        assertThat(SequesterArmor.verify(publicKey, SIGNED_SALT_32)).isEqualTo("Hello World\n".getBytes());
        assertThat(SequesterArmor.verify(publicKey, SIGNED_SALT_94)).isEqualTo("Hello World\n".getBytes());
    }

    @Test
    void aCorruptedParsecVectorIsRejected() {
        byte[] encrypted = ENCRYPTED_HELLO_WORLD.clone();
        encrypted[encrypted.length - 1] ^= 0x01;
        assertThatThrownBy(() -> SequesterArmor.decrypt(privateKey, encrypted))
                .isInstanceOf(SequesterDecryptionException.class);
        byte[] signed = SIGNED_SALT_94.clone();
        signed[signed.length - 2] ^= 0x20; // "Hello World\n" -> "Hello WorlD\n"
        assertThatThrownBy(() -> SequesterArmor.verify(publicKey, signed))
                .isInstanceOf(SequesterSignatureException.class);
    }

    @Test
    void ourOutputHasParsecsLayoutForThisKey() {
        byte[] encrypted = SequesterArmor.encrypt(publicKey, "Hello world".getBytes());
        assertThat(encrypted).hasSameSizeAs(ENCRYPTED_HELLO_WORLD);
        assertThat(new String(encrypted, 0, 36, StandardCharsets.US_ASCII)).isEqualTo("RSAES-OAEP-SHA256-XSALSA20-POLY1305:");
        byte[] signed = SequesterArmor.sign(privateKey, "Hello world".getBytes());
        assertThat(signed).hasSameSizeAs(SIGNED_HELLO_WORLD);
        assertThat(new String(signed, 0, 18, StandardCharsets.US_ASCII)).isEqualTo("RSASSA-PSS-SHA256:");
        assertThat(SequesterArmor.verify(publicKey, signed)).isEqualTo("Hello world".getBytes());
    }
}
