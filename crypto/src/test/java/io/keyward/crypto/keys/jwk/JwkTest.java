package io.keyward.crypto.keys.jwk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.keyward.crypto.keys.KeyImportException;
import io.keyward.crypto.keys.KeyType;
import io.keyward.crypto.keys.KeyTypeMismatchException;
import io.keyward.crypto.keys.PublicWorkingKey;
import io.keyward.crypto.keys.UnsupportedOperationForKeyException;
import io.keyward.crypto.keys.WorkingKey;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JwkTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final byte[] MESSAGE = "jwk".getBytes(StandardCharsets.US_ASCII);

    /** RFC 7517 appendix A.1 and A.2: the P-256 key (kid "1"); its coordinates in hex for the check. */
    private static final String RFC7517_EC_X = "MKBCTNIcKUSDii11ySs3526iDZ8AiTo7Tu6KPAqv7D4";
    private static final String RFC7517_EC_Y = "4Etl6SRW2YiLUrN5vfvVHuhp7x8PxltmWWlbbM4IFyM";
    private static final String RFC7517_EC_D = "870MB6gfuTJ4HtUnUvYMyJpr5eUZNP4Bk43bVdj3eAE";
    private static final String RFC7517_EC_POINT = "04"
            + "30a0424cd21c2944838a2d75c92b37e76ea20d9f00893a3b4eee8a3c0aafec3e"
            + "e04b65e92456d9888b52b379bdfbd51ee869ef1f0fc65b6659695b6cce081723";
    /** RFC 7517 appendix A.1 (kid "2011-04-29"), the RSA key RFC 7638 section 3.1 computes a thumbprint of. */
    private static final String RFC7517_RSA_N = "0vx7agoebGcQSuuPiLJXZptN9nndrQmbXEps2aiAFbWhM78LhWx4cbbfAAtVT86zwu1RK7aPFFxuhDR1L6tSoc_"
            + "BJECPebWKRXjBZCiFV4n3oknjhMstn64tZ_2W-5JsGY4Hc5n9yBXArwl93lqt7_RN5w6Cf0h4QyQ5v-65YGjQR0_FDW2QvzqY368QQMicAtaSqzs8KJZgn"
            + "Yb9c7d0zgdAZHzu6qMQvRL5hajrn1n91CbOpbISD08qNLyrdkt-bFTWhAI4vMQFh6WeZu0fM4lFd2NcRwr3XPksINHaQ-G_xBniIqbw0Ls1jF44-csFCur-"
            + "kEgU8awapJzKnqDKgw";
    /** RFC 8037 appendix A.1 (Ed25519 key) and A.3 (its RFC 7638 thumbprint). */
    private static final String RFC8037_D = "nWGxne_9WmC6hEr0kuwsxERJxWl7MmkZcDusAxyuf2A";
    private static final String RFC8037_X = "11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo";
    private static final String RFC8037_THUMBPRINT = "kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k";

    @Test
    void rfc7517EcKeyImportsToItsPoint() {
        String publicJwk = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7517_EC_X + "\",\"y\":\"" + RFC7517_EC_Y + "\",\"use\":\"enc\",\"kid\":\"1\"}";
        PublicWorkingKey publicKey = Jwk.importPublic(KeyType.ECDSA_P256, publicJwk);
        assertThat(HEX.formatHex(publicKey.raw())).isEqualTo(RFC7517_EC_POINT);
        String privateJwk = publicJwk.replace("\"use\"", "\"d\":\"" + RFC7517_EC_D + "\",\"use\"");
        WorkingKey key = Jwk.importPrivate(KeyType.ECDSA_P256, privateJwk);
        assertThat(key.publicKey()).isEqualTo(publicKey);
        publicKey.verify(key.sign(MESSAGE), MESSAGE);
        // The same key also imports as a P-256 wrapping key.
        assertThat(Jwk.importPrivate(KeyType.ECDH_P256, privateJwk).publicKey().raw()).isEqualTo(publicKey.raw());
        Map<String, Object> exported = Jwk.privateJwk(key, "1");
        assertThat(exported).containsEntry("x", RFC7517_EC_X).containsEntry("y", RFC7517_EC_Y).containsEntry("d", RFC7517_EC_D)
                .containsEntry("alg", "ES256").containsEntry("kid", "1");
    }

    @Test
    void rfc7638ThumbprintOfTheRfc7517RsaKey() {
        String jwk = "{\"kty\":\"RSA\",\"n\":\"" + RFC7517_RSA_N + "\",\"e\":\"AQAB\",\"alg\":\"RS256\",\"kid\":\"2011-04-29\"}";
        PublicWorkingKey key = Jwk.importPublic(KeyType.RSA_2048, jwk);
        assertThat(Jwk.thumbprint(key)).isEqualTo("NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs");
        assertThat(Jwk.publicJwk(key)).containsEntry("n", RFC7517_RSA_N).containsEntry("e", "AQAB")
                .containsEntry("kid", "NzbLsXh8uDCcd-6MNwXF4W_7noWXFZAfHkxZsRGC9Xs").doesNotContainKey("alg");
    }

    @Test
    void rfc8037Ed25519KeyAndThumbprint() {
        String jwk = "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + RFC8037_D + "\",\"x\":\"" + RFC8037_X + "\"}";
        WorkingKey key = Jwk.importPrivate(KeyType.ED25519, jwk);
        // RFC 8037 A.1 gives the same key in hex.
        assertThat(HEX.formatHex(key.publicKey().raw())).isEqualTo("d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a");
        assertThat(Jwk.thumbprint(key.publicKey())).isEqualTo(RFC8037_THUMBPRINT);
        assertThat(Jwk.privateJwk(key, null)).containsEntry("d", RFC8037_D).containsEntry("x", RFC8037_X);
        assertThat(Jwk.publicJwk(key.publicKey())).containsEntry("kid", RFC8037_THUMBPRINT).containsEntry("alg", "EdDSA")
                .containsEntry("use", "sig").doesNotContainKey("d");
    }

    @Test
    void everyTypeWithAJwkFormRoundTrips() throws Exception {
        for (KeyType type : KeyType.values()) {
            if (type == KeyType.ML_KEM_768 || type == KeyType.RSA_3072 || type == KeyType.RSA_4096) {
                continue;
            }
            WorkingKey key = WorkingKey.generate(type);
            if (type.isSymmetric()) {
                WorkingKey back = Jwk.importPrivate(type, Jwk.toJson(Jwk.privateJwk(key, "k1")));
                assertThat(back.exportSecret()).as(type.id()).isEqualTo(key.exportSecret());
                continue;
            }
            String publicJson = Jwk.toJson(Jwk.publicJwk(key.publicKey()));
            assertThat(JSON.readTree(publicJson).has("d")).isFalse();
            assertThat(Jwk.importPublic(type, publicJson)).as(type.id()).isEqualTo(key.publicKey());
            if (type != KeyType.ML_DSA_65) {
                WorkingKey back = Jwk.importPrivate(type, Jwk.toJson(Jwk.privateJwk(key, null)));
                assertThat(back.toBytes()).as(type.id()).isEqualTo(key.toBytes());
            }
        }
        WorkingKey mlKem = WorkingKey.generate(KeyType.ML_KEM_768);
        assertThatThrownBy(() -> Jwk.publicJwk(mlKem.publicKey())).isInstanceOf(UnsupportedOperationForKeyException.class);
    }

    @Test
    void mlDsaUsesTheAkpForm() throws Exception {
        WorkingKey key = WorkingKey.generate(KeyType.ML_DSA_65);
        JsonNode jwk = JSON.readTree(Jwk.toJson(Jwk.publicJwk(key.publicKey())));
        assertThat(jwk.get("kty").asText()).isEqualTo("AKP");
        assertThat(jwk.get("alg").asText()).isEqualTo("ML-DSA-65");
        assertThat(jwk.get("pub").asText()).hasSize(2603);
    }

    @Test
    void jwksDocument() throws Exception {
        PublicWorkingKey ed = WorkingKey.generate(KeyType.ED25519).publicKey();
        PublicWorkingKey ec = WorkingKey.generate(KeyType.ECDSA_P384).publicKey();
        JsonNode document = JSON.readTree(Jwks.builder().add(ed).add(ec, "ks1/k2/v1").toJson());
        assertThat(document.get("keys")).hasSize(2);
        assertThat(document.get("keys").get(0).get("kid").asText()).isEqualTo(Jwk.thumbprint(ed));
        assertThat(document.get("keys").get(1).get("kid").asText()).isEqualTo("ks1/k2/v1");
        assertThat(document.get("keys").get(1).get("crv").asText()).isEqualTo("P-384");
        assertThat(Jwk.importPublic(KeyType.ECDSA_P384, document.get("keys").get(1).toString())).isEqualTo(ec);
    }

    @Test
    void malformedAndMismatchedJwksAreRefusedWithOneLine() {
        String ec = "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7517_EC_X + "\",\"y\":\"" + RFC7517_EC_Y + "\"}";
        String offCurveY = RFC7517_EC_Y.substring(0, 10) + (RFC7517_EC_Y.charAt(10) == 'A' ? "B" : "A") + RFC7517_EC_Y.substring(11);
        Object[][] cases = {
                {KeyType.ED25519, ec, KeyTypeMismatchException.class, "declared ed25519 but the key material is a JWK of kty EC"},
                {KeyType.ECDSA_P256, ec.replace("\"EC\"", "\"XYZ\""), MalformedJwkException.class, "unknown JWK kty \"XYZ\""},
                {KeyType.ECDSA_P256, ec.replace("\"P-256\"", "\"P-384\""), KeyTypeMismatchException.class,
                        "declared ecdsa-p256 but the key material is a JWK on curve P-384"},
                {KeyType.ECDSA_P256, "{\"kty\":\"EC\",\"crv\":\"P-256\",\"x\":\"" + RFC7517_EC_X + "\"}", MalformedJwkException.class,
                        "JWK member \"y\" is missing"},
                {KeyType.ECDSA_P256, ec.replace(RFC7517_EC_X, "+" + RFC7517_EC_X.substring(1)), MalformedJwkException.class,
                        "JWK member \"x\" is not valid base64url"},
                {KeyType.ECDSA_P256, ec.replace(RFC7517_EC_X, RFC7517_EC_X + "="), MalformedJwkException.class,
                        "JWK member \"x\" must be unpadded base64url"},
                {KeyType.ECDSA_P256, ec.replace(RFC7517_EC_Y, offCurveY), KeyImportException.class,
                        "ecdsa-p256 public key: P-256 public key is not a valid point on the curve"},
                {KeyType.ECDSA_P256, ec.replace(RFC7517_EC_X, RFC7517_EC_X.substring(0, 40)), MalformedJwkException.class,
                        "JWK members \"x\" and \"y\" must be 32 bytes each for P-256"},
                {KeyType.AES_256_GCM, "{\"kty\":\"oct\",\"k\":\"AAAAAAAAAAAAAAAAAAAAAA\"}", KeyTypeMismatchException.class,
                        "declared aes256-gcm but the key material is a 16-byte key (32 bytes needed)"},
                {KeyType.RSA_3072, "{\"kty\":\"RSA\",\"n\":\"" + RFC7517_RSA_N + "\",\"e\":\"AQAB\"}", KeyTypeMismatchException.class,
                        "declared rsa-3072 but the key material is a 2048-bit RSA JWK"},
                {KeyType.ECDSA_P256, "not json", MalformedJwkException.class, "JWK is not valid JSON (or repeats a member)"},
                {KeyType.ECDSA_P256, "[1,2]", MalformedJwkException.class, "JWK must be a JSON object"},
                {KeyType.ECDSA_P256, ec.replace("}", ",\"x\":\"AA\"}"), MalformedJwkException.class, "JWK is not valid JSON (or repeats a member)"},
                {KeyType.ECDSA_P256, ec.replace("\"P-256\"", "256"), MalformedJwkException.class, "JWK member \"crv\" must be a string"},
                {KeyType.ED25519, "{\"kty\":\"OKP\",\"crv\":\"Ed25519\",\"d\":\"" + RFC7517_EC_D + "\",\"x\":\"" + RFC8037_X + "\"}",
                        KeyImportException.class, "ed25519 JWK private key \"d\" does not match its public members"},
                {KeyType.RSA_2048, "{\"kty\":\"RSA\",\"n\":\"" + RFC7517_RSA_N + "\",\"e\":\"AQAB\",\"d\":\"AQAB\"}", MalformedJwkException.class,
                        "JWK member \"p\" is missing"},
        };
        for (Object[] c : cases) {
            KeyType type = (KeyType) c[0];
            String json = (String) c[1];
            boolean privateImport = json.contains("\"d\"") || json.contains("\"k\"");
            assertThatThrownBy(() -> {
                if (privateImport) {
                    Jwk.importPrivate(type, json);
                } else {
                    Jwk.importPublic(type, json);
                }
            }).as(json).isInstanceOf((Class<?>) c[2]).hasMessage((String) c[3]).hasMessageNotContaining("\n");
        }
    }
}
